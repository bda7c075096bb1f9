/**
 * What the handout and "Sang năm mới" share about the new workbook they make: whether this host
 * can make it (and, if not, why, in words), and Excel's failures said with what to do.
 */
import { newWorkbooksOf, NewWorkbookError, type NewWorkbooks, type PaneHost } from './host';
import type { Translate } from './useT';

/** The host's way of making new workbooks, or the reason shown instead of the button. */
export function newWorkbookAvailability(host: PaneHost, from: 'copy' | 'new', t: Translate, command: string, nowhere: string): { maker: NewWorkbooks | null; unavailable: string } {
  const maker = newWorkbooksOf(host);
  if (!maker) return { maker: null, unavailable: nowhere };
  const missing = maker.missing(from);
  return missing ? { maker: null, unavailable: t('newWorkbooks.missing', { requirement: missing, command }) } : { maker, unavailable: '' };
}

/** Excel's refusal in words (anything else is unexpected and rethrown for the error bar). */
export function newWorkbookFailure(e: unknown, t: Translate, command: string): string {
  if (!(e instanceof NewWorkbookError)) throw e;
  return t(e.step === 'read' ? 'newWorkbooks.readFailed' : 'newWorkbooks.openFailed', { detail: e.detail, command });
}
