import { createHash } from 'node:crypto';
import forge from 'node-forge';

export interface SignatureInspection {
  /** the PDF carries a signature dictionary with a ByteRange */
  signed: boolean;
  /** the signed bytes hash to the signature's messageDigest and the RSA signature verifies */
  intact: boolean;
  signerName: string | null;
  certificatePem: string | null;
  reason?: string;
}

const oidMessageDigest = forge.pki.oids.messageDigest!;

/** Checks the last signature of a PDF: does it still cover the bytes it signed? (no trust decision) */
export function inspectSignature(pdf: Buffer): SignatureInspection {
  const at = pdf.lastIndexOf('/ByteRange [');
  if (at < 0) return { signed: false, intact: false, signerName: null, certificatePem: null };
  const m = /\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.subarray(at, at + 120).toString('latin1'));
  if (!m) return { signed: true, intact: false, signerName: null, certificatePem: null, reason: 'byte range unreadable' };
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  if (a !== 0 || c + d !== pdf.length || b >= c) return { signed: true, intact: false, signerName: null, certificatePem: null, reason: 'byte range does not cover the file' };
  const signedData = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1').replace(/(00)+$/, '');
  try {
    const p7 = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(Buffer.from(hex, 'hex').toString('binary'))) as forge.pkcs7.PkcsSignedData & { rawCapture: { signerInfos: forge.asn1.Asn1[] } };
    const cert = p7.certificates[0];
    const info = p7.rawCapture.signerInfos[0];
    if (!cert || !info) return { signed: true, intact: false, signerName: null, certificatePem: null, reason: 'no signer' };
    const parts = info.value as forge.asn1.Asn1[];
    const attrs = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const signature = parts[parts.length - 1]!.value as string;
    const cn = cert.subject.getField('CN')?.value as string | undefined;
    const base = { signed: true, signerName: cn ? forge.util.decodeUtf8(cn) : null, certificatePem: forge.pki.certificateToPem(cert) };
    if (!attrs) return { ...base, intact: false, reason: 'no signed attributes' };
    const digestAttr = (attrs.value as forge.asn1.Asn1[]).find((x) => forge.asn1.derToOid((x.value as forge.asn1.Asn1[])[0]!.value as string) === oidMessageDigest);
    const expected = ((digestAttr?.value as forge.asn1.Asn1[])?.[1]?.value as forge.asn1.Asn1[])?.[0]?.value as string | undefined;
    const actual = createHash('sha256').update(signedData).digest('binary');
    if (expected !== actual) return { ...base, intact: false, reason: 'digest mismatch' };
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs.value as forge.asn1.Asn1[]);
    const md = forge.md.sha256.create();
    md.update(forge.asn1.toDer(set).getBytes());
    const ok = (cert.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().getBytes(), signature);
    return { ...base, intact: ok, reason: ok ? undefined : 'signature does not verify' };
  } catch (err) {
    return { signed: true, intact: false, signerName: null, certificatePem: null, reason: `unreadable signature: ${(err as Error).message}` };
  }
}
