import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryRows } from '../query-rows';
import { inspectSignature, type SignatureInspection } from '../sign/inspect-signature';
import type { ArchiveEntry } from './archive-entry';
import { sha256Hex } from './archive-file';

export type VerifyStatus = 'valid' | 'altered' | 'unknown';

export interface DocumentVerdict {
  status: VerifyStatus;
  sha256: string;
  entry: ArchiveEntry | null;
  signature: SignatureInspection;
}

/**
 * Is this PDF one Svodka issued, unchanged? `valid`: its SHA-256 is registered and its signature still
 * covers its bytes; `altered`: it carries a signature that no longer matches its bytes; `unknown`: not
 * a document of this registry (unsigned, or signed by someone else).
 */
export async function verifyDocument(warehouse: Warehouse, pdf: Buffer): Promise<DocumentVerdict> {
  const sha256 = sha256Hex(pdf);
  const signature = inspectSignature(pdf);
  const entry = (await queryRows<ArchiveEntry>(warehouse, 'archive-by-hash', { sha256 })).find((e) => e.sha256 === sha256) ?? null;
  if (entry && signature.intact) return { status: 'valid', sha256, entry, signature };
  if (signature.signed && !signature.intact) return { status: 'altered', sha256, entry, signature };
  return { status: 'unknown', sha256, entry, signature };
}

export const verdictRu: Record<VerifyStatus, string> = {
  valid: 'Документ подлинный: подпись верна, документ зарегистрирован в архиве',
  altered: 'Документ изменён после подписания: подпись не соответствует содержимому',
  unknown: 'Документ неизвестен: он не выдавался этой системой или не подписан',
};
