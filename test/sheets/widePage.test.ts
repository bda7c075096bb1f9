/**
 * A table wider than a page prints its title in the page header of every page: whole when it
 * fits Excel's 255 characters (codes counted), else its last line cut with "…"; a plan the
 * contract accepts either way.
 */
import { fitHeader, widePage } from '../../src/sheets/page';
import { checkPlanShape } from '../../src/workbook/plan';
import { headerFooterCode, MAX_HEADER_FOOTER } from '../../src/workbook/headerFooter';

const TITLE = 'TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”';

test('the title lines whole in the header, the page number and count in the footer, in the pane’s language', () => {
  const page = widePage(5, 2, [TITLE, 'Đơn vị tổng hợp: Phòng GD&ĐT'], 'vi');
  expect([page.header, page.footer]).toEqual([{ center: `${TITLE}\nĐơn vị tổng hợp: Phòng GD&ĐT` }, { center: 'Trang {page}/{pages}' }]);
  expect(widePage(5, 2, [TITLE], 'en').footer).toEqual({ center: 'Page {page}/{pages}' });
});

test('a body name too long for the header is cut with “…” so that the plan is never refused', () => {
  // Each "&" counts twice in Excel's codes.
  const body = `Đơn vị tổng hợp: ${'Phòng GD&ĐT huyện Hòa Bình, '.repeat(10)}`;
  const center = fitHeader([TITLE, body]);
  expect(center.startsWith(`${TITLE}\nĐơn vị tổng hợp: Phòng GD&ĐT`)).toBe(true);
  expect(center.endsWith('…')).toBe(true);
  const length = headerFooterCode({ center }).length;
  expect(length).toBeLessThanOrEqual(MAX_HEADER_FOOTER);
  expect(length).toBeGreaterThan(MAX_HEADER_FOOTER - 3);
  expect(() => checkPlanShape({ sheet: 'S', mode: 'ensure', page: widePage(5, 2, [TITLE, body], 'vi') })).not.toThrow();
});
