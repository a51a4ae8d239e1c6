// A finding of a converter (OneRoster, XLSX) about the SOURCE file: where, what, in Russian for people
// and English for logs. Errors stop the import; warnings are shown in the report.

export interface ConvertIssue {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  line?: number;
  column?: string;
  message: string;
  logMessage: string;
}

export const where = (file: string, line?: number, column?: string): string =>
  [file, line !== undefined ? `строка ${line}` : '', column ? `поле ${column}` : ''].filter(Boolean).join(', ');

const whereEn = (file: string, line?: number, column?: string): string =>
  [file, line !== undefined ? `line ${line}` : '', column ? `field ${column}` : ''].filter(Boolean).join(', ');

export function issue(
  severity: ConvertIssue['severity'], code: string, at: { file: string; line?: number; column?: string },
  ru: string, en: string,
): ConvertIssue {
  return {
    severity, code, file: at.file, ...(at.line !== undefined ? { line: at.line } : {}),
    ...(at.column ? { column: at.column } : {}),
    message: `${where(at.file, at.line, at.column)}: ${ru}`,
    logMessage: `${whereEn(at.file, at.line, at.column)}: ${en}`,
  };
}

export const hasErrors = (issues: readonly ConvertIssue[]): boolean => issues.some((i) => i.severity === 'error');
