/**
 * A fingerprint of everything a user typed that the evaluation depends on. Evaluate stores
 * it; consolidation recomputes it to tell a stale self-assessment from a fresh one.
 */
import { evaluationInput, type UnitWorkbook } from '../sheets/unitWorkbook';
import { RESULT_FIELDS } from '../sheets/unitSheet';
import { foldKey } from '../domain/text';
import { hash64, hashRowSet } from '../domain/hash';
import { isOrdinalHeader } from '../domain/evaluation';
import { readNumber, type CellValue } from '../domain/values';

const RESULT_KEYS = new Set(Object.values(RESULT_FIELDS).map(foldKey));

// Made once rather than per workbook, so that their optimised code outlives a full garbage
// collection (a reading Web Worker fingerprints file after file: src/domain/arrays.ts, findByCode).
const isTyped = (f: { label: string }) => !RESULT_KEYS.has(foldKey(f.label));
const fieldEntry = (f: { label: string; value: unknown }) => [f.label, f.value];
const answerEntry = ([k, a]: [string, { value: unknown } | undefined]) => [k, a?.value ?? null];
const headerOf = (c: { header: string }) => c.header;
const cellsOf = (r: { cells: CellValue[] }) => r.cells;
// The headers are checked once (mark); per row only the number (isOrdinal's other half), as the engine reads it.
const numbered = (v: CellValue | undefined) => v !== undefined && readNumber(v).kind === 'number';
const learnerEntry = (r: { label: string; headcount: { value: unknown }; cdht: { value: unknown } }) => [r.label, r.headcount.value, r.cdht.value];

/**
 * The member rows as a set, their STT numbers left out: sorting the list after evaluating (by name
 * for the printout) and numbering it again changes no figure, so it is no edit (hashRowSet).
 */
export function fingerprint(wb: UnitWorkbook): string {
  return mark(evaluationInput(wb));
}

/** Whether `stored` is the workbook's mark now: as fingerprint() takes it, or in row order as 0.2.0 and before did. */
export function matchesFingerprint(wb: UnitWorkbook, stored: string): boolean {
  // One input for both marks: building it reads the lists again and walks the rule cells.
  const input = evaluationInput(wb);
  return stored === mark(input) || stored === hash64(JSON.stringify(payload(input, input.members?.rows.map(cellsOf))));
}

type Input = ReturnType<typeof evaluationInput>;

function mark(input: Input): string {
  const members = input.members;
  const ordinals = members ? members.columns.flatMap((c, i) => (isOrdinalHeader(c.header) ? [i] : [])) : [];
  // The rows hashed value by value and added up, not each turned to JSON and sorted: a third of what marking cost.
  const rows = members ? hashRowSet(members.rows.map(cellsOf), ordinals.length ? { columns: ordinals, is: numbered } : undefined) : '';
  return hash64(`${JSON.stringify(payload(input, null))}\n${rows}`);
}

function payload(input: Input, rows: unknown) {
  return [
    input.unitFields.filter(isTyped).map(fieldEntry),
    input.ruleSet,
    Object.entries(input.answers).map(answerEntry),
    input.members?.columns.map(headerOf),
    rows,
    input.learners?.map(learnerEntry),
    input.spellings,
  ];
}
