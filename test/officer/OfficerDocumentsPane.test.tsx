/** @jest-environment jsdom */
/**
 * The pane's part of the officer's documents: the office that examines and submits is typed
 * there as on the command line (--office), and heads the request under the UBND.
 */
import { TextDecoder, TextEncoder } from 'util';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { OfficerDocuments } from '../../src/taskpane/steps/OfficerDocuments';
import { fakePaneHost } from '../support/fakePaneHost';
import { readText } from '../../src/domain/values';
import { batchFiles, consolidatedFile } from './batch';

jest.setTimeout(120_000);
// jsdom has no TextEncoder; the file implementation (the officer's workbook here) needs Node's.
Object.assign(globalThis, { TextEncoder, TextDecoder });

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };

test('the office typed in the pane examines and submits: “… kính trình Chủ tịch UBND …”, numbered with its initials', async () => {
  // The officer's workbook as the CLI writes it (the file implementation), shown in the pane.
  // The second, the commune's own UBND, is kept out of its own chairman's decision.
  const wb = await consolidatedFile((await batchFiles()).slice(0, 2));
  const host = await fakePaneHost({ wrap: () => wb });
  render(
    <FluentProvider theme={webLightTheme}>
      <OfficerDocuments host={host} lang="vi" body="UBND xã Hòa Bình" tier="cấp xã" />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByRole('textbox', { name: /Cơ quan thẩm định, trình/ }), { target: { value: 'Ban Văn hóa xã Hòa Bình' } });
  fireEvent.click(screen.getByRole('button', { name: 'Lập biên bản, tờ trình, quyết định' }));
  await screen.findByText(/Đã lập 3 văn bản/, BAR, { timeout: 60_000 });
  const sheet = (await wb.batch((s) => s.read(['Tờ trình công nhận']))).sheets.get('Tờ trình công nhận')!;
  const texts = sheet.rows.flatMap((r) => r.map((c) => readText(c ?? null).trim())).filter(Boolean);
  expect(texts).toContain('Ban Văn hóa xã Hòa Bình kính trình Chủ tịch UBND xã Hòa Bình xem xét, ban hành Quyết định công nhận 1 đơn vị đạt “Đơn vị học tập” cấp huyện năm 2025 (có dự thảo Quyết định và danh sách kèm theo)./.');
  expect(texts).toContainEqual(expect.stringMatching(/^Số:\s+\/TTr-BVH$/));
  expect(texts).toContain('TRƯỞNG BAN');
});

test('after the documents, the pane names each unit kept out and why, as the command line does', async () => {
  const files = await batchFiles();
  const wb = await consolidatedFile(files.filter((f) => /05-khong-dat|06-tu-danh-gia-sai|07-sua-sau|01-thcs/.test(f.label)));
  const host = await fakePaneHost({ wrap: () => wb });
  render(
    <FluentProvider theme={webLightTheme}>
      <OfficerDocuments host={host} lang="vi" body="UBND xã Hòa Bình" tier="cấp xã" />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Lập biên bản, tờ trình, quyết định' }));
  await screen.findByText(/Đã lập 3 văn bản/, BAR, { timeout: 60_000 });
  const list = screen.getByRole('list', { name: 'Chưa đủ điều kiện đề nghị công nhận (3):' });
  const items = [...list.querySelectorAll('li')].map((li) => li.textContent);
  expect(items).toEqual([
    expect.stringMatching(/^Trường mầm non Hoa Sen: tính lại Không đạt \(chưa đạt chỉ tiêu \d\.\d\w?: [\d,]+% < \d+%.*\)\.$/),
    // Two findings, two sentences (they ran together: “… 79,7% < 90% Kết quả tự đánh giá ghi …”).
    expect.stringMatching(/^Trường THCS Chu Văn An: Chỉ tiêu 2\.1: tự đánh giá Đạt nhưng số liệu 79,7% < 90%\. Kết quả tự đánh giá ghi /),
    expect.stringMatching(/^Trường tiểu học Lê Lợi: Số liệu trong hồ sơ đã được sửa sau lần tự đánh giá ngày \d\d\/\d\d\/\d{4};/),
  ]);
});
