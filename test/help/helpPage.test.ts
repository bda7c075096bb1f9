/** @jest-environment jsdom */
/**
 * The help page: one language at a time, every step explained, the legal texts cited by number
 * and date, and a download of the example workbook made by the use-cases.
 */
import axe from 'axe-core';
import { renderHelp } from '../../src/hosts/help/helpPage';
import { vi } from '../../src/i18n/vi';
import { en } from '../../src/i18n/en';

const helpTexts = (cat: Record<string, string>) => Object.entries(cat).filter(([k]) => k.startsWith('help.') && k !== 'help.otherLanguage' && k !== 'help.example.file');

function page(lang: 'vi' | 'en'): HTMLElement {
  document.body.innerHTML = '<main id="root"></main>';
  const root = document.getElementById('root')!;
  renderHelp(root, lang);
  return root;
}

describe('help.html', () => {
  it('Vietnamese: the steps, the example, the legal texts by number and date; no serious axe violation', async () => {
    const root = page('vi');
    expect(document.documentElement.lang).toBe('vi');
    expect(root.querySelector('h1')!.textContent).toBe('Hướng dẫn sử dụng ĐVHT');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Các bước', 'Sổ mẫu đã điền', 'Căn cứ của các tiêu chí']);
    expect(root.querySelectorAll('ol > li')).toHaveLength(7);
    const text = root.textContent!;
    for (const cite of ['24/2023/TT-BGDĐT ngày 11/12/2023', '22/2020/TT-BGDĐT ngày 06/8/2020', '30/2020/NĐ-CP ngày 05/3/2020', '248/KH-UBND ngày 20/8/2024', '681/SGDĐT-GDTrH&TX ngày 07/5/2024']) expect(text).toContain(cite);
    // No seed file name, no internal word.
    expect(text).not.toMatch(/seed|\.md\b|TODO/i);
    const switchTo = root.querySelector('a.lang') as HTMLAnchorElement;
    expect([switchTo.getAttribute('href'), switchTo.lang, switchTo.textContent]).toEqual(['?lang=en', 'en', 'English']);
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('English: every help sentence in English, none of the Vietnamese ones', () => {
    const root = page('en');
    expect(document.documentElement.lang).toBe('en');
    const text = root.textContent!;
    for (const [, sentence] of helpTexts(vi)) expect(text).not.toContain(sentence);
    const shown = helpTexts(en).filter(([k]) => !k.startsWith('help.example.') || k === 'help.example.title' || k === 'help.example.text' || k === 'help.example.download');
    for (const [, sentence] of shown) expect(text).toContain(sentence);
  });
});
