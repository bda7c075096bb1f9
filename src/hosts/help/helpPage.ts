/**
 * The help page (help.html), linked from the pane and the preview: what each step does, a
 * filled example workbook made in the browser by the use-cases, where the rules come from.
 * Every sentence is the catalogue's; index.ts picks the language.
 */
import { t, type Lang, type MessageKey } from '../../i18n';
import { buildExampleWorkbook } from '../../usecases/exampleWorkbook';
import { XlsxWorkbook } from '../../workbook/xlsx/xlsxWorkbook';
import { webInflate } from '../../xlsx/inflateWeb';
import { webDeflate } from '../../xlsx/deflateWeb';

const STEPS: MessageKey[] = ['help.step.setup', 'help.step.data', 'help.step.evaluate', 'help.step.summary', 'help.step.documents', 'help.step.import', 'help.step.consolidate'];
const RULES: MessageKey[] = ['help.rules.tt24', 'help.rules.tt22', 'help.rules.cdht', 'help.rules.emulation', 'help.rules.nd30', 'help.rules.local'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function section(id: string, title: string, ...children: Node[]): HTMLElement {
  const node = el('section', {}, el('h2', { id }, title), ...children);
  node.setAttribute('aria-labelledby', id);
  return node;
}

/** Builds the example in the browser and hands it to the user as a download. */
async function downloadExample(lang: Lang, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
  if (button.getAttribute('aria-disabled') === 'true') return;
  // aria-disabled, not disabled: the focus stays on the button.
  button.setAttribute('aria-disabled', 'true');
  status.textContent = t(lang, 'help.example.working');
  try {
    const file = t(lang, 'help.example.file');
    const workbook = await XlsxWorkbook.create(file, { inflate: webInflate, deflate: webDeflate });
    await buildExampleWorkbook(workbook);
    const blob = new Blob([(await workbook.toBytes()) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const url = URL.createObjectURL(blob);
    el('a', { href: url, download: file }).click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = t(lang, 'help.example.done', { file });
  } catch (error) {
    status.textContent = t(lang, 'help.example.failed', { detail: error instanceof Error ? error.message : String(error) });
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

export function renderHelp(root: HTMLElement, lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = t(lang, 'help.title');
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const status = el('p', { role: 'status' });
  status.setAttribute('aria-live', 'polite');
  const button = el('button', { type: 'button' }, t(lang, 'help.example.download'));
  button.addEventListener('click', () => void downloadExample(lang, button, status));
  const switchLink = el('a', { href: `?lang=${other}`, className: 'lang', lang: other }, t(lang, 'help.otherLanguage'));
  root.replaceChildren(
    switchLink,
    el('h1', {}, t(lang, 'help.title')),
    el('p', {}, t(lang, 'help.intro')),
    section('steps', t(lang, 'help.steps.title'), el('ol', {}, ...STEPS.map((k) => el('li', {}, t(lang, k))))),
    section('example', t(lang, 'help.example.title'), el('p', {}, t(lang, 'help.example.text')), button, status),
    section('rules', t(lang, 'help.rules.title'), el('p', {}, t(lang, 'help.rules.intro')), el('ul', {}, ...RULES.map((k) => el('li', {}, t(lang, k)))), el('p', {}, t(lang, 'help.rules.tags'))),
  );
}
