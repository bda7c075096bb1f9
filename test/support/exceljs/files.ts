/**
 * Node-only: reading a file into the ExcelJS model (tests compare with it). Files are written
 * by the package writer only (src/cli/files.ts writeTo). Kept apart from excelJsWorkbook.ts so
 * the browser bundle never pulls in `fs`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExcelJsWorkbook } from './excelJsWorkbook';

export async function readWorkbookFile(file: string, label = path.basename(file)): Promise<ExcelJsWorkbook> {
  const bytes = await fs.promises.readFile(file);
  return ExcelJsWorkbook.fromBuffer(bytes, label);
}
