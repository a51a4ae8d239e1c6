import { createHash, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const { Class, Type } = asn1;
type Asn1 = forge.asn1.Asn1;

const seq = (items: Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const oid = (id: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
const int = (n: number) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
const octets = (bytes: Buffer) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
const attribute = (type: string, value: Asn1) => seq([oid(type), set([value])]);

const oids = forge.pki.oids as Record<string, string>;
const sha256Id = () => seq([oid(oids.sha256!), nul()]);

/** RFC 5652: signingTime is UTCTime from 1950 through 2049, GeneralizedTime otherwise. */
function timeValue(at: Date): Asn1 {
  const y = at.getUTCFullYear();
  return y >= 1950 && y < 2050
    ? asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(at))
    : asn1.create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(at));
}

export interface CmsIdentity {
  /** the signer's certificate, DER as forge parsed it (its TBS part kept byte for byte) */
  certificate: Asn1;
  key: KeyObject;
}

/**
 * A detached CMS SignedData (ETSI.CAdES.detached as PAdES wants) over `data`: SHA-256, RSA PKCS#1 v1.5,
 * signed attributes contentType, signingTime, messageDigest. The same structure node-forge's pkcs7
 * writes, but the hashing and RSA run in Node's native crypto (forge does both in JavaScript: ~100 ms
 * for a 130 KB form on this machine).
 */
export function detachedCms(data: Buffer, signingTime: Date, id: CmsIdentity): Buffer {
  const tbs = (id.certificate.value as Asn1[])[0]!;
  const tbsFields = tbs.value as Asn1[];
  // tbsCertificate: [0] version (optional), serialNumber, signature, issuer, ...
  const offset = tbsFields[0]!.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = tbsFields[offset]!;
  const issuer = tbsFields[offset + 2]!;
  const attrs = [
    attribute(oids.contentType!, oid(oids.data!)),
    attribute(oids.signingTime!, timeValue(signingTime)),
    attribute(oids.messageDigest!, octets(createHash('sha256').update(data).digest())),
  ];
  // the signature covers the attributes encoded as a SET (RFC 5652 5.4), stored as [0] IMPLICIT
  const signature = sign('sha256', Buffer.from(asn1.toDer(set(attrs)).getBytes(), 'binary'), id.key);
  const signerInfo = seq([
    int(1),
    seq([issuer, serial]),
    sha256Id(),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, attrs),
    seq([oid(oids.rsaEncryption!), nul()]),
    octets(signature),
  ]);
  const signedData = seq([
    int(1),
    set([sha256Id()]),
    seq([oid(oids.data!)]),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [id.certificate]),
    set([signerInfo]),
  ]);
  const contentInfo = seq([oid(oids.signedData!), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return Buffer.from(asn1.toDer(contentInfo).getBytes(), 'binary');
}
