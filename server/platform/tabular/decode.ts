import iconv from 'iconv-lite';
import { AppError } from '../errors.ts';

/** How an uploaded CSV was written: UTF-8 (with or without a byte order mark) or Shift_JIS (CP932). */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'cp932';

/** C0 controls other than TAB/LF/CR, DEL, C1 controls and U+FFFD: the marks of a file that is not text. */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u;

/**
 * The text of an uploaded CSV: UTF-8 when it is valid UTF-8, otherwise Shift_JIS (CP932), as Excel
 * writes it in Japan. Anything that is not text is refused (import.invalid_file).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (body.length === 0 || body.includes(0)) throw new AppError('import.invalid_file');

  let text: string;
  let encoding: CsvEncoding;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  } catch {
    // A BOM promises UTF-8: invalid UTF-8 after it is a broken file, not Shift_JIS.
    if (hasBom) throw new AppError('import.invalid_file');
    text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp932');
    encoding = 'cp932';
  }
  if (NOT_TEXT.test(text) || text.trim() === '') throw new AppError('import.invalid_file');
  return { text, encoding };
}
