// exceljs 4.4's streaming reader decodes each chunk of a zipped XML part on its own
// (utils/parse-sax.js), so a two-byte letter split between chunks becomes «��»: a big Russian journal
// got a few random «не отметка» errors per million cells. Its parser passes strings through, so the
// sheet and shared-strings parts are handed to it already decoded by a streaming UTF-8 decoder.
import ExcelJS from 'exceljs';

type Chunks = AsyncIterable<Uint8Array | string>;

export async function* utf8Chunks(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    if (s) yield s;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

interface ReaderInternals {
  _parseWorksheet(iterator: Chunks, sheetNo: string): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
}

const proto = (ExcelJS.stream.xlsx.WorkbookReader as unknown as { prototype: ReaderInternals & { __utf8?: boolean } }).prototype;
if (!proto.__utf8) {
  proto.__utf8 = true;
  const parseWorksheet = proto._parseWorksheet;
  proto._parseWorksheet = function (iterator, sheetNo) { return parseWorksheet.call(this, utf8Chunks(iterator), sheetNo); };
  const parseSharedStrings = proto._parseSharedStrings;
  // a stream with an encoding emits whole characters (Node's StringDecoder)
  proto._parseSharedStrings = function (entry) { entry.setEncoding('utf8'); return parseSharedStrings.call(this, entry); };
}
