/**
 * The words and places of "Tổng hợp" that its writer (summarySheet.ts) draws and consolidation
 * reads back (usecases/consolidate/summaryCheck.ts): apart from the writer, so a reading thread
 * does not load the sheet writers.
 */
import { HEADING_ROWS } from './documentBlocks';

/** The NĐ 30 heading block comes first, then the title, the unit line and the table. */
export const SUMMARY_TITLE_ROW = HEADING_ROWS + 1;
export const SUMMARY_HEADER_ROW = SUMMARY_TITLE_ROW + 3;
/** The table's headers, column A first (“Điểm” only where the rule set scores). */
export const SUMMARY_HEADERS = {
  code: 'Mã',
  text: 'Tiêu chí, chỉ tiêu',
  requirement: 'Yêu cầu',
  value: 'Kết quả thực hiện',
  ratio: 'Số đạt / tổng số',
  evidence: 'Minh chứng',
  result: 'Tự đánh giá',
  points: 'Điểm',
} as const;

/** Column A of a criterion's row: “Tiêu chí 1”. */
export const CRITERION_LABEL = 'Tiêu chí ';
/** Column A of the conclusion's row, the outcome in B. */
export const CONCLUSION_LABEL = 'Kết luận:';
/** Column A of the member list's header row. */
export const MEMBER_NUMBER_HEADER = 'STT';
/**
 * Where the member list puts each member (0-based columns, as every release drew them): the
 * number, the name, then the four results of “Thành viên” (MEMBER_RESULT_HEADERS, in order).
 */
export const MEMBER_COLUMNS = { number: 0, name: 1, results: 3 } as const;
/** The mark of a member left out of the denominator (“Tính vào tổng số” = Không), where its target would be. */
export const NOT_COUNTED = 'Không tính';

/** The member annex's totals, under its last member (column B). */
export function totalsText(all: number, counted: number): string {
  return `Tổng số: ${all} người; được tính: ${counted}; không tính: ${all - counted}`;
}
