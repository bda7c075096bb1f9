/** Workbook warnings (port.ts WorkbookWarning) worded for the user, for the CLI, the pane and the preview. */
import { t, type Lang, type MessageKey } from '../i18n';
import type { Workbook, WorkbookWarning } from '../workbook/port';

export function workbookWarningText(lang: Lang, w: WorkbookWarning): string {
  const detail = w.code === 'featureSkipped' && w.detail ? t(lang, `workbook.feature.${w.detail}` as MessageKey) : (w.detail ?? '');
  return t(lang, `workbook.warning.${w.code}` as MessageKey, { sheet: w.sheet, detail, feature: detail });
}

/** The workbook's pending warnings, worded (and forgotten by the workbook). */
export function takeWorkbookWarnings(workbook: Workbook, lang: Lang): string[] {
  return (workbook.takeWarnings?.() ?? []).map((w) => workbookWarningText(lang, w));
}
