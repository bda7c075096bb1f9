/**
 * The pane inside Excel: wait for Office, build the host (Office.js workbook, requirement
 * sets), mount the pane. Opened outside Excel, it says where to go.
 */
import { t } from '../../i18n';
import { startLang } from '../../taskpane/langChoice';
import { mountPane } from '../../taskpane/mount';
import { MINIMUM_API } from '../../workbook/office/requirements';
import { showHostMessage } from '../hostMessage';
import { createExcelHost } from './excelHost';

const root = document.getElementById('root')!;
// Vietnamese unless English was chosen in the pane before (taskpane/langChoice.ts), Office's language aside.
const lang = startLang(null);

function start(info: { host: Office.HostType | null }): void {
  document.title = t(lang, 'host.title');
  if (info.host !== Office.HostType.Excel) {
    // Opened in a plain browser tab (Office.js answers with host null): point at the preview.
    showHostMessage(root, t(lang, 'host.notInExcel'), { href: 'preview.html', label: t(lang, 'host.openPreview') });
    return;
  }
  const host = createExcelHost(Office, undefined, Excel);
  if (!host.supports(MINIMUM_API)) {
    showHostMessage(root, t(lang, 'host.excelTooOld', { version: MINIMUM_API }), { href: 'preview.html', label: t(lang, 'host.openPreview') });
    return;
  }
  mountPane(root, host);
}

if (typeof Office === 'undefined') {
  // office.js did not load (the CDN build without a connection).
  showHostMessage(root, t(lang, 'host.officeMissing'));
} else {
  Office.onReady()
    .then(start)
    .catch((e: unknown) => showHostMessage(root, t(lang, 'host.startFailed', { reason: e instanceof Error ? e.message : String(e) })));
}
