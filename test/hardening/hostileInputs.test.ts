/**
 * Hostile inputs, built here at test time, through every door a file comes in: the
 * preflight (before ExcelJS), `dvht import` / `evaluate` / `documents` (ExcelJS behind the
 * preflight) and `dvht consolidate` (the streaming reader). Each is refused with a
 * Vietnamese reason, nothing is written, and "bounded" is shown as behaviour: the refusal
 * comes from the caps, before anything is inflated past a declared size.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { openXlsx, preflightXlsx, PREFLIGHT_LIMITS, XlsxError, type XlsxFailure } from '../../src/xlsx';
import type { Inflate } from '../../src/xlsx/zip';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { handMadeWorkbook, hostileWorkbooks as H, unitWorkbook as unitFile, withChangedEntries, withExtraEntries } from '../consolidate/corpus';
import { fieldCol, unitWorkbook } from '../import/messySheets';
import { capture } from '../support/cliOutput';

jest.setTimeout(60_000);

const SHEET = SHEETS.members; // so consolidation reads the hostile sheet too

interface Case {
  build: () => Uint8Array | Promise<Uint8Array>;
  /** What the preflight says. */
  kind: XlsxFailure;
  /** The reason `dvht import` gives. */
  cli: RegExp;
  /** The reason consolidation gives (it reads with src/xlsx, not ExcelJS). */
  consolidate: RegExp;
}

const BOMB = /nghi “bom nén”/;
const TOO_LARGE = new RegExp(`^Trang tính “${SHEET}” quá lớn .*Hãy xóa các dòng trống bên dưới bảng`);
const NOT_UNIT = /^Không phải sổ đánh giá ĐVHT đọc được: /;
const BROKEN_SHEET = `Tệp bị hỏng: dữ liệu của trang tính “${SHEET}” bị cắt dở hoặc ghi sai cấu trúc`;
const UNSAFE = /^Tệp chứa thành phần có tên trỏ ra ngoài tệp \(“.+”\); Excel không bao giờ ghi như vậy, đã từ chối để an toàn\.$/;

const CASES: Record<string, Case> = {
  'bom-nen-that.xlsx': { build: () => H.zipBombActual(SHEET), kind: 'zipBomb', cli: BOMB, consolidate: BOMB },
  'bom-khai-bao.xlsx': { build: () => H.zipBombDeclared(SHEET), kind: 'zipBomb', cli: BOMB, consolidate: BOMB },
  'bom-ti-le.xlsx': { build: () => H.zipBombRatio(SHEET), kind: 'zipBomb', cli: BOMB, consolidate: BOMB },
  'billion-laughs.xlsx': { build: () => H.billionLaughs(SHEET), kind: 'dtd', cli: /khai báo DTD\/thực thể XML/, consolidate: /khai báo DTD\/thực thể XML/ },
  // The reader never recurses: deep nesting costs it nothing, and the file is no unit.
  'long-sau.xlsx': {
    build: () => H.deepNesting(SHEET),
    kind: 'tooDeep',
    cli: /^Tệp chứa dữ liệu lồng nhau quá sâu; Excel không bao giờ ghi như vậy/,
    consolidate: NOT_UNIT,
  },
  'trieu-dong.xlsx': { build: () => H.millionRows(SHEET), kind: 'sheetTooLarge', cli: TOO_LARGE, consolidate: TOO_LARGE },
  'sai-ma-trang.xlsx': {
    build: () => H.invalidUtf8Sheet(SHEET),
    kind: 'badUtf8Sheet',
    cli: new RegExp(`^Trang tính “${SHEET}” có chữ sai bảng mã`),
    consolidate: new RegExp(`^Trang tính “${SHEET}” có chữ sai bảng mã`),
  },
  'sai-ma-chuoi.xlsx': {
    build: () => H.invalidUtf8Shared(SHEET),
    kind: 'badUtf8',
    cli: /^Tệp có chữ sai bảng mã/,
    consolidate: /^Tệp có chữ sai bảng mã/,
  },
  // A broken sheet is said by its tab's name, any other broken part as the workbook's inside: never the parser's English or a part's path.
  'cat-do-dang.xlsx': {
    build: () => H.unterminatedTag(SHEET),
    kind: 'brokenSheet',
    cli: new RegExp(`^${BROKEN_SHEET}.* Hãy mở tệp bằng Excel \\(Excel có thể đề nghị sửa tệp\\), kiểm tra trang này`),
    consolidate: new RegExp(`^${BROKEN_SHEET}.* Đề nghị đơn vị mở sổ bằng Excel, kiểm tra trang này, lưu lại rồi gửi lại tệp\\.$`),
  },
  'cat-sau-dong.xlsx': {
    build: () => H.sheetCutAfterRow(SHEET),
    kind: 'brokenSheet',
    cli: new RegExp(`^${BROKEN_SHEET}`),
    consolidate: new RegExp(`^${BROKEN_SHEET}`),
  },
  'chuoi-cat-do-dang.xlsx': {
    build: () => H.stringsCutAfterItem(SHEET),
    kind: 'brokenPart',
    cli: /^Tệp bị hỏng: một phần nội dung bên trong sổ bị cắt dở hoặc ghi sai cấu trúc/,
    consolidate: /^Tệp bị hỏng: một phần nội dung bên trong sổ bị cắt dở hoặc ghi sai cấu trúc .* Đề nghị đơn vị mở sổ bằng Excel, lưu lại rồi gửi lại tệp\.$/,
  },
  // The workbook part cut off: the package must not edit half a part.
  'so-cat-do-dang.xlsx': {
    build: () => withChangedEntries(handMadeWorkbook({ sheet: SHEET }), (name, data) => (name === 'xl/workbook.xml' ? data.subarray(0, data.length - 20) : data)),
    kind: 'brokenPart',
    cli: /^Tệp bị hỏng: một phần nội dung bên trong sổ bị cắt dở hoặc ghi sai cấu trúc/,
    consolidate: /^Tệp bị hỏng: một phần nội dung bên trong sổ bị cắt dở hoặc ghi sai cấu trúc/,
  },
  'vuot-thu-muc.xlsx': { build: () => H.pathTraversal('../../evil.xml', SHEET), kind: 'unsafeName', cli: UNSAFE, consolidate: UNSAFE },
  'duong-dan-tuyet-doi.xlsx': { build: () => H.pathTraversal('/etc/x', SHEET), kind: 'unsafeName', cli: UNSAFE, consolidate: UNSAFE },
  'gach-nguoc.xlsx': { build: () => H.pathTraversal('xl\\..\\x', SHEET), kind: 'unsafeName', cli: UNSAFE, consolidate: UNSAFE },
};

const corpus = new Map<string, Uint8Array>();
beforeAll(async () => {
  for (const [name, c] of Object.entries(CASES)) corpus.set(name, await c.build());
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-hostile-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  jest.restoreAllMocks();
});

/** nodeInflate, recording what each call was allowed and what it produced. */
function spyInflate() {
  const calls: { cap: number; out: number | 'refused' }[] = [];
  const inflate: Inflate = (data, cap) => {
    try {
      const out = nodeInflate(data, cap) as Uint8Array;
      calls.push({ cap, out: out.length });
      return out;
    } catch (e) {
      calls.push({ cap, out: 'refused' });
      throw e;
    }
  };
  return { inflate, calls };
}

async function preflightKind(bytes: Uint8Array, inflate: Inflate): Promise<XlsxFailure | 'passed'> {
  try {
    await preflightXlsx(bytes, { inflate, decode: nodeDecode });
    return 'passed';
  } catch (e) {
    if (e instanceof XlsxError) return e.kind;
    throw e;
  }
}

describe('the preflight', () => {
  it('lets a workbook written by ExcelJS and a hand-made one through', async () => {
    const product = await (await unitWorkbook()).toBuffer();
    expect(await preflightKind(product, nodeInflate)).toBe('passed');
    expect(await preflightKind(handMadeWorkbook({ sheet: SHEET }), nodeInflate)).toBe('passed');
    // Depth at the cap is still fine; one more is not.
    // worksheet > sheetData > n nested elements: depth n + 2, allowed up to the cap.
    expect(await preflightKind(H.deepNesting(SHEET, PREFLIGHT_LIMITS.maxDepth - 2), nodeInflate)).toBe('passed');
    expect(await preflightKind(H.deepNesting(SHEET, PREFLIGHT_LIMITS.maxDepth - 1), nodeInflate)).toBe('tooDeep');
  });

  it('refuses each hostile file with its kind', async () => {
    const kinds = Object.fromEntries(await Promise.all(Object.keys(CASES).map(async (name) => [name, await preflightKind(corpus.get(name)!, nodeInflate)] as const)));
    expect(kinds).toEqual(Object.fromEntries(Object.entries(CASES).map(([name, c]) => [name, c.kind])));
  });

  it('refuses bombs and unsafe names before inflating anything, and never inflates past a declared size', async () => {
    for (const name of ['bom-khai-bao.xlsx', 'bom-ti-le.xlsx', 'vuot-thu-muc.xlsx', 'duong-dan-tuyet-doi.xlsx', 'gach-nguoc.xlsx']) {
      const spy = spyInflate();
      expect(await preflightKind(corpus.get(name)!, spy.inflate)).toBe(CASES[name]!.kind);
      expect({ name, calls: spy.calls }).toEqual({ name, calls: [] });
    }
    // The part that lies (1 KB declared, 32 MB inside) is cut off at its declared size.
    const spy = spyInflate();
    expect(await preflightKind(corpus.get('bom-nen-that.xlsx')!, spy.inflate)).toBe('zipBomb');
    expect(spy.calls.at(-1)).toEqual({ cap: 1024, out: 'refused' });
    // Every file: no call may produce more than one part's cap.
    for (const name of Object.keys(CASES)) {
      const s = spyInflate();
      await preflightKind(corpus.get(name)!, s.inflate);
      for (const c of s.calls) expect(c.cap).toBeLessThanOrEqual(PREFLIGHT_LIMITS.maxEntryBytes);
    }
  });

  it('refuses a file over the size limit without opening its zip', async () => {
    const spy = spyInflate();
    await expect(preflightXlsx(new Uint8Array(2000), { inflate: spy.inflate, limits: { maxFileBytes: 1000 } })).rejects.toMatchObject({ kind: 'tooLarge' });
    expect(spy.calls).toEqual([]);
  });
});

describe('parts that are empty rather than cut off', () => {
  // A cell referring to one of its strings is another matter: that text is lost (missingText, test/hardening/producerCells.test.ts).
  it('an empty shared strings part is no strings, in the preflight, the CLI and consolidation alike', async () => {
    const bytes = handMadeWorkbook({ sheet: 'DS', rows: [[], [1, 2]], sharedXml: '' });
    expect(await preflightKind(bytes, nodeInflate)).toBe('passed');
    const source = path.join(dir, 'chuoi-rong.xlsx');
    fs.writeFileSync(source, bytes);
    const into = path.join(dir, 'truong.xlsx');
    fs.writeFileSync(into, await (await unitWorkbook()).toBuffer());
    const io = capture();
    await run(['import', source, '--sheet', 'DS', '--into', into, '--dry-run'], io);
    expect(io.stderr.join('\n')).not.toMatch(/hỏng|lường trước/);
    const read = await (await openXlsx(bytes, { inflate: nodeInflate })).read(['DS']);
    expect(read.sheets.get('DS')!.rows).toEqual([[], [1, 2]]);
  });
});

describe('dvht import, evaluate and documents on hostile files', () => {
  async function target(): Promise<string> {
    const into = path.join(dir, 'truong.xlsx');
    fs.writeFileSync(into, await (await unitWorkbook()).toBuffer());
    return into;
  }

  it('refuses each hostile source: exit 1, a Vietnamese reason naming the file, target untouched, the workbook model never sees it', async () => {
    const into = await target();
    const before = fs.readFileSync(into);
    const opened = jest.spyOn(XlsxWorkbook, 'open');
    for (const [name, c] of Object.entries(CASES)) {
      const source = path.join(dir, name);
      fs.writeFileSync(source, corpus.get(name)!);
      const io = capture();
      opened.mockClear();
      const code = await run(['import', source, '--sheet', SHEET, '--into', into], io);
      const prefix = `Không mở tệp “${source}”: `;
      const message = io.stderr.join('\n');
      expect({ name, code, message: message.startsWith(prefix) ? message.slice(prefix.length) : message }).toEqual({ name, code: 1, message: expect.stringMatching(c.cli) });
      expect(io.stdout).toEqual([]);
      // Only the target went past the preflight into a workbook.
      expect(opened.mock.calls.map(([, label]) => label)).toEqual(['truong.xlsx']);
      expect(fs.readFileSync(into).equals(before)).toBe(true);
      expect(fs.readFileSync(source).equals(Buffer.from(corpus.get(name)!))).toBe(true);
    }
    // No temporary file, nothing written beside them.
    expect(fs.readdirSync(dir).sort()).toEqual([...Object.keys(CASES), 'truong.xlsx'].sort());
  });

  it('refuses a hostile target of import, evaluate and documents, writing nothing', async () => {
    const source = path.join(dir, 'danh-sach.xlsx');
    fs.writeFileSync(source, handMadeWorkbook({ sheet: 'DS' }));
    const bomb = path.join(dir, 'bom.xlsx');
    const bytes = corpus.get('bom-nen-that.xlsx')!;
    fs.writeFileSync(bomb, bytes);
    for (const args of [['import', source, '--sheet', 'DS', '--into', bomb], ['evaluate', bomb], ['documents', bomb]]) {
      const io = capture();
      expect(await run(args, io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(new RegExp(`^Không mở tệp “${bomb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”: Tệp giải nén ra quá lớn`));
      expect(io.stderr.join('\n')).toMatch(/hãy hỏi lại người gửi và chỉ dùng tệp do chính Excel lưu/);
      expect(fs.readFileSync(bomb).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['bom.xlsx', 'danh-sach.xlsx']);
  });

  it('imports 32k-character cells, formula-looking names and NFD text as text, never as formulas', async () => {
    const long = 'Nguyễn Văn ' + 'Anh'.repeat(10_000); // 30,011 characters
    const note = ('Ghi chú dài ' + 'ạ'.repeat(32_755)).slice(0, 32_767); // Excel's limit for a cell
    // Each with a letter: a “name” of digits and signs alone is no member's (left out and said, test/import/cellErrorHints.test.ts).
    const names = ['=HYPERLINK("http://example.invalid/x","Bấm vào đây")', '+Lan', '@SUM(A1:A9)', '-Hà+3', '=Lan+1', long, 'Phạm Minh Đức'.normalize('NFD')];
    const rows = [['STT', 'Họ và tên', 'Chức vụ', 'Ghi chú'], ...names.map((n, i) => [i + 1, n, '=A1', i === 0 ? note : '+84 905 123 456'])];
    const source = path.join(dir, 'danh-sach.xlsx');
    fs.writeFileSync(source, handMadeWorkbook({ sheet: 'DS', rows }));
    const into = await target();
    const io = capture();
    expect(await run(['import', source, '--sheet', 'DS', '--into', into], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain(`thêm ${names.length}`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(into);
    const ws = wb.getWorksheet(SHEETS.members)!;
    const cell = (i: number, key: string) => ws.getCell(MEMBER_HEADER_ROW + 1 + i, fieldCol(key));
    const expected = names.map((n) => n.normalize('NFC')); // text is cleaned to NFC on import
    names.forEach((_, i) => {
      for (const [key, value] of [
        ['name', expected[i]],
        ['position', '=A1'],
        ['note', i === 0 ? note : '+84 905 123 456'],
      ] as const) {
        expect({ i, key, type: cell(i, key).type, value: cell(i, key).value }).toEqual({ i, key, type: ExcelJS.ValueType.String, value });
      }
    });
    expect(cell(0, 'note').value).toHaveLength(32_767);
    expect(fs.readdirSync(dir).sort()).toEqual(['danh-sach.xlsx', 'truong.xlsx']);
  });
});

describe('dvht consolidate on hostile files', () => {
  it('rejects each with its Vietnamese reason, consolidates the good one, and writes nothing but its output', async () => {
    const inbox = path.join(dir, 'ho-so');
    fs.mkdirSync(inbox);
    const inputs = new Map<string, Buffer>(Object.keys(CASES).map((name) => [name, Buffer.from(corpus.get(name)!)]));
    const good = await unitFile({ name: 'Trường THCS Nguyễn Du', members: 20 });
    inputs.set('00-tot.xlsx', Buffer.from(good));
    // A real unit with an entry named to climb out: refused like the others, never followed.
    const other = await unitFile({ name: 'Trường THCS Lê Lợi', members: 20, seed: 2 });
    inputs.set('01-tot-co-ten-la.xlsx', Buffer.from(await withExtraEntries(other, [{ name: '../../evil.xml', data: Buffer.from('<evil/>') }])));
    for (const [name, bytes] of inputs) fs.writeFileSync(path.join(inbox, name), bytes);
    const out = path.join(dir, 'tong-hop.xlsx');
    const io = capture();
    expect(await run(['consolidate', inbox, '-o', out, '--json'], io)).toBe(1);
    const json = JSON.parse(io.stdout.join('\n')) as { files: { file: string; status: string; reasons: string[] }[]; units: { file: string; flags: { code: string }[] }[] };
    const file = (name: string) => json.files.find((f) => path.basename(f.file) === name)!;

    for (const [name, c] of Object.entries(CASES)) {
      expect({ name, status: file(name).status, reason: file(name).reasons.join(' ') }).toEqual({ name, status: 'rejected', reason: expect.stringMatching(c.consolidate) });
    }
    expect(file('00-tot.xlsx').status).toBe('consolidated');
    expect(file('01-tot-co-ten-la.xlsx')).toMatchObject({ status: 'rejected', reasons: [expect.stringMatching(UNSAFE)] });

    // Inputs untouched; nothing written but the output (no evil.xml anywhere near).
    for (const [name, bytes] of inputs) expect(fs.readFileSync(path.join(inbox, name)).equals(bytes)).toBe(true);
    expect(fs.readdirSync(inbox).sort()).toEqual([...inputs.keys()].sort());
    expect(fs.readdirSync(dir).sort()).toEqual(['ho-so', 'tong-hop.xlsx']);
    expect(fs.existsSync(path.join(dir, '..', 'evil.xml'))).toBe(false);
  });
});
