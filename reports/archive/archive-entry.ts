export interface ArchiveEntry {
  entry_id: string;
  school_id: string;
  academic_year: string;
  form_id: string;
  class_id: string | null;
  period_id: string | null;
  student_id: string | null;
  /** `form` (a signed PDF) or `bundle` (a zip snapshot of the year's journal bundle) */
  kind: string;
  sha256: string;
  content_sha256: string | null;
  size_bytes: number;
  signer: string | null;
  signed: boolean;
  archived_at: string;
  retention_years: number;
  retain_until: string;
  file_path: string;
  deleted_at: string | null;
}
