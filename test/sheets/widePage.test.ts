/**
 * A table wider than a page prints its title in the page header of every page and what it was
 * made from at the left of the footer: whole when they fit Excel's 255 characters (codes
 * counted), else the last line cut with "…"; a plan the contract accepts either way.
 */
import { fitSection, widePage } from '../../src/sheets/page';
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
  const center = fitSection([TITLE, body], 'center', {});
  expect(center.startsWith(`${TITLE}\nĐơn vị tổng hợp: Phòng GD&ĐT`)).toBe(true);
  expect(center.endsWith('…')).toBe(true);
  const length = headerFooterCode({ center }).length;
  expect(length).toBeLessThanOrEqual(MAX_HEADER_FOOTER);
  expect(length).toBeGreaterThan(MAX_HEADER_FOOTER - 3);
  expect(() => checkPlanShape({ sheet: 'S', mode: 'ensure', page: widePage(5, 2, [TITLE, body], 'vi') })).not.toThrow();
});

test('footnote lines at the left of the footer, the page number at its right, a taller bottom margin for them', () => {
  const plain = widePage(5, 2, [TITLE], 'vi');
  const page = widePage(5, 2, [TITLE], 'vi', ['Bộ tiêu chí đối chiếu: Thông tư 24/2023/TT-BGDĐT', 'Tổng hợp ngày 06/12/2026 từ 3 tệp']);
  expect(page.footer).toEqual({ left: 'Bộ tiêu chí đối chiếu: Thông tư 24/2023/TT-BGDĐT\nTổng hợp ngày 06/12/2026 từ 3 tệp', right: 'Trang {page}/{pages}' });
  expect(page.margins!.bottom).toBeGreaterThan(plain.margins!.bottom);
  expect(page.margins!.top).toBe(plain.margins!.top);
});

test('a footnote too long for the footer is cut with “…”, the page number kept whole', () => {
  const long = ['Bộ tiêu chí đối chiếu: ' + 'Bộ tiêu chí của Sở GD&ĐT tỉnh, '.repeat(8), 'Tổng hợp ngày 06/12/2026 từ 3 tệp'];
  const page = widePage(5, 2, [TITLE], 'vi', long);
  expect(page.footer!.right).toBe('Trang {page}/{pages}');
  expect(page.footer!.left!.endsWith('…')).toBe(true);
  expect(headerFooterCode(page.footer!).length).toBeLessThanOrEqual(MAX_HEADER_FOOTER);
  expect(() => checkPlanShape({ sheet: 'S', mode: 'ensure', page })).not.toThrow();
});
