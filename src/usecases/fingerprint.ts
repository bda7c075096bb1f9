/**
 * A fingerprint of everything a user typed that the evaluation depends on. Evaluate stores
 * it; consolidation recomputes it to tell a stale self-assessment from a fresh one.
 */
import { evaluationInput, type UnitWorkbook } from '../sheets/unitWorkbook';
import { RESULT_FIELDS } from '../sheets/unitSheet';
import { foldKey } from '../domain/text';
import { hash64 } from '../domain/hash';

const RESULT_KEYS = new Set(Object.values(RESULT_FIELDS).map(foldKey));

// Made once rather than per workbook, so that their optimised code outlives a full garbage
// collection (a reading Web Worker fingerprints file after file: src/domain/arrays.ts, findByCode).
const isTyped = (f: { label: string }) => !RESULT_KEYS.has(foldKey(f.label));
const fieldEntry = (f: { label: string; value: unknown }) => [f.label, f.value];
const answerEntry = ([k, a]: [string, { value: unknown } | undefined]) => [k, a?.value ?? null];
const headerOf = (c: { header: string }) => c.header;
const cellsOf = (r: { cells: unknown[] }) => r.cells;
const learnerEntry = (r: { label: string; headcount: { value: unknown }; cdht: { value: unknown } }) => [r.label, r.headcount.value, r.cdht.value];

export function fingerprint(wb: UnitWorkbook): string {
  const input = evaluationInput(wb);
  const payload = JSON.stringify([
    input.unitFields.filter(isTyped).map(fieldEntry),
    input.ruleSet,
    Object.entries(input.answers).map(answerEntry),
    input.members?.columns.map(headerOf),
    input.members?.rows.map(cellsOf),
    input.learners?.map(learnerEntry),
    input.spellings,
  ]);
  return hash64(payload);
}
