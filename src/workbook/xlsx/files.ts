/**
 * Node-only helpers for the file workbook (CLI): zlib in and out. Kept apart from
 * xlsxWorkbook.ts so the browser bundle never pulls in `fs` or `zlib`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { nodeCrc32, nodeDecode, nodeInflate, nodeRaw } from '../../xlsx/inflateNode';
import { nodeDeflate } from '../../xlsx/deflateNode';
import { XlsxWorkbook, type XlsxWorkbookOptions } from './xlsxWorkbook';

/**
 * Large parts start compressing as soon as they are written, on zlib's threads; zlib's CRC-32
 * for what is written; worksheets read and patched as bytes (raw).
 */
export const NODE_XLSX: XlsxWorkbookOptions = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, deflate: nodeDeflate, earlyDeflate: nodeDeflate, crc32: nodeCrc32 };

export async function openXlsxFile(file: string, label = path.basename(file)): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(await fs.promises.readFile(file), label, NODE_XLSX);
}
