/**
 * "Đổi bộ tiêu chí": a unit's workbook moves to another rule set (a preset, or one its
 * consolidating body handed out after the unit had started) without a new workbook. The
 * add-in's "Tiêu chí" is redrawn in place (the same sheet, its mark and name kept, so formulas
 * and sheets that point at it still do) from the new rule set; the unit's answers and evidence
 * follow their indicator codes, and what has no place in the new set is reported, not lost
 * silently. The level requested follows the rule set. What the last evaluation wrote no longer
 * holds: it is cleared, and the workbook is to be evaluated again.
 */
import type { Indicator, RuleSet } from '../domain/rules/ruleSet';
import { comparable, indicatorIdentity, ruleSetChanges, sameNumber, sameText } from '../domain/rules/compare';
import { findPreset } from '../domain/rules/presets';
import { formatThreshold } from '../i18n/format';
import { readText, type CellValue } from '../domain/values';
import type { CellBlock, SheetData, SheetPlan, Workbook } from '../workbook/port';
import { columnLetter, parseCell } from '../workbook/a1';
import { findSheetName } from '../workbook/plan';
import { SHEETS } from '../sheets/names';
import { ANSWER_LIST_SPARE_ROWS, COL, LAST_COL, TABLE_HEADER_ROW, drawCriteriaSheet, readCriteriaSheet } from '../sheets/criteriaSheet';
import { readUnitSheet, UNIT_FIELDS } from '../sheets/unitSheet';
import { readMembersSheet } from '../sheets/membersSheet';
import { locateProblem, type LocatedProblem } from '../sheets/locate';
import { t, type Lang } from '../i18n';
import { answerCells, levelOf, type IndicatorAnswer } from './createSheets';
import { editedOwnPlan, editedOwnSheet, readOwnSheets, ROLE, type OwnRef } from './ownSheets';
import { memberResultsCleared, RESULT_SHEET_MARKS, staleResults, unitFieldRow, unitResultsCleared } from './newYear';

/** The add-in's "Tiêu chí": the user edits it, so it is found by its mark (or its content, drawn before marks). */
const CRITERIA_SHEET: OwnRef = { name: SHEETS.criteria, role: ROLE.criteria };

/** What the drawn sheet puts in column I of an indicator the add-in computes: not an answer. */
const COMPUTED_MARK = '(tự tính)';

/** An answer or evidence the new rule set has no place for. */
export interface DroppedAnswer {
  code: string;
  answer: string;
  evidence: string;
  /**
   * missing: no indicator of that code; reworded: the new set's indicator of that code asks
   * something else (an answer to the one says nothing of the other); computed: the indicator is
   * now counted by the add-in (its answer is not read).
   */
  reason: 'missing' | 'reworded' | 'computed';
  /** reworded: what the new set's indicator of that code asks. */
  asks?: string;
}

/** An answer carried to the indicator of the same text under another code. */
export interface MovedAnswer {
  from: string;
  to: string;
}

/**
 * An edit the unit made to its preset in the old "Tiêu chí" that the new set does not make:
 * what the unit had (`edited`) and what the new set brings (`next`; null: no such indicator).
 */
export type LostEdit =
  | { kind: 'threshold'; code: string; edited: number; next: number | null }
  | { kind: 'condition'; code: string; edited: string; next: string | null }
  | { kind: 'appliesTo'; code: string; edited: string; next: string | null }
  | { kind: 'points'; code: string; edited: number | null; next: number | null }
  /** An indicator the unit added (extra) or deleted (missing, and the new set has it). */
  | { kind: 'extra'; code: string }
  | { kind: 'missing'; code: string };

export interface SwitchRuleSetOptions {
  lang?: Lang;
  /** Only say what would happen (the pane's confirmation): nothing is written. */
  dryRun?: boolean;
}

export type SwitchRuleSetResult =
  | {
      ok: true;
      /** The sheet redrawn (usually "Tiêu chí"). */
      sheet: string;
      from: { id: string; name: string };
      to: { id: string; name: string };
      /** Codes (the new set's) whose answer or evidence was carried over. */
      kept: string[];
      /** Answers that followed their indicator's text to another code. */
      moved: MovedAnswer[];
      dropped: DroppedAnswer[];
      /** The unit's edits of its preset that the redrawn sheet loses; null when the old sheet names no preset to compare with. */
      lostEdits: LostEdit[] | null;
      /** The level now requested on "Thông tin đơn vị" ("Mức độ 2"), or null when left as it was. */
      level: string | null;
      /** Whether an evaluation's results were there (and were cleared). */
      resultsCleared: boolean;
      /** Document sheets drawn from the old results: kept, to be drawn again after evaluating. */
      staleDocuments: string[];
      /** The sheet already holds this very rule set, unedited: nothing was (or would be) written. */
      unchanged: boolean;
    }
  | { ok: false; problems: LocatedProblem[] };

/** One dropped answer in words: its code, what was typed, and why it has no place. */
export function droppedText(lang: Lang, d: DroppedAnswer): string {
  const value = [d.answer, d.evidence].filter(Boolean).map((v) => `“${v}”`).join('; ');
  return t(lang, `ruleSetSwitch.droppedItem.${d.reason}`, { code: d.code, value, asks: d.asks ?? '' });
}

/** The answers that moved to another code, as one sentence; null when none did. */
export function movedText(lang: Lang, moved: readonly MovedAnswer[]): string | null {
  if (!moved.length) return null;
  return t(lang, 'ruleSetSwitch.moved', { items: moved.map((m) => t(lang, 'ruleSetSwitch.movedItem', { from: m.from, to: m.to })).join('; ') });
}

/** One lost edit in words: the indicator's code, what the unit had → what the new set has. */
export function lostEditText(lang: Lang, e: LostEdit): string {
  if (e.kind === 'extra' || e.kind === 'missing') return t(lang, `ruleSetSwitch.lost.${e.kind}`, { code: e.code });
  const none = t(lang, 'ruleSetSwitch.lost.none');
  const all = t(lang, 'ruleSetSwitch.lost.all');
  const { kind, edited, next } = e;
  const shown = (v: string | number | null, gone: boolean): string => {
    if (gone) return none;
    if (kind === 'threshold') return formatThreshold(v as number, lang);
    if (kind === 'points') return v === null ? '—' : String(v);
    return `“${v === '' && kind === 'appliesTo' ? all : v}”`;
  };
  return t(lang, `ruleSetSwitch.lost.${kind}`, { code: e.code, edited: shown(edited, false), next: shown(next, next === null) });
}

/** The lost edits as one sentence (the CLI's and the pane's); null when none is known lost. */
export function lostEditsText(lang: Lang, r: { lostEdits: LostEdit[] | null; sheet: string; from: { id: string; name: string } }): string | null {
  if (!r.lostEdits?.length) return null;
  const preset = findPreset(r.from.id)?.name ?? r.from.name;
  return t(lang, 'ruleSetSwitch.lostEdits', { preset, sheet: r.sheet, items: r.lostEdits.map((e) => lostEditText(lang, e)).join('; ') });
}

/**
 * What the unit changed in the preset its old sheet names (compare.ts) and the new set does not
 * carry: a threshold the new set also asks is no loss. Null without such a preset to compare with.
 */
function lostEdits(old: RuleSet, next: RuleSet): LostEdit[] | null {
  const preset = findPreset(old.id);
  if (!preset || preset.mode !== old.mode) return null;
  const unit = comparable(old);
  const mine = new Map(unit.indicators.map((i) => [i.code, i]));
  const theirs = new Map(comparable(next).indicators.map((i) => [i.code, i]));
  const byCode = (rs: RuleSet, code: string) => rs.indicators.find((i) => i.code === code)!;
  const out: LostEdit[] = [];
  for (const c of ruleSetChanges(unit, comparable(preset))) {
    if (c.kind === 'mode' || c.kind === 'measure') continue;
    const was = mine.get(c.code);
    const now = theirs.get(c.code);
    switch (c.kind) {
      case 'threshold':
        if (now?.threshold == null || !sameNumber(now.threshold, c.unit)) out.push({ kind: 'threshold', code: c.code, edited: c.unit, next: now?.threshold ?? null });
        break;
      case 'condition':
      case 'appliesTo': {
        const edited = was![c.kind];
        const brought = now ? now[c.kind] : null;
        if (brought === null || !sameText(brought, edited)) out.push({ kind: c.kind, code: c.code, edited, next: brought });
        break;
      }
      case 'points':
        if (!now || now.points !== c.unit) out.push({ kind: 'points', code: c.code, edited: c.unit, next: now?.points ?? null });
        break;
      case 'missing':
        if (now) out.push({ kind: 'missing', code: c.code });
        break;
      case 'extra':
        if (!now || indicatorIdentity(next.mode, byCode(next, c.code)) !== indicatorIdentity(old.mode, byCode(old, c.code))) out.push({ kind: 'extra', code: c.code });
        break;
    }
  }
  return out;
}

/**
 * Where each indicator of the old sheet goes in `next` (by old code): the indicator of the same
 * text (its own code first); then, for a text the unit reworded on its sheet, the indicator of its
 * code where the preset the old sheet names asks the same. Each new indicator takes one, and never
 * by code alone: Thông tư 22/2020 and 24/2023, or levels 1 and 2, ask different things under the
 * same code (3.4: “Tập thể lao động tiên tiến” at level 1, “xuất sắc” at level 2).
 */
function sameIndicators(old: readonly Indicator[], next: RuleSet, oldPreset: RuleSet | undefined): Map<string, Indicator> {
  const byCode = new Map(next.indicators.map((i) => [i.code, i]));
  const out = new Map<string, Indicator>();
  const taken = new Set<string>();
  const take = (from: string, to: Indicator | undefined) => {
    if (!to || taken.has(to.code) || out.has(from)) return;
    out.set(from, to);
    taken.add(to.code);
  };
  for (const i of old) take(i.code, [byCode.get(i.code), ...next.indicators].find((n) => n && !taken.has(n.code) && sameText(n.text, i.text)));
  for (const i of old) {
    const own = byCode.get(i.code);
    const preset = oldPreset?.indicators.find((p) => p.code === i.code);
    if (own && preset && sameText(preset.text, own.text)) take(i.code, own);
  }
  return out;
}

/** A cell worth carrying over: text, a number or a yes/no (not an error, not blank). */
function carried(v: CellValue | undefined): string | number | boolean | undefined {
  if (v === null || v === undefined || typeof v === 'object') return undefined;
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
}

/** What the sheet draws of a rule set (its settings and every indicator's row), as text. */
function drawnKey(rs: RuleSet): string {
  const { id, name, basis, recognition, mode, partialScoring, bands, failBand, personalTarget, criteria, evaluatingBody, level, receiverTiers } = rs;
  const indicators = rs.indicators.map((i) => [i.code, i.text, i.measure, i.threshold, i.points, i.appliesTo, i.source]);
  return JSON.stringify([id, name, basis, recognition, mode, partialScoring, bands, failBand, personalTarget, criteria, evaluatingBody ?? '', level ?? null, receiverTiers ?? [], indicators]);
}

/** Whether the sheet reads as the add-in's "Tiêu chí" (an unmarked one drawn before marks). */
function isCriteriaSheet(data: SheetData): boolean {
  const parsed = readCriteriaSheet(data);
  return parsed.headerRow > 0 && parsed.rows.length > 0;
}

export async function switchRuleSet(workbook: Workbook, ruleSet: RuleSet, options: SwitchRuleSetOptions = {}): Promise<SwitchRuleSetResult> {
  const lang = options.lang ?? 'vi';
  return workbook.batch(async (session) => {
    const snapshot = await readOwnSheets(session, [SHEETS.unit, SHEETS.members], [CRITERIA_SHEET], { marks: RESULT_SHEET_MARKS });
    const target = editedOwnSheet(snapshot, CRITERIA_SHEET, isCriteriaSheet);
    if (!target.data) {
      // A user's sheet of that name is not ours to redraw; without ours there is nothing to switch.
      const taken = findSheetName(snapshot.sheetNames, SHEETS.criteria) !== undefined;
      const problem = locateProblem({ severity: 'error', code: 'missingSheet', params: { sheet: SHEETS.criteria } }, lang);
      return { ok: false, problems: [taken ? { ...problem, message: t(lang, 'ruleSetSwitch.notOurs', { sheet: SHEETS.criteria }) } : problem] };
    }
    const old = readCriteriaSheet(target.data);
    // Redrawing the very set it holds would only clear a valid evaluation; an edited copy is redrawn (undoing the edits).
    const unchanged = drawnKey(old.ruleSet) === drawnKey(ruleSet);
    const cell = (r: number, c: number) => target.data!.rows[r - 1]?.[c - 1];
    const byCode = new Map(ruleSet.indicators.map((i) => [i.code, i]));
    const targets = sameIndicators(old.ruleSet.indicators, ruleSet, findPreset(old.ruleSet.id));
    const carry: Record<string, IndicatorAnswer> = {};
    const moved: MovedAnswer[] = [];
    const dropped: DroppedAnswer[] = [];
    for (const row of old.rows) {
      if (!row.indicator) continue;
      const typed = carried(cell(row.row, COL.answer));
      // Column I of a counted indicator holds the add-in's "(tự tính)", never the unit's answer.
      const answer = row.indicator.measure.kind === 'unit' && typed !== COMPUTED_MARK ? typed : undefined;
      const evidence = carried(cell(row.row, COL.evidence));
      if (answer === undefined && evidence === undefined) continue;
      const next = targets.get(row.code);
      const takesAnswer = next?.measure.kind === 'unit';
      if (next) {
        carry[next.code] = { ...(takesAnswer && answer !== undefined ? { answer } : {}), ...(evidence !== undefined ? { evidence } : {}) };
        if (next.code !== row.code) moved.push({ from: row.code, to: next.code });
      }
      if (!next || (answer !== undefined && !takesAnswer)) {
        const other = next ? undefined : byCode.get(row.code);
        dropped.push({
          code: row.code,
          answer: answer === undefined ? '' : readText(answer),
          evidence: !next && evidence !== undefined ? readText(evidence) : '',
          reason: next ? 'computed' : other ? 'reworded' : 'missing',
          ...(other ? { asks: other.text } : {}),
        });
      }
    }

    const drawn = drawCriteriaSheet(ruleSet);
    // The old table's answer list reaches below its last row: a shorter table must not leave it there.
    const oldExtent = Math.max(target.data.rows.length, (old.rows.at(-1)?.row ?? 0) + ANSWER_LIST_SPARE_ROWS, 1);
    const criteria: SheetPlan = {
      ...drawn,
      // Everything of ours in A–P goes (the user's columns beyond P stay): the old settings, rows, results and answer list.
      clear: [`A1:${columnLetter(LAST_COL)}${oldExtent}`],
      cells: [...(drawn.cells ?? []), ...answerCells(drawn, carry)],
    };

    const unitData = snapshot.sheets.get(SHEETS.unit);
    const unit = unitData ? readUnitSheet(unitData) : null;
    const level = levelOf(ruleSet) || null;
    const levelRow = unit && level ? unitFieldRow(unit, UNIT_FIELDS.level) : undefined;
    const unitResults = unit ? unitResultsCleared(unit) : [];
    const unitCells = [...(levelRow ? [{ at: `B${levelRow}`, rows: [[level]] }] : []), ...unitResults];
    const membersData = snapshot.sheets.get(SHEETS.members);
    const members = membersData ? readMembersSheet(membersData) : null;
    const memberCells = members ? memberResultsCleared(members) : [];
    const stale = staleResults(snapshot, t('vi', 'ruleSetSwitch.summaryCleared', { ruleSet: ruleSet.name }));
    // Results to clear: what an evaluation wrote and no later switch emptied (the summary's note alone is none).
    const written = (data: SheetData | undefined, blocks: CellBlock[]) =>
      blocks.some((b) => {
        const at = parseCell(b.at);
        return b.rows.some((_, i) => carried(data?.rows[at.row - 1 + i]?.[at.col - 1]) !== undefined);
      });
    const evaluated = old.rows.some((r) => carried(cell(r.row, COL.result)) !== undefined) || written(unitData, unitResults) || written(membersData, memberCells);

    if (!options.dryRun && !unchanged) {
      session.write(editedOwnPlan(criteria, CRITERIA_SHEET, target));
      if (unitCells.length) session.write({ sheet: SHEETS.unit, mode: 'existing', cells: unitCells });
      if (memberCells.length) session.write({ sheet: SHEETS.members, mode: 'existing', cells: memberCells });
      if (stale.summary) session.write(stale.summary);
      session.select(target.sheet, `${columnLetter(COL.answer)}${TABLE_HEADER_ROW + 1}`);
    }
    return {
      ok: true,
      sheet: target.sheet,
      from: { id: old.ruleSet.id, name: old.ruleSet.name },
      to: { id: ruleSet.id, name: ruleSet.name },
      kept: Object.keys(carry),
      moved,
      dropped,
      lostEdits: unchanged ? [] : lostEdits(old.ruleSet, ruleSet),
      level: levelRow ? level : null,
      resultsCleared: evaluated && !unchanged,
      staleDocuments: unchanged ? [] : stale.documents,
      unchanged,
    };
  });
}
