// What an uploaded file is: a OneRoster export (zip with manifest.csv of propertyName,value), a journal
// bundle (zip with manifest.csv of key,value), or a spreadsheet export (xlsx, or csv text).
import { unzipSync } from 'fflate';
import { ValidationError } from '../../common/errors';

export type UploadFormat = 'oneroster' | 'xlsx' | 'bundle';

export function detectUploadFormat(bytes: Uint8Array, fileName: string): UploadFormat {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    if (/\.(csv|txt)$/i.test(fileName) || !bytes.includes(0)) return 'xlsx';
    throw unknown(fileName);
  }
  let names: string[];
  let manifest: Uint8Array | undefined;
  try {
    names = [];
    const entries = unzipSync(bytes, { filter: (f) => { names.push(f.name); return /(^|\/)manifest\.csv$/i.test(f.name); } });
    manifest = Object.entries(entries).find(([n]) => /manifest\.csv$/i.test(n))?.[1];
  } catch {
    throw new ValidationError('bad_zip', `Файл ${fileName} повреждён: архив не читается`, `${fileName}: unreadable zip`);
  }
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (manifest) {
    const head = Buffer.from(manifest.subarray(0, 200)).toString('utf8').replace(/^\uFEFF/, '').trim().toLowerCase();
    if (head.startsWith('propertyname')) return 'oneroster';
    if (head.startsWith('key')) return 'bundle';
  }
  // a zip of spreadsheets: the school's journals, finals and lists uploaded together
  if (names.some((n) => /\.(xlsx|csv)$/i.test(n))) return 'xlsx';
  throw unknown(fileName);
}

const unknown = (fileName: string) => new ValidationError('unknown_upload_format',
  `Не удалось определить формат файла ${fileName}: ожидается zip-архив OneRoster или набора данных Сводки, файл XLSX или CSV`,
  `cannot detect the format of ${fileName}`);
