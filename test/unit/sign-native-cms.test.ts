import { createVerify, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevP12 } from '../../reports/sign/dev-certificate';
import { P12Signer } from '../../reports/sign/p12-signer';

let dir: string;
let signer: P12Signer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sign-cms-'));
  const { p12Path, password } = ensureDevP12(join(dir, 'keys'));
  signer = P12Signer.fromFile(p12Path, password);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('detached CMS signed with native crypto', () => {
  it('is byte for byte the signature node-forge makes (Cyrillic issuer kept, UTCTime)', async () => {
    const data = randomBytes(200_000);
    const at = new Date('2026-06-20T06:00:07Z');
    const native = await signer.sign(data, at);
    expect(native.equals(await signer.signWithForge(data, at))).toBe(true);
  });

  it('is the same for a signing time from 2050 on (GeneralizedTime)', async () => {
    const data = Buffer.from('Сводная ведомость');
    const at = new Date('2051-05-29T00:00:00Z');
    expect((await signer.sign(data, at)).equals(await signer.signWithForge(data, at))).toBe(true);
  });

  it('carries the digest of the data and an RSA signature the certificate verifies; other data gives another digest', async () => {
    const data = randomBytes(5000);
    const cms = await signer.sign(data, new Date('2026-01-01T00:00:00Z'));
    const p7 = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(cms.toString('binary'))) as unknown as { rawCapture: { signerInfos: forge.asn1.Asn1[] } };
    const parts = p7.rawCapture.signerInfos[0]!.value as forge.asn1.Asn1[];
    const attrs = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0)!;
    const signature = Buffer.from(parts[parts.length - 1]!.value as string, 'binary');
    const setDer = Buffer.from(forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs.value as forge.asn1.Asn1[])).getBytes(), 'binary');
    const cert = new X509Certificate(signer.certificatePem);
    expect(createVerify('sha256').update(setDer).verify(cert.publicKey, signature)).toBe(true);
    const other = await signer.sign(Buffer.concat([data, Buffer.from('x')]), new Date('2026-01-01T00:00:00Z'));
    expect(other.equals(cms)).toBe(false);
  });
});
