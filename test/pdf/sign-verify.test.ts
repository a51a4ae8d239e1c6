import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDocument } from '../../reports/archive/verify-document';
import { produceForm } from '../../reports/produce-form';
import { closeSharedBrowser } from '../../reports/pdf/browser';
import { devCertificateName } from '../../reports/sign/dev-certificate';
import { loadSigner } from '../../reports/sign/load-signer';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { formsContext } from '../fixtures/forms/forms-context';
import { exampleWarehouse } from '../fixtures/forms/load-bundle-rows';
import { pdfsig, pdfText } from '../fixtures/forms/pdf-tools';

let w: Warehouse;
let ctx: ReturnType<typeof formsContext>;
let signed: Awaited<ReturnType<typeof produceForm>>;

beforeAll(async () => {
  const ex = await exampleWarehouse();
  w = ex.w;
  ctx = formsContext(w, ex.dir);
  signed = await produceForm(ctx, 'F-SUMMARY', { school: 'E1', class: 'E-7B' }, { sign: true, madeAt: new Date('2026-06-20T06:00:00Z') });
});
afterAll(async () => {
  await closeSharedBrowser();
  w?.close();
});

describe('signed F-SUMMARY', () => {
  it('creates the Cyrillic development certificate on first use under data/keys', () => {
    expect(existsSync(join(ctx.config.dataDir, 'keys', 'dev-signing.p12'))).toBe(true);
    expect(loadSigner(ctx.config, {}).signerName).toBe(devCertificateName);
  });

  it('pdfsig validates the PAdES signature against the certificate', () => {
    const report = pdfsig(signed.pdf, loadSigner(ctx.config, {}).certificatePem);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain(`Signer Certificate Common Name: ${devCertificateName}`);
    expect(report).toContain('Total document signed');
  });

  it('carries a visible stamp with signer, time and the verify address of its content id', () => {
    const text = pdfText(signed.pdf, false).replace(/\s+/g, ' ');
    expect(text).toContain('ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ');
    expect(text).toContain('Подписан: 20.06.2026 11:00 (UTC+05:00)');
    expect(text.replace(/\s+/g, '')).toContain(`http://svodka.test/verify/${signed.contentSha256}`);
    expect(text.replace(/\s+/g, '')).toContain(`Владелец:${devCertificateName.replace(/\s+/g, '')}`);
  });

  it('is registered in the archive with its hash and 25 years of retention', () => {
    expect(signed.entry).toMatchObject({ form_id: 'F-SUMMARY', class_id: 'E-7B', academic_year: '2025/2026', retention_years: 25, retain_until: '2051-05-29', signed: true, sha256: signed.sha256 });
    expect(readFileSync(signed.entry!.file_path).equals(signed.pdf)).toBe(true);
  });

  it('verification says valid; one changed byte: pdfsig fails and verification says altered', async () => {
    expect((await verifyDocument(w, signed.pdf)).status).toBe('valid');
    const altered = Buffer.from(signed.pdf);
    const at = altered.indexOf('МАОУ') > 0 ? altered.indexOf('/Type /Page') : 1000;
    altered[at + 1] = altered[at + 1]! ^ 0x01;
    const report = pdfsig(altered, loadSigner(ctx.config, {}).certificatePem);
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toMatch(/Digest Mismatch|Signature is Invalid|Unknown Validation Failure/);
    expect((await verifyDocument(w, altered)).status).toBe('altered');
  });

  it('an unsigned PDF that this system did not register is unknown', async () => {
    const plain = await produceForm(ctx, 'F-SUMMARY', { school: 'E1', class: 'E-7B' });
    expect(plain.entry).toBeNull();
    expect((await verifyDocument(w, plain.pdf)).status).toBe('unknown');
  });
});
