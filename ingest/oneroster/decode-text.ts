import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'windows-1251';

/**
 * Decodes a text file: UTF-8 (BOM tolerated) when the bytes are valid UTF-8, else Windows-1251 —
 * the encoding Russian Excel uses for "CSV". Reports which one was used so the report can say so.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1251'), encoding: 'windows-1251' };
  }
}
