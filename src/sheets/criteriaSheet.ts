/**
 * "Tiêu chí": the rule set as the user sees and edits it — settings on top, what the tags of
 * "Nguồn" mean, then one row per criterion ("1") and indicator ("1.1"). Columns A–J are the
 * user's; K–P are written by the add-in at each evaluation.
 */
import { foldKey } from '../domain/text';
import { findByCode, mapped, trimmed } from '../domain/arrays';
import { isUncalculated, readNumber, readText, type CellValue } from '../domain/values';
import { RULE_DEFAULTS } from '../domain/rules/defaults';
import { readShare, readShareCell, type ShareRead } from '../domain/rules/share';
import { levelNumber } from '../domain/rules/request';
import { problem, valueProblem, type Location, type Problem } from '../domain/problems';
import type { Criterion, Indicator, Measure, Mode, PartialScoring, RatingBand, RuleSet } from '../domain/rules/ruleSet';
import { NOT_APPLICABLE_ANSWER, type UnitAnswer } from '../domain/evaluation';
import type { CellInput, RowHeight, SheetData, SheetPlan, StyleRun } from '../workbook/port';
import { fitHeight, rowFitHeight } from './documentLayout';
import { DATA_FONT_SIZE, FONT } from './styles';
import { SHEETS, SCHEMA_VERSION } from './names';
import { STYLE } from './styles';
import { dataPage } from './page';
import { percentTenths } from '../i18n/format';
import { t } from '../i18n';

export const SETTINGS = {
  id: 'Mã bộ tiêu chí',
  name: 'Tên bộ tiêu chí',
  basis: 'Căn cứ',
  mode: 'Cách đánh giá',
  recognition: 'Tên gọi khi được công nhận',
  level: 'Mức độ công nhận',
  receiverTiers: 'Cấp nhận hồ sơ',
  evaluatingBody: 'Bộ phận tự đánh giá của đơn vị',
  partial: 'Tính điểm khi đạt một phần',
  bands: 'Xếp loại (điểm tối thiểu)',
  personalTarget: 'Mục tiêu cá nhân (tỷ lệ chỉ tiêu đạt)',
  schema: 'Phiên bản mẫu',
} as const;

/** Labels earlier releases wrote, still read. */
const SETTING_ALIASES: Partial<Record<keyof typeof SETTINGS, string[]>> = {
  recognition: ['Danh hiệu được công nhận khi đạt'],
};

const MODE_TEXT: Record<Mode, string> = { 'pass-fail': 'Đạt / Không đạt', score: 'Chấm điểm (thang 100)' };
const PARTIAL_TEXT: Record<PartialScoring, string> = { 'all-or-nothing': 'Tất cả hoặc không', proportional: 'Theo tỷ lệ' };
const MEASURE_TEXT: Record<Measure['kind'], string> = { members: 'Thành viên', learners: 'Người học', unit: 'Đơn vị' };

/** Columns of the indicator table (1-based). */
export const COL = {
  code: 1,
  text: 2,
  measure: 3,
  condition: 4,
  threshold: 5,
  points: 6,
  appliesTo: 7,
  source: 8,
  answer: 9,
  evidence: 10,
  applicable: 11,
  numerator: 12,
  denominator: 13,
  value: 14,
  result: 15,
  earned: 16,
} as const;

const HEADERS: Record<keyof typeof COL, string> = {
  code: 'Mã',
  text: 'Nội dung',
  measure: 'Cách đo',
  condition: 'Điều kiện đạt (thành viên)',
  threshold: 'Yêu cầu',
  points: 'Điểm',
  appliesTo: 'Áp dụng cho',
  source: 'Nguồn',
  answer: 'Đơn vị tự đánh giá',
  evidence: 'Minh chứng',
  applicable: 'Áp dụng',
  numerator: 'Số đạt',
  denominator: 'Tổng số',
  value: 'Kết quả đo',
  result: 'Kết quả',
  earned: 'Điểm đạt',
};

/** Column widths (Excel units). */
const WIDTHS: Record<keyof typeof COL, number> = {
  code: 7,
  text: 52,
  measure: 12,
  condition: 40,
  threshold: 9,
  points: 7,
  appliesTo: 30,
  source: 34,
  answer: 14,
  evidence: 26,
  applicable: 9,
  numerator: 8,
  denominator: 8,
  value: 10,
  result: 16,
  earned: 9,
};


/**
 * The hints above the table wrap inside the frozen code and text columns (merged): Excel stops
 * text of a frozen column at the frozen edge, so a hint running on would be cut there.
 */
const FROZEN_HINT = { ...STYLE.hint, wrap: true, vertical: 'top' } as const;
const FROZEN_UNITS = WIDTHS.code + WIDTHS.text;
const HINT_SIZE = STYLE.hint.fontSize;

/** Rows 2 and the legend's as tall as their wrapped hints (the legend's only when there is one). */
function hintHeights(legend: string | null): RowHeight[] {
  const hint = t('vi', 'criteriaSheet.hint');
  return [
    { index: 2, height: fitHeight(hint, FROZEN_UNITS - 1, HINT_SIZE), fit: true },
    ...(legend ? [{ index: LEGEND_ROW, height: fitHeight(legend, FROZEN_UNITS - 1, HINT_SIZE), fit: true }] : []),
  ];
}

/** A row's height as its wrapped texts need it, by column. */
function fitRow(index: number, texts: [keyof typeof COL, string | null | undefined][], bold = false): RowHeight {
  return { index, height: rowFitHeight(texts.map(([k, text]) => [WIDTHS[k], text ?? '', bold] as const), DATA_FONT_SIZE), fit: true };
}

const SETTINGS_FIRST = 3;
/** Rows below the table that still offer the answer list (column I), for indicators the unit adds. */
export const ANSWER_LIST_SPARE_ROWS = 50;
export const TABLE_HEADER_ROW = SETTINGS_FIRST + Object.keys(SETTINGS).length + 1;
/**
 * What the tags of “Nguồn” mean, in the free row above the header: printed before the table and
 * read before it; below the table evaluate's result columns would reach it.
 */
const LEGEND_ROW = TABLE_HEADER_ROW - 1;
/** The reliability tags the legend explains ([C] legal text, [S] secondary source, [L] local practice). */
const SOURCE_TAG = /\[[CSL]\]/;
export const LAST_COL = COL.earned;

function bandsText(bands: RatingBand[], failBand: string): string {
  return [...bands.map((b) => `${b.label}: ${b.min}`), failBand].filter(Boolean).join('; ');
}

export function drawCriteriaSheet(rs: RuleSet): SheetPlan {
  const settings: CellInput[][] = [
    [null, SETTINGS.id, rs.id],
    [null, SETTINGS.name, rs.name],
    [null, SETTINGS.basis, rs.basis],
    [null, SETTINGS.mode, MODE_TEXT[rs.mode]],
    [null, SETTINGS.recognition, rs.recognition || null],
    [null, SETTINGS.level, rs.level ? `Mức độ ${rs.level}` : null],
    [null, SETTINGS.receiverTiers, rs.receiverTiers?.length ? rs.receiverTiers.join('; ') : null],
    [null, SETTINGS.evaluatingBody, rs.evaluatingBody || null],
    [null, SETTINGS.partial, PARTIAL_TEXT[rs.partialScoring]],
    [null, SETTINGS.bands, rs.mode === 'score' ? bandsText(rs.bands, rs.failBand) : null],
    [null, SETTINGS.personalTarget, rs.personalTarget],
    [null, SETTINGS.schema, SCHEMA_VERSION],
  ];
  const keys = Object.keys(COL) as (keyof typeof COL)[];
  const header = keys.map((k) => HEADERS[k]);
  const body: CellInput[][] = [];
  const styles: StyleRun[] = [];
  // Long indicator texts print and show whole in the preview and LibreOffice, as Excel autofits them.
  const rowHeights: RowHeight[] = [fitRow(TABLE_HEADER_ROW, keys.map((k) => [k, HEADERS[k]]), true)];
  let row = TABLE_HEADER_ROW + 1;
  for (const cr of rs.criteria) {
    body.push([cr.code, cr.title]);
    styles.push({ range: `A${row}:P${row}`, style: STYLE.criterionRow });
    rowHeights.push(fitRow(row, [['text', cr.title]], true));
    row++;
    for (const ind of rs.indicators.filter((i) => i.code.split('.')[0] === cr.code)) {
      const condition = ind.measure.kind === 'members' ? ind.measure.condition : null;
      const appliesTo = ind.appliesTo || 'Tất cả';
      rowHeights.push(fitRow(row, [['text', ind.text], ['condition', condition], ['appliesTo', appliesTo], ['source', ind.source]]));
      body.push([
        ind.code,
        ind.text,
        MEASURE_TEXT[ind.measure.kind],
        condition,
        ind.threshold,
        ind.points,
        appliesTo,
        ind.source,
        ind.measure.kind === 'unit' ? null : '(tự tính)',
        null,
      ]);
      row++;
    }
  }
  const last = row - 1;
  const s = SETTINGS_FIRST;
  const settingsLast = s + settings.length - 1;
  // Emptied, not skipped, when no source has a tag: a switched-from set's legend must not stay.
  const legend = rs.indicators.some((i) => SOURCE_TAG.test(i.source)) ? t('vi', 'criteriaSheet.sourceTags') : null;
  return {
    sheet: SHEETS.criteria,
    mode: 'ensure',
    cells: [
      {
        at: 'A1',
        rows: [
          ['BỘ TIÊU CHÍ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”'],
          [t('vi', 'criteriaSheet.hint')],
        ],
      },
      { at: `A${s}`, rows: settings },
      { at: `A${LEGEND_ROW}`, rows: [[legend]] },
      { at: `A${TABLE_HEADER_ROW}`, rows: [header] },
      { at: `A${TABLE_HEADER_ROW + 1}`, rows: body },
    ],
    styles: [
      { range: 'A1', style: STYLE.title },
      { range: 'A2', style: FROZEN_HINT },
      { range: `A${LEGEND_ROW}`, style: FROZEN_HINT },
      { range: `B${s}:B${settingsLast}`, style: { bold: true, fontName: FONT } },
      { range: `C${s}:C${settingsLast}`, style: { horizontal: 'left', fontName: FONT } },
      { range: `C${s + Object.keys(SETTINGS).indexOf('personalTarget')}`, style: { numberFormat: '0%', horizontal: 'left' } },
      { range: `A${TABLE_HEADER_ROW}:J${TABLE_HEADER_ROW}`, style: STYLE.header },
      { range: `K${TABLE_HEADER_ROW}:P${TABLE_HEADER_ROW}`, style: STYLE.ownedHeader },
      { range: `A${TABLE_HEADER_ROW + 1}:J${last}`, style: STYLE.body },
      { range: `A${TABLE_HEADER_ROW + 1}:A${last}`, style: STYLE.text },
      { range: `K${TABLE_HEADER_ROW + 1}:P${last}`, style: STYLE.owned },
      { range: `E${TABLE_HEADER_ROW + 1}:E${last}`, style: { numberFormat: '0%', horizontal: 'center' } },
      { range: `N${TABLE_HEADER_ROW + 1}:N${last}`, style: STYLE.percent },
      ...styles,
    ],
    columns: (Object.keys(COL) as (keyof typeof COL)[]).map((k) => ({ index: COL[k], width: WIDTHS[k] })),
    rowHeights: [...rowHeights, ...hintHeights(legend)],
    merges: [`A2:B2`, `A${LEGEND_ROW}:B${LEGEND_ROW}`],
    validations: [{ range: `I${TABLE_HEADER_ROW + 1}:I${last + ANSWER_LIST_SPARE_ROWS}`, list: ['Đạt', 'Không đạt', NOT_APPLICABLE_ANSWER] }],
    // The code and text stay in view; rows are not frozen: the settings above the header would fill a laptop's screen and leave no criterion to scroll to.
    freeze: { rows: 0, columns: 2 },
    page: dataPage('landscape', TABLE_HEADER_ROW),
  };
}

export interface CriteriaRow {
  row: number;
  code: string;
  /** Criterion rows have no measure. */
  indicator: Indicator | null;
}

export interface ParsedCriteria {
  ruleSet: RuleSet;
  answers: Record<string, UnitAnswer>;
  rows: CriteriaRow[];
  headerRow: number;
  schemaVersion: number | null;
  problems: Problem[];
  /** The “Mã bộ tiêu chí” cell, naming the preset or the rule set handed out: where a departure from it without a row of its own is said. */
  idAt?: Location;
  /** The “Cách đánh giá” cell, where what concerns the whole rule set's scoring is said. */
  modeAt?: Location;
  /** The “Cấp nhận hồ sơ” cell, where a listed tier naming none is said. */
  receiverTiersAt?: Location;
}

// Read once per workbook: these are functions of the module rather than closures made per call,
// whose optimised code a full garbage collection drops (src/domain/arrays.ts, findByCode).
const cell = (data: SheetData, r: number, c: number): CellValue => data.rows[r - 1]?.[c - 1] ?? null;

type Setting = { row: number; value: CellValue };

function settingIn(settings: Map<string, Setting>, k: keyof typeof SETTINGS): Setting | undefined {
  for (const label of [SETTINGS[k], ...(SETTING_ALIASES[k] ?? [])]) {
    const found = settings.get(foldKey(label));
    if (found !== undefined) return found;
  }
  return undefined;
}

const settingText = (settings: Map<string, Setting>, k: keyof typeof SETTINGS) => readText(settingIn(settings, k)?.value ?? null);

const TABLE_TEXT_COLUMNS = (Object.values(COL) as number[]).filter((c) => c > COL.code && c <= COL.evidence);

/** Whether a row holds anything beside column A, in the table's own columns (B–J). */
/**
 * readShareCell, where a share typed with a decimal comma (“0,95”, “95,5”: Excel on a machine
 * that takes a dot kept it as text) is said to be stored as text, as “95%” typed as text is:
 * it is a share, which the sheet's formulas read as 0.
 */
function readShareOfSheet(v: CellValue): ShareRead {
  const read = readShareCell(v);
  if (read.ok || read.asText || typeof v !== 'string' || !/^\s*[+-]?\d+,\d+\s*$/.test(v)) return read;
  return readShare(v.replace(',', '.')).ok ? { ok: false, shown: v.trim(), asText: true } : read;
}

function rowHasText(data: SheetData, r: number): boolean {
  for (const c of TABLE_TEXT_COLUMNS) if (readText(cell(data, r, c)) !== '') return true;
  return false;
}

/** Reads the rule set back from the sheet; what the user edited is what counts. */
export function readCriteriaSheet(data: SheetData): ParsedCriteria {
  const problems: Problem[] = [];
  const headerRow = findHeaderRow(data);
  const settings = new Map<string, Setting>();
  for (let r = 1; r < (headerRow ?? data.rows.length + 1); r++) {
    const label = readText(cell(data, r, 2));
    if (label) settings.set(foldKey(label), { row: r, value: cell(data, r, 3) });
  }

  const modeText = foldKey(settingText(settings, 'mode'));
  const mode: Mode = modeText.startsWith('cham diem') || modeText.includes('diem') ? 'score' : 'pass-fail';
  const partialScoring = readPartialScoring(settingText(settings, 'partial'), mode, settingIn(settings, 'partial')?.row, problems);
  const { bands, failBand } = parseBands(settingText(settings, 'bands'), mode, settingIn(settings, 'bands')?.row, problems);
  let personalTarget: number = RULE_DEFAULTS.personalTarget;
  const pt = settingIn(settings, 'personalTarget');
  if (pt && (readText(pt.value) !== '' || isUncalculated(pt.value))) {
    const f = readShareOfSheet(pt.value);
    // Said with the value used instead: the default, which the sheet's formulas use too.
    const used = percentTenths(RULE_DEFAULTS.personalTarget);
    if (!f.ok) problems.push(valueProblem(pt.value, 'warning', f.asText ? 'settingAsText' : 'invalidSetting', { setting: SETTINGS.personalTarget, value: f.shown, used }, { sheet: 'criteria', row: pt.row, col: 3 }));
    else personalTarget = f.share;
  }
  const schemaCell = readNumber(settingIn(settings, 'schema')?.value ?? null);

  const criteria: Criterion[] = [];
  const indicators: Indicator[] = [];
  let brokenThreshold = false;
  const answers: Record<string, UnitAnswer> = {};
  const rows: CriteriaRow[] = [];
  if (headerRow === null) {
    problems.push(problem('error', 'missingHeader', { header: HEADERS.code, sheet: SHEETS.criteria }));
  } else {
    for (let r = headerRow + 1; r <= data.rows.length; r++) {
      const code = readText(cell(data, r, COL.code));
      if (!code) continue;
      // A code has no spaces ("1", "2.1", "3.2a"): words in A are the unit's note under the table, not a row of it.
      if (/\s/.test(code)) {
        if (rowHasText(data, r)) problems.push(problem('warning', 'criteriaRowWithoutCode', { value: code }, { sheet: 'criteria', row: r, col: COL.code }));
        continue;
      }
      if (!code.includes('.')) {
        if (!findByCode(criteria, code)) criteria.push({ code, title: readText(cell(data, r, COL.text)) });
        rows.push({ row: r, code, indicator: null });
        continue;
      }
      if (findByCode(indicators, code)) {
        problems.push(problem('warning', 'duplicateIndicator', { indicator: code }, { sheet: 'criteria', row: r, col: COL.code }));
        continue;
      }
      const measureKey = foldKey(readText(cell(data, r, COL.measure)));
      const measure: Measure = measureKey.startsWith('thanh vien')
        ? { kind: 'members', condition: readText(cell(data, r, COL.condition)) }
        : measureKey.startsWith('nguoi hoc')
          ? { kind: 'learners' }
          : { kind: 'unit' };
      let threshold: number | null = null;
      if (measure.kind !== 'unit') {
        const f = readShareOfSheet(cell(data, r, COL.threshold));
        if (f.ok) threshold = f.share;
        else {
          brokenThreshold = true;
          problems.push(valueProblem(cell(data, r, COL.threshold), 'error', f.asText ? 'thresholdAsText' : f.blank ? 'thresholdBlank' : 'invalidThreshold', { indicator: code, value: f.shown }, { sheet: 'criteria', row: r, col: COL.threshold }));
        }
      }
      const pts = readNumber(cell(data, r, COL.points));
      const applies = readText(cell(data, r, COL.appliesTo));
      const indicator: Indicator = {
        code,
        text: readText(cell(data, r, COL.text)),
        measure,
        threshold,
        points: pts.kind === 'number' ? pts.value : null,
        appliesTo: foldKey(applies) === 'tat ca' ? '' : applies,
        source: readText(cell(data, r, COL.source)),
      };
      indicators.push(indicator);
      rows.push({ row: r, code, indicator });
      if (measure.kind === 'unit') answers[code] = { value: cell(data, r, COL.answer), at: { sheet: 'criteria', row: r, col: COL.answer } };
    }
  }
  // Indicators whose criterion row is missing still get a criterion.
  for (const ind of indicators) {
    const c = ind.code.split('.')[0]!;
    if (!findByCode(criteria, c)) criteria.push({ code: c, title: '' });
  }
  if (headerRow !== null && indicators.length === 0) problems.push(problem('error', 'noIndicators', {}));
  const ruleSet: RuleSet = {
    id: settingText(settings, 'id') || 'tuy-chinh',
    name: settingText(settings, 'name') || settingText(settings, 'id') || 'Bộ tiêu chí tùy chỉnh',
    basis: settingText(settings, 'basis'),
    mode,
    recognition: settingText(settings, 'recognition'),
    partialScoring,
    bands,
    failBand,
    personalTarget,
    criteria,
    indicators: brokenThreshold ? indicators.filter((i) => i.measure.kind === 'unit' || i.threshold !== null) : indicators,
  };
  // Settings a sheet may predate stay absent, so such a sheet reads (and fingerprints) as before.
  if (settingIn(settings, 'level')) ruleSet.level = levelNumber(settingText(settings, 'level'));
  if (settingIn(settings, 'receiverTiers')) ruleSet.receiverTiers = mapped(settingText(settings, 'receiverTiers').split(/[;\n]/), trimmed).filter(Boolean);
  if (settingIn(settings, 'evaluatingBody')) ruleSet.evaluatingBody = settingText(settings, 'evaluatingBody');
  const idRow = settingIn(settings, 'id')?.row;
  const modeRow = settingIn(settings, 'mode')?.row;
  const tiersRow = settingIn(settings, 'receiverTiers')?.row;
  return {
    ruleSet,
    answers,
    rows,
    headerRow: headerRow ?? 0,
    schemaVersion: schemaCell.kind === 'number' ? schemaCell.value : null,
    problems,
    ...(idRow ? { idAt: { sheet: 'criteria', row: idRow, col: 3 } as const } : {}),
    ...(modeRow ? { modeAt: { sheet: 'criteria', row: modeRow, col: 3 } as const } : {}),
    ...(tiersRow ? { receiverTiersAt: { sheet: 'criteria', row: tiersRow, col: 3 } as const } : {}),
  };
}

function findHeaderRow(data: SheetData): number | null {
  for (let r = 0; r < Math.min(data.rows.length, 40); r++) {
    // Column B (the settings' long texts above the table) only read beside a “Mã”.
    if (foldKey(readText(data.rows[r]?.[0])) === 'ma' && foldKey(readText(data.rows[r]?.[1])) === 'noi dung') return r + 1;
  }
  return null;
}

/** Spellings of each partial-scoring setting, folded (ỷ and ỉ alike); the first is what the sheet shows. */
const PARTIAL_SPELLINGS: Record<PartialScoring, string[]> = {
  'all-or-nothing': [PARTIAL_TEXT['all-or-nothing'], 'all-or-nothing', 'all or nothing'],
  proportional: [PARTIAL_TEXT.proportional, 'Theo tỉ lệ', 'Tỷ lệ', 'Tỉ lệ', 'proportional'],
};

/** Blank is all or nothing; anything unknown is refused (in a score rule set, where it counts). */
function readPartialScoring(text: string, mode: Mode, row: number | undefined, problems: Problem[]): PartialScoring {
  if (text === '') return 'all-or-nothing';
  const key = foldKey(text);
  for (const [value, spellings] of Object.entries(PARTIAL_SPELLINGS) as [PartialScoring, string[]][]) for (const x of spellings) if (foldKey(x) === key) return value;
  const allowed = Object.values(PARTIAL_TEXT).join('; ');
  problems.push(problem(mode === 'score' ? 'error' : 'warning', 'invalidPartialScoring', { setting: SETTINGS.partial, value: text, allowed }, row ? { sheet: 'criteria', row, col: 3 } : undefined));
  return 'all-or-nothing';
}

/** Scores are out of 100 (evaluation.ts scales earned points to it): a band's minimum lies in 0..100. */
const MAX_SCORE = 100;
const BANDS_EXAMPLE = 'Tốt: 85; Khá: 70; Trung bình: 50; Chưa đạt';

/**
 * "Tốt: 85; Khá: 70; Trung bình: 50; Chưa đạt" → bands and the fail label. Each band is
 * "Tên: số" with 0 ≤ số ≤ 100, highest first; only the last part may be a bare name (the fail
 * label). Anything else is refused at the cell, never read some way (a score rule set rates by it).
 */
export function parseBands(text: string, mode: Mode, row: number | undefined, problems: Problem[]): { bands: RatingBand[]; failBand: string } {
  const bands: RatingBand[] = [];
  let failBand: string = mode === 'score' ? RULE_DEFAULTS.failBand : '';
  const parts = text.split(/[;\n]/).map(trimmed).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const m = /^(.+?)\s*[:=]\s*(\d+(?:[.,]\d+)?)$/.exec(part);
    const min = m ? Number(m[2]!.replace(',', '.')) : NaN;
    const previous = bands.at(-1);
    if (m && min <= MAX_SCORE && (!previous || min < previous.min)) bands.push({ label: m[1]!.trim(), min });
    else if (!m && i === parts.length - 1 && !/[:=\d]/.test(part)) failBand = part;
    else problems.push(problem(mode === 'score' ? 'error' : 'warning', 'invalidBands', { setting: SETTINGS.bands, value: part, max: MAX_SCORE, example: BANDS_EXAMPLE }, row ? { sheet: 'criteria', row, col: 3 } : undefined));
  }
  return { bands, failBand };
}
