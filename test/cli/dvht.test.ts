/** The `dvht` command: usage, exit codes, JSON shape, atomic write-back. */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { capture } from '../support/cliOutput';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-cli-'));

async function initSample(dir: string, extra: string[] = []): Promise<string> {
  const file = path.join(dir, 'truong.xlsx');
  const io = capture();
  const code = await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025', '--sample', ...extra], io);
  expect({ code, err: io.stderr }).toEqual({ code: 0, err: [] });
  return file;
}

/** The sample (initSample) in a fresh folder, edited by `edit` and saved as `name` there. */
async function editedSample(name: string, edit: (wb: ExcelJsWorkbook) => void): Promise<{ dir: string; file: string }> {
  const dir = tmp();
  const wb = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(await initSample(dir)), 'x');
  edit(wb);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await wb.toBuffer());
  return { dir, file };
}

describe('dvht', () => {
  it('prints help in Vietnamese by default and in English on request; usage errors exit 2', async () => {
    const vi = capture();
    expect(await run(['--help'], vi)).toBe(0);
    expect(vi.stdout.join('\n')).toContain('Cách dùng');
    const en = capture();
    expect(await run(['--help', '--lang', 'en'], en)).toBe(0);
    expect(en.stdout.join('\n')).toContain('Usage');
    const none = capture();
    expect(await run([], none)).toBe(2);
    const bad = capture();
    expect(await run(['frobnicate'], bad)).toBe(2);
    expect(bad.stderr.join()).toContain('frobnicate');
    const missing = capture();
    expect(await run(['init', '--preset', 'tt24-co-so-md1'], missing)).toBe(2);
    expect(missing.stderr.join()).toContain('--output');
    const preset = capture();
    expect(await run(['init', '-o', path.join(tmp(), 'x.xlsx'), '--preset', 'khong-co', '--unit', 'A', '--type', 'thcs'], preset)).toBe(2);
    expect(preset.stderr.join()).toContain('dvht presets');
  });

  it('lists presets and unit types', async () => {
    const io = capture();
    expect(await run(['presets'], io)).toBe(0);
    expect(io.stdout.map((l) => l.split(/\s+/)[0])).toEqual(['tt24-co-so-md1', 'tt24-co-so-md2', 'tt24-tinh-md1', 'tt24-tinh-md2', 'tt22-100']);
    const types = capture();
    expect(await run(['types'], types)).toBe(0);
    expect(types.stdout.join('\n')).toContain('Trường THCS');
  });

  it('init refuses to overwrite an existing file', async () => {
    const dir = tmp();
    const file = await initSample(dir);
    const before = fs.readFileSync(file);
    const io = capture();
    expect(await run(['init', '-o', file, '--preset', 'tt22-100', '--unit', 'B', '--type', 'th'], io)).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('evaluate --json prints the documented shape and writes in place', async () => {
    const dir = tmp();
    const file = await initSample(dir);
    const io = capture();
    expect(await run(['evaluate', file, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout.join('\n'));
    expect(Object.keys(report)).toEqual(['unit', 'ruleSet', 'indicators', 'criteria', 'outcome', 'countedMembers', 'members', 'warnings']);
    expect(report.unit).toBe('Trường THCS Nguyễn Du');
    expect(report.ruleSet).toEqual({ id: 'tt24-co-so-md1', name: 'TT24 · cấp huyện · mức độ 1', mode: 'pass-fail' });
    expect(Object.keys(report.indicators[0])).toEqual(['code', 'criterion', 'required', 'value', 'numerator', 'denominator', 'status']);
    for (const i of report.indicators) expect(['met', 'not_met', 'not_applicable', 'not_evaluable']).toContain(i.status);
    expect(report.criteria.map((c: { code: string }) => c.code)).toEqual(['1', '2', '3']);
    expect(Object.keys(report.members[0])).toEqual(['row', 'name', 'met', 'applicable', 'score']);
    const wb = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(file), 'x');
    expect(wb.workbook.getWorksheet('Tổng hợp')).toBeDefined();
  });

  it('evaluate -o leaves the input untouched; a file that cannot be evaluated exits 1 naming sheet and cell, unwritten', async () => {
    const dir = tmp();
    const file = await initSample(dir);
    const before = fs.readFileSync(file);
    const out = path.join(dir, 'ra.xlsx');
    expect(await run(['evaluate', file, '-o', out], capture())).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(out)).toBe(true);

    // Break the rule set: a threshold that is not a percentage.
    const wb = await ExcelJsWorkbook.fromBuffer(before, 'x');
    const ws = wb.workbook.getWorksheet('Tiêu chí')!;
    ws.eachRow((row) => {
      if (row.getCell(1).value === '2.2') row.getCell(5).value = 'chín mươi';
    });
    const broken = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(broken, await wb.toBuffer());
    const brokenBytes = fs.readFileSync(broken);
    const io = capture();
    expect(await run(['evaluate', broken], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/'Tiêu chí'!E\d+: yêu cầu của chỉ tiêu 2\.2 là “chín mươi”/);
    expect(fs.readFileSync(broken).equals(brokenBytes)).toBe(true);
  });

  it('evaluate on a unit with no name: no gap where the name was, and a warning at the name cell', async () => {
    const { file } = await editedSample('khong-ten.xlsx', (wb) => {
      wb.workbook.getWorksheet('Thông tin đơn vị')!.getCell('B4').value = null;
    });
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(0);
    expect(io.stdout.join('\n')).not.toMatch(/ {2}/);
    expect(io.stdout.join('\n')).toMatch(/^Đã đánh giá đơn vị chưa ghi tên \(/);
    expect(io.stderr.join('\n')).toContain("'Thông tin đơn vị'!B4: chưa ghi tên đơn vị");
  });

  it('evaluate: a row without a name, an unclear self-assessment and a repeated indicator code each say what to do, in both languages', async () => {
    const { dir, file } = await editedSample('sai.xlsx', (wb) => {
      wb.workbook.getWorksheet('Thành viên')!.getCell('B7').value = null;
      wb.workbook.getWorksheet('Tiêu chí')!.eachRow((row) => {
        if (row.getCell(1).value === '1.1') row.getCell(9).value = 'ok';
        else if (row.getCell(1).value === '1.2') row.getCell(1).value = '1.1';
      });
    });
    const vi = capture();
    await run(['evaluate', file, '-o', path.join(dir, 'ra.xlsx')], vi);
    const said = vi.stderr.join('\n');
    expect(said).toContain("'Thành viên'!B7: dòng có số liệu nhưng thiếu họ và tên, nên không được tính. Ghi họ và tên vào ô này, hoặc xóa số liệu của dòng nếu đó không phải là thành viên.");
    expect(said).toMatch(/'Tiêu chí'!I\d+: chỉ tiêu 1\.1 ghi “ok”, không rõ là Đạt hay Không đạt; chỉ tiêu này chưa đánh giá được\. Ghi Đạt hoặc Không đạt \(Không áp dụng chỉ khi cột “Áp dụng cho” không gồm đơn vị\)\./);
    expect(said).toMatch(/'Tiêu chí'!A\d+: mã chỉ tiêu 1\.1 bị trùng; dòng này bị bỏ qua\. Sửa mã của dòng này cho đúng \(mỗi chỉ tiêu một mã\), hoặc xóa dòng thừa\./);
    const en = capture();
    await run(['evaluate', file, '-o', path.join(dir, 'ra-en.xlsx'), '--lang', 'en'], en);
    const saidEn = en.stderr.join('\n');
    expect(saidEn).toContain('no name, so it is not counted. Type the name in this cell, or clear the row’s data if it is not a member.');
    expect(saidEn).toContain('neither clearly Đạt nor Không đạt; the indicator cannot be evaluated. Write Đạt or Không đạt (Không áp dụng only where “Áp dụng cho” leaves the unit out).');
    expect(saidEn).toContain('appears twice; this row is ignored. Correct this row’s code (one code per indicator), or delete the extra row.');
  });

  it('evaluate: a class with CDHT holders but no number of learners is said as such at its cell, not as an empty quoted value', async () => {
    const { dir, file } = await editedSample('thieu-so.xlsx', (wb) => {
      wb.workbook.getWorksheet('Người học')!.getCell('C6').value = null;
    });
    const vi = capture();
    await run(['evaluate', file, '-o', path.join(dir, 'ra.xlsx')], vi);
    const said = vi.stderr.join('\n');
    expect(said).not.toContain('“”');
    expect(said).toContain("'Người học'!C6: chưa ghi số người học nhưng đã ghi số người học đạt CDHT. Ghi số người học của lớp, khối này (số nguyên), hoặc xóa số liệu của dòng nếu không dùng.");
    const en = capture();
    await run(['evaluate', file, '-o', path.join(dir, 'ra-en.xlsx'), '--lang', 'en'], en);
    expect(en.stderr.join('\n')).toContain("'Người học'!C6: the number of learners is blank but the number holding CDHT is filled in. Type the number of learners of this class or grade (a whole number), or clear the row’s data if it is not used.");
  });

  it('evaluate of a new workbook with no members and no learners says where to type them', async () => {
    const dir = tmp();
    const file = path.join(dir, 'moi.xlsx');
    expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THPT Lê Lợi', '--type', 'thpt', '--year', '2025'], capture())).toBe(0);
    const vi = capture();
    expect(await run(['evaluate', file], vi)).toBe(1);
    const said = vi.stderr.join('\n');
    // Once for every member indicator, not once each.
    expect(said).toContain('Chưa có thành viên nào được tính, nên 6 chỉ tiêu (2.1, 2.2, 2.3, 2.4, 3.1, 3.2a) chưa đánh giá được. Ghi danh sách thành viên vào trang “Thành viên” (người không tính thì ghi Không ở cột “Tính vào tổng số”).');
    expect(said.split('chưa có thành viên nào').length + said.split('Chưa có thành viên nào').length - 2).toBe(1);
    expect(said).toContain('Chỉ tiêu 3.2b: thiếu số liệu người học (trang “Người học”), nên chưa đánh giá được. Ghi số người học và số người học đạt CDHT của từng lớp, khối vào trang này.');
    const en = capture();
    expect(await run(['evaluate', file, '--lang', 'en'], en)).toBe(1);
    const saidEn = en.stderr.join('\n');
    expect(saidEn).toContain('No member is counted, so 6 indicators (2.1, 2.2, 2.3, 2.4, 3.1, 3.2a) cannot be evaluated. Type the members on the “Thành viên” sheet (write Không in “Tính vào tổng số” for those not counted).');
    expect(saidEn).toContain('Indicator 3.2b: learner figures are missing (sheet “Người học”), so it cannot be evaluated. Type each class’s or grade’s number of learners and of CDHT holders on that sheet.');
  });

  it('evaluate on a file saved by openpyxl: a formula with no stored result in the unit’s data is warned at its cell; the add-in’s own formulas (openpyxl drops every result) are not', async () => {
    const dir = tmp();
    const file = await initSample(dir);
    const io0 = capture();
    expect(await run(['evaluate', file], io0)).toBe(0);
    const saved = path.join(dir, 'openpyxl.xlsx');
    // A member's "Có" and the unit's name typed as formulas; openpyxl stores no result for any formula.
    const script = [
      'import sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      "wb['Thành viên']['H5'] = '=IF(1=1,\"Có\",\"Không\")'",
      "wb['Thông tin đơn vị']['B4'] = '=\"Trường THCS \"&\"Nguyễn Du\"'",
      'wb.save(sys.argv[2])',
    ].join('\n');
    execFileSync('/usr/bin/python3', ['-c', script, file, saved]);
    const io = capture();
    expect(await run(['evaluate', saved, '--json'], io)).toBe(0);
    const warnings: { sheet: string; cell: string; message: string }[] = JSON.parse(io.stdout.join('\n')).warnings;
    const uncalculated = warnings.filter((w) => w.message.includes('công thức chưa được tính'));
    expect(uncalculated.map((w) => `${w.sheet}!${w.cell}`).sort()).toEqual(['Thành viên!H5', 'Thông tin đơn vị!B4']);
    const member = uncalculated.find((w) => w.cell === 'H5')!.message;
    expect(member).toContain("'Thành viên'!H5: công thức chưa được tính");
    expect(member).toContain('không tính công thức');
    expect(member).toContain('Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại');
    // Not said twice, nor as something else: the name is not "missing", the cell holds no formula error.
    expect(warnings.filter((w) => w.sheet === 'Thông tin đơn vị' && w.cell === 'B4')).toHaveLength(1);
    expect(warnings.filter((w) => w.sheet === 'Thành viên' && w.cell === 'H5')).toHaveLength(1);
    expect(io.stdout.join('\n')).not.toContain('#UNCALCULATED');
  });

  it('a file that is not an .xlsx exits 1 with a Vietnamese reason; a missing file is a usage mistake (exit 2)', async () => {
    const dir = tmp();
    const csv = path.join(dir, 'danh-sach.xlsx');
    fs.writeFileSync(csv, 'STT,Họ và tên\n1,Nguyễn Văn An\n');
    const io = capture();
    expect(await run(['evaluate', csv], io)).toBe(1);
    expect(io.stderr.join()).toContain('không phải tệp Excel .xlsx');
    const gone = capture();
    expect(await run(['evaluate', path.join(dir, 'khong-co.xlsx')], gone)).toBe(2);
    expect(gone.stderr.join()).toContain('Không tìm thấy tệp');
  });

  it('runs as an installed command (bin/dvht.js on the compiled build)', () => {
    const root = path.join(__dirname, '..', '..');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: root });
    const res = spawnSync(process.execPath, [path.join(root, 'bin', 'dvht.js'), 'presets'], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('tt22-100');
  });

  it('hands a long --json to a slow pipe whole before it exits (was cut at 64 kB)', async () => {
    const root = path.join(__dirname, '..', '..');
    const dir = tmp();
    const file = await initSample(dir, ['--members', '1000']);
    // A reader that starts late, as `| jq` or `| less` may: the pipe fills, the rest must wait for it.
    const res = spawnSync('sh', ['-c', 'node "$0" evaluate "$1" -o "$2" --json | (sleep 1; cat)', path.join(root, 'bin', 'dvht.js'), file, path.join(dir, 'ra.xlsx')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(res.stdout.length).toBeGreaterThan(100 * 1024);
    const report = JSON.parse(res.stdout) as { members?: unknown[] };
    expect(report.members?.length).toBe(1000);
  });
});
