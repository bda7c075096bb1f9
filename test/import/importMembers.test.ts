/**
 * Import of a messy staff list into "Thành viên": mapping, every imported value, every
 * reported cell, re-import diff, saved mapping, CDHT-only merge, the source left untouched.
 */
import { addCdhtSheet, addStaffSheet, fieldCol, memberRows, roundTrip, sheetDump, SOURCE, unitWorkbook } from './messySheets';
import { applyImport, HIDDEN_NOTE, previewImport, readSourceSheet, REMOVED_NOTE } from '../../src/usecases/import/importMembers';
import { drawImportSettings, IMPORT_SETTINGS_SHEET } from '../../src/usecases/import/savedMapping';
import type { MappedColumn } from '../../src/usecases/import/mapping';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { SHEETS } from '../../src/sheets/names';
import { columnLetter } from '../../src/workbook/a1';

const NOW = new Date(2025, 11, 20);

async function schoolWithList(): Promise<ExcelJsWorkbook> {
  const wb = await unitWorkbook();
  addStaffSheet(wb.workbook);
  return roundTrip(wb);
}

const EXPECTED_MAPPING: [string, string | null][] = [
  ['STT', 'ordinal'],
  ['Mã CB', 'memberId'],
  ['Họ và tên', 'name'],
  ['Chức vụ', 'position'],
  ['Tổ', 'team'],
  ['Kết quả học tập, bồi dưỡng / KH tự học', 'studyPlan'],
  ['Kết quả học tập, bồi dưỡng / Hoàn thành BDTX', 'mandatoryTraining'],
  ['Kết quả học tập, bồi dưỡng / Tham gia CĐS', 'digital'],
  ['Kết quả học tập, bồi dưỡng / Chứng chỉ NN', 'language'],
  ['Danh hiệu thi đua / LĐTT', 'emulationTitle'],
  ['Danh hiệu thi đua / CSTĐCS', 'emulationTitle'],
  ['CDHT / Điểm', 'cdhtScore'],
  ['CDHT / Xếp loại', 'cdhtTitle'],
  ['Năm sinh', 'birthDate'],
  ['GĐHT', 'learningFamily'],
  ['Ghi chú', 'note'],
];

describe('import preview on a messy staff list', () => {
  it('finds the two-row header under the title block and proposes the mapping', async () => {
    const p = await previewImport(await schoolWithList(), { sheet: SOURCE }, { now: NOW });
    expect(p.ok).toBe(true);
    expect(p.header).toEqual({ top: 5, bottom: 6, dataStart: 8 }); // row 7 numbers the columns
    expect(p.columns.map((c) => [c.header, c.target])).toEqual(EXPECTED_MAPPING);
    expect(p.columns.map((c) => c.col)).toEqual([...Array(16).keys()].map((i) => i + 1));
    expect(p.columns.find((c) => c.header.endsWith('LĐTT'))!.impliedTitle).toBe('Lao động tiên tiến');
    expect(p.columns.find((c) => c.header.endsWith('CSTĐCS'))!.impliedTitle).toBe('Chiến sĩ thi đua cơ sở');
    expect(p.columns.find((c) => c.header === 'GĐHT')!.hidden).toBe(true);
    expect(p.mappingSource).toBe('auto');
  });

  it('skips section and subtotal rows, and normalises every value', async () => {
    const p = await previewImport(await schoolWithList(), { sheet: SOURCE }, { now: NOW });
    expect(p.skipped).toEqual([
      { row: 8, reason: 'section', text: 'I. Ban giám hiệu' },
      { row: 11, reason: 'section', text: 'II Tổ Khoa học tự nhiên' },
      { row: 15, reason: 'subtotal', text: 'Cộng' },
      { row: 19, reason: 'subtotal', text: 'Tổng cộng' },
    ]);
    const byRow = Object.fromEntries(p.rows.map((r) => [r.row, r]));
    expect(Object.keys(byRow).map(Number)).toEqual([9, 10, 12, 13, 14, 17]);
    const base = { position: null, team: null, studyPlan: null, mandatoryTraining: null, digital: null, language: null, emulationTitle: null, cdhtScore: null, cdhtTitle: null, learningFamily: null, note: null };
    expect(byRow[9]).toEqual({
      row: 9,
      name: 'Nguyễn Văn An',
      id: 'CB001',
      hidden: false,
      unreadable: [],
      values: { ...base, position: 'Hiệu trưởng', team: 'BGH', studyPlan: 'Có', mandatoryTraining: 'Có', digital: 'Có', language: 'Có', emulationTitle: 'Chiến sĩ thi đua cơ sở', cdhtScore: 85, cdhtTitle: 'Đạt', birthDate: 1975, learningFamily: 'Có' },
    });
    // NFD name, TRUE / 1 / ✓ as yes, the merged "BGH" cell above, a decimal score.
    expect(byRow[10]!.name).toBe('Trần Thị Bình'.normalize('NFC'));
    expect(byRow[10]!.name).toBe(byRow[10]!.name.normalize('NFC'));
    expect(byRow[10]!.values).toEqual({ ...base, position: 'Phó hiệu trưởng', team: 'BGH', studyPlan: 'Có', mandatoryTraining: 'Có', digital: 'Có', language: 'Có', emulationTitle: 'Chiến sĩ thi đua cơ sở', cdhtScore: 92.5, cdhtTitle: 'Đạt', birthDate: 1980, note: 'Chuyển công tác 6/2025' });
    // "chưa rõ" is not guessed; "85,5" is a decimal comma (a score ≤ 100 has no thousands); a non-breaking space is cleaned; "0" and "-" are no.
    expect(byRow[12]!.values).toEqual({ ...base, position: 'Giáo viên', team: 'KHTN', studyPlan: 'Có', digital: 'Không', language: 'Không', emulationTitle: 'Lao động tiên tiến', cdhtScore: 85.5, birthDate: 1990 });
    expect(byRow[12]!.unreadable).toEqual(['mandatoryTraining']);
    // A formula error, a score over 100, "Công dân học tập" as the CDHT title, "LĐTT" under LĐTT.
    expect(byRow[13]!.values).toEqual({ ...base, position: 'Tổ trưởng', team: 'KHTN', studyPlan: 'Có', mandatoryTraining: 'Có', language: 'Không', emulationTitle: 'Lao động tiên tiến', cdhtTitle: 'Đạt', birthDate: 1988 });
    expect(byRow[13]!.unreadable).toEqual(['digital', 'cdhtScore']);
    expect(byRow[14]).toMatchObject({ name: 'Lê Thị Hoa', id: 'CB005', hidden: true });
    expect(byRow[14]!.values).toMatchObject({ cdhtScore: 81, emulationTitle: 'Lao động tiên tiến' });
    expect(byRow[17]!.values).toEqual({ ...base, position: 'Nhân viên kế toán', team: 'Văn phòng', studyPlan: 'Có', mandatoryTraining: 'Có', digital: 'Có', cdhtScore: 65, cdhtTitle: 'Chưa đạt', birthDate: 1985 });
  });

  it('lists every unreadable cell with its address, what was found and what is expected', async () => {
    const p = await previewImport(await schoolWithList(), { sheet: SOURCE }, { now: NOW });
    expect(p.issues.map((i) => [i.cell, i.reason, i.found, i.target])).toEqual([
      ['G12', 'ambiguousYesNo', 'chưa rõ', 'mandatoryTraining'],
      ['H13', 'cellError', '#DIV/0!', 'digital'],
      ['L13', 'outOfRange', '120', 'cdhtScore'],
      ['C18', 'nameMissing', '7 · Giáo viên · Văn phòng · x', 'name'],
    ]);
    for (const i of p.issues) expect(i.sheet).toBe(SOURCE);
    expect(p.issues[0]!.message).toBe(
      "'DS CB-GV-NV'!G12 (cột “Kết quả học tập, bồi dưỡng / Hoàn thành BDTX”): ghi “chưa rõ”, không rõ nghĩa. Cần: Có hoặc Không (x, đạt, 1 cũng được hiểu là Có; 0, -, chưa đạt là Không). Ô này được để trống khi nhập.",
    );
    expect(p.issues[2]!.message).toContain('một số từ 0 đến 100');
    // Row 14 is hidden (a teacher who left): imported not counted, and said. Row 10's note “Chuyển công tác 6/2025”
    // leaves her counted, pointed at.
    expect(p.notices.map((n) => [n.code, n.cell])).toEqual([
      ['import.notice.hiddenColumn', 'O5'],
      ['import.notice.sameNameWithId', 'C14'],
      ['import.notice.hiddenNotCounted', 'C14'],
      ['import.notice.absenceCounted', 'P10'],
    ]);
    expect(p.diff.added.map((a) => a.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Thị Hoa', 'Phạm Minh Đức', 'Lê Thị Hoa', 'Võ Thị Hạnh']);
  });

  it('can leave hidden rows out', async () => {
    const p = await previewImport(await schoolWithList(), { sheet: SOURCE }, { includeHiddenRows: false });
    expect(p.rows.map((r) => r.row)).toEqual([9, 10, 12, 13, 17]);
    expect(p.skipped).toContainEqual({ row: 14, reason: 'hidden', text: 'Lê Thị Hoa' });
  });

  it('lets a correction take a field from the proposal, and blocks two columns chosen for one field', async () => {
    const wb = await schoolWithList();
    const moved = await previewImport(wb, { sheet: SOURCE }, { choice: { 14: 'note' } });
    expect(moved.columns.filter((c) => c.target === 'note').map((c) => [c.header, c.origin])).toEqual([['Năm sinh', 'user']]);
    const p = await previewImport(wb, { sheet: SOURCE }, { choice: { 14: 'note', 16: 'note' } });
    expect(p.ok).toBe(false);
    expect(p.blocking.map((b) => [b.code, b.cell])).toEqual([['import.block.conflict', 'P5']]);
  });

  it('blocks a sheet without a recognisable header, and a workbook without the members sheet', async () => {
    const wb = await unitWorkbook();
    const ws = wb.workbook.addWorksheet('Ghi chép');
    ws.getCell('A1').value = 'Sổ ghi chép';
    ws.getCell('A3').value = 'Ngày';
    ws.getCell('B3').value = 'Nội dung';
    const p = await previewImport(wb, { sheet: 'Ghi chép' });
    expect(p.blocking.map((b) => b.code)).toEqual(['import.block.noHeader']);
    const bare = ExcelJsWorkbook.create('rong.xlsx');
    addStaffSheet(bare.workbook);
    const q = await previewImport(bare, { sheet: SOURCE });
    expect(q.blocking.map((b) => b.code)).toEqual(['import.block.noMembersSheet']);
    const r = await previewImport(wb, { sheet: SHEETS.members });
    expect(r.blocking.map((b) => b.code)).toEqual(['import.block.sourceIsMembers']);
  });
});

describe('import apply', () => {
  it('writes the members sheet in one batch, leaves the source byte-identical, and evaluates', async () => {
    const wb = await schoolWithList();
    const before = sheetDump(wb.workbook.getWorksheet(SOURCE)!);
    const result = await applyImport(wb, { sheet: SOURCE }, { now: NOW });
    expect(result.applied).toBe(true);
    const saved = await roundTrip(wb);
    expect(sheetDump(saved.workbook.getWorksheet(SOURCE)!)).toBe(before);
    const rows = memberRows(saved.workbook);
    expect(rows.map((r) => [r['STT'], r['Họ và tên'], r['Mã định danh']])).toEqual([
      [1, 'Nguyễn Văn An', 'CB001'],
      [2, 'Trần Thị Bình', 'CB002'],
      [3, 'Lê Thị Hoa', 'CB003'],
      [4, 'Phạm Minh Đức', 'CB004'],
      [5, 'Lê Thị Hoa', 'CB005'],
      [6, 'Võ Thị Hạnh', 'CB006'],
    ]);
    expect(rows[2]).toMatchObject({ 'Hoàn thành bồi dưỡng bắt buộc': null, 'Tham gia chuyển đổi số': 'Không', 'Điểm CDHT': 85.5, 'Danh hiệu thi đua': 'Lao động tiên tiến', 'Tính vào tổng số': null });
    expect(rows[1]).toMatchObject({ 'Điểm CDHT': 92.5, 'Danh hiệu CDHT': 'Đạt', 'Tổ / bộ phận': 'BGH', 'Ghi chú': 'Chuyển công tác 6/2025' });
    expect(rows[5]).toMatchObject({ 'Danh hiệu CDHT': 'Chưa đạt', 'Danh hiệu thi đua': null, 'Gia đình học tập': null });
    expect(saved.workbook.getWorksheet(IMPORT_SETTINGS_SHEET)).toBeDefined();
    // The list counts the five on its shown rows; row 14 is hidden.
    expect(rows.find((r) => r['Mã định danh'] === 'CB005')).toMatchObject({ 'Tính vào tổng số': 'Không', 'Ghi chú': `${HIDDEN_NOTE} “${SOURCE}” (dòng 14)` });
    const ev = await evaluateWorkbook(saved, { now: NOW, dryRun: true });
    expect(ev.ok && ev.report.countedMembers).toBe(5);
  });

  it('re-import reports added / updated / unchanged / removed, and marks the removed instead of deleting', async () => {
    const wb = await schoolWithList();
    await applyImport(wb, { sheet: SOURCE }, { now: NOW });
    // Next year's list comes from another file.
    const other = ExcelJsWorkbook.create('ds-2026.xlsx');
    addStaffSheet(other.workbook, 'nextYear');
    const src = await readSourceSheet(await roundTrip(other), SOURCE);
    const source = { sheet: SOURCE, data: src.data! };
    const p = await previewImport(wb, source, { now: NOW });
    expect(p.diff.added.map((e) => e.name)).toEqual(['Đặng Thu Trang']);
    expect(p.diff.updated.map((e) => [e.name, e.changes.map((c) => [c.header, c.before, c.after])])).toEqual([['Nguyễn Văn An', [['Tham gia chuyển đổi số', 'Có', 'Không']]]]);
    expect(p.diff.unchanged.map((e) => e.name)).toEqual(['Trần Thị Bình', 'Lê Thị Hoa', 'Phạm Minh Đức', 'Võ Thị Hạnh']);
    expect(p.diff.removed.map((e) => [e.name, e.memberRow])).toEqual([['Lê Thị Hoa', 9]]);
    await applyImport(wb, source, { now: NOW });
    const rows = memberRows(wb.workbook);
    expect(rows).toHaveLength(7);
    const removed = rows.find((r) => r['Mã định danh'] === 'CB005')!;
    expect(removed['Tính vào tổng số']).toBe('Không');
    // Hidden in last year's list, gone from this one.
    expect(removed['Ghi chú']).toBe(`${HIDDEN_NOTE} “${SOURCE}” (dòng 14); ${REMOVED_NOTE} “${SOURCE}” ngày 20/12/2025`);
    expect(rows.find((r) => r['Họ và tên'] === 'Đặng Thu Trang')).toMatchObject({ STT: 7, 'Mã định danh': 'CB007', 'Điểm CDHT': 90 });
    // The same list again: nothing changes, the removed member is not marked twice.
    const again = await previewImport(wb, source, { now: NOW });
    expect([again.diff.added.length, again.diff.updated.length, again.diff.unchanged.length]).toEqual([0, 0, 6]);
    expect(again.diff.removed).toEqual([{ name: 'Lê Thị Hoa', sourceRow: null, memberRow: 9, changes: [], alreadyMarked: true }]);
    const r = await applyImport(wb, source, { now: NOW });
    expect(r.written).toBe(0);
  });

  it('re-import keeps what the members sheet holds where the list is blank, unless clearing is chosen', async () => {
    const wb = await schoolWithList();
    await applyImport(wb, { sheet: SOURCE }, { now: NOW });
    // The clerk types into "Thành viên" what her own list leaves blank.
    const members = wb.workbook.getWorksheet(SHEETS.members)!;
    const an = memberRows(wb.workbook).find((r) => r['Mã định danh'] === 'CB001')!.row as number;
    const hanh = memberRows(wb.workbook).find((r) => r['Mã định danh'] === 'CB006')!.row as number;
    members.getCell(an, fieldCol('note')).value = 'Nghỉ thai sản';
    members.getCell(hanh, fieldCol('emulationTitle')).value = 'Chiến sĩ thi đua cơ sở';
    const typed = await roundTrip(wb);
    const other = ExcelJsWorkbook.create('ds-2026.xlsx');
    addStaffSheet(other.workbook, 'nextYear');
    const source = { sheet: SOURCE, data: (await readSourceSheet(await roundTrip(other), SOURCE)).data! };

    const p = await previewImport(typed, source, { now: NOW });
    const noteAt = `${columnLetter(fieldCol('note'))}${an}`;
    const titleAt = `${columnLetter(fieldCol('emulationTitle'))}${hanh}`;
    expect(p.diff.kept.map((k) => [k.name, k.header, k.cell, k.value])).toEqual([
      ['Nguyễn Văn An', 'Ghi chú', noteAt, 'Nghỉ thai sản'],
      ['Võ Thị Hạnh', 'Danh hiệu thi đua', titleAt, 'Chiến sĩ thi đua cơ sở'],
    ]);
    expect(p.diff.updated.map((e) => [e.name, e.changes.map((c) => `${c.header}: ${c.before} → ${c.after}`)])).toEqual([['Nguyễn Văn An', ['Tham gia chuyển đổi số: Có → Không']]]);
    await applyImport(typed, source, { now: NOW });
    const kept = memberRows(typed.workbook);
    expect(kept.find((r) => r.row === an)!['Ghi chú']).toBe('Nghỉ thai sản');
    expect(kept.find((r) => r.row === hanh)!['Danh hiệu thi đua']).toBe('Chiến sĩ thi đua cơ sở');

    // Clearing is a choice: then the blanks are listed as changes and written.
    const clearing = await previewImport(typed, source, { now: NOW, clearBlanks: true });
    expect(clearing.diff.kept).toEqual([]);
    expect(clearing.diff.updated.map((e) => [e.name, e.changes.map((c) => `${c.header}: ${c.before} → ${c.after}`)])).toEqual([
      ['Nguyễn Văn An', ['Ghi chú: Nghỉ thai sản → ']],
      ['Võ Thị Hạnh', ['Danh hiệu thi đua: Chiến sĩ thi đua cơ sở → ']],
    ]);
    await applyImport(typed, source, { now: NOW, clearBlanks: true });
    expect(memberRows(typed.workbook).find((r) => r.row === an)!['Ghi chú']).toBeNull();
  });

  it('matches by name when no ID (nor date of birth) column is mapped, namesakes in order', async () => {
    const wb = await schoolWithList();
    await applyImport(wb, { sheet: SOURCE }, { choice: { 2: null, 14: null } });
    const p = await previewImport(wb, { sheet: SOURCE }, { choice: { 2: null, 14: null } });
    expect(p.diff.added).toEqual([]);
    expect(p.diff.unchanged.map((e) => [e.name, e.memberRow])).toEqual([
      ['Nguyễn Văn An', 5],
      ['Trần Thị Bình', 6],
      ['Lê Thị Hoa', 7],
      ['Phạm Minh Đức', 8],
      ['Lê Thị Hoa', 9],
      ['Võ Thị Hạnh', 10],
    ]);
    expect(p.notices.map((n) => n.code)).toContain('import.notice.duplicateName');
  });

  it('saves the confirmed mapping in the workbook and reuses it next time', async () => {
    const wb = await schoolWithList();
    await applyImport(wb, { sheet: SOURCE }, { choice: { 16: null, 4: 'team', 5: null }, now: NOW });
    const settings = wb.workbook.getWorksheet(IMPORT_SETTINGS_SHEET)!;
    expect(String(settings.getCell('A2').value)).toContain('lần sau');
    const again = await roundTrip(wb);
    const p = await previewImport(again, { sheet: SOURCE });
    expect(p.mappingSource).toBe('saved');
    const by = Object.fromEntries(p.columns.map((c) => [c.header, [c.target, c.origin]]));
    expect(by['Ghi chú']).toEqual([null, 'saved']);
    expect(by['Chức vụ']).toEqual(['team', 'saved']);
    expect(by['Tổ']).toEqual([null, 'saved']);
    expect(by['Họ và tên']).toEqual(['name', 'saved']);
    const fresh = await previewImport(again, { sheet: SOURCE }, { useSaved: false });
    expect(fresh.columns.map((c) => c.target)).toEqual(EXPECTED_MAPPING.map(([, t]) => t));
  });

  it('merges a names + CDHT list into the CDHT columns only, reporting unmatched names', async () => {
    const wb = await schoolWithList();
    await applyImport(wb, { sheet: SOURCE }, { now: NOW });
    addCdhtSheet(wb.workbook);
    const beforeRows = memberRows(wb.workbook);
    const p = await previewImport(wb, { sheet: 'CDHT 2025' }, { mode: 'cdht' });
    expect(p.columns.map((c) => [c.header, c.target])).toEqual([
      ['STT', null],
      ['Họ tên', 'name'],
      ['Ngày sinh', 'birthDate'], // only to tell namesakes apart: never written
      ['Điểm tự đánh giá', 'cdhtScore'],
      ['Kết quả', 'cdhtTitle'],
    ]);
    expect(p.issues.map((i) => [i.cell, i.reason])).toEqual([['E8', 'invalidNumber']]);
    expect(p.diff.updated.map((e) => [e.name, e.changes.map((c) => `${c.header}: ${c.before} → ${c.after}`)])).toEqual([
      ['NGUYỄN VĂN AN', ['Điểm CDHT: 85 → 88']],
      ['Võ Thị Hạnh', ['Điểm CDHT: 65 → 82', 'Danh hiệu CDHT: Chưa đạt → Đạt']],
    ]);
    expect(p.diff.unchanged.map((e) => e.name)).toEqual(['Trần Thị Bình']);
    expect(p.diff.unmatched.map((e) => e.name)).toEqual(['Lê Thị Hoa', 'Hoàng Văn Lạ']);
    expect(p.notices.filter((n) => n.code === 'import.notice.unmatched').map((n) => n.cell)).toEqual(['C6', 'C7']);
    await applyImport(wb, { sheet: 'CDHT 2025' }, { mode: 'cdht' });
    const after = memberRows(wb.workbook);
    expect(after).toHaveLength(beforeRows.length);
    expect(after[0]).toEqual({ ...beforeRows[0], 'Điểm CDHT': 88 });
    expect(after[5]).toEqual({ ...beforeRows[5], 'Điểm CDHT': 82, 'Danh hiệu CDHT': 'Đạt' });
    expect(after[1]).toEqual(beforeRows[1]); // the unreadable score keeps what was there
  });
});

describe('the import settings sheet prints like the other data sheets', () => {
  it('A4, portrait, fit to one page wide, the table header repeated', () => {
    const plan = drawImportSettings('DS CB-GV-NV', '4', '20/12/2025', [{ col: 1, header: 'Họ và tên', target: 'name' } as MappedColumn]);
    expect(plan.page).toEqual({ paperSize: 'A4', orientation: 'portrait', fitToWidth: true, margins: expect.any(Object), printTitleRows: '8:8' });
  });
});
