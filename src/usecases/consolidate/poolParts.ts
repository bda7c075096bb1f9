/**
 * How a reading thread's records cross to the main thread (the CLI's consolidatePool.ts, the pane's Web Workers). Most of a
 * unit's record is its rule set's and the same in every unit that has it: the rule set as
 * compared, each indicator's code, identity, text and measure, each criterion's code and
 * identity, the tiers that receive it (≈ 7 of a record's ≈ 8 KB). A thread sends each distinct
 * such part once, then only its number; the main thread rebuilds every record with the SAME
 * part objects, so that 2,000 records parse, hold and collect as a few. Nothing downstream
 * changes a record's rule set or tiers (Consolidation only reads them).
 */
import type { FileOutcome, IndicatorFigure, UnitRecord } from './records';

/** What units of one rule set share. */
interface SharedPart {
  ruleSet: UnitRecord['ruleSet'];
  basis: string;
  indicators: [code: string, identity: string, text: string, measure: IndicatorFigure['measure']][];
  criteria: [code: string, identity: string][];
  receiving: [tiers: string[], recognition: string, basis: string, level2Basis: string, deadlineBasis: string];
}

/** A unit's record without its shared part: `part` numbers it, the figures stay in place. */
interface PackedUnit extends Omit<UnitRecord, 'ruleSet' | 'indicators' | 'criteria' | 'receiving'> {
  ruleSet: number;
  indicators: [required: number | null, value: number | null, status: IndicatorFigure['status']][];
  criteria: [status: UnitRecord['criteria'][number]['status'], points: number | null][];
  receiving: [typed: string, where: string];
}

/** One outcome as it crosses: JSON text, and the shared parts first sent with it (numbered on from those sent before). */
export interface PackedOutcome {
  outcome: string;
  parts?: string[];
}

// A worker packs an outcome per file: the callbacks are made once, so that their optimised code
// outlives a full garbage collection (a closure made per call loses it: src/domain/arrays.ts).
type Figure = UnitRecord['indicators'][number];
type CriterionFigure = UnitRecord['criteria'][number];
const sharedIndicator = (i: Figure): SharedPart['indicators'][number] => [i.code, i.identity, i.text, i.measure];
const sharedCriterion = (c: CriterionFigure): SharedPart['criteria'][number] => [c.code, c.identity];
const packedIndicator = (i: Figure): PackedUnit['indicators'][number] => [i.required, i.value, i.status];
const packedCriterion = (c: CriterionFigure): PackedUnit['criteria'][number] => [c.status, c.points];

/** A reading thread's side: remembers which parts it has sent. */
export class PartSender {
  private readonly sent = new Map<string, number>();
  /** The latest parts sent, by a short signature: most files' part is found among them by comparing, without its ≈ 7 KB of JSON. */
  private readonly recent = new Map<string, { part: SharedPart; id: number }[]>();

  pack(outcome: FileOutcome): PackedOutcome {
    const u = outcome.unit;
    // As JSON text: a string crosses threads as one copy, where structured clone walks the
    // record on both sides (≈ 2× the CPU of JSON.stringify + JSON.parse for these records).
    if (!u) return { outcome: JSON.stringify(outcome) };
    const r = u.receiving;
    const shared: SharedPart = {
      ruleSet: u.ruleSet,
      basis: u.basis,
      indicators: u.indicators.map(sharedIndicator),
      criteria: u.criteria.map(sharedCriterion),
      receiving: [r.tiers, r.recognition, r.basis, r.level2Basis, r.deadlineBasis],
    };
    const { id, parts } = this.idOf(shared);
    const unit: PackedUnit = {
      ...u,
      ruleSet: id,
      basis: '',
      indicators: u.indicators.map(packedIndicator),
      criteria: u.criteria.map(packedCriterion),
      receiving: [r.typed, r.where],
    };
    return { outcome: JSON.stringify({ report: outcome.report, unit }), parts };
  }

  private idOf(shared: SharedPart): { id: number; parts?: string[] } {
    const signature = `${shared.ruleSet.id}\n${shared.ruleSet.name}\n${shared.indicators.length}\n${shared.criteria.length}`;
    let recent = this.recent.get(signature);
    if (!recent) this.recent.set(signature, (recent = []));
    let found: (typeof recent)[number] | undefined;
    for (const c of recent)
      if (sameJson(c.part, shared)) {
        found = c;
        break;
      }
    if (found) return found;
    const text = JSON.stringify(shared);
    let id = this.sent.get(text);
    const parts = id === undefined ? [text] : undefined;
    if (id === undefined) this.sent.set(text, (id = this.sent.size));
    recent.unshift({ part: shared, id });
    if (recent.length > 8) recent.pop();
    return { id, parts };
  }
}

/** The same JSON text, without making it: same keys in the same order, same values (what is not JSON never matches). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Number.isFinite(a);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (!sameJson(a[k], b[k])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let k = 0; k < ka.length; k++) {
    const key = ka[k]!;
    if (key !== kb[k] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The main thread's side, one per reading thread (parts are numbered per thread). */
export class PartReceiver {
  private readonly parts: SharedPart[] = [];

  unpack(packed: PackedOutcome): FileOutcome {
    if (packed.parts) for (const text of packed.parts) this.parts.push(JSON.parse(text) as SharedPart);
    const outcome = JSON.parse(packed.outcome) as { report: FileOutcome['report']; unit: PackedUnit | null };
    const p = outcome.unit;
    if (!p) return outcome as FileOutcome;
    const part = this.parts[p.ruleSet];
    if (!part) throw new Error(`record part ${p.ruleSet} was never sent`);
    // Assigned in place: the record's keys keep their order (its --json is the same text).
    const u = p as unknown as UnitRecord;
    u.ruleSet = part.ruleSet;
    u.basis = part.basis;
    u.indicators = p.indicators.map(([required, value, status], k) => {
      const [code, identity, text, measure] = part.indicators[k]!;
      return { code, identity, text, measure, required, value, status };
    });
    u.criteria = p.criteria.map(([status, points], k) => {
      const [code, identity] = part.criteria[k]!;
      return { code, identity, status, points };
    });
    const [typed, where] = p.receiving;
    const [tiers, recognition, basis, level2Basis, deadlineBasis] = part.receiving;
    u.receiving = { typed, where, tiers, recognition, basis, level2Basis, deadlineBasis };
    return outcome as FileOutcome;
  }
}
