import { shiftFormula } from '../../src/workbook/shiftFormula';

describe('shiftFormula (a shared formula read at another cell)', () => {
  test.each([
    ['B2*2', 1, 0, 'B3*2'],
    ['SUM(A1:C1)+$A$1+A$1+$A1', 2, 1, 'SUM(B3:D3)+$A$1+B$1+$A3'],
    ['COUNTIF(\'Thành viên\'!H5:H100,"A1 Có")', 3, 0, 'COUNTIF(\'Thành viên\'!H8:H103,"A1 Có")'],
    ['Sheet1!A1+LOG10(B2)+ATAN2(1,2)', 1, 1, 'Sheet1!B2+LOG10(C3)+ATAN2(1,2)'],
    ['SUM(A:A)+SUM(1:2)+SUM($B:$B)', 1, 1, 'SUM(B:B)+SUM(2:3)+SUM($B:$B)'],
    ['Table1[[#This Row],[Col1]]*A1', 1, 0, 'Table1[[#This Row],[Col1]]*A2'],
    ['IF(A1>0.5,1E+10,"x""B2""y")', 1, 0, 'IF(A2>0.5,1E+10,"x""B2""y")'],
    ['DS+TRUE', 5, 5, 'DS+TRUE'],
  ])('%s moved by (%i, %i)', (f, r, c, want) => {
    expect(shiftFormula(f, r, c)).toBe(want);
  });
});
