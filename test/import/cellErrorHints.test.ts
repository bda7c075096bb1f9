/**
 * A formula error (#N/A of a lookup, #REF! of a deleted sheet) in any column of a staff list:
 * the message says what that column expects, never the full name a text column does not hold.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { previewImport } from '../../src/usecases/import/importMembers';
import { captureText } from '../support/cliOutput';
import { roundTrip, sourceAndUnit, unitWorkbook } from './messySheets';

const HEADERS = ['STT', 'Mã CB', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Tổ', 'KH tự học', 'Danh hiệu thi đua', 'Hình thức kỷ luật', 'Điểm CDHT', 'Danh hiệu CDHT', 'Ghi chú'];

/** Column → what its message asks for, after “Cần:”. */
const EXPECTED: Record<string, string> = {
  'Ngày sinh': 'ngày sinh (ngày/tháng/năm) hoặc năm sinh, hoặc để trống',
  'Chức vụ': 'chức vụ hoặc vị trí việc làm, ghi bằng chữ (ví dụ: Giáo viên), hoặc để trống',
  Tổ: 'tên tổ hoặc bộ phận, ghi bằng chữ (ví dụ: Tổ Toán - Tin), hoặc để trống',
  'KH tự học': 'Có hoặc Không (x, đạt, 1 cũng được hiểu là Có; 0, -, chưa đạt là Không)',
  'Danh hiệu thi đua': 'một danh hiệu: Lao động tiên tiến (LĐTT), Chiến sĩ thi đua cơ sở (CSTĐCS), Hoàn thành nhiệm vụ …',
  'Hình thức kỷ luật': 'hình thức kỷ luật ghi bằng chữ (ví dụ: Khiển trách), hoặc để trống nếu không bị kỷ luật',
  'Điểm CDHT': 'một số từ 0 đến 100, lưu dạng số (không phải chữ)',
  'Danh hiệu CDHT': 'Đạt hoặc Chưa đạt',
  'Ghi chú': 'ghi chú bằng chữ, hoặc để trống',
};

jest.setTimeout(60_000);

it.each([['#N/A'], ['#REF!']])('an error cell %s in each column is said with that column’s own expectation', async (error) => {
  const wb = await unitWorkbook();
  const ws = wb.workbook.addWorksheet('DS');
  ws.getRow(1).values = HEADERS;
  ws.getRow(2).values = [1, 'CB001', 'Nguyễn Văn An', ...HEADERS.slice(3).map(() => ({ error }))] as never;
  const p = await previewImport(await roundTrip(wb), { sheet: 'DS' }, { now: new Date(2025, 11, 20) });
  const said = Object.fromEntries(p.issues.map((i) => [i.header, /Cần: (.*?)\.? Ô này được để trống khi nhập\.$/.exec(i.message)?.[1] ?? i.message]));
  expect(said).toEqual(EXPECTED);
  for (const i of p.issues) expect(i.message).toContain(`có lỗi công thức ${error}`);
  const en = await previewImport(await roundTrip(wb), { sheet: 'DS' }, { now: new Date(2025, 11, 20), lang: 'en' });
  const position = en.issues.find((i) => i.header === 'Chức vụ')!;
  expect(position.message).not.toContain('a full name');
  expect(position.message).toContain('the position or job title');
});

/** The name, whole or split (“Họ và tên đệm” | “Tên”), is no field left blank: a row whose name cell holds an error is not imported, the error said. */
describe('an error in a name cell', () => {
  const preview = async (headers: string[], rows: unknown[][]) => {
    const wb = await unitWorkbook();
    const ws = wb.workbook.addWorksheet('DS');
    ws.getRow(1).values = headers;
    rows.forEach((r, i) => (ws.getRow(i + 2).values = r as never));
    return previewImport(await roundTrip(wb), { sheet: 'DS' }, { now: new Date(2025, 11, 20) });
  };

  it('the whole name: the error code is what the message shows, not the rest of the row', async () => {
    const p = await preview(['STT', 'Họ và tên', 'Chức vụ'], [[1, { error: '#N/A' }, 'Giáo viên'], [2, 'Trần Thị Bình', 'Giáo viên']]);
    expect(p.rows.map((r) => r.name)).toEqual(['Trần Thị Bình']);
    expect(p.issues.map((i) => i.message)).toEqual(["'DS'!B2: ô họ và tên có lỗi công thức #N/A, nên dòng này không được nhập."]);
  });

  it('a split name: an error in either part leaves the row out, never imported under half a name', async () => {
    const p = await preview(
      ['STT', 'Họ và tên đệm', 'Tên', 'Chức vụ'],
      [
        [1, { error: '#N/A' }, 'An', 'Giáo viên'],
        [2, 'Trần Thị', { error: '#REF!' }, 'Giáo viên'],
        [3, 'Lê Văn', 'Cường', 'Giáo viên'],
      ],
    );
    expect(p.rows.map((r) => r.name)).toEqual(['Lê Văn Cường']);
    expect(p.issues.map((i) => i.message)).toEqual(["'DS'!B2: ô họ và tên có lỗi công thức #N/A, nên dòng này không được nhập.", "'DS'!C3: ô họ và tên có lỗi công thức #REF!, nên dòng này không được nhập."]);
  });
});

it('dvht import lists a name error under a heading that does not say the row was imported blank', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-name-error-'));
  try {
    const { source, into } = await sourceAndUnit(dir, (wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getRow(1).values = ['STT', 'Họ và tên', 'Chức vụ'];
      ws.getRow(2).values = [1, { error: '#N/A' }, 'Giáo viên'] as never;
      ws.getRow(3).values = [2, 'Trần Thị Bình', 'Giáo viên'];
    });
    const io = captureText();
    expect(await run(['import', source, '--into', into, '--dry-run'], io)).toBe(0);
    expect(io.stderr).toContain("Ô không đọc được chắc chắn (1):\n  - 'DS'!B2: ô họ và tên có lỗi công thức #N/A, nên dòng này không được nhập.");
    const en = captureText();
    expect(await run(['import', source, '--into', into, '--dry-run', '--lang', 'en'], en)).toBe(0);
    expect(en.stderr).toContain('Cells that could not be read with certainty (1):');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('a name cell that holds no name', () => {
  it('the column numbering repeated at a page break is skipped; a number or a dash is said and the row left out', async () => {
    const wb = await unitWorkbook();
    const ws = wb.workbook.addWorksheet('DS');
    ws.getRow(1).values = ['STT', 'Họ và tên', 'Chức vụ', 'Tổ'];
    ws.getRow(2).values = ['(1)', '(2)', '(3)', '(4)'];
    ws.getRow(3).values = [1, 'Nguyễn Văn An', 'Giáo viên', 'Toán'];
    ws.getRow(4).values = ['(1)', '(2)', '(3)', '(4)'];
    ws.getRow(5).values = [2, 12345, 'Giáo viên', 'Văn'];
    ws.getRow(6).values = [3, '-', 'Giáo viên', 'Văn'];
    ws.getRow(7).values = [4, '0912 345 678', 'Giáo viên', 'Văn'];
    ws.getRow(8).values = [5, 'Lê Thị Hoa', 'Giáo viên', 'Văn'];
    const p = await previewImport(await roundTrip(wb), { sheet: 'DS' }, { now: new Date(2025, 11, 20) });
    expect(p.rows.map((r) => r.name)).toEqual(['Nguyễn Văn An', 'Lê Thị Hoa']);
    expect(p.skipped.map((s) => [s.row, s.reason])).toEqual([[4, 'numbering']]);
    expect(p.issues.map((i) => i.message)).toEqual([
      "'DS'!B5: ô họ và tên ghi “12345”, không phải họ và tên, nên dòng này không được nhập.",
      "'DS'!B6: ô họ và tên ghi “-”, không phải họ và tên, nên dòng này không được nhập.",
      "'DS'!B7: ô họ và tên ghi “0912 345 678”, không phải họ và tên, nên dòng này không được nhập.",
    ]);
  });
});

it('an error in the ID column (a broken lookup) is said, not read as no ID in silence', async () => {
  const wb = await unitWorkbook();
  const ws = wb.workbook.addWorksheet('DS');
  ws.getRow(1).values = ['STT', 'Mã CB', 'Họ và tên'];
  ws.getRow(2).values = [1, { error: '#N/A' }, 'Nguyễn Văn An'] as never;
  ws.getRow(3).values = [2, 'CB002', 'Trần Thị Bình'];
  const p = await previewImport(await roundTrip(wb), { sheet: 'DS' }, { now: new Date(2025, 11, 20) });
  expect(p.rows.map((r) => [r.name, r.id])).toEqual([
    ['Nguyễn Văn An', null],
    ['Trần Thị Bình', 'CB002'],
  ]);
  expect(p.issues.map((i) => i.message)).toEqual(["'DS'!B2 (cột “Mã CB”): ô có lỗi công thức #N/A. Cần: mã định danh (mã cán bộ, số CCCD …), hoặc để trống. Ô này được để trống khi nhập."]);
});

it('a column headed by a title itself (LĐTT, marked x) asks for a mark, not for a title’s name', async () => {
  const wb = await unitWorkbook();
  const ws = wb.workbook.addWorksheet('DS');
  ws.getRow(1).values = ['STT', 'Họ và tên', 'LĐTT'];
  ws.getRow(2).values = [1, 'Nguyễn Văn An', { error: '#N/A' }] as never;
  ws.getRow(3).values = [2, 'Trần Thị Bình', 'chưa rõ'];
  const p = await previewImport(await roundTrip(wb), { sheet: 'DS' }, { now: new Date(2025, 11, 20) });
  const yesNo = 'Cần: Có hoặc Không (x, đạt, 1 cũng được hiểu là Có; 0, -, chưa đạt là Không).';
  expect(p.issues.map((i) => [i.cell, i.message.includes(yesNo)])).toEqual([
    ['C2', true],
    ['C3', true],
  ]);
});
