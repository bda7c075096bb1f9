/**
 * A plan's header/footer sections (port.ts HeaderFooterSections) as Excel's header codes, and
 * back: one spelling for every host (a file's oddHeader, Office.js's centerHeader …, the
 * preview reading a file). The codes are Excel's (MS-XLSB 2.5.73 HeaderFooterString): &L &C &R
 * open the sections, &P and &N are the page and the page count, && is one "&".
 */
import { PAGE_COUNT, PAGE_NUMBER, type HeaderFooterSections } from './port';

/** Excel's limit for a whole header (or footer), its codes counted (MS-OI29500 2.1.633). */
export const MAX_HEADER_FOOTER = 255;

const SECTIONS = [['left', 'L'], ['center', 'C'], ['right', 'R']] as const;

/** One section's text in Excel's codes (what Office.js's centerHeader … take). */
export function sectionCode(text: string): string {
  return text.split(PAGE_NUMBER).map((a) => a.split(PAGE_COUNT).map((b) => b.replace(/&/g, '&&')).join('&N')).join('&P');
}

/** The sections as one header string ("&Ctitle&RTrang &P/&N"), as a file holds it; '' for none. */
export function headerFooterCode(sections: HeaderFooterSections): string {
  return SECTIONS.map(([key, code]) => (sections[key] ? `&${code}${sectionCode(sections[key])}` : '')).join('');
}

/**
 * The sections of a header string, their text as the plan gives it: page fields back as
 * PAGE_NUMBER / PAGE_COUNT, formatting codes (fonts, sizes, colours) dropped, other fields
 * (date, file and sheet names, pictures) left out. Text before any section code is taken for
 * the center's; empty sections are left out.
 */
export function headerFooterSections(code: string): HeaderFooterSections {
  const parts: Record<'left' | 'center' | 'right', string> = { left: '', center: '', right: '' };
  let at: keyof typeof parts = 'center';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch !== '&') {
      parts[at] += ch;
      continue;
    }
    const next = code[i + 1] ?? '';
    i++;
    if (next === '&') parts[at] += '&';
    else if (next === 'L') at = 'left';
    else if (next === 'C') at = 'center';
    else if (next === 'R') at = 'right';
    else if (next === 'P' || next === 'N') {
      parts[at] += next === 'P' ? PAGE_NUMBER : PAGE_COUNT;
      // "&P+1" prints the page number plus one: the preview only counts pages, the offset goes.
      i += /^[+-]\d+/.exec(code.slice(i + 1))?.[0].length ?? 0;
    } else if (next === '"') {
      // &"font,style": up to the closing quote.
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (next === 'K') i += /^[0-9A-Fa-f]{6}/.test(code.slice(i + 1)) ? 6 : (/^\d\d[+-]\d{3}/.exec(code.slice(i + 1))?.[0].length ?? 0);
    else if (/\d/.test(next)) while (/\d/.test(code[i + 1] ?? '')) i++;
    // Any other code (&B, &I, &D, &A, &G …) prints no text here.
  }
  const out: HeaderFooterSections = {};
  for (const [key] of SECTIONS) if (parts[key]) out[key] = parts[key];
  return out;
}
