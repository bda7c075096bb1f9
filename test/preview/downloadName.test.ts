/** The name the preview downloads the open workbook under: not the clerk's own list's name. */
import { downloadName } from '../../src/hosts/preview/previewHost';

describe('downloadName', () => {
  it('marks an opened file as ĐVHT’s workbook, once', () => {
    expect(downloadName('ds-can-bo-60.xlsx')).toBe('ds-can-bo-60 (ĐVHT).xlsx');
    expect(downloadName('ds-can-bo-60 (ĐVHT).xlsx')).toBe('ds-can-bo-60 (ĐVHT).xlsx');
    expect(downloadName('Truong.XLSX')).toBe('Truong (ĐVHT).xlsx');
  });

  it('keeps names that already say ĐVHT (the sample, a new workbook, a consolidation)', () => {
    expect(downloadName('Dữ liệu mẫu ĐVHT')).toBe('Dữ liệu mẫu ĐVHT.xlsx');
    expect(downloadName('Sổ đánh giá ĐVHT.xlsx')).toBe('Sổ đánh giá ĐVHT.xlsx');
    expect(downloadName('Tổng hợp ĐVHT - Xã A.xlsx')).toBe('Tổng hợp ĐVHT - Xã A.xlsx');
    // Whatever the Unicode form the file system gave the name.
    expect(downloadName('so-DVHT.xlsx'.replace('DVHT', 'ĐVHT'.normalize('NFD')))).toBe('so-DVHT.xlsx'.replace('DVHT', 'ĐVHT'.normalize('NFD')));
  });
});
