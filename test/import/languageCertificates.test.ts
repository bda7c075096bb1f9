/**
 * A staff list's "Chứng chỉ ngoại ngữ" column names the certificate each person holds ("B1",
 * "TOEIC 550", "Anh văn B"), rarely Có / Không. A certificate named is a certificate held
 * (indicator 2.4 counts "chứng nhận hoặc chứng chỉ ngoại ngữ"): left blank, every holder counted
 * as not holding one (2 of 18 instead of 10 of 18). Anything else is still said, not guessed.
 */
import { normaliseCell } from '../../src/usecases/import/normalise';
import { memberField } from '../../src/domain/memberFields';
import { DEFAULT_SPELLINGS } from '../../src/domain/values';
import { previewImport } from '../../src/usecases/import/importMembers';
import { unitWorkbook } from './messySheets';

const language = memberField('language');
const read = (v: string | number) => normaliseCell(language, v, DEFAULT_SPELLINGS);

describe('a foreign-language certificate named in its column', () => {
  it.each(['B1', 'b2', 'A2', 'C1', 'B', 'Chứng chỉ B', 'CC B1', 'Anh văn B', 'Tiếng Anh B1', 'Tiếng Anh bậc 3', 'Bậc 3/6', 'TOEIC 550', 'IELTS 6.0', 'Toefl ITP 500', 'VSTEP B2', 'Chứng chỉ tiếng Anh A2', 'Tiếng Pháp B', 'Tiếng Trung HSK 3', 'JLPT N3', 'Chứng nhận B1'])('“%s” is a certificate held', (text) => {
    expect(read(text)).toEqual({ ok: true, value: 'Có' });
  });

  it.each(['Đang học', 'Tiếng Anh', 'D', 'B3', 'TOEIC', 'chưa rõ'])('“%s” names none: still said at its cell', (text) => {
    expect(read(text)).toMatchObject({ ok: false, reason: 'ambiguousYesNo' });
  });

  it('the words already read stay as they were', () => {
    expect(read('x')).toEqual({ ok: true, value: 'Có' });
    expect(read('Không')).toEqual({ ok: true, value: 'Không' });
  });

  it('only in the certificate column: another yes/no column still asks', () => {
    expect(normaliseCell(memberField('digital'), 'B1', DEFAULT_SPELLINGS)).toMatchObject({ ok: false });
  });

  it('an agency list of certificate levels is imported as held, without a warning per cell', async () => {
    const wb = await unitWorkbook();
    const rows = [['STT', 'Họ và tên', 'Chứng chỉ ngoại ngữ'], [1, 'Nguyễn Văn Hùng', 'B1'], [2, 'Trần Thị Thu Hà', 'TOEIC 550'], [3, 'Lê Minh Tuấn', null], [4, 'Phạm Thị Ánh', 'Không']];
    const p = await previewImport(wb, { sheet: 'DS', data: { name: 'DS', rows } });
    expect(p.issues).toEqual([]);
    expect(p.rows.map((r) => r.values['language'])).toEqual(['Có', 'Có', null, 'Không']);
  });
});
