import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { pdfTextString } from './pdf-text-string';
import type { Signer } from './signer';

class Adapter extends SignPdfSigner {
  constructor(private readonly signer: Signer, private readonly at: Date) {
    super();
  }
  override async sign(pdf: Buffer): Promise<Buffer> {
    return this.signer.sign(pdf, this.at);
  }
}

export interface SignOptions {
  reason: string;
  location: string;
  signingTime: Date;
}

/** Adds a PAdES (ETSI.CAdES.detached) signature to a PDF. */
export async function signPdf(pdf: Buffer, signer: Signer, opts: SignOptions): Promise<Buffer> {
  // pdf-lib yields to the event loop (setTimeout 0) every 100 objects parsed and 50 written by default
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfTextString(opts.reason),
    contactInfo: '',
    name: pdfTextString(signer.signerName),
    location: pdfTextString(opts.location),
    signingTime: opts.signingTime,
    signatureLength: 8192,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Svodka',
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }));
  return new SignPdf().sign(withPlaceholder, new Adapter(signer, opts.signingTime));
}
