/**
 * The preview writes into the workbook a clerk opens, and its download is that workbook: one
 * saved as “Strict Open XML Spreadsheet” or signed in Excel is refused when opened to work in,
 * in words saying what to do (the download failed with a bare “strict”); as a unit's file for
 * consolidation or an import's source, which are only read, both are taken.
 */
import { openUpload } from '../../src/hosts/preview/previewHost';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { toStrict } from '../support/strictXlsx';
import { signed } from '../support/signedXlsx';

let plain: Uint8Array;
beforeAll(async () => {
  const made = PreviewWorkbook.create('truong.xlsx');
  await createSheets(made, sampleUnit({ members: 10, seed: 2 }));
  plain = await made.toBuffer();
});

const upload = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

it.each([
  ['strict', () => toStrict(plain), /“Strict Open XML Spreadsheet”.*“Sổ làm việc Excel \(\*\.xlsx\)”/, /“Excel Workbook \(\*\.xlsx\)”/],
  ['signed', () => signed(plain), /ký số.*Gỡ chữ ký/, /digitally signed.*Remove Signature/],
])('a %s workbook is refused to work in, saying what to do, and read as a file to read', async (_kind, make, vi, en) => {
  const bytes = await make();
  await expect(openUpload(upload(bytes, 'truong.xlsx'), 'vi', 'write')).rejects.toThrow(vi);
  await expect(openUpload(upload(bytes, 'truong.xlsx'), 'en', 'write')).rejects.toThrow(en);
  const read = await openUpload(upload(bytes, 'truong.xlsx'), 'vi');
  expect((await read.read()).book().sheets.map((s) => s.name)).toContain('Thành viên');
});

it('a plain workbook opens to work in', async () => {
  const wb = await openUpload(upload(plain, 'truong.xlsx'), 'vi', 'write');
  expect((await wb.toBuffer()).length).toBeGreaterThan(0);
});
