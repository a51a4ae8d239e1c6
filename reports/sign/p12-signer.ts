import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { ValidationError } from '../../common/errors';
import { detachedCms, type CmsIdentity } from './detached-cms';
import type { Signer } from './signer';

/** Attribute values of a parsed certificate name are UTF-8 bytes; forge would encode them again. */
function decodedAttributes(attributes: forge.pki.CertificateField[]) {
  return attributes.map((a) => ({
    ...a,
    value: a.valueTagClass === (forge.asn1.Type.UTF8 as unknown) && typeof a.value === 'string' ? forge.util.decodeUtf8(a.value) : a.value,
  }));
}

/** Signs with the key and certificate of a PKCS#12 file (STACK.md pitfall 1 handled: Cyrillic issuer). */
export class P12Signer implements Signer {
  readonly signerName: string;
  readonly certificatePem: string;
  readonly serialNumber: string;
  private readonly key: forge.pki.PrivateKey;
  private readonly cert: forge.pki.Certificate;
  /** the key and certificate as the native signing needs them, converted once per file */
  private readonly identity: CmsIdentity;

  constructor(p12: Buffer, password: string) {
    let parsed: forge.pkcs12.Pkcs12Pfx;
    try {
      parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), password);
    } catch (err) {
      throw new ValidationError('bad_p12', 'Не удалось открыть файл ключа подписи (PKCS#12): неверный файл или пароль', `cannot open PKCS#12: ${(err as Error).message}`);
    }
    const keyBag = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]?.[0]
      ?? parsed.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!]?.[0];
    const certBag = parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]?.[0];
    if (!keyBag?.key || !certBag?.cert) throw new ValidationError('bad_p12', 'В файле PKCS#12 нет ключа или сертификата', 'PKCS#12 lacks key or certificate');
    this.key = keyBag.key;
    this.cert = certBag.cert;
    const cn = this.cert.subject.getField('CN')?.value as string | undefined;
    this.signerName = cn ? forge.util.decodeUtf8(cn) : 'без имени';
    this.certificatePem = forge.pki.certificateToPem(this.cert);
    this.serialNumber = this.cert.serialNumber;
    this.identity = { certificate: forge.pki.certificateToAsn1(this.cert), key: createPrivateKey(forge.pki.privateKeyToPem(this.key)) };
  }

  static fromFile(path: string, password: string): P12Signer {
    return new P12Signer(readFileSync(path), password);
  }

  async sign(data: Buffer, signingTime: Date): Promise<Buffer> {
    return detachedCms(data, signingTime, this.identity);
  }

  /** The same signature made by node-forge's pkcs7 alone (the reference the native one is tested against). */
  async signWithForge(data: Buffer, signingTime: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(data.toString('binary'));
    p7.addCertificate(this.cert);
    p7.addSigner({
      key: this.key,
      // issuer + serial instead of the certificate: forge re-encodes a parsed Cyrillic issuer otherwise
      issuer: decodedAttributes(this.cert.issuer.attributes),
      serialNumber: this.cert.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: signingTime as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0]);
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
