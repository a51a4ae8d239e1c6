// formatImportReport: the CLI's text, in Russian and English.
import { describe, expect, it } from 'vitest';
import { formatImportReport, type ImportReport } from '../../common/import-report';

const report: ImportReport = {
  batchId: 'b1', status: 'rejected', schoolId: 'E1', source: 'e1/', format: 'bundle', actor: 't', partial: false,
  contentHash: 'h', rejectedRows: 1, issuesOmitted: 0, fatal: false, written: {}, startedAt: '', finishedAt: '',
  files: [
    { file: 'marks.csv', present: true, read: 7, accepted: 6, rejected: 1, sha256: 'x', ignoredColumns: ['note'] },
    { file: 'guardians.csv', present: false, read: 0, accepted: 0, rejected: 0, sha256: null, ignoredColumns: [] },
  ],
  issues: [{ file: 'marks.csv', line: 3, column: 'value', code: 'bad_mark', message: 'marks.csv, строка 3, поле value: …', logMessage: 'marks.csv, line 3, column value: …' }],
};

describe('formatImportReport', () => {
  it('lists files with read / accepted / rejected, then every issue (Russian)', () => {
    expect(formatImportReport(report, 'ru').split('\n')).toEqual([
      'Импорт e1/ (bundle), школа E1: отклонено: в хранилище ничего не изменилось',
      'файл            прочитано    принято  отклонено',
      'marks.csv               7          6          1',
      '  пропущены неизвестные столбцы: note',
      'guardians.csv   нет файла',
      'Ошибки:',
      '  [bad_mark] marks.csv, строка 3, поле value: …',
    ]);
  });

  it('speaks English when asked, with the English log text', () => {
    const text = formatImportReport({ ...report, issuesOmitted: 4 }, 'en');
    expect(text).toContain('Import e1/ (bundle), school E1: rejected: the warehouse was not changed');
    expect(text).toContain('  [bad_mark] marks.csv, line 3, column value: …');
    expect(text).toContain('  … and 4 more');
  });
});
