/** Builders for engine inputs, so tests read like the sheets they stand for. */
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import type { EvaluationInput, LearnerRow, MemberTable, UnitField } from '../../src/domain/evaluation';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { DEFAULT_SPELLINGS, type CellValue } from '../../src/domain/values';

export type MemberSpec = Partial<Record<string, CellValue>>;

/** A members table with the standard columns; each spec overrides some fields by key. */
export function memberTable(specs: MemberSpec[], headerRow = 4): MemberTable {
  return {
    columns: MEMBER_FIELDS.map((f, i) => ({ header: f.header, col: i + 1 })),
    rows: specs.map((spec, i) => ({ row: headerRow + 1 + i, cells: MEMBER_FIELDS.map((f) => (f.key in spec ? spec[f.key]! : null)) })),
    nameIndex: MEMBER_FIELDS.findIndex((f) => f.key === 'name'),
    countedIndex: MEMBER_FIELDS.findIndex((f) => f.key === 'counted'),
  };
}

/** n members, the first `yes` of whom have `Có` in every yes/no field and LĐTT. */
export function uniformMembers(n: number, yes: number, extra: MemberSpec = {}): MemberSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const ok = i < yes;
    const spec: MemberSpec = { name: `Thành viên ${i + 1}`, ...extra };
    for (const f of MEMBER_FIELDS) if (f.kind === 'yesno' && f.key !== 'counted') spec[f.key] = ok ? 'Có' : 'Không';
    spec.emulationTitle = ok ? 'Lao động tiên tiến' : 'Hoàn thành nhiệm vụ';
    spec.cdhtScore = ok ? 85 : 60;
    spec.cdhtTitle = null;
    return spec;
  });
}

export function unitFields(type: string, isPublic: CellValue = 'Có'): UnitField[] {
  return [
    { label: 'Loại đơn vị', value: type, at: { sheet: 'unit', row: 5, col: 2 } },
    { label: 'Công lập', value: isPublic, at: { sheet: 'unit', row: 6, col: 2 } },
  ];
}

export function learners(...pairs: [CellValue, CellValue][]): LearnerRow[] {
  return pairs.map(([h, c], i) => ({ row: 5 + i, label: `Lớp ${i + 1}`, headcount: { value: h, col: 3 }, cdht: { value: c, col: 4 } }));
}

export function allUnitAnswers(rs: RuleSet, value: CellValue = 'Đạt'): EvaluationInput['answers'] {
  const out: EvaluationInput['answers'] = {};
  rs.indicators.forEach((ind, i) => {
    if (ind.measure.kind === 'unit') out[ind.code] = { value, at: { sheet: 'criteria', row: 14 + i, col: 9 } };
  });
  return out;
}

export function input(rs: RuleSet, parts: Partial<EvaluationInput>): EvaluationInput {
  return {
    ruleSet: rs,
    spellings: DEFAULT_SPELLINGS,
    unitFields: unitFields('Trường THCS'),
    answers: allUnitAnswers(rs),
    members: memberTable([]),
    learners: null,
    ...parts,
  };
}
