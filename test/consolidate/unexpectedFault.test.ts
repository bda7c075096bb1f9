/**
 * A fault of ours while reading one unit's file (not the file's damage) rejects that file with
 * words the officer can act on, in their language, and the batch goes on; the fault's own text
 * is kept at the end for whoever supports them.
 */
import * as fingerprintModule from '../../src/usecases/fingerprint';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { unitWorkbook } from './corpus';

jest.setTimeout(60_000);

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await unitWorkbook({ name: 'Trường tiểu học Kim Đồng', type: 'Trường tiểu học', presetId: 'tt24-co-so-md1' });
});
afterEach(() => jest.restoreAllMocks());

it.each([
  ['vi', 'Không đọc được tệp vì một lỗi không lường trước của ĐVHT (không phải lỗi của tệp): Cannot read properties of undefined (reading \'rows\'). Tệp không được tổng hợp; hãy chạy lại, nếu vẫn lỗi, gửi tệp cùng dòng này cho người hỗ trợ.'],
  ['en', 'The file could not be read because of an unexpected fault in ĐVHT (not of the file): Cannot read properties of undefined (reading \'rows\'). It is not consolidated; run again, and if it happens again, send the file with this line to whoever supports you.'],
] as const)('is rejected with what to do (%s), not as a file that cannot be opened', async (lang, reason) => {
  jest.spyOn(fingerprintModule, 'matchesFingerprint').mockImplementation(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'rows')");
  });
  const outcome = await readUnitFile(bytes, 'kim-dong.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang });
  expect(outcome.unit).toBeNull();
  expect(outcome.report).toMatchObject({ file: 'kim-dong.xlsx', status: 'rejected', reasons: [reason] });
});
