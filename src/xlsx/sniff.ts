/**
 * What a file is, from its first bytes — never from its name: officers receive .xls saved
 * as .xlsx, CSV exports renamed, password-protected workbooks and half-downloaded files.
 */
import { XlsxError, type XlsxFailure } from './errors';

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** UTF-16LE bytes of `s` appear in `bytes` (CFB directory entries are UTF-16LE names). */
function hasUtf16(bytes: Uint8Array, s: string, limit = bytes.length): boolean {
  const first = s.charCodeAt(0);
  const end = Math.min(bytes.length, limit) - s.length * 2;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < s.length; k++) if (bytes[i + 2 * k] !== s.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * Throws the reason a file is not a zip-based workbook. An OLE compound file (CFB) is either
 * an encrypted .xlsx (Excel wraps those in CFB with an "EncryptedPackage" stream) or a legacy
 * .xls; text files are CSV/TSV, HTML tables or XML Spreadsheet 2003 saved with an Excel extension,
 * or any other text (a script, a note) given by mistake.
 */
export function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxError('empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return;
  if (startsWith(bytes, CFB)) {
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) throw new XlsxError('encrypted');
    throw new XlsxError('legacyXls');
  }
  if (startsWith(bytes, [0x50, 0x4b])) throw new XlsxError('corrupt', 'zip signature');
  const head = bytes.subarray(0, HEAD);
  const text = looksLikeText(head);
  if (text !== null) throw new XlsxError(markupKind(text) ?? (looksLikeCsv(text, bytes.length > HEAD) ? 'csv' : 'text'));
  throw new XlsxError('notSpreadsheet');
}

/** How much of a text file is looked at. */
const HEAD = 4096;
const SEPARATORS = [',', ';', '\t', '|'];

/**
 * A table saved as text: one separator on most lines, and as many of it on most of those (a
 * quoted field may hold one). A script or a note has commas on a few lines, in no pattern.
 * `cut`: the head ends inside the file, its last line is partial.
 */
function looksLikeCsv(text: string, cut: boolean): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  if (cut) lines.pop();
  const filled = lines.filter((l) => l.trim() !== '');
  if (filled.length === 0) return false;
  return SEPARATORS.some((sep) => {
    const counts = filled.map((l) => separatorsOutsideQuotes(l, sep)).filter((n) => n > 0);
    if (counts.length * 2 <= filled.length) return false;
    const often = new Map<number, number>();
    for (const n of counts) often.set(n, (often.get(n) ?? 0) + 1);
    return Math.max(...often.values()) * 2 >= counts.length;
  });
}

function separatorsOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) n++;
  }
  return n;
}

/**
 * HTML or XML Spreadsheet 2003 by the first tag past what may precede it (declarations,
 * processing instructions, comments, doctype): school software's "Excel exports" start with
 * `<meta>`, `<style>`, a comment or a bare `<table>` as often as with `<html>`.
 */
function markupKind(text: string): 'html' | 'xmlSpreadsheet' | null {
  const first = text.replace(/^(?:\s+|<\?[^]*?\?>|<!--[^]*?-->)*/, '');
  if (/^<(?:ss:)?workbook\b/i.test(first) || /<\?mso-application\s+progid\s*=\s*["']Excel\.Sheet["']/i.test(text)) return 'xmlSpreadsheet';
  if (/^<(?:!doctype\s+html|html|head|body|meta|style|title|link|script|table|div)\b/i.test(first)) return 'html';
  return null;
}

/**
 * What a zip that holds no workbook is: a Word document (.docx), an OpenDocument spreadsheet,
 * a zip of workbooks to extract first, or none of these. Null when it looks like a workbook.
 */
export function foreignZip(entries: ReadonlyMap<string, unknown>): XlsxFailure | null {
  if (entries.has('word/document.xml') && !entries.has('xl/workbook.xml')) return 'wordDocument';
  if (entries.has('[content_types].xml')) return null;
  if (entries.has('mimetype') || entries.has('content.xml')) return 'ods';
  for (const name of entries.keys()) if (/\.xls[xmb]?$/i.test(name)) return 'zippedWorkbooks';
  return 'notXlsx';
}

/**
 * Why a package has no workbook part: with its sheets still there it is a workbook that lost
 * that part (damaged: get the file again), otherwise a zip that holds no workbook at all.
 */
export function missingWorkbook(names: Iterable<string>, workbookPath: string): XlsxError {
  const sheets = `${workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1)}worksheets/`.toLowerCase();
  for (const name of names) if (name.toLowerCase().startsWith(sheets)) return new XlsxError('brokenPart', workbookPath);
  return new XlsxError('notXlsx', `no ${workbookPath}`);
}

/** The head of the file as text when it has no control bytes except tab/CR/LF (UTF-8, optional BOM). */
function looksLikeText(head: Uint8Array): string | null {
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    // UTF-16 text export ("Unicode Text" from Excel): tab-separated.
    return new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head.subarray(2));
  }
  for (let i = start; i < head.length; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return null;
  }
  return new TextDecoder('utf-8').decode(head.subarray(start));
}
