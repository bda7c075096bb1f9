/**
 * The table's “Thẩm định” (“Khớp số liệu”, “Cần xem lại (n)”): a formula over the row's own cells, so it
 * follows the officer's edits of the recomputed result, the self-assessment and the remarks whole in every
 * program that calculates; its cached text is the same rule worked here, and the officer's documents read
 * the row by it (officerTable.ts) whether or not the host recalculated (the preview does not).
 *
 * The rule: n is the remark lines of “Ghi chú”, except that the self-assessment's disagreement with the
 * result (the remark consolidate.flag.outcome) is the row's two cells' to say: its remark no longer counts
 * once the officer made them agree, and one counts when they disagree with none standing (made to, or its
 * remark deleted while they still do). A cell is read by its words; one neither list knows (a rating, a
 * self-assessment typed “Đạt”) decides nothing. As drawn, this gives the remarks' count: a remark stands
 * only where the words differ (readUnit compares more loosely, diacritics folded), none where they agree.
 * A scored unit's (TT22) disagreement (consolidate.flag.score) is its score and rating cells' to say likewise:
 * the recomputed ones against those the unit recorded, by one rule with readUnit (scoresAgree), so the
 * remark stands exactly where they disagree; nothing recorded decides nothing.
 * One expression for Excel 2010 and LibreOffice alike (no LET): what it repeats is spelt out. The table
 * fills it down its column from the first row (layout.ts: a shared formula in a file, one copy inside
 * Excel), and colours a row to review by a rule on its text (flagFormula), so the colour follows too.
 */
import { catalogs, t, type Lang } from '../../i18n';
import { RESULT_TEXT } from '../../sheets/names';
import type { FormulaInput } from '../../workbook/port';
import { str } from '../../sheets/formulas';
import { formatNumber } from '../../i18n/format';

/** A word that says a category: the whole cell, or how it begins. */
interface Word {
  text: string;
  prefix: boolean;
}
/** Words by category: recognised, not recognised, not evaluable (1, 2, 3; 0 for none). */
type Vocabulary = readonly [Word[], Word[], Word[]];

const LANGS = [catalogs.vi, catalogs.en];
const lower = (s: string) => s.toLowerCase();
/** Excel's TRIM: spaces only, runs made one. */
const trim = (s: string) => s.replace(/ +/g, ' ').replace(/^ | $/g, '');
const key = (s: string) => lower(trim(s));
const word = (text: string, prefix: boolean): Word => ({ text: key(text), prefix });

/** The unit's own words, as its workbook's formulas write its self-assessment (readUnit's outcomeDisagreement). */
const UNIT_WORDS: Vocabulary = [
  [word(RESULT_TEXT.recognisedPrefix, true), word(RESULT_TEXT.heldPrefix, true)],
  [word(RESULT_TEXT.notRecognised, false)],
  [word(RESULT_TEXT.notEvaluable, false)],
];

/** Each word once (the languages and the unit share some). */
const once = (words: Word[]): Word[] => words.filter((w, i) => words.findIndex((o) => o.text === w.text && o.prefix === w.prefix) === i);

/** The result's words: the table's in either language (“Đạt mức độ 1”, “Meets …”), or the unit's the officer may type. */
const RESULT_WORDS: Vocabulary = [
  once([...LANGS.map((c) => word(c['consolidate.outcome.recognised'].split('{level}')[0]!, true)), ...UNIT_WORDS[0]]),
  once([...LANGS.map((c) => word(c['consolidate.outcome.notRecognised'], false)), ...UNIT_WORDS[1]]),
  once([...LANGS.map((c) => word(c['consolidate.outcome.notEvaluable'], false)), ...UNIT_WORDS[2]]),
];

/** How the remark of the disagreement begins, in either language (its finding in the minutes begins alike). */
const OUTCOME_REMARK = [...new Set(LANGS.flatMap((c) => [c['consolidate.flag.outcome'], c['officer.finding.outcome']].map((m) => m.split('{recorded}')[0]!)))];

function category(text: string, words: Vocabulary): number {
  const k = key(text);
  const i = words.findIndex((ws) => ws.some((w) => (w.prefix ? k.startsWith(w.text) : k === w.text)));
  return i + 1;
}

/** Whether the row's result and self-assessment agree by their words; null when a cell says nothing either list knows. */
export function outcomeAgreement(result: string, recorded: string): 'agree' | 'disagree' | null {
  const a = category(result, RESULT_WORDS);
  const b = category(recorded, UNIT_WORDS);
  return a && b ? (a === b ? 'agree' : 'disagree') : null;
}

/** A remark line (or “Ghi chú” whole) holding the self-assessment's disagreement. */
export const mentionsOutcome = (text: string): boolean => OUTCOME_REMARK.some((p) => text.includes(p));

/** How the remark of a score's disagreement begins, in either language (its finding in the minutes begins alike). */
const SCORE_REMARK = [...new Set(LANGS.flatMap((c) => [c['consolidate.flag.score'], c['officer.finding.score']].map((m) => m.split('{recorded}')[0]!)))];

/** A remark line (or “Ghi chú” whole) holding the score's disagreement. */
export const mentionsScore = (text: string): boolean => SCORE_REMARK.some((p) => text.includes(p));

/** A cell as the check reads it: a number, a text, or nothing. */
export type CheckCell = number | string | null;

/** A scored unit's (TT22) cells: the score and rating recomputed, and as its result block records them. */
export interface ScoreCells {
  score: CheckCell;
  recordedScore: CheckCell;
  rating: CheckCell;
  recordedRating: CheckCell;
}

/** Two scores closer than this agree: they show alike at two decimals, as the unit's sheet shows them. */
export const SCORE_TOLERANCE = 0.005;

const cellKey = (v: CheckCell) => key(v === null ? '' : String(v));

/**
 * Whether the recorded score and rating are the recomputed ones: a number within SCORE_TOLERANCE (no number
 * on both sides agrees too: none recomputed, none recorded), ratings alike but for case and spacing.
 */
export function scoresAgree(c: ScoreCells): boolean {
  const r = c.recordedScore;
  const same = typeof r === 'number' ? typeof c.score === 'number' && Math.abs(r - c.score) < SCORE_TOLERANCE : typeof c.score !== 'number';
  return same && cellKey(c.rating) === cellKey(c.recordedRating);
}

/** The row's rule: null while the unit's score and rating cells are blank (not evaluated, or no scored unit). */
export function scoreAgreement(c: ScoreCells): 'agree' | 'disagree' | null {
  if (cellKey(c.recordedScore) === '' && cellKey(c.recordedRating) === '') return null;
  return scoresAgree(c) ? 'agree' : 'disagree';
}

/** The recorded score and rating as the remark and the minutes quote them (“90 — Tốt”). */
export function recordedScoreText(score: CheckCell, rating: CheckCell, lang: Lang): string {
  const shown = typeof score === 'number' ? formatNumber(score, lang, 2) : trim(score ?? '');
  return [shown, trim(rating === null ? '' : String(rating))].filter((x) => x !== '').join(' — ') || '∅';
}

/** The row's cells the check reads; `score` on a scored unit's row (none: all blank). */
export interface CheckRow {
  result: string;
  recorded: string;
  remarks: string;
  score?: ScoreCells;
}

/** Non-blank lines counted as the formula counts them: every line once the cell holds more than line breaks and spaces. */
function lineCount(remarks: string): number {
  return trim(remarks.replace(/\n/g, '')) === '' ? 0 : remarks.split('\n').length;
}

/** How many remarks the row stands for (0: none). */
export function checkCount(row: CheckRow): number {
  const state = outcomeAgreement(row.result, row.recorded);
  const scored = row.score ? scoreAgreement(row.score) : null;
  return lineCount(row.remarks) + settled(state, mentionsOutcome(row.remarks)) + settled(scored, mentionsScore(row.remarks));
}

/** What a disagreement's cells add to the remarks' count: its remark uncounted once they agree, one where none stands for it. */
const settled = (state: 'agree' | 'disagree' | null, stands: boolean): number => (state === 'agree' && stands ? -1 : state === 'disagree' && !stands ? 1 : 0);

export function checkText(row: CheckRow, lang: Lang): string {
  const n = checkCount(row);
  return n === 0 ? t(lang, 'consolidate.check.ok') : t(lang, 'consolidate.check.review', { count: n });
}

/** The formula of a cell's category by `words`: 1, 2, 3 or 0. */
function categoryFormula(ref: string, words: Vocabulary): string {
  const k = `LOWER(TRIM(${ref}))`;
  const test = (w: Word) => (w.prefix ? `LEFT(${k},${w.text.length})=${str(w.text)}` : `${k}=${str(w.text)}`);
  const [one, two, three] = words.map((ws) => `OR(${ws.map(test).join(',')})`);
  return `IF(${one},1,IF(${two},2,IF(${three},3,0)))`;
}

/** A literal of a number format (its own quotes, as TEXT reads it). */
const literal = (s: string) => `"${s}"`;

/**
 * The check's formula on the row's cells at `refs` (“Kết quả (tính lại)”, “Tự đánh giá của đơn vị”, “Ghi chú”, the scores and ratings),
 * with its cached text. Its count is used once: TEXT's zero section says “Khớp số liệu”, the positive one the count.
 */
export function checkCell(refs: CheckRefs, row: CheckRow, lang: Lang): FormulaInput {
  return { formula: checkFormula(refs, lang), result: checkText(row, lang) };
}

/** Where a row's cells the check reads are. */
export interface CheckRefs extends Record<keyof ScoreCells, string> {
  result: string;
  recorded: string;
  remarks: string;
}

/** The formula of scoreAgreement on the row's score cells: 0 (nothing recorded), 1 (agree) or 2 (disagree). */
function scoreStateFormula(refs: CheckRefs): string {
  const { score: S, recordedScore: R } = refs;
  // IF, not AND: AND works out every argument, and a text's difference is an error.
  const same = `IF(ISNUMBER(${R}),IF(ISNUMBER(${S}),ABS(${R}-${S})<${SCORE_TOLERANCE},FALSE),NOT(ISNUMBER(${S})))`;
  const rating = `LOWER(TRIM(${refs.rating}))=LOWER(TRIM(${refs.recordedRating}))`;
  return `IF(AND(TRIM(${R})="",TRIM(${refs.recordedRating})=""),0,IF(AND(${same},${rating}),1,2))`;
}

/** Whether “Ghi chú” at `ref` holds a remark beginning with one of `prefixes`. */
const standsFormula = (prefixes: string[], ref: string) => `OR(${prefixes.map((p) => `ISNUMBER(FIND(${str(p)},${ref}))`).join(',')})`;

/** checkCell's formula alone (the first row of a fill down the column: the others are its copies). */
export function checkFormula(refs: CheckRefs, lang: Lang): string {
  const G = refs.remarks;
  // 0: nothing known, 1: agree, 2: disagree, by the two categories (4 × result + recorded).
  const state = `CHOOSE(${categoryFormula(refs.result, RESULT_WORDS)}*4+${categoryFormula(refs.recorded, UNIT_WORDS)}+1,0,0,0,0,0,1,2,2,0,2,1,2,0,2,2,1)`;
  const stands = standsFormula(OUTCOME_REMARK, G);
  const scoreStands = standsFormula(SCORE_REMARK, G);
  const lines = `IF(TRIM(SUBSTITUTE(${G},CHAR(10),""))="",0,LEN(${G})-LEN(SUBSTITUTE(${G},CHAR(10),""))+1)`;
  const count = `${lines}+CHOOSE(${state}+1,0,-${stands},1-${stands})+CHOOSE(${scoreStateFormula(refs)}+1,0,-${scoreStands},1-${scoreStands})`;
  const [before, after] = catalogs[lang]['consolidate.check.review'].split('{count}') as [string, string];
  const format = `${literal(before)}0${literal(after)};;${literal(t(lang, 'consolidate.check.ok'))}`;
  return `=TEXT(${count},${str(format)})`;
}

/**
 * The colouring rule of a row's “Thẩm định” cell at `ref` (a conditional format on the column): true
 * while the cell says something to review, so the colour goes when the officer's edits settle the row.
 */
export function flagFormula(ref: string, lang: Lang): string {
  return `=AND(${ref}<>"",${ref}<>${str(t(lang, 'consolidate.check.ok'))})`;
}
