/**
 * The filled example workbook the help page offers: the sample school, evaluated, with its
 * summary and dossier, drawn by the same use-cases a unit runs (nothing written by hand).
 */
import type { Workbook } from '../workbook/port';
import { createSheets } from './createSheets';
import { evaluateWorkbook } from './evaluate';
import { generateDocuments } from './documents';
import { sampleUnit } from './sampleData';
import { saveUnitFacts } from './unitFacts';

/** The members of the sample school's Tổ đánh giá (typed once, as a unit would in the pane). */
const SAMPLE_EVALUATORS = [
  { name: 'Nguyễn Thị Lan', title: 'Hiệu trưởng', role: 'Tổ trưởng' },
  { name: 'Trần Văn Hùng', title: 'Phó Hiệu trưởng', role: 'Phó Tổ trưởng' },
  { name: 'Lê Thị Mai', title: 'Tổ trưởng chuyên môn', role: 'Thành viên' },
  { name: 'Phạm Thu Hà', title: 'Nhân viên văn thư', role: 'Thư ký' },
];

/** Fills an empty workbook; throws if a step refuses (the sample is valid: that would be a bug). */
export async function buildExampleWorkbook(workbook: Workbook, now: Date = new Date()): Promise<void> {
  await createSheets(workbook, sampleUnit());
  const saved = await saveUnitFacts(workbook, { evaluators: SAMPLE_EVALUATORS });
  if (!saved.ok) throw new Error('example: the evaluating body was refused');
  const evaluated = await evaluateWorkbook(workbook, { now });
  if (!evaluated.ok) throw new Error(`example: ${evaluated.problems.map((p) => p.message).join(' ')}`);
  const documents = await generateDocuments(workbook);
  if (!documents.ok) throw new Error(`example: ${documents.problems.map((p) => p.message).join(' ')}`);
}
