#!/usr/bin/env node
// `npm start`: installs what is missing, builds the dashboard, loads a demo school into an empty
// warehouse, then serves. Plain JS so that it runs before dependencies exist.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`npm start: "${cmd} ${args.join(' ')}" failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
};
const svodka = (...args) => run(process.execPath, [join(root, 'bin', 'svodka.js'), ...args]);

const newest = (dir) => {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

// 1. dependencies
const lock = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(lock) || statSync(join(root, 'package-lock.json')).mtimeMs > statSync(lock).mtimeMs) {
  console.log('npm start: installing dependencies…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. dashboard
const dist = join(root, 'dashboard', 'dist', 'index.html');
if (!existsSync(dist) || newest(join(root, 'dashboard')) > statSync(dist).mtimeMs ||
    newest(join(root, 'common')) > statSync(dist).mtimeMs) {
  console.log('npm start: building the dashboard…');
  run('npm', ['run', 'build']);
}

// 3. demo school into an empty warehouse
const dataDir = process.env.SVODKA_DATA_DIR ?? join(root, 'data');
const schools = execFileSync(process.execPath, [join(root, 'bin', 'svodka.js'), 'status', '--schools'], {
  cwd: root, encoding: 'utf8', env: process.env,
}).trim();
if (schools === '0') {
  console.log('npm start: the warehouse is empty, loading a demo school…');
  const out = join(dataDir, 'demo');
  svodka('demo', '--schools', '1', '--seed', '1', '--out', out);
  svodka('import', join(out, readdirSync(out).filter((d) => existsSync(join(out, d, 'manifest.csv'))).sort()[0]));
  svodka('build', '--quiet');
  svodka('setup-demo-accounts');
}

// 4. serve
svodka('serve');
