/**
 * Who is matched to whom when a list is imported into a filled members sheet, on generated
 * lists (namesakes, NFD and upper-case spellings, tone marks placed either way, IDs present,
 * missing, repeated or conflicting), in both modes. The expected matching is the rule
 * written out plainly, member by member: by ID where both sides have one, else the k-th
 * namesake to the k-th; a CDHT list naming once a name two members share matches neither.
 */
import fc from 'fast-check';
import { applyImport, previewImport, type ImportPreview } from '../../src/usecases/import/importMembers';
import { nameKey } from '../../src/usecases/import/normalise';
import { ID_HEADER } from '../../src/usecases/import/targets';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { readMembersSheet } from '../../src/sheets/membersSheet';
import { SHEETS } from '../../src/sheets/names';
import type { CellValue } from '../../src/workbook/port';
import { MemoryWorkbook } from '../property/memoryWorkbook';
import { cleanText, lowerVi } from '../../src/domain/text';

const NOW = new Date(Date.UTC(2025, 11, 20));
const FIRST = 'DS 2024';
const NEXT = 'DS 2025';

// Hòa/Hoà and Thủy/Thuỷ are one person each; Hoa and Hóa are not Hòa.
const NAMES = ['Nguyễn Văn An', 'Lê Thị Hoa', 'Lê Thị Hòa', 'Lê Thị Hoà', 'Lê Thị Hóa', 'Trần Thu Thủy', 'Trần Thu Thuỷ', 'Phạm Minh Đức'];
const IDS = ['CB01', 'CB02', 'CB03', 'CB04', 'CB05'];

interface Person {
  name: string;
  id: string | null;
  /** How the name is typed: as is, NFD, upper case, with stray spaces. */
  spelling: 0 | 1 | 2 | 3;
}

const spelled = (p: Person): string =>
  [p.name, p.name.normalize('NFD'), p.name.toLocaleUpperCase('vi'), `  ${p.name.replace(' ', '   ')} `][p.spelling]!;

const person = fc.record({
  name: fc.constantFrom(...NAMES),
  id: fc.option(fc.constantFrom(...IDS), { freq: 2 }),
  spelling: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
});

function list(people: Person[], withId: boolean, mode: 'members' | 'cdht'): CellValue[][] {
  const header = ['STT', 'Họ và tên', ...(withId ? ['Mã CB'] : []), mode === 'cdht' ? 'Điểm CDHT' : 'Tham gia chuyển đổi số'];
  const rows = people.map((p, i) => [i + 1, spelled(p), ...(withId ? [p.id] : []), mode === 'cdht' ? 70 + i : i % 2 ? 'Có' : 'Không']);
  return [['DANH SÁCH'], [], header, ...rows];
}

interface Member {
  row: number;
  key: string;
  id: string | null;
}

/** The matching rule, one member at a time (the import must give the same answer). */
function expectedMatch(members: Member[], rows: ImportPreview['rows'], idMapped: boolean, mode: 'members' | 'cdht'): Map<number, number | null> {
  const used = new Set<Member>();
  const out = new Map<number, number | null>();
  for (const r of rows) {
    if (!(idMapped && r.id)) continue;
    const m = members.find((e) => !used.has(e) && e.id === r.id);
    if (m) {
      used.add(m);
      out.set(r.row, m.row);
    }
  }
  for (const r of rows) {
    if (out.has(r.row)) continue;
    const key = nameKey(r.name);
    const sharedByMembers = members.filter((e) => e.key === key).length > 1;
    if (mode === 'cdht' && sharedByMembers && rows.filter((x) => nameKey(x.name) === key).length < 2) {
      out.set(r.row, null);
      continue;
    }
    const m = members.find((e) => !used.has(e) && e.key === key && !(idMapped && r.id && e.id && e.id !== r.id));
    if (m) used.add(m);
    out.set(r.row, m?.row ?? null);
  }
  return out;
}

function actualMatch(p: ImportPreview): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const e of [...p.diff.updated, ...p.diff.unchanged]) out.set(e.sourceRow!, e.memberRow);
  for (const e of [...p.diff.added, ...p.diff.unmatched]) out.set(e.sourceRow!, null);
  return out;
}

let template: CellValue[][];
beforeAll(async () => {
  const wb = new MemoryWorkbook();
  await createSheets(wb, { ...sampleUnit({ members: 0 }), members: [] });
  template = wb.rows(SHEETS.members);
});

async function check(first: Person[], next: Person[], firstId: boolean, nextId: boolean, mode: 'members' | 'cdht'): Promise<void> {
  const wb = new MemoryWorkbook({ [SHEETS.members]: template, [FIRST]: list(first, firstId, 'members'), [NEXT]: list(next, nextId, mode) });
  const filled = await applyImport(wb, { sheet: FIRST }, { now: NOW });
  expect(filled.diff.added).toHaveLength(first.length);
  const parsed = readMembersSheet({ name: SHEETS.members, rows: wb.rows(SHEETS.members) })!;
  const nameAt = parsed.table.columns.findIndex((c) => c.header === 'Họ và tên');
  const idAt = parsed.table.columns.findIndex((c) => c.header === ID_HEADER);
  const members = parsed.table.rows
    .filter((r) => r.cells[nameAt])
    .map((r) => ({ row: r.row, key: nameKey(String(r.cells[nameAt])), id: idAt >= 0 && r.cells[idAt] ? String(r.cells[idAt]) : null }));
  expect(members).toHaveLength(first.length);

  const p = await previewImport(wb, { sheet: NEXT }, { mode, now: NOW });
  expect(p.ok).toBe(true);
  expect(actualMatch(p)).toEqual(expectedMatch(members, p.rows, nextId, mode));
  if (mode === 'members') {
    const matched = new Set([...p.diff.updated, ...p.diff.unchanged].map((e) => e.memberRow));
    expect(p.diff.removed.map((e) => e.memberRow)).toEqual(members.filter((m) => !matched.has(m.row)).map((m) => m.row));
    const firstNew = Math.max(...members.map((m) => m.row), parsed.headerRow) + 1;
    expect(p.diff.added.map((e) => e.memberRow)).toEqual(p.diff.added.map((_, i) => firstNew + i));
  } else {
    expect(p.diff.added).toEqual([]);
    expect(p.diff.removed).toEqual([]);
  }
}

describe('import matching (generated lists)', () => {
  it('matches by ID, then the k-th namesake to the k-th, whatever the spelling', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { maxLength: 14 }), fc.array(person, { minLength: 1, maxLength: 14 }), fc.boolean(), fc.boolean(), fc.constantFrom('members' as const, 'cdht' as const), check),
      { numRuns: 300 },
    );
  });

  it('spellings of one name meet: NFD, upper case, spaces, tone mark on either vowel', async () => {
    const members: Person[] = [{ name: 'Lê Thị Hoà', id: null, spelling: 1 }, { name: 'Trần Thu Thủy', id: null, spelling: 2 }];
    const wb = new MemoryWorkbook({ [SHEETS.members]: template, [FIRST]: list(members, false, 'members'), [NEXT]: list([{ name: 'Lê Thị Hòa', id: null, spelling: 3 }, { name: 'Trần Thu Thuỷ', id: null, spelling: 0 }, { name: 'Lê Thị Hóa', id: null, spelling: 0 }], false, 'members') });
    await applyImport(wb, { sheet: FIRST }, { now: NOW });
    const p = await previewImport(wb, { sheet: NEXT }, { now: NOW });
    expect([...p.diff.updated, ...p.diff.unchanged].map((e) => e.sourceRow).sort()).toEqual([4, 5]);
    expect(p.diff.added.map((e) => e.name)).toEqual(['Lê Thị Hóa']);
  });
});

describe('name key', () => {
  /** The key as defined: NFD, a tone mark on o/u moved after the a/e/y that follows, NFC. */
  const defined = (name: string) =>
    lowerVi(cleanText(name))
      .normalize('NFD')
      .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])/g, '$1$3$2')
      .normalize('NFC');
  const letters = [...'aăâeêioôơuưy oOuUAY', ...'òóõỏọùúũủụàáảãạồốổỗộờớởỡợừứửữựấầẩẫậ', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u031b', '\u00a0'];
  // Beyond Vietnamese: letters whose case or decomposition is unusual (the key's fast path must agree).
  const unusual = [...'İıẞßẛṍộǫäÿāëåĳ', '  ', '\t', '\u2007', '\u202f', 'x', 'c', 'n', 'h'];

  it('is the defined key for any mix of letters (Vietnamese and unusual ones), marks, forms and cases', () => {
    const text = fc.array(fc.constantFrom(...letters, ...unusual), { maxLength: 12 }).map((cs) => cs.join(''));
    const form = fc.constantFrom('NFC', 'NFD', 'upper', 'none');
    fc.assert(
      fc.property(text, form, (s, f) => {
        const typed = f === 'upper' ? s.toLocaleUpperCase('vi') : f === 'none' ? s : s.normalize(f as 'NFC' | 'NFD');
        expect(nameKey(typed)).toBe(defined(typed));
      }),
      { numRuns: 6000 },
    );
  });

  it('joins spellings of one person and keeps different people apart', () => {
    expect(nameKey('Lê Thị Hoà')).toBe(nameKey('LÊ THỊ HÒA'.normalize('NFD')));
    expect(nameKey('Trần  Thu Thủy ')).toBe(nameKey('Trần Thu Thuỷ'));
    expect(nameKey('Lê Thị Hoa')).not.toBe(nameKey('Lê Thị Hòa'));
    expect(nameKey('Lê Thị Hóa')).not.toBe(nameKey('Lê Thị Hòa'));
  });
});
