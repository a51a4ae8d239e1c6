// The load generator of `npm run bench -- ui`, in a worker thread: its event loop is not the server's,
// so the latencies measured are the server's, not the time the server waited for the client.
// Plain JS (autocannon ships no types). In: { base, paths, headers, seconds, connections, mode,
// everySeconds }. Out: { latencies (ms, of 200 answers), failed }.
// mode 'closed': autocannon, each connection sends its next request the moment an answer arrives.
// mode 'users': each of `connections` users opens the screen every `everySeconds`, its calls all at
// once as a browser does (own keep-alive connections, at most 6, as a browser keeps per host); the
// users' first openings are spread evenly over the first interval, as people do not click in step.
import { request, Agent } from 'node:http';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const { base, paths, headers, seconds, connections, mode, everySeconds } = workerData;
const latencies = [];
let failed = 0;

if (mode === 'users') {
  const end = performance.now() + seconds * 1000;
  const url = new URL(base);
  const call = (agent, path) => new Promise((resolve) => {
    const t0 = performance.now();
    const req = request({ host: url.hostname, port: url.port, path, headers, agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => { if (res.statusCode === 200) latencies.push(performance.now() - t0); else failed += 1; resolve(); });
    });
    req.on('error', () => { failed += 1; resolve(); });
    req.end();
  });
  const user = async (i) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 6 });
    let next = performance.now() + (i * everySeconds * 1000) / connections;
    while (next < end) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
      await Promise.all(paths.map((p) => call(agent, p)));
      next += everySeconds * 1000;
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => user(i)));
} else {
  const autocannon = createRequire(import.meta.url)('autocannon');
  const inst = autocannon({
    url: base, connections, duration: seconds, timeout: 30, headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  inst.on('reqError', () => { failed += 1; });
  inst.on('response', (_client, status, _bytes, ms) => { if (status === 200) latencies.push(ms); else failed += 1; });
  await inst;
}
parentPort.postMessage({ latencies, failed });
