/**
 * An input method's first keystroke is not lost: typing into a cell through an IME (Vietnamese
 * Telex/VNI) starts with a “Process” key, and the composition that follows goes to whatever has
 * the focus once that key is handled: the cell's editor must already be open and focused then.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { grid, openSample, select, showSheet, shows, step as stepIn } from './support/grid';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';

const pages = useBrowserPages();
const step = (page: Page, name: string) => stepIn(pages, page, name);

describe('typing into a cell through an input method', () => {
  it('keeps the composition that starts the edit', async () => {
    const page = await openSample(pages, 'preview ime');
    await showSheet(page, SHEETS.members);
    const row = MEMBER_HEADER_ROW + 43; // the first empty member row of the sample (42 members)
    await select(page, `B${row}`);
    // The IME's first key reaches the grid as “Process”; then the composition goes to whatever has the focus.
    await grid(page).evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Process', keyCode: 229, bubbles: true, cancelable: true })));
    await page.evaluate(() => {
      const target = document.activeElement!;
      if (!(target instanceof HTMLTextAreaElement)) throw new Error(`the composition would go to a ${target.tagName}, not an editable element`);
      target.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
      // What the browser does with the composed text in an input: the value, then an input event.
      target.value = 'Đ';
      target.dispatchEvent(new CompositionEvent('compositionupdate', { data: 'Đ', bubbles: true }));
      target.dispatchEvent(new InputEvent('input', { data: 'Đ', inputType: 'insertCompositionText', isComposing: true, bubbles: true }));
      target.dispatchEvent(new CompositionEvent('compositionend', { data: 'Đ', bubbles: true }));
    });
    const editor = page.getByRole('textbox', { name: `Sửa ô B${row}` });
    await expect(editor.inputValue()).resolves.toBe('Đ');
    await page.keyboard.type('inh Văn Mới');
    await step(page, 'composition opened the editor');
    await page.keyboard.press('Enter');
    await shows(page, `B${row}`, 'Đinh Văn Mới');
  });

  it('opens the editor for text that comes without a key (on-screen keyboard, dictation, handwriting)', async () => {
    const page = await openSample(pages, 'preview text without keys');
    await showSheet(page, SHEETS.members);
    const row = MEMBER_HEADER_ROW + 43;
    const unitName = page.getByRole('textbox', { name: 'Tên đơn vị', exact: true });
    const nameBefore = await unitName.inputValue();
    await select(page, `B${row}`);
    await page.keyboard.insertText('Đinh Văn');
    const editor = page.getByRole('textbox', { name: `Sửa ô B${row}` });
    await expect(editor.inputValue()).resolves.toBe('Đinh Văn');
    await page.keyboard.insertText(' Mới');
    await page.keyboard.press('Enter');
    await shows(page, `B${row}`, 'Đinh Văn Mới');
    // An Android keyboard's key (229, “Unidentified”) opens the editor as an IME's does.
    await select(page, `C${row}`);
    await grid(page).evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', keyCode: 229, bubbles: true, cancelable: true })));
    await page.getByRole('textbox', { name: `Sửa ô C${row}` }).waitFor();
    await page.keyboard.press('Escape');
    expect(await unitName.inputValue()).toBe(nameBefore);
    await step(page, 'text without keys');
  });
});
