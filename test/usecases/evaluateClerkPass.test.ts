/**
 * What `evaluate` says of a members list with someone listed twice, of learner figures with
 * one row wrong, and of a new workbook with no members: each said once, at its cells, with
 * what to do (found by the clerk's-eye pass).
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook, rewordResult } from '../../src/usecases/evaluate';
import { duplicateMembers } from '../../src/usecases/memberChecks';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { DEFAULT_SPELLINGS, type CellValue } from '../../src/domain/values';
import { memberTable, type MemberSpec } from '../support/tables';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
const col = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key) + 1;
/** The sample's members start below the header on row 4. */
const FIRST = 5;

async function sample(edit: (ws: import('exceljs').Worksheet) => void, members = 12) {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members }));
  const back = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
  edit(back.workbook.getWorksheet(SHEETS.members)!);
  const result = await evaluateWorkbook(back, { now: NOW, dryRun: true });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { wb: back, result };
}

/** Member row `from` copied to `to` (values only), then `change` applied to the copy by field key. */
function copyRow(ws: import('exceljs').Worksheet, from: number, to: number, change: Record<string, string | null> = {}): void {
  for (let c = 1; c <= MEMBER_FIELDS.length; c++) ws.getCell(to, c).value = ws.getCell(from, c).value;
  for (const [key, value] of Object.entries(change)) ws.getCell(to, col(key)).value = value;
}

describe('a member listed twice', () => {
  it('is warned at both rows’ name cells: counted twice, and what to do', async () => {
    const { result } = await sample((ws) => {
      // The same name typed another way (case, spaces), the same position and team.
      copyRow(ws, FIRST + 2, FIRST + 12);
      ws.getCell(FIRST + 12, col('name')).value = `  ${ws.getCell(FIRST + 2, col('name')).value}`.toUpperCase().replace(' ', '  ');
    });
    const dup = result.report.warnings.filter((w) => w.code === 'duplicateMember');
    expect(dup.map((w) => [w.sheet, w.cell])).toEqual([
      [SHEETS.members, `B${FIRST + 2}`],
      [SHEETS.members, `B${FIRST + 12}`],
    ]);
    const message = dup[0]!.message;
    expect(message).toContain(`'Thành viên'!B${FIRST + 2}`);
    expect(message).toContain(`dòng ${FIRST + 2}, ${FIRST + 12}`);
    expect(message).toContain('có thể một người đang được tính nhiều lần vào tổng số');
    expect(message).toContain('xóa dòng thừa');
    expect(message).toContain('ghi Không ở cột “Tính vào tổng số”');
    expect(message).toContain('Nếu là những người khác nhau thì bỏ qua cảnh báo này');
    // Counted twice indeed: the warning is about the figures, not a style.
    expect(result.report.countedMembers).toBe(12);
    const en = rewordResult(result, 'en');
    if (!en.ok) throw new Error('must evaluate');
    expect(en.report.warnings.find((w) => w.code === 'duplicateMember')!.message).toMatch(/listed more than once.*counted more than once/);
  });

  it('is not warned when the rows disagree on what tells people apart, nor when one row is not counted', async () => {
    const other = await sample((ws) => copyRow(ws, FIRST + 2, FIRST + 12, { position: 'Nhân viên thư viện' }));
    expect(other.result.report.warnings.filter((w) => w.code === 'duplicateMember')).toEqual([]);
    const left = await sample((ws) => copyRow(ws, FIRST + 2, FIRST + 12, { counted: 'Không' }));
    expect(left.result.report.warnings.filter((w) => w.code === 'duplicateMember')).toEqual([]);
  });
});

describe('duplicateMembers, by name as import compares names, told apart by ID, date of birth, position or team', () => {
  const base = { position: 'Giáo viên', team: 'Tổ Toán' };
  const rows = (specs: MemberSpec[]) => duplicateMembers(memberTable(specs), DEFAULT_SPELLINGS);

  it('a tone mark placed either way is one name (Hoà, Hòa); other diacritics are other names (Hoa, Hóa)', () => {
    expect(rows([{ name: 'Nguyễn Thị Hoà', ...base }, { name: 'nguyễn thị hòa', ...base }]).map((p) => p.at!.row)).toEqual([5, 6]);
    expect(rows([{ name: 'Nguyễn Thị Hoa', ...base }, { name: 'Nguyễn Thị Hóa', ...base }])).toEqual([]);
  });

  it('a blank on one side tells nothing apart; two different values do', () => {
    expect(rows([{ name: 'Lê Văn An', ...base }, { name: 'Lê Văn An', position: 'Giáo viên' }])).toHaveLength(2);
    expect(rows([{ name: 'Lê Văn An', ...base }, { name: 'Lê Văn An', ...base, team: 'Tổ Văn' }])).toEqual([]);
  });

  it('an ID column (import’s own or one of its aliases) and a date of birth column tell namesakes apart', () => {
    const withColumn = (header: string, a: CellValue, b: CellValue) => {
      const table = memberTable([{ name: 'Lê Văn An', ...base }, { name: 'Lê Văn An', ...base }]);
      const at = table.columns.length;
      table.columns.push({ header, col: at + 1 });
      table.rows[0]!.cells.push(a);
      table.rows[1]!.cells.push(b);
      return duplicateMembers(table, DEFAULT_SPELLINGS);
    };
    expect(withColumn('Mã định danh', 'GV01', 'GV02')).toEqual([]);
    expect(withColumn('Số CCCD', '001', '001')).toHaveLength(2);
    expect(withColumn('Ngày sinh', '02/03/1985', '11/09/1990')).toEqual([]);
    // As import carries them over: dates (serials), years, under the list's own header.
    expect(withColumn('Ngày sinh', 29292, 33790)).toEqual([]);
    expect(withColumn('Năm sinh', 1975, 1980)).toEqual([]);
    expect(withColumn('Ngày, tháng, năm sinh', 29292, 29292)).toHaveLength(2);
    expect(withColumn('Ghi chú', 'a', 'b')).toHaveLength(2);
  });

  it('a date of birth and a year of birth of one person are one person; another year or day is another', () => {
    const withBirth = (a: CellValue, b: CellValue, date1904 = false) => {
      const table = memberTable([{ name: 'Lê Văn An', ...base }, { name: 'Lê Văn An', ...base }]);
      table.columns.push({ header: 'Ngày sinh', col: table.columns.length + 1 });
      table.rows[0]!.cells.push(a);
      table.rows[1]!.cells.push(b);
      return duplicateMembers(table, DEFAULT_SPELLINGS, date1904).length;
    };
    const march12of1980 = 29292;
    expect(withBirth(march12of1980, 1980)).toBe(2);
    expect(withBirth(march12of1980, '1980')).toBe(2);
    expect(withBirth(march12of1980, '12/03/1980')).toBe(2);
    expect(withBirth(march12of1980, '12/3/1980')).toBe(2);
    expect(withBirth('1980', '12-03-1980')).toBe(2);
    expect(withBirth(march12of1980, 1985)).toBe(0);
    expect(withBirth(march12of1980, '13/03/1980')).toBe(0);
    expect(withBirth('1979', '12/03/1980')).toBe(0);
    // A workbook counting from 1904 holds the same day as a serial 1,462 less.
    expect(withBirth(march12of1980 - 1462, 1980, true)).toBe(2);
    expect(withBirth(march12of1980 - 1462, '12/03/1980', true)).toBe(2);
    // Texts that are no date are compared as texts.
    expect(withBirth('khoảng 1980', 'Khoảng 1980')).toBe(2);
    expect(withBirth('khoảng 1980', 1980)).toBe(0);
  });

  it('a row blank where two namesakes differ may be either: each is warned with the rows it may be', () => {
    const said = rows([{ name: 'Lê Văn An', ...base }, { name: 'Lê Văn An', ...base, team: 'Tổ Văn' }, { name: 'Lê Văn An', position: 'Giáo viên' }]);
    expect(said.map((p) => [p.at!.row, p.params['rows']])).toEqual([
      [5, '5, 7'],
      [6, '6, 7'],
      [7, '5, 6, 7'],
    ]);
  });

  it('three rows of one person are one warning per row, each naming all three rows', () => {
    const said = rows([{ name: 'Lê Văn An', ...base }, { name: 'Trần Bình', ...base }, { name: 'Lê Văn An', ...base }, { name: 'Lê Văn An', ...base }]);
    expect(said.map((p) => [p.at!.row, p.params])).toEqual([
      [5, { name: 'Lê Văn An', rows: '5, 7, 8' }],
      [7, { name: 'Lê Văn An', rows: '5, 7, 8' }],
      [8, { name: 'Lê Văn An', rows: '5, 7, 8' }],
    ]);
  });
});

describe('learner figures with one row wrong', () => {
  it('the learner indicator points to that cell, and no longer says the figures are missing', async () => {
    const wb = ExcelJsWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 12 }));
    const back = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
    back.workbook.getWorksheet(SHEETS.learners)!.getCell('C6').value = 'bốn mươi';
    const result = await evaluateWorkbook(back, { now: NOW, dryRun: true });
    if (!result.ok) throw new Error('must evaluate');
    const codes = result.report.warnings.map((w) => w.code);
    expect(codes).not.toContain('noLearnerData');
    const w = result.report.warnings.find((x) => x.code === 'learnerFiguresInvalid')!;
    expect(w).toMatchObject({ sheet: SHEETS.learners, cell: 'C6' });
    expect(w.message).toMatch(/^Chỉ tiêu 3\.2b: chưa đánh giá được vì số liệu ở ô C6 của trang “Người học”/);
    expect(result.report.indicators.find((i) => i.code === '3.2b')!.status).toBe('not_evaluable');
  });
});

describe('a new workbook with no members', () => {
  it('says once that no member is counted, naming the indicators; each indicator keeps its status', async () => {
    const { result } = await sample(() => undefined, 0);
    const said = result.report.warnings.filter((w) => w.code === 'noCountedMembers');
    expect(said).toHaveLength(1);
    expect(said[0]!.message).toContain('6 chỉ tiêu (2.1, 2.2, 2.3, 2.4, 3.1, 3.2a)');
    expect(result.report.indicators.filter((i) => i.status === 'not_evaluable' && i.code.startsWith('2.')).map((i) => i.code)).toEqual(['2.1', '2.2', '2.3', '2.4']);
    // The pane words it again in English from the same problem.
    const en = rewordResult(result, 'en');
    if (!en.ok) throw new Error('must evaluate');
    expect(en.problems.filter((p) => p.code === 'noCountedMembers').map((p) => p.message)).toEqual([expect.stringContaining('6 indicators (2.1, 2.2, 2.3, 2.4, 3.1, 3.2a)')]);
  });
});

describe('a member with a name and nothing else', () => {
  it('is warned of at the name: counted, and every indicator counts the row as not met', async () => {
    const { result } = await sample((ws) => {
      copyRow(ws, FIRST, FIRST + 12);
      for (let c = 1; c <= MEMBER_FIELDS.length; c++) if (c !== col('name') && c !== col('ordinal')) ws.getCell(FIRST + 12, c).value = null;
      ws.getCell(FIRST + 12, col('name')).value = 'Đinh Văn Mới';
    });
    const w = result.report.warnings.filter((x) => x.code === 'memberWithoutData');
    expect(w.map((x) => [x.sheet, x.cell])).toEqual([[SHEETS.members, `B${FIRST + 12}`]]);
    expect(w[0]!.message).toContain('“Đinh Văn Mới”');
    expect(w[0]!.message).toContain('Tính vào tổng số');
    // Counted, and meets nothing.
    expect(result.report.members.find((m) => m.row === FIRST + 12)).toMatchObject({ name: 'Đinh Văn Mới', met: 0 });
  });

  it('is not warned of when one answer is filled in, or when not counted', async () => {
    const { result } = await sample((ws) => {
      copyRow(ws, FIRST, FIRST + 12);
      copyRow(ws, FIRST, FIRST + 13);
      for (const r of [FIRST + 12, FIRST + 13]) for (let c = 1; c <= MEMBER_FIELDS.length; c++) if (c !== col('name') && c !== col('ordinal')) ws.getCell(r, c).value = null;
      ws.getCell(FIRST + 12, col('name')).value = 'Đinh Văn Mới';
      ws.getCell(FIRST + 12, col('discipline')).value = 'Có';
      ws.getCell(FIRST + 13, col('name')).value = 'Lý Thị Nghỉ';
      ws.getCell(FIRST + 13, col('counted')).value = 'Không';
    });
    expect(result.report.warnings.filter((x) => x.code === 'memberWithoutData')).toEqual([]);
  });
});

describe('a staff list just brought in: names and emulation titles, the yes/no columns still blank', () => {
  /** The sample's members with every yes/no answer cleared: what a school's own list gives after import. */
  const titlesOnly = (ws: import('exceljs').Worksheet) => {
    const blank = MEMBER_FIELDS.filter((f) => f.kind === 'yesno' || f.kind === 'number').map((f) => col(f.key));
    for (let r = FIRST; r < FIRST + 12; r++) for (const c of blank) ws.getCell(r, c).value = null;
    // One member with no title ("Không" in the school's list, blank once imported).
    ws.getCell(FIRST + 3, col('emulationTitle')).value = null;
  };

  it('says once per blank column, at its header, which indicators it leaves with nobody meeting them', async () => {
    const { result } = await sample(titlesOnly);
    const said = result.report.warnings.filter((w) => w.code === 'memberColumnEmpty');
    // 2.1 discipline, 2.2 study plan or training, 2.3 digital, 2.4 language, 3.2a the CDHT title or score: every one at 0 of 12.
    const headerOf = (key: string) => `${String.fromCharCode(64 + col(key))}${FIRST - 1}`;
    expect(said.map((w) => w.cell)).toEqual(expect.arrayContaining([headerOf('discipline'), headerOf('digital'), headerOf('language')]));
    expect(said.every((w) => w.sheet === SHEETS.members)).toBe(true);
    const digital = said.find((w) => w.cell === headerOf('digital'))!;
    expect(digital.message).toContain('“Tham gia chuyển đổi số”');
    expect(digital.message).toContain('12 thành viên được tính');
    expect(digital.message).toContain('chỉ tiêu 2.3 chưa có ai đạt');
    expect(digital.message).toContain('Ghi Có / Không');
    // Each blank column once, and only columns an indicator reads and nobody meets.
    expect(new Set(said.map((w) => w.cell)).size).toBe(said.length);
    for (const w of said) {
      const codes = /chỉ tiêu (\S+(?:, \S+)*) chưa có ai đạt/.exec(w.message)![1]!.split(', ');
      for (const code of codes) expect(result.report.indicators.find((i) => i.code === code)).toMatchObject({ numerator: 0, denominator: 12 });
    }
    // A score column asks for scores, not Có / Không.
    const score = result.report.warnings.find((w) => w.cell === headerOf('cdhtScore'))!;
    expect(score).toMatchObject({ code: 'memberScoreColumnEmpty', sheet: SHEETS.members });
    expect(score.message).toContain('Ghi điểm tự đánh giá (0–100)');
    expect(score.message).toContain('chỉ tiêu 3.2a');
    const en = rewordResult(result, 'en');
    if (!en.ok) throw new Error('must evaluate');
    expect(en.report.warnings.find((w) => w.cell === headerOf('digital'))!.message).toMatch(/column “Tham gia chuyển đổi số” is blank for all 12 counted members, so nobody meets indicator 2\.3/);
  });

  it('names no member as having no answers: the blank columns are said once, and a blank title is an answer (no title)', async () => {
    const { result } = await sample(titlesOnly);
    expect(result.report.warnings.filter((w) => w.code === 'memberWithoutData')).toEqual([]);
  });

  it('a column some members have answered is not said; a member blank where the others answered still is', async () => {
    const { result } = await sample((ws) => {
      titlesOnly(ws);
      for (let r = FIRST; r < FIRST + 12; r++) if (r !== FIRST + 5) ws.getCell(r, col('digital')).value = 'Có';
    });
    const said = result.report.warnings.filter((w) => w.code === 'memberColumnEmpty');
    expect(said.map((w) => w.cell)).not.toContain(`${String.fromCharCode(64 + col('digital'))}${FIRST - 1}`);
    expect(result.report.warnings.filter((w) => w.code === 'memberWithoutData').map((w) => w.cell)).toEqual([`B${FIRST + 5}`]);
  });

  it('a title column blank for everyone asks for the titles, where nobody meets the indicator reading it', async () => {
    const { result } = await sample((ws) => {
      for (let r = FIRST; r < FIRST + 12; r++) ws.getCell(r, col('emulationTitle')).value = null;
    });
    const said = result.report.warnings.filter((w) => w.code === 'memberTitleColumnEmpty');
    expect(said.map((w) => w.cell)).toEqual([`${String.fromCharCode(64 + col('emulationTitle'))}${FIRST - 1}`]);
    expect(said[0]!.message).toContain('Ghi danh hiệu thi đua năm nay của từng người');
  });

  it('a column blank for everyone where blank meets the indicator (no disciplinary measure) is not said', async () => {
    const { result } = await sample((ws) => {
      for (let r = FIRST; r < FIRST + 12; r++) ws.getCell(r, col('disciplinary')).value = null;
    });
    expect(result.report.warnings.filter((w) => w.code === 'memberColumnEmpty')).toEqual([]);
  });
});
