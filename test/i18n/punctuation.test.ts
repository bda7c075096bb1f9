/**
 * Every message of both catalogues, filled with sample parameters: no doubled punctuation,
 * even when a parameter is itself a sentence ending in a full stop (an Error's message, a
 * reason, an outcome).
 */
import { catalogs, t, type Lang, type MessageKey } from '../../src/i18n';
import { XlsxError } from '../../src/xlsx';
import { xlsxReason } from '../../src/usecases/xlsxReason';

/** ".." ", ," ":." ".,": a mark twice, or two marks that end the same clause ("..." in usage lines is an ellipsis). */
const DOUBLED = /([.,;:!?])\s*\1|[,;:]\s*[.!?](?=\s|$)|[.!?]\s*[,;:]/;
const doubled = (text: string) => DOUBLED.test(text.replace(/\.{3}/g, '…'));

/** Parameters that carry a whole sentence (an Error's message, a reason, an outcome). */
const SENTENCES = ['detail', 'reason', 'message', 'outcome', 'error'];
/** A workbook warning's detail is a cell, a count or a sheet name (port.ts WorkbookWarning). */
const isSentence = (key: string, name: string) => SENTENCES.includes(name) && !(name === 'detail' && key.startsWith('workbook.warning.'));

function filled(lang: Lang, key: MessageKey, value: (name: string) => string): string {
  const names = [...catalogs[lang][key].matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]!);
  return t(lang, key, Object.fromEntries(names.map((n) => [n, value(n)])));
}

describe.each(['vi', 'en'] as const)('%s catalogue', (lang) => {
  const keys = Object.keys(catalogs[lang]) as MessageKey[];

  it('no doubled punctuation with plain parameters', () => {
    const bad = keys.map((k) => [k, filled(lang, k, () => 'Mẫu')]).filter(([, text]) => doubled(text!));
    expect(bad).toEqual([]);
  });

  it('no doubled punctuation when a parameter is a sentence of its own', () => {
    const bad = keys.map((k) => [k, filled(lang, k, (n) => (isSentence(k, n) ? 'Tệp đang được người khác sửa.' : 'Mẫu'))]).filter(([, text]) => doubled(text!));
    expect(bad).toEqual([]);
  });
});

describe('a refused file: what to do depends on whose file it is', () => {
  it.each(['encrypted', 'truncated', 'corrupt'] as const)('%s: the clerk mends their own file; a received one is asked for again', (kind) => {
    const own = xlsxReason(new XlsxError(kind, 'CRC'), 1000, undefined, 'vi', 'own');
    const received = xlsxReason(new XlsxError(kind, 'CRC'), 1000, undefined, 'vi');
    expect(own).not.toMatch(/đơn vị gửi lại|gửi lại/);
    expect(own).toMatch(/Excel|bản sao lưu|bản gốc/);
    expect(own).not.toBe(received);
    expect(xlsxReason(new XlsxError(kind, 'CRC'), 1000, undefined, 'en', 'own')).not.toMatch(/Ask the unit/);
  });
});
