/**
 * “Danh mục” printed as LibreOffice prints a unit's workbook (the route of schools without
 * Excel): the clerk's lists in A–D, not the add-in's hidden columns, whose texts LibreOffice
 * drew past their zero width at the right of the page (“###” for the personal target in F1).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { convert } from '../support/libreoffice';
import { capture } from '../support/cliOutput';
import { requirePrintFonts } from '../documents/pdf';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  requirePrintFonts();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-lists-print-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('prints its four visible columns only: no “###”, none of the hidden columns’ texts', async () => {
  const file = path.join(dir, 'truong.xlsx');
  expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường Tiểu học A', '--type', 'th', '--sample', '--members', '12'], capture())).toBe(0);
  const pdf = await convert(file, 'pdf', dir);
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const lists = pages.filter((p) => p.includes('DANH MỤC'));
  expect(lists.length).toBe(1);
  const text = lists[0]!;
  expect(text).toContain('Danh hiệu thi đua');
  expect(text).toContain('Lao động tiên tiến');
  expect(text).not.toContain('###');
  // F:G hold the spellings lower-cased for the formulas ("có", "đạt", "true" …); A:B keep the clerk's own.
  expect(text.split('\n').filter((line) => /\s(có|đạt|true)\s*$/.test(line))).toEqual([]);
});
