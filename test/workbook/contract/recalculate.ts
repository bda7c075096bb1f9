/** A file's formulas as LibreOffice computes them: it opens the file, recalculates and saves; openpyxl reads the values. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CellValue } from '../../../src/workbook/port';
import { convert } from '../../support/libreoffice';
import { openpyxlSheet } from './openpyxlSheet';

export async function recalculatedResults(bytes: Uint8Array, sheet: string): Promise<Record<string, CellValue>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-lo-'));
  try {
    const file = path.join(dir, 'in.xlsx');
    fs.writeFileSync(file, bytes);
    const out = await convert(file, 'xlsx', path.join(dir, 'out'));
    return openpyxlSheet(fs.readFileSync(out), sheet).results as Record<string, CellValue>;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
