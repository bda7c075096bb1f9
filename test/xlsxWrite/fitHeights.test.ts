/**
 * Rows whose texts wrap are as tall as their texts in a file, since neither Excel nor LibreOffice
 * (nor the preview) measures them on opening: drawn by the add-in as fitted heights (no
 * customHeight, so Excel still autofits the row when the user edits it), a user's own height kept.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { run, type Io } from '../../src/cli/main';
import { heightFor } from '../../src/sheets/documentLayout';
import { SHEETS } from '../../src/sheets/names';
import { TABLE_HEADER_ROW } from '../../src/sheets/criteriaSheet';
import { FIRST_FIELD_ROW, UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { convert } from '../support/libreoffice';

const quiet: Io = { out: () => undefined, err: () => undefined };

/** The `<row>` attributes of a sheet of the file, by row number. */
async function rowAttrs(file: string, sheet: string): Promise<Map<number, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1]!;
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
  return new Map([...xml.matchAll(/<row ([^>]*?)\/?>/g)].map((m) => [Number(/\br="(\d+)"/.exec(m[1]!)![1]), m[1]!]));
}

const height = (attrs: string | undefined) => Number(/\bht="([\d.]+)"/.exec(attrs ?? '')?.[1] ?? NaN);

describe('fitted row heights', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-fit-'));
    file = path.join(dir, 'truong.xlsx');
    expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025'], quiet)).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the criteria table: every row as tall as its longest text, written without customHeight', async () => {
    const rows = await rowAttrs(file, SHEETS.criteria);
    // Indicator 1.2 is three lines at the text column's width (the header two, in bold).
    const firstIndicator = TABLE_HEADER_ROW + 2;
    expect(height(rows.get(firstIndicator + 1))).toBeGreaterThanOrEqual(heightFor(3, 11));
    expect(height(rows.get(TABLE_HEADER_ROW))).toBeGreaterThanOrEqual(heightFor(2, 11));
    const table = [...rows].filter(([r]) => r >= TABLE_HEADER_ROW);
    expect(table.length).toBeGreaterThan(10);
    expect(table.filter(([, a]) => !(height(a) > 0) || /customHeight/.test(a))).toEqual([]);
  });

  test("the unit's details: a row whose hint wraps is two lines tall, a short one a line", async () => {
    const rows = await rowAttrs(file, SHEETS.unit);
    const row = (key: keyof typeof UNIT_FIELDS) => rows.get(FIRST_FIELD_ROW + Object.keys(UNIT_FIELDS).indexOf(key));
    expect(height(row('level'))).toBeGreaterThanOrEqual(heightFor(2, 11));
    expect(height(row('name'))).toBe(heightFor(1, 11));
    expect(row('level')).not.toMatch(/customHeight/);
  });

  test('LibreOffice draws the criteria rows at those heights', async () => {
    const saved = await convert(file, 'xlsx', path.join(dir, 'lo'));
    const theirs = await rowAttrs(saved, SHEETS.criteria);
    // Indicator 1.2's three lines (LibreOffice rounds heights to its own units).
    expect(height(theirs.get(TABLE_HEADER_ROW + 3))).toBeGreaterThanOrEqual(heightFor(3, 11) - 1);
  }, 180_000);
});
