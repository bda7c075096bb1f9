/**
 * A stand-in for office.js, served by the browser tests at office-js/office.js: the real
 * taskpane.html and Excel entry run against the in-memory Excel of test/support/fakeExcel.ts.
 * The workbook starts as the sample school, drawn through the real Office.js code path.
 *
 * Query string of the page: `?fakeHost=none` answers onReady like Office.js in a plain
 * browser tab (host null); `?fakeApi=1.3` makes the host claim an older ExcelApi; `?fakeNoFile=1` a host
 * without the CompressedFile requirement set (no file of the open workbook);
 * `?fakeProblem=1` writes an unreadable yes/no answer for the 4th member (a located problem).
 * The test reads `window.__fakeExcel` (stats.syncs, reset(), sheet(name)).
 *
 * The open workbook's file (Document.getFileAsync) is the same sample written by the file
 * implementation; what Excel.createWorkbook is handed is in `window.__fakeOfficeFile.created`.
 */
import { createFakeExcel } from '../../support/fakeExcel';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { createSheets } from '../../../src/usecases/createSheets';
import { sampleUnit } from '../../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../../src/domain/memberFields';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/xlsxWorkbook';
import { webInflate } from '../../../src/xlsx/inflateWeb';
import { webDeflate } from '../../../src/xlsx/deflateWeb';
import { createFakeOfficeFile } from '../../support/fakeOfficeFile';

const params = new URLSearchParams(location.search);
const excel = createFakeExcel({ apiVersion: params.get('fakeApi') ?? '1.13' });
const host = params.get('fakeHost') === 'none' ? null : 'Excel';

let fileBytes: Promise<Uint8Array> | null = null;
const officeFile = createFakeOfficeFile({ bytes: () => fileBytes! });

const ready = (async () => {
  const unit = sampleUnit();
  if (params.get('fakeProblem')) unit.members![3]![MEMBER_FIELDS.findIndex((f) => f.key === 'discipline')] = 'chắc vậy';
  await createSheets(new OfficeWorkbook(excel.run, excel.supports), unit);
  // The same workbook as Excel would save it, for getFileAsync.
  fileBytes = XlsxWorkbook.create('truong.xlsx', { inflate: webInflate, deflate: webDeflate }).then(async (file) => {
    await createSheets(file, unit);
    return file.toBytes();
  });
  excel.reset();
  return { host, platform: host ? 'OfficeOnline' : null };
})();

const office = {
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: 'vi-VN',
    document: officeFile.document,
    requirements: {
      isSetSupported: (name: string, version?: string) => (name === 'ExcelApi' && excel.supports(version ?? '1.1')) || (name === 'CompressedFile' && !params.get('fakeNoFile')),
    },
  },
  onReady(callback?: (info: unknown) => void) {
    return ready.then((info) => {
      callback?.(info);
      return info;
    });
  },
};

Object.assign(window, { Office: office, Excel: { run: excel.run, createWorkbook: officeFile.createWorkbook }, __fakeExcel: excel, __fakeOfficeFile: officeFile });
