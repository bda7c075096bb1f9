/**
 * A table consolidated in English (`--lang en`, or the pane in English) holds its results and
 * remarks in English; the minutes, a Vietnamese administrative document, would print them so.
 * The officer is told before signing, with what to do.
 */
import { generateOfficerDocuments } from '../../src/usecases/officerDocuments';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import type { Lang } from '../../src/i18n';
import { edits, unitWorkbook } from '../consolidate/corpus';
import { COMMUNE, consolidateInto } from './batch';

jest.setTimeout(120_000);

let files: { label: string; bytes: Uint8Array }[];
beforeAll(async () => {
  files = [
    { label: 'a.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20, seed: 1 }) },
    { label: 'b.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Chu Văn An', type: 'Trường THCS', members: 20, seed: 2, rate: 0.8, edit: edits.indicatorResult('2.1', 'Đạt') }) },
  ];
});

async function documentsFrom(lang: Lang) {
  const wb = await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX);
  await consolidateInto(wb, files, null, COMMUNE, lang);
  const r = await generateOfficerDocuments(await XlsxWorkbook.open(await wb.toBytes(), wb.label, NODE_XLSX));
  if (!r.ok) throw new Error(r.message);
  return r;
}

it('warns, naming the table and what to do, when the table was consolidated in English', async () => {
  const r = await documentsFrom('en');
  expect(r.warnings).toContain(
    'Bảng “Tổng hợp đơn vị” được tổng hợp bằng tiếng Anh (--lang en, hoặc ngăn tác vụ đang dùng tiếng Anh), nên kết quả tính lại và lý do của từng đơn vị in trên biên bản thẩm định là tiếng Anh. Văn bản hành chính phải viết bằng tiếng Việt: hãy tổng hợp lại bằng tiếng Việt (bỏ --lang en, hoặc chọn tiếng Việt ở ngăn tác vụ) rồi lập lại văn bản; ý kiến đã sửa trên biên bản được giữ.',
  );
});

it('says nothing of the kind for a table consolidated in Vietnamese', async () => {
  const r = await documentsFrom('vi');
  expect(r.warnings.filter((w) => w.includes('tiếng Anh'))).toEqual([]);
});
