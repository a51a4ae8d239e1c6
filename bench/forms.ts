// `npm run bench -- forms [--students 1200] [--seed 1] [--classes 40]`: a demo school is generated and
// imported, then with a warm browser: one F-SUMMARY of a class (all subjects, periods and year), one
// F-JOURNAL of a class-year, the summaries of every class in one batch (at most --classes), and signing
// separately. Baseline measured in the same run: a one-line HTML page printed to PDF by the same browser.
// Targets (issue 6): one F-SUMMARY <= 1 s signed; a school's 40 summaries <= 30 s.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importBundle } from '../ingest/bundle/import-bundle';
import { generateDistrict } from '../ingest/demo/generate-district';
import { forms } from '../reports/forms/form-registry';
import { formPage } from '../reports/html/form-page';
import { closeSharedBrowser, sharedBrowser } from '../reports/pdf/browser';
import { renderPdf } from '../reports/pdf/render-pdf';
import { produceForm } from '../reports/produce-form';
import { produceForms } from '../reports/produce-forms';
import { queryRows } from '../reports/query-rows';
import { loadSigner } from '../reports/sign/load-signer';
import { signPdf } from '../reports/sign/sign-pdf';
import { openWarehouse } from '../warehouse/open-warehouse';

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
};

/** CPU ms used so far by this process and by the browser's process tree (children of exited ones included). */
function cpuNow(browserPid: number): { node: number; chromium: number } {
  const tree = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      tree.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch { /* exited meanwhile */ }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 8; p = tree.get(p)?.ppid ?? 0, hops++) if (p === browserPid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, v] of tree) if (inTree(pid)) ticks += v.ticks;
  const u = process.cpuUsage();
  return { node: (u.user + u.system) / 1000, chromium: ticks * 10 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { students: { type: 'string', default: '1200' }, seed: { type: 'string', default: '1' }, classes: { type: 'string', default: '40' } } });
  const work = mkdtempSync(join(tmpdir(), 'svodka-bench-forms-'));
  try {
    let t = performance.now();
    const { schools } = generateDistrict({ schools: 1, students: Number(values.students), seed: Number(values.seed), outDir: join(work, 'demo') });
    const schoolId = schools[0]!.schoolId;
    const w = await openWarehouse(join(work, 'bench.duckdb'));
    await importBundle(w, join(work, 'demo', schoolId));
    console.log(`school ${schoolId}: generated and imported in ${ms(t)}`);
    const ctx = { warehouse: w, config: { dataDir: join(work, 'data') }, reports: { archiveDir: join(work, 'archive'), backupDir: join(work, 'b'), backupCron: null, backupKeep: 1, publicUrl: 'http://localhost:8080' } };
    const classes = (await queryRows<{ class_id: string }>(w, 'school-classes', { school: schoolId })).slice(0, Number(values.classes));
    const cls = classes[Math.floor(classes.length / 2)]!.class_id;
    const signer = loadSigner(ctx.config, {});

    // warm-up: browser launch, both pages of the pool, fonts, query plans
    t = performance.now();
    await Promise.all([cls, classes[0]!.class_id].map((c) => produceForm(ctx, 'F-SUMMARY', { school: schoolId, class: c })));
    console.log(`warm-up (browser launch + two forms at once): ${ms(t)}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on 2 cores`);
    const browserPid = (await sharedBrowser()).process()?.pid ?? -1;
    const cpuSince = (c0: { node: number; chromium: number }, n = 1) => {
      const c1 = cpuNow(browserPid);
      return `CPU ${((c1.node - c0.node + c1.chromium - c0.chromium) / n).toFixed(0)} ms (node ${((c1.node - c0.node) / n).toFixed(0)} + chromium ${((c1.chromium - c0.chromium) / n).toFixed(0)})`;
    };

    const baselineDoc = { schoolName: 'x', periodLabel: 'x', formId: 'BASE', madeAt: new Date(), timezone: 'UTC', orientation: 'portrait' as const };
    const [, baseline] = await time(() => renderPdf('<!doctype html><html><body><p>Сводка</p></body></html>', baselineDoc));
    console.log(`baseline: one-line page to PDF ${baseline.toFixed(0)} ms`);

    for (const formId of ['F-SUMMARY', 'F-JOURNAL'] as const) {
      const [doc, build] = await time(() => forms[formId].build(w, { school: schoolId, class: cls }, new Date()));
      const [pdf, render] = await time(() => renderPdf(formPage(doc), doc));
      const [, sign] = await time(() => signPdf(pdf, signer, { reason: doc.title, location: doc.schoolName, signingTime: new Date() }));
      // end to end three times (a loaded machine is noisy): each figure printed, the median judged
      const runs = formId === 'F-SUMMARY' ? 3 : 1;
      const fulls: number[] = [];
      const c0 = cpuNow(browserPid);
      for (let i = 0; i < runs; i++) fulls.push((await time(() => produceForm(ctx, formId, { school: schoolId, class: cls }, { sign: true, signer })))[1]);
      const full = median(fulls);
      console.log(`${formId} class ${cls}: query+view ${build.toFixed(0)} ms, render ${render.toFixed(0)} ms (${(render / baseline).toFixed(1)}x baseline), `
        + `${(pdf.length / 1024).toFixed(0)} KB; sign ${sign.toFixed(0)} ms; signed + archived end to end ${fulls.map((f) => f.toFixed(0)).join(' / ')} ms, `
        + `${cpuSince(c0, runs)} each${formId === 'F-SUMMARY' ? ` (target <= 1000 ms, median: ${full <= 1000 ? 'met' : 'MISSED'})` : ''}`);
    }

    // the batch path `svodka archive year` takes: the school's rows read once, forms pipelined on the page pool
    const cb = cpuNow(browserPid);
    const [, batch] = await time(() => produceForms(ctx, 'F-SUMMARY', classes.map((c) => ({ school: schoolId, class: c.class_id })), { sign: true, signer }));
    console.log(`${classes.length} summaries signed + archived: ${(batch / 1000).toFixed(1)} s, ${(batch / classes.length).toFixed(0)} ms each `
      + `(${(batch / classes.length / baseline).toFixed(1)}x baseline; target 40 in <= 30 s: ${classes.length >= 40 ? (batch <= 30_000 ? 'met' : 'MISSED') : `only ${classes.length} classes`})`);
    console.log(`  per summary ${cpuSince(cb, classes.length)}; load average now ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    w.close();
  } finally {
    await closeSharedBrowser();
    rmSync(work, { recursive: true, force: true });
  }
}
