// `npm run bench -- <name> [args]`: one benchmark per name (default `import`). Benchmarks print
// figures and a ratio against a baseline measured in the same run; they are not tests.
// To add one: a module exporting `run(args: string[])`, and one line in `benches`.
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  import: () => import('./import-build'),
  rules: () => import('./rules'),
  entry: () => import('./entry'),
  forms: () => import('./forms'),
  'import-other': () => import('./import-other'),
  ui: () => import('./ui'),
  demo: () => import('../ingest/demo/bench-demo'),
};

const [benchName = 'import', ...args] = process.argv.slice(2);
const load = benches[benchName];
if (!load) {
  console.error(`unknown benchmark "${benchName}"; known: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
await (await load()).run(args);

export {};
