/**
 * Level 2 asked with a previous recognition date that is no date (“Tháng 2/2024”): the 12-month
 * rule cannot be checked, as with no date at all, so the unit is kept out of the decision, not
 * proposed with a note. A unit renewing level 2, or asking level 1, is only told of the date.
 */
import { generateOfficerDocuments } from '../../src/usecases/officerDocuments';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2025, 11, 28);
const NOT_A_DATE = edits.unitField('previousDate', 'Tháng 2/2024');

it('keeps a level-2 request out of the decision when its previous recognition date cannot be read', async () => {
  const level2 = (name: string, seed: number, previousLevel: string) =>
    unitWorkbook({ name, type: 'Trường THCS', presetId: 'tt24-co-so-md2', members: 20, seed, level: 'Mức độ 2', previousLevel, prepare: NOT_A_DATE });
  const files = [
    { label: 'md2-ngay-sai.xlsx', bytes: await level2('Trường THCS A', 1, 'Mức độ 1') },
    { label: 'md2-gia-han.xlsx', bytes: await level2('Trường THCS B', 2, 'Mức độ 2') },
    { label: 'md1-ngay-sai.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS C', type: 'Trường THCS', members: 20, seed: 3, previousLevel: 'Mức độ 1', prepare: NOT_A_DATE }) },
  ];
  const { result, workbook } = await consolidatedInProcess(files, AS_OF);
  const codes = (file: string) => result.units.find((u) => u.file === file)!.record.flags.map((f) => f.code);
  expect(codes('md2-ngay-sai.xlsx')).toEqual(expect.arrayContaining(['badDate', 'level2BadDate']));
  expect(result.units.find((u) => u.file === 'md2-ngay-sai.xlsx')!.record.flags.find((f) => f.code === 'level2BadDate')!.message).toBe(
    'Đề nghị mức độ 2 nhưng ngày công nhận lần trước không phải một ngày hợp lệ, nên chưa xét được điều kiện 12 tháng. Mức độ 2 chỉ được đề nghị sau 12 tháng kể từ quyết định công nhận mức độ 1 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 8).',
  );
  expect(codes('md2-gia-han.xlsx')).not.toContain('level2BadDate');
  expect(codes('md1-ngay-sai.xlsx')).not.toContain('level2BadDate');

  const r = await generateOfficerDocuments(workbook);
  if (!r.ok) throw new Error(r.message);
  const level = (name: string) => r.units.find((u) => u.name === name)!.level;
  expect(level('Trường THCS A')).toBeNull();
  expect(level('Trường THCS B')).toBe(2);
  expect(level('Trường THCS C')).toBe(1);
});
