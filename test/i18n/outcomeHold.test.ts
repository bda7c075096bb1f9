/**
 * A unit meeting the level-2 indicators but asking for level 2 before it may (TT24: 12 months
 * after the level-1 decision) is never headlined “Đủ điều kiện công nhận … mức độ 2”: the
 * headline says the indicators are met, why the request cannot be made this year, when it can,
 * and what to do.
 */
import { outcomeText } from '../../src/i18n/outcome';
import type { Evaluation, RequestHold } from '../../src/domain/evaluation';
import { RESULT_TEXT } from '../../src/sheets/names';

const MD2 = '“Đơn vị học tập” cấp huyện mức độ 2';
const held = (hold: RequestHold) => ({ outcome: { kind: 'pass-fail', status: 'recognised', recognition: MD2, hold } }) as unknown as Evaluation;

describe('the outcome of a level-2 request made too early', () => {
  it('too soon: the indicators met, the day it may ask, the deadline missed, what to do; never “Đủ điều kiện công nhận”', () => {
    const ev = held({ kind: 'tooSoon', previous: new Date(2025, 1, 10), due: new Date(2026, 1, 10), deadline: new Date(2026, 0, 15), until: new Date(2028, 11, 31) });
    const vi = outcomeText(ev, 'vi');
    expect(vi.text).not.toContain('Đủ điều kiện công nhận');
    // As consolidation reads a unit's recorded words: a recognition met, held.
    expect(vi.text.startsWith(`${RESULT_TEXT.heldPrefix}${MD2}`)).toBe(true);
    expect(vi.text).toContain('10/02/2025');
    expect(vi.text).toContain('10/02/2026');
    expect(vi.text).toContain('15/01/2026');
    expect(vi.text).toContain('31/12/2028');
    expect(vi.text).toContain('mức độ 1');
    expect(vi).toMatchObject({ status: 'recognised', hold: 'level2TooSoon' });
    const en = outcomeText(ev, 'en');
    expect(en.text).not.toContain('Meets the conditions for recognition');
    expect(en.text).toContain('10/02/2026');
  });

  it('no level-1 date: the cell to fill is named', () => {
    const ev = held({ kind: 'noPrevious', field: 'Ngày công nhận lần trước', where: "'Thông tin đơn vị'!B16" });
    const vi = outcomeText(ev, 'vi');
    expect(vi.text).not.toContain('Đủ điều kiện công nhận');
    expect(vi.text.startsWith(`${RESULT_TEXT.heldPrefix}${MD2}`)).toBe(true);
    expect(vi.text).toContain("“Ngày công nhận lần trước”, 'Thông tin đơn vị'!B16");
    expect(vi).toMatchObject({ status: 'recognised', hold: 'level2NoPrevious' });
    expect(outcomeText(ev, 'en').text).toContain("'Thông tin đơn vị'!B16");
  });

  it('a recognition with nothing held is worded as before', () => {
    const ev = { outcome: { kind: 'pass-fail', status: 'recognised', recognition: MD2 } } as unknown as Evaluation;
    expect(outcomeText(ev, 'vi')).toEqual({ status: 'recognised', text: `Đủ điều kiện công nhận ${MD2}`, score: null, rating: null });
  });
});
