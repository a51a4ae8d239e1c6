/**
 * A PDF text string for pdf-lib's PDFString.of: UTF-16BE with a BOM, one JS char per byte, with `(`, `)`
 * and `\` escaped (STACK.md pitfall 2: Cyrillic garbled, and the low byte of «Ш» is `(`).
 */
export function pdfTextString(text: string): string {
  let out = '\u00fe\u00ff';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
    for (const u of units) {
      for (const byte of [u >> 8, u & 0xff]) {
        const c = String.fromCharCode(byte);
        out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
      }
    }
  }
  return out;
}
