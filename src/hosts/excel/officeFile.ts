/**
 * The open workbook as a file, from inside Excel: Document.getFileAsync(Compressed) hands the
 * .xlsx in slices (at most 4 MB each; 64 KB on iPad), read one after the other. Office keeps at
 * most two such files open and fails the next call, so the file is closed whatever happens.
 * Needs the CompressedFile requirement set and the ReadAllDocument permission (ReadWriteDocument,
 * which the manifest asks for, includes it).
 */

/** Office's AsyncResult, as far as these calls use it. */
interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { message?: string; code?: number };
}

export interface OfficeFileLike {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncResult<{ data: unknown; size: number }>) => void): void;
  closeAsync(callback?: (result: AsyncResult<void>) => void): void;
}

export interface OfficeDocumentLike {
  getFileAsync(fileType: 'compressed', options: { sliceSize: number }, callback: (result: AsyncResult<OfficeFileLike>) => void): void;
}

/** The largest slice Office gives outside iPad (larger ones fail with "Internal Error"). */
export const SLICE_BYTES = 4 * 1024 * 1024;

export class OfficeFileError extends Error {}

function call<T>(start: (callback: (result: AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    start((result) => (result.status === 'succeeded' ? resolve(result.value) : reject(new OfficeFileError(result.error?.message ?? String(result.error?.code ?? 'failed'))))),
  );
}

/** A slice's bytes: a plain array of numbers in most hosts, typed arrays in some. */
function bytesOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  throw new OfficeFileError('unexpected slice data');
}

/** The bytes of the workbook open in Excel. */
export async function readOpenWorkbook(document: OfficeDocumentLike, sliceSize = SLICE_BYTES): Promise<Uint8Array> {
  const file = await call<OfficeFileLike>((cb) => document.getFileAsync('compressed', { sliceSize }, cb));
  try {
    const out = new Uint8Array(file.size);
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = bytesOf((await call<{ data: unknown; size: number }>((cb) => file.getSliceAsync(i, cb))).data);
      if (at + slice.length > out.length) throw new OfficeFileError('slices larger than the file');
      out.set(slice, at);
      at += slice.length;
    }
    if (at !== out.length) throw new OfficeFileError(`got ${at} of ${out.length} bytes`);
    return out;
  } finally {
    file.closeAsync();
  }
}
