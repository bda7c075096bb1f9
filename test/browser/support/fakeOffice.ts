/**
 * A stand-in for office.js, served by the browser tests at office-js/office.js: the real
 * taskpane.html and Excel entry run against the in-memory Excel of test/support/fakeExcel.ts.
 * The workbook starts as the sample school, drawn through the real Office.js code path.
 *
 * Query string of the page: `?fakeHost=none` answers onReady like Office.js in a plain
 * browser tab (host null); `?fakeApi=1.3` makes the host claim an older ExcelApi;
 * `?fakeProblem=1` writes an unreadable yes/no answer for the 4th member (a located problem).
 * The test reads `window.__fakeExcel` (stats.syncs, reset(), sheet(name)).
 */
import { createFakeExcel } from '../../support/fakeExcel';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { createSheets } from '../../../src/usecases/createSheets';
import { sampleUnit } from '../../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../../src/domain/memberFields';

const params = new URLSearchParams(location.search);
const excel = createFakeExcel({ apiVersion: params.get('fakeApi') ?? '1.13' });
const host = params.get('fakeHost') === 'none' ? null : 'Excel';

const ready = (async () => {
  const unit = sampleUnit();
  if (params.get('fakeProblem')) unit.members![3]![MEMBER_FIELDS.findIndex((f) => f.key === 'discipline')] = 'chắc vậy';
  await createSheets(new OfficeWorkbook(excel.run, excel.supports), unit);
  excel.reset();
  return { host, platform: host ? 'OfficeOnline' : null };
})();

const office = {
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: 'vi-VN',
    requirements: {
      isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && excel.supports(version ?? '1.1'),
    },
  },
  onReady(callback?: (info: unknown) => void) {
    return ready.then((info) => {
      callback?.(info);
      return info;
    });
  },
};

Object.assign(window, { Office: office, Excel: { run: excel.run }, __fakeExcel: excel });
