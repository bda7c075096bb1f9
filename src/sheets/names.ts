/**
 * Names of the sheets the add-in creates. They are part of the dossier format (officers
 * read these workbooks), so they are Vietnamese whatever the pane's language.
 */
import type { Status } from '../domain/evaluation';
import { formatThreshold } from '../i18n/format';

export const SHEETS = {
  unit: 'Thông tin đơn vị',
  criteria: 'Tiêu chí',
  members: 'Thành viên',
  learners: 'Người học',
  lists: 'Danh mục',
  summary: 'Tổng hợp',
} as const;

/** Version of the sheet layout written by this release; readers accept older ones. */
export const SCHEMA_VERSION = 1;

/** Words the add-in writes as results (Vietnamese, as the forms print them). */
export const RESULT_TEXT = {
  met: 'Đạt',
  not_met: 'Không đạt',
  not_applicable: 'Không áp dụng',
  not_evaluable: 'Chưa đánh giá được',
  applies: 'Có',
  doesNotApply: 'Không',
  recognisedPrefix: 'Đủ điều kiện công nhận ',
  /** How a recognition met but held (level 2 asked too soon) begins (outcome.level2TooSoon, outcome.level2NoPrevious). */
  heldPrefix: 'Đạt các tiêu chí, chỉ tiêu ',
  notRecognised: 'Chưa đủ điều kiện công nhận',
  notEvaluable: 'Chưa đánh giá được',
  /** The score cell when no indicator with points applies (nothing to divide by). */
  unscored: 'Không tính được điểm',
  memberReaches: 'Đạt',
  memberMisses: 'Chưa đạt',
} as const;

/** A status as the sheets and the documents print it. */
export function statusText(s: Status): string {
  return RESULT_TEXT[s];
}

/** What an indicator requires, as printed: "≥ 90%" for a share, "Đạt" for a unit-level fact. */
export function requirementText(i: { required: number | null }, isShare: boolean): string {
  return isShare && i.required !== null ? `≥ ${formatThreshold(i.required)}` : RESULT_TEXT.met;
}
