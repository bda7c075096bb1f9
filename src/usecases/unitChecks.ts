/**
 * The checks of what a unit typed about itself on "Thông tin đơn vị" (name, year, type, the
 * level and tier it asks for). Evaluate, documents and consolidation's reading threads share
 * them; kept apart from evaluate so a reading thread does not load the sheet writers.
 */
import { lowerVi } from '../domain/text';
import { isUncalculated, readText, type CellValue } from '../domain/values';
import { UNIT_FIELDS, uncalculatedFields, unitField } from '../sheets/unitSheet';
import { nearestUnitType } from '../domain/unitTypes';
import { readYear } from '../domain/years';
import { problem, type Problem, type ProblemCode } from '../domain/problems';
import { recognitionValidUntil, requestProblems, requestWait, type UnitRequest } from '../domain/rules/request';
import type { RuleSet } from '../domain/rules/ruleSet';
import type { RequestHold } from '../domain/evaluation';
import { describeLocation } from '../sheets/locate';
import { SHEETS } from '../sheets/names';
import { listedUnitTypes, type UnitWorkbook } from '../sheets/unitWorkbook';
import { readDate, serialToDate } from './consolidate/dates';

/** The unit's request (level, receiving tier, previous recognition) read where the unit typed it. */
export function unitRequest(wb: UnitWorkbook, now = new Date()): UnitRequest {
  const prev = unitField(wb.unit, UNIT_FIELDS.previousDate);
  const read = prev ? readDate(prev.value, wb.date1904) : ({ kind: 'blank' } as const);
  // Unreadable ("năm 2025"), it is warned at its cell, never taken for this year.
  const year = readYear(wb.unit.info.year, now);
  return {
    level: fieldText(wb, UNIT_FIELDS.level),
    receiverTier: fieldText(wb, UNIT_FIELDS.receiverTier),
    previousDate: { value: read.kind === 'date' ? serialToDate(read.serial) : read.kind === 'blank' ? null : 'invalid', ...(prev ? { at: prev.at } : {}) },
    previousLevel: fieldText(wb, UNIT_FIELDS.previousLevel),
    year: year.kind === 'year' ? year.year : null,
  };
}

/**
 * What keeps a unit meeting `rs`'s level-2 indicators from asking for it this year (requestWait, the
 * wait its warnings say): the evaluation words its outcome so. Only a level-2 rule set's recognition
 * is held: one of level 1 asked as level 2 is the levelMismatch warning, its outcome true as it is.
 */
export function requestHold(rs: RuleSet, request: UnitRequest, now?: Date): RequestHold | null {
  const wait = rs.level === 2 ? requestWait(rs, request, now) : null;
  if (!wait) return null;
  if (wait.kind === 'noPrevious') return { kind: 'noPrevious', field: UNIT_FIELDS.previousDate, where: request.previousDate.at ? describeLocation(request.previousDate.at) : `'${SHEETS.unit}'` };
  const previous = request.previousDate.value as Date;
  return { kind: 'tooSoon', previous, due: wait.due, deadline: wait.deadline, until: recognitionValidUntil(previous) };
}

function fieldText(wb: UnitWorkbook, label: string): UnitRequest['level'] {
  const f = unitField(wb.unit, label);
  return f ? { value: readText(f.value), at: f.at } : { value: '' };
}

/** Warnings, at the unit's cells, where what it asks for does not fit its rule set (and at the rule set's, where it lists no tier). */
export function requestChecks(wb: UnitWorkbook, now = new Date()): Problem[] {
  return requestChecksOf(wb, unitRequest(wb, now), now);
}

/** requestChecks of a request already read (consolidation reads it once per file, and dates it by its own day). */
export function requestChecksOf(wb: UnitWorkbook, request: UnitRequest, now?: Date): Problem[] {
  return requestProblems(wb.criteria.ruleSet, request, { receiverTiers: wb.criteria.receiverTiersAt }, now);
}

/**
 * Warnings, at the cells of "Thông tin đơn vị", where what the unit typed about itself would
 * print wrong in its dossier or silently change which indicators apply. `now`: a year after
 * next is a typo.
 */
/**
 * A unit's name heads every document; official names stay well under this, so a longer one is
 * text pasted there by mistake (it would also run Excel's cells past their limit in the titles).
 */
const UNIT_NAME_MAX = 255;

export function unitInfoChecks(wb: UnitWorkbook, now: Date): Problem[] {
  const out: Problem[] = [];
  // A field typed as a formula its file holds no result for: said so, its other checks skipped.
  out.push(...uncalculatedFields(wb.unit));
  const check = (label: string, test: (value: CellValue, shown: string) => { code: ProblemCode; params?: Problem['params'] } | null) => {
    const f = unitField(wb.unit, label);
    const found = f && !isUncalculated(f.value) && test(f.value, readText(f.value));
    if (f && found) out.push(problem('warning', found.code, { value: readText(f.value), ...found.params }, f.at));
  };
  check(UNIT_FIELDS.name, (_, shown) =>
    !shown ? { code: 'unitNameMissing' } : shown.length > UNIT_NAME_MAX ? { code: 'unitNameTooLong', params: { length: shown.length, max: UNIT_NAME_MAX } } : null,
  );
  const example = now.getFullYear();
  check(UNIT_FIELDS.year, (value) => {
    const year = readYear(value, now);
    return year.kind === 'year' ? null : { code: year.kind === 'blank' ? 'unitYearMissing' : 'unitYearInvalid', params: { example } };
  });
  const type = unitTypeProblem(wb);
  if (type) out.push(type);
  check(UNIT_FIELDS.previousDate, (value) => (readDate(value, wb.date1904).kind === 'invalid' ? { code: 'unitDateInvalid', params: { field: UNIT_FIELDS.previousDate } } : null));
  return out;
}

/**
 * The unit's type against the workbook's list (“Danh mục” C, else the built-in one): one not in
 * it is printed as typed and may leave type-bound indicators out. Consolidation flags it too.
 */
export function unitTypeProblem(wb: UnitWorkbook): Problem | null {
  const f = unitField(wb.unit, UNIT_FIELDS.type);
  // A formula without its result is said once, as such (uncalculatedFields).
  if (!f || isUncalculated(f.value)) return null;
  const shown = readText(f.value);
  const listed = listedUnitTypes(wb);
  const known = new Set(listed.map(typeKey));
  if (!shown) return problem('warning', 'unitTypeMissing', { value: shown }, f.at);
  if (known.has(typeKey(shown))) return null;
  // A type typed short or misspelt (“Trường TH”, “MG”, “cấp 2”) is offered the one it most likely means.
  return problem('warning', 'unitTypeUnknown', { value: shown, example: nearestUnitType(shown, listed) ?? '' }, f.at);
}

const typeKey = (t: string) => lowerVi(t.normalize('NFC'));

const sameCell = (a: Problem['at'], b: Problem['at']) => a !== undefined && b !== undefined && a.sheet === b.sheet && a.row === b.row && a.col === b.col;

/** The engine's per-indicator word at the type's cell that each type warning already says. */
const TYPE_REPEATS: Partial<Record<Problem['code'], Problem['code']>> = { unitTypeMissing: 'applicabilityBlank', unitTypeUnknown: 'applicabilityUnlisted' };

/** Whether `p` is the engine's word at the unit type's cell that its warning `type` (unitTypeProblem) already says. */
export function repeatsTypeWarning(p: Problem, type: Problem | null): boolean {
  return type !== null && TYPE_REPEATS[type.code] === p.code && sameCell(type.at, p.at);
}

/**
 * A type's own warning (unitTypeProblem) and the engine's word per indicator at the same cell
 * say one thing twice: the cell is warned once. A blank type's warning already says the
 * type-bound indicators cannot be evaluated and what to choose, so the engine's “còn trống”
 * goes; a type off the list gets one warning naming the indicators left undecided beside the
 * type it likely means.
 */
export function withoutTypeRepeats(problems: Problem[]): Problem[] {
  const types = problems.filter((p) => p.code === 'unitTypeMissing' || p.code === 'unitTypeUnknown');
  if (!types.length) return problems;
  const undecided = (type: Problem) => problems.filter((p) => repeatsTypeWarning(p, type));
  return problems.flatMap((p) => {
    if (types.some((type) => repeatsTypeWarning(p, type))) return [];
    if (p.code !== 'unitTypeUnknown') return [p];
    const indicators = [...new Set(undecided(p).map((u) => String(u.params?.indicator)))];
    return indicators.length ? [{ ...p, code: 'unitTypeUnknownIndicators', params: { ...p.params, indicators: indicators.join(', ') } }] : [p];
  });
}

/** Every check of "Thông tin đơn vị": what the unit typed, then what it asks for. */
export function unitChecks(wb: UnitWorkbook, now: Date): Problem[] {
  return [...unitInfoChecks(wb, now), ...requestChecks(wb, now)];
}
