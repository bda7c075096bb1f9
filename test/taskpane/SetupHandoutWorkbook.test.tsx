/**
 * @jest-environment jsdom
 *
 * Inside Excel the rule-set file (.json) cannot be downloaded, so the starting workbook an
 * officer hands out carries the rule set itself: the Setup step takes a picked "sổ mẫu" (.xlsx)
 * as the rule set to use, where the host reads .xlsx files, and refuses one whose thresholds were
 * edited or that was never handed out.
 */
import { TextDecoder, TextEncoder } from 'util';
import { fireEvent, screen } from '@testing-library/react';
import { SetupStep } from '../../src/taskpane/steps/SetupStep';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { handoutRuleSet, writeStarterWorkbook } from '../../src/usecases/handout';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { cellAddress } from '../../src/workbook/a1';
import { readText } from '../../src/domain/values';
import type { PaneHost } from '../../src/taskpane/host';
import { fakePaneHost } from '../support/fakePaneHost';
import { renderStep, settle } from './renderPane';

const wait = { timeout: 20_000 };
// jsdom has no TextEncoder; the file implementation (run here for the host) needs Node's.
Object.assign(globalThis, { TextEncoder, TextDecoder });

async function starter(edit?: (wb: XlsxWorkbook) => Promise<void>): Promise<Uint8Array> {
  const rs = await handoutRuleSet({ presetId: 'tt24-co-so-md2' });
  if (!rs.ok) throw new Error(rs.message);
  const wb = await XlsxWorkbook.create('so-mau.xlsx', NODE_XLSX);
  await writeStarterWorkbook(wb, { ...rs.ruleSet, name: 'Bộ tiêu chí của UBND xã Tân Phú' }, { body: 'UBND xã Tân Phú', tier: 'cấp xã' });
  await edit?.(wb);
  return wb.toBytes();
}

/** A host that reads picked .xlsx files, as the Excel host does with its file implementation. */
async function hostReadingFiles(files: Map<string, Uint8Array>): Promise<PaneHost> {
  const host = await fakePaneHost();
  return { ...host, openFile: async (file: File) => XlsxWorkbook.open(files.get(file.name)!, file.name, NODE_XLSX) };
}

function pick(name: string): void {
  const input = screen.getByLabelText('Mở tệp bộ tiêu chí được giao…') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['x'], name)] } });
}

describe('the Setup step takes the rule set of a handed-out starting workbook', () => {
  test('offers and chooses the sealed rule set of the sổ mẫu', async () => {
    renderStep(SetupStep, await hostReadingFiles(new Map([['so-mau.xlsx', await starter()]])));
    expect((screen.getByLabelText('Mở tệp bộ tiêu chí được giao…') as HTMLInputElement).accept).toContain('.xlsx');
    expect(screen.getByText(/chính sổ mẫu \(\.xlsx\)/)).toBeTruthy();
    pick('so-mau.xlsx');
    const offered = (await screen.findByRole('radio', { name: /Bộ tiêu chí của UBND xã Tân Phú/ }, wait)) as HTMLInputElement;
    expect(offered.checked).toBe(true);
  });

  test('refuses a sổ mẫu whose threshold was edited, and a workbook never handed out', async () => {
    const edited = await starter(async (wb) => {
      const data = (await wb.batch((s) => s.read([SHEETS.criteria]))).sheets.get(SHEETS.criteria)!;
      const row = data.rows.findIndex((r) => readText(r[COL.code - 1] ?? null) === '2.4') + 1;
      expect(row).toBeGreaterThan(0);
      await wb.batch(async (s) => s.write({ sheet: SHEETS.criteria, mode: 'existing', cells: [{ at: cellAddress(row, COL.threshold), rows: [[0.3]] }] }));
    });
    const plain = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    await createSheets(plain, sampleUnit());
    renderStep(SetupStep, await hostReadingFiles(new Map([['so-mau-sua.xlsx', edited], ['truong.xlsx', await plain.toBytes()]])));
    pick('so-mau-sua.xlsx');
    expect(await screen.findByText(/“so-mau-sua.xlsx” đã bị sửa sau khi xuất/, undefined, wait)).toBeTruthy();
    pick('truong.xlsx');
    expect(await screen.findByText(/Sổ “truong.xlsx” không mang bộ tiêu chí do đơn vị tổng hợp giao/, undefined, wait)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: /Bộ tiêu chí của UBND xã Tân Phú/ })).toBeNull();
  });

  test('where the host reads no .xlsx, only the .json file is asked for', async () => {
    const host = await fakePaneHost();
    renderStep(SetupStep, host);
    await settle(host);
    expect((screen.getByLabelText('Mở tệp bộ tiêu chí được giao…') as HTMLInputElement).accept).not.toContain('.xlsx');
  });
});
