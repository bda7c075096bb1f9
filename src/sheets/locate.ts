/** Where a problem is, as the user reads it ('Thành viên'!H14), and the problem in words. */
import type { Location, Problem, SheetRole } from '../domain/problems';
import { conditionSyntaxText, t, type Lang, type MessageKey } from '../i18n';
import { formatNumber } from '../i18n/format';
import { ruleSetProblemWords } from '../i18n/ruleSetChanges';
import { cellAddress, sheetRef } from '../workbook/a1';
import { SHEETS } from './names';

const ROLE_SHEET: Record<SheetRole, string> = {
  unit: SHEETS.unit,
  criteria: SHEETS.criteria,
  members: SHEETS.members,
  learners: SHEETS.learners,
  lists: SHEETS.lists,
  source: '',
};

export function sheetOf(at: Location, sourceSheet = ''): string {
  return at.sheet === 'source' ? sourceSheet : ROLE_SHEET[at.sheet];
}

export function cellOf(at: Location): string {
  return cellAddress(at.row, at.col);
}

export function describeLocation(at: Location, sourceSheet = ''): string {
  return sheetRef(sheetOf(at, sourceSheet), cellOf(at));
}

export interface LocatedProblem {
  severity: Problem['severity'];
  code: Problem['code'];
  sheet: string | null;
  cell: string | null;
  message: string;
}

/** Worded from their params at each wording (ruleSetProblemWords), in the language asked. */
const RULE_SET_CODES: ReadonlySet<Problem['code']> = new Set(['ruleSetEdited', 'ruleSetStricter', 'ruleSetHandoutEdited']);

/** The params that carry a cell's value: a number found there is written in the language's own decimal mark. */
const CELL_VALUE_PARAMS = ['value', 'otherValue'] as const;

function cellNumbers(params: Problem['params'], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of CELL_VALUE_PARAMS) {
    const v = params[name];
    if (typeof v === 'number') out[name] = formatNumber(v, lang, 15);
  }
  return out;
}

export function locateProblem(p: Problem, lang: Lang, sourceSheet = ''): LocatedProblem {
  const where = p.at ? describeLocation(p.at, sourceSheet) : '';
  return {
    severity: p.severity,
    code: p.code,
    sheet: p.at ? sheetOf(p.at, sourceSheet) : null,
    cell: p.at ? cellOf(p.at) : null,
    message: t(lang, `problem.${p.code}` as MessageKey, { ...p.params, ...cellNumbers(p.params, lang), where, ...(p.code === 'conditionSyntax' ? { detail: conditionSyntaxText(lang, String(p.params.detail ?? '')) } : {}), ...(RULE_SET_CODES.has(p.code) ? ruleSetProblemWords(p, lang) : {}), ...(p.cells ? { cells: p.cells.map(cellOf).join(', ') } : {}) }),
  };
}
