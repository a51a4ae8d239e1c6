import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export const devCertificateName = 'Тестовый сертификат разработки — не для документооборота';
export const devP12Password = 'svodka-dev';

const utf8 = (name: string, value: string) => ({ name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });

/**
 * A self-signed development certificate under `<keysDir>/dev-signing.p12` (password `svodka-dev`),
 * created once when no PKCS#12 file is configured; its name says it is not for real documents.
 */
export function ensureDevP12(keysDir: string): { p12Path: string; password: string; certPath: string } {
  const p12Path = join(keysDir, 'dev-signing.p12');
  const certPath = join(keysDir, 'dev-signing.pem');
  if (existsSync(p12Path) && existsSync(certPath)) return { p12Path, password: devP12Password, certPath };
  mkdirSync(keysDir, { recursive: true });
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(8));
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  // plain JS strings with the UTF8 tag (pre-encoding would double-encode: STACK.md)
  const name = [utf8('commonName', devCertificateName), utf8('organizationName', 'Сводка (разработка)'), { name: 'countryName', value: 'RU' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, keyCertSign: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], devP12Password, { algorithm: '3des' });
  writeFileSync(p12Path, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), { mode: 0o600 });
  writeFileSync(certPath, forge.pki.certificateToPem(cert));
  return { p12Path, password: devP12Password, certPath };
}
