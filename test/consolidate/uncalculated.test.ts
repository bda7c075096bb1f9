/**
 * A unit's workbook saved by a program that does not calculate (openpyxl stores no result for
 * any formula): figures typed as formulas are reported at their cells, not counted as blank;
 * the add-in's own formulas, which it recomputes, are not.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { unitWorkbook } from './corpus';
import { isBlockingRemark, remarkFinding } from '../../src/usecases/officerTable';
import { t } from '../../src/i18n';

jest.setTimeout(60_000);

/** The unit's workbook loaded and saved by openpyxl, with `cells` ("Sheet!A1" → formula) set first. */
function viaOpenpyxl(bytes: Uint8Array, cells: Record<string, string>): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-openpyxl-'));
  try {
    const from = path.join(dir, 'in.xlsx');
    const to = path.join(dir, 'out.xlsx');
    fs.writeFileSync(from, bytes);
    const script = ['import sys, json, openpyxl', 'wb = openpyxl.load_workbook(sys.argv[1])', 'for k, f in json.loads(sys.argv[3]).items():', '    s, a = k.rsplit("!", 1)', '    wb[s][a] = f', 'wb.save(sys.argv[2])'].join('\n');
    execFileSync('/usr/bin/python3', ['-c', script, from, to, JSON.stringify(cells)]);
    return fs.readFileSync(to);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('consolidation of a workbook whose formulas were not calculated', () => {
  let evaluated: Uint8Array;
  beforeAll(async () => {
    evaluated = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20 });
  });

  it('names the cells of the unit’s figures and information that hold formulas without a result', async () => {
    const bytes = viaOpenpyxl(evaluated, { 'Thành viên!H5': '=IF(1=1,"Có","Không")', 'Thành viên!I6': '="Có"', 'Thông tin đơn vị!B5': '="Trường THCS"' });
    const outcome = await readUnitFile(bytes, 'don-vi.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' });
    expect(outcome.report.status).toBe('consolidated');
    const flags = outcome.unit!.flags.filter((f) => f.code === 'uncalculated');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toMatch(/^3 ô số liệu có công thức chưa được tính \(([^)]*)\): .*Excel hoặc LibreOffice, lưu lại rồi gửi lại\.$/);
    const listed = /\(([^)]*)\)/.exec(flags[0]!.message)![1]!.split(', ');
    expect(listed.sort()).toEqual(["'Thành viên'!H5", "'Thành viên'!I6", "'Thông tin đơn vị'!B5"]);
    const en = await readUnitFile(bytes, 'don-vi.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang: 'en' });
    expect(en.unit!.flags.find((f) => f.code === 'uncalculated')!.message).toMatch(/^3 data cells hold formulas that have not been calculated/);
  });

  it('says nothing of the add-in’s own formulas, which openpyxl also stores without results', async () => {
    const outcome = await readUnitFile(viaOpenpyxl(evaluated, {}), 'don-vi.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' });
    expect(outcome.report.status).toBe('consolidated');
    expect(outcome.unit!.flags.map((f) => f.code)).not.toContain('uncalculated');
    expect(outcome.unit!.flags.map((f) => f.code)).not.toContain('dataWarnings');
  });

  // The self-assessment is the add-in's formula too: without its result there is nothing to check the data against,
  // and the table said “Khớp số liệu” beside a blank “Tự đánh giá của đơn vị”.
  it('says the recorded self-assessment cannot be read, at its cell, and keeps the unit out until it is', async () => {
    const outcome = await readUnitFile(viaOpenpyxl(evaluated, {}), 'don-vi.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' });
    expect(outcome.unit!.recorded.outcome).toBe('');
    const flag = outcome.unit!.flags.find((f) => f.code === 'uncalculatedResult');
    expect(flag?.message).toBe(
      "Kết quả tự đánh giá ('Thông tin đơn vị'!B20) là công thức chưa được tính: tệp được lưu bằng một chương trình không tính công thức, nên không đọc được kết quả đơn vị đã tự đánh giá để đối chiếu; cột “Kết quả (tính lại)” là kết quả theo số liệu trong sổ. Đề nghị đơn vị mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại tệp.",
    );
    expect(isBlockingRemark(flag!.message)).toBe(true);
    expect(remarkFinding(flag!.message)).toBe(t('vi', 'officer.finding.uncalculatedResult'));
    const en = await readUnitFile(viaOpenpyxl(evaluated, {}), 'don-vi.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang: 'en' });
    const enFlag = en.unit!.flags.find((f) => f.code === 'uncalculatedResult')!.message;
    expect(enFlag).toMatch(/^The recorded self-assessment \('Thông tin đơn vị'!B20\) is a formula that has not been calculated/);
    expect([isBlockingRemark(enFlag), remarkFinding(enFlag)]).toEqual([true, t('en', 'officer.finding.uncalculatedResult')]);
  });

  it('says nothing of it when the program calculated (the evaluated workbook as saved)', async () => {
    const outcome = await readUnitFile(evaluated, 'don-vi.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' });
    expect(outcome.unit!.flags).toEqual([]);
  });
});
