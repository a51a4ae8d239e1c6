import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { generateDistrict } from '../../ingest/demo/generate-district';
import { forms } from '../../reports/forms/form-registry';
import { formPage } from '../../reports/html/form-page';
import { closeSharedBrowser } from '../../reports/pdf/browser';
import { produceForms } from '../../reports/produce-forms';
import { queryRows } from '../../reports/query-rows';
import { loadSigner } from '../../reports/sign/load-signer';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { formsContext } from '../fixtures/forms/forms-context';
import { pdfsig, pdfText } from '../fixtures/forms/pdf-tools';

let dir: string;
let w: Warehouse;
let school: string;
let classes: string[];
const madeAt = new Date('2026-06-20T06:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'forms-batch-'));
  // a small demo school: 4 classes, with students who move between classes during the year
  const { schools } = generateDistrict({ schools: 1, students: 100, seed: 7, outDir: join(dir, 'demo') });
  school = schools[0]!.schoolId;
  w = await openWarehouse(join(dir, 'w.duckdb'));
  await importBundle(w, join(dir, 'demo', school));
  classes = (await queryRows<{ class_id: string }>(w, 'school-classes', { school })).map((c) => c.class_id);
}, 240_000);
afterAll(async () => {
  await closeSharedBrowser();
  w?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('F-SUMMARY of every class in one batch', () => {
  it('reads the school once and gives each class the very page the single form gives', async () => {
    expect(classes.length).toBeGreaterThanOrEqual(4);
    const reqs = classes.map((c) => ({ school, class: c }));
    const batch = await forms['F-SUMMARY'].buildBatch!(w, reqs, madeAt);
    for (const [i, req] of reqs.entries()) {
      const single = await forms['F-SUMMARY'].build(w, req, madeAt);
      expect(formPage(batch[i]!)).toBe(formPage(single));
    }
    // one period alone, too
    const [period] = await queryRows<{ period_id: string }>(w, 'periods', { school });
    const one = await forms['F-SUMMARY'].buildBatch!(w, [{ school, class: classes[1]!, period: period!.period_id }], madeAt);
    expect(formPage(one[0]!)).toBe(formPage(await forms['F-SUMMARY'].build(w, { school, class: classes[1]!, period: period!.period_id }, madeAt)));
  });

  it('refuses a class the school does not have, in Russian', async () => {
    await expect(forms['F-SUMMARY'].buildBatch!(w, [{ school, class: classes[0]! }, { school, class: 'НЕТ-ТАКОГО' }], madeAt))
      .rejects.toThrow(`Класс «НЕТ-ТАКОГО» не найден в школе «${school}»`);
  });

  it('signs and archives every class, results in request order, each its own class', async () => {
    const ctx = formsContext(w, dir);
    const done: number[] = [];
    const reqs = classes.map((c) => ({ school, class: c }));
    const out = await produceForms(ctx, 'F-SUMMARY', reqs, { sign: true, madeAt, onForm: (_, i) => done.push(i) });
    expect(done.sort()).toEqual(classes.map((_, i) => i));
    expect(out.map((r) => r.entry!.class_id)).toEqual(classes);
    for (const [i, r] of out.entries()) {
      expect(r.entry).toMatchObject({ form_id: 'F-SUMMARY', school_id: school, signed: true, retention_years: 25 });
      expect(readFileSync(r.entry!.file_path).equals(r.pdf)).toBe(true);
      const text = pdfText(r.pdf).replace(/\s+/g, ' ');
      expect(text).toContain(`${r.doc.subtitle}`);
      expect(text.replace(/\s+/g, '')).toContain(`/verify/${r.contentSha256}`);
      // the page is the one of the single form (same content id)
      expect(r.contentSha256).not.toBe(out[(i + 1) % out.length]!.contentSha256);
    }
    const report = pdfsig(out[out.length - 1]!.pdf, loadSigner(ctx.config, {}).certificatePem);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    const registered = await queryRows<{ sha256: string }>(w, 'archive-by-hash', { sha256: out[2]!.sha256 });
    expect(registered).toHaveLength(1);
  });
});
