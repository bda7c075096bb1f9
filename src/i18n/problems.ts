/** A domain problem in words, with its place as the user reads it. */
import type { Problem } from '../domain/problems';
import { cellOf, describeLocation, sheetOf } from '../sheets/locate';
import { t, type Lang, type MessageKey } from './index';

export interface LocatedProblem {
  severity: Problem['severity'];
  code: Problem['code'];
  sheet: string | null;
  cell: string | null;
  message: string;
}

export function locateProblem(p: Problem, lang: Lang, sourceSheet = ''): LocatedProblem {
  const where = p.at ? describeLocation(p.at, sourceSheet) : '';
  return {
    severity: p.severity,
    code: p.code,
    sheet: p.at ? sheetOf(p.at, sourceSheet) : null,
    cell: p.at ? cellOf(p.at) : null,
    message: t(lang, `problem.${p.code}` as MessageKey, { ...p.params, where }),
  };
}
