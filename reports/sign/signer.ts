/**
 * Who signs PDFs. The P12 file signer is the only one now; a hardware token (PKCS#11) implements the
 * same interface later.
 */
export interface Signer {
  /** the certificate subject's common name, shown in the stamp and the signature dictionary */
  readonly signerName: string;
  /** the signer's certificate (PEM), for verification and trust stores */
  readonly certificatePem: string;
  /** serial number of the certificate, hex */
  readonly serialNumber: string;
  /** a detached CMS (PKCS#7) signature over `data`, DER */
  sign(data: Buffer, signingTime: Date): Promise<Buffer>;
}
