/**
 * A fingerprint of everything a user typed that the evaluation depends on. Evaluate stores
 * it; consolidation recomputes it to tell a stale self-assessment from a fresh one.
 */
import { evaluationInput, type UnitWorkbook } from '../sheets/unitWorkbook';
import { RESULT_FIELDS } from '../sheets/unitSheet';
import { foldKey } from '../domain/text';
import { hash64 } from '../domain/hash';

const RESULT_KEYS = new Set(Object.values(RESULT_FIELDS).map(foldKey));

export function fingerprint(wb: UnitWorkbook): string {
  const input = evaluationInput(wb);
  const payload = JSON.stringify([
    input.unitFields.filter((f) => !RESULT_KEYS.has(foldKey(f.label))).map((f) => [f.label, f.value]),
    input.ruleSet,
    Object.entries(input.answers).map(([k, a]) => [k, a?.value ?? null]),
    input.members?.columns.map((c) => c.header),
    input.members?.rows.map((r) => r.cells),
    input.learners?.map((r) => [r.label, r.headcount.value, r.cdht.value]),
    input.spellings,
  ]);
  return hash64(payload);
}
