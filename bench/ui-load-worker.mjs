// The load generator of `npm run bench -- ui`, in a worker thread: its event loop is not the server's,
// so the latencies measured are the server's, not the time the server waited for the client.
// Plain JS (autocannon ships no types). In: { base, paths, headers, seconds, connections, overallRate }.
// Out: { latencies (ms, of 200 answers), failed }.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const autocannon = createRequire(import.meta.url)('autocannon');
const { base, paths, headers, seconds, connections, overallRate } = workerData;
const latencies = [];
let failed = 0;
const inst = autocannon({
  url: base, connections, duration: seconds, timeout: 30, headers,
  ...(overallRate ? { overallRate } : {}),
  requests: paths.map((path) => ({ method: 'GET', path })),
});
inst.on('reqError', () => { failed += 1; });
inst.on('response', (_client, status, _bytes, ms) => { if (status === 200) latencies.push(ms); else failed += 1; });
await inst;
parentPort.postMessage({ latencies, failed });
