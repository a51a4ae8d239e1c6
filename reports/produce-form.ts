import type { Config } from '../common/config';
import { NotFound } from '../common/errors';
import type { Warehouse } from '../warehouse/open-warehouse';
import type { ArchiveEntry } from './archive/archive-entry';
import { archiveFile, sha256Hex } from './archive/archive-file';
import { forms, isFormId, type FormDefinition, type FormScope } from './forms/form-registry';
import type { FormRequest } from './forms/form-request';
import { queryRows } from './query-rows';
import type { FormDocument } from './html/form-document';
import { formPage } from './html/form-page';
import { renderPdf } from './pdf/render-pdf';
import type { ReportsConfig } from './reports-config';
import { loadSigner } from './sign/load-signer';
import { signPdf } from './sign/sign-pdf';
import type { Signer } from './sign/signer';
import { stampHtml } from './sign/stamp-html';

export interface ProduceOptions {
  sign?: boolean;
  madeAt?: Date;
  allowed?: FormScope;
  signer?: Signer;
}

export interface ProducedForm {
  pdf: Buffer;
  doc: FormDocument;
  sha256: string;
  /** the id in the stamp's QR code: SHA-256 of the form's page before the stamp */
  contentSha256: string;
  entry: ArchiveEntry | null;
}

export interface ProduceContext {
  warehouse: Warehouse;
  config: Pick<Config, 'dataDir'>;
  reports: ReportsConfig;
}

/** Query -> view model -> HTML -> PDF; with `sign`: stamp, PAdES signature and an archive entry. */
export async function produceForm(ctx: ProduceContext, formId: string, req: FormRequest, opts: ProduceOptions = {}): Promise<ProducedForm> {
  const def = formDefinition(formId);
  const madeAt = opts.madeAt ?? new Date();
  // the year's lookup runs alongside the form's queries; the form's own errors (unknown school …) come first
  const pendingYear = opts.sign ? yearOf(ctx.warehouse, req, def.id) : Promise.resolve(null);
  pendingYear.catch(() => undefined);
  const doc = await def.build(ctx.warehouse, req, madeAt, opts.allowed);
  const year = await pendingYear;
  return finishForm(ctx, def, req, doc, year, { ...opts, madeAt });
}

export function formDefinition(formId: string): FormDefinition {
  const id = formId.toUpperCase();
  if (!isFormId(id)) throw new NotFound('unknown_form', `Неизвестная форма «${formId}»`, `unknown form ${formId}`);
  return forms[id];
}

export interface FormYear {
  academic_year: string;
  year_ends_on: string;
}

/** HTML -> PDF of a built form; with `sign` (and its school year): stamp, signature, archive entry. */
export async function finishForm(ctx: ProduceContext, def: FormDefinition, req: FormRequest, doc: FormDocument, year: FormYear | null,
  opts: ProduceOptions & { madeAt: Date }): Promise<ProducedForm> {
  const plain = formPage(doc);
  const contentSha256 = sha256Hex(Buffer.from(plain));
  if (!opts.sign) {
    const pdf = await renderPdf(plain, doc);
    return { pdf, doc, sha256: sha256Hex(pdf), contentSha256, entry: null };
  }
  const signer = opts.signer ?? loadSigner(ctx.config);
  const stamp = await stampHtml({
    signerName: signer.signerName, serialNumber: signer.serialNumber, signedAt: opts.madeAt, timezone: doc.timezone,
    verifyUrl: `${ctx.reports.publicUrl}/verify/${contentSha256}`,
  });
  const unsigned = await renderPdf(formPage(doc, stamp), doc);
  const pdf = await signPdf(unsigned, signer, { reason: `${doc.title} (${def.id})`, location: doc.schoolName, signingTime: opts.madeAt });
  const entry = await archiveFile(ctx.warehouse, ctx.reports.archiveDir, {
    schoolId: req.district && def.id === 'F-DISTRICT' ? req.district : req.school!,
    academicYear: year!.academic_year, formId: def.id, classId: req.class ?? null, periodId: req.period ?? null,
    studentId: req.student ?? null, kind: 'form', contentSha256, signer: signer.signerName, signed: true,
    retentionYears: def.retentionYears, yearEndsOn: year!.year_ends_on, archivedAt: opts.madeAt,
  }, pdf);
  return { pdf, doc, sha256: entry.sha256, contentSha256, entry };
}

export async function yearOf(warehouse: Warehouse, req: FormRequest, formId: string): Promise<FormYear> {
  if (formId === 'F-DISTRICT') {
    const [s] = await queryRows<{ school_id: string }>(warehouse, 'district-schools', { district: req.district ?? null });
    return (await queryRows<FormYear>(warehouse, 'school-header', { school: s!.school_id }))[0]!;
  }
  return (await queryRows<FormYear>(warehouse, 'school-header', { school: req.school ?? null }))[0]!;
}
