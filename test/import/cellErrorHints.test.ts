/**
 * A formula error (#N/A of a lookup, #REF! of a deleted sheet) in any column of a staff list:
 * the message says what that column expects, never the full name a text column does not hold.
 */
import { previewImport } from '../../src/usecases/import/importMembers';
import { roundTrip, unitWorkbook } from './messySheets';

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
