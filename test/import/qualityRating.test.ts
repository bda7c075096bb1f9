/**
 * A staff list whose title column holds the year's quality rating (“HTTNV”, “Hoàn thành xuất sắc
 * nhiệm vụ”: Nghị định 90/2020/NĐ-CP) instead of an emulation title: the import says it is a rating,
 * not a title, and leaves the cell blank, as for any value it does not know.
 */
import { normaliseCell } from '../../src/usecases/import/normalise';
import { memberField } from '../../src/domain/memberFields';
import { DEFAULT_SPELLINGS } from '../../src/domain/values';
import { t } from '../../src/i18n';

const title = memberField('emulationTitle');
const read = (v: string) => normaliseCell(title, v, DEFAULT_SPELLINGS);

describe('a quality rating in the title column', () => {
  it.each(['HTTNV', 'HTXSNV', 'Hoàn thành tốt nhiệm vụ', 'hoàn thành xuất sắc nhiệm vụ', ' HTTNV '])('“%s” is a rating, not a title', (text) => {
    expect(read(text)).toMatchObject({ ok: false, reason: 'ratingNotTitle' });
  });

  it('the titles and the ratings below LĐTT read as before', () => {
    expect(read('LĐTT')).toEqual({ ok: true, value: 'Lao động tiên tiến' });
    expect(read('HTNV')).toEqual({ ok: true, value: 'Hoàn thành nhiệm vụ' });
    expect(read('Giấy khen')).toMatchObject({ ok: false, reason: 'unknownTitle' });
  });

  it('the message says what the value is and what to write, in both languages', () => {
    const params = { where: "'DS'!E9", column: 'Xếp loại thi đua', found: 'HTTNV' };
    expect(t('vi', 'import.issue.ratingNotTitle', params)).toMatch(/“HTTNV” là mức xếp loại chất lượng.*Nghị định số 90\/2020\/NĐ-CP ngày 13\/8\/2020.*Lao động tiên tiến/);
    expect(t('en', 'import.issue.ratingNotTitle', params)).toMatch(/“HTTNV” is the year’s quality rating.*Decree 90\/2020\/NĐ-CP/);
  });
});
