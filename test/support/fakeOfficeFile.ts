/**
 * The two Office calls that move whole workbooks, faked over a file's bytes:
 * Office.context.document.getFileAsync(Compressed) hands `bytes` in slices (never larger than
 * `maxSlice`, as iPad's 64 KB), and Excel.createWorkbook(base64) records what it is handed.
 * It checks what Office checks: a slice size above 4 MB fails, and a third file open at once fails
 * (Office keeps two), so a caller that forgets closeAsync is caught.
 *
 * Plain TypeScript without Node imports: it is also bundled into the browser tests' fake office.js.
 */

type Result<T> = { status: 'succeeded'; value: T } | { status: 'failed'; value: undefined; error: { message: string; code: number } };

const ok = <T>(value: T): Result<T> => ({ status: 'succeeded', value });
const failed = <T>(message: string, code = 5001): Result<T> => ({ status: 'failed', value: undefined, error: { message, code } });

export interface FakeOfficeFileOptions {
  /** The open workbook's file, or a function giving it (read at each getFileAsync). */
  bytes: Uint8Array | (() => Uint8Array | Promise<Uint8Array>);
  maxSlice?: number;
  /** getFileAsync fails with this message (e.g. Excel on a host without CompressedFile). */
  failGetFile?: string;
  /** Slice `index` fails. */
  failSlice?: number;
  /** createWorkbook rejects with this message (e.g. the payload limit of Excel on the web). */
  failCreate?: string;
}

export interface FakeOfficeFile {
  document: { getFileAsync(type: string, options: { sliceSize?: number }, callback: (r: Result<unknown>) => void): void };
  createWorkbook(base64?: string): Promise<void>;
  /** Base64 of each workbook createWorkbook opened, in order. */
  created: string[];
  stats: { filesOpened: number; filesOpen: number; slicesRead: number };
}

export function createFakeOfficeFile(options: FakeOfficeFileOptions): FakeOfficeFile {
  const maxSlice = options.maxSlice ?? 4 * 1024 * 1024;
  const stats = { filesOpened: 0, filesOpen: 0, slicesRead: 0 };
  const created: string[] = [];
  const bytesNow = async () => (typeof options.bytes === 'function' ? options.bytes() : options.bytes);
  return {
    created,
    stats,
    document: {
      getFileAsync(type, fileOptions, callback) {
        void (async () => {
          const sliceSize = fileOptions.sliceSize ?? 4 * 1024 * 1024;
          if (type !== 'compressed') return callback(failed('fake: only the compressed file'));
          if (options.failGetFile) return callback(failed(options.failGetFile));
          if (sliceSize > 4 * 1024 * 1024 || sliceSize <= 0) return callback(failed('Internal Error', 5001));
          if (stats.filesOpen >= 2) return callback(failed('Two files are already open: close one with closeAsync', 5001));
          const bytes = (await bytesNow()).slice();
          const size = Math.min(sliceSize, maxSlice);
          stats.filesOpened++;
          stats.filesOpen++;
          let closed = false;
          callback(
            ok({
              size: bytes.length,
              sliceCount: Math.ceil(bytes.length / size),
              getSliceAsync(index: number, cb: (r: Result<unknown>) => void) {
                setTimeout(() => {
                  if (closed) return cb(failed('fake: the file is closed'));
                  if (index === options.failSlice) return cb(failed('fake: slice failed'));
                  stats.slicesRead++;
                  // Office hands a plain array of byte values.
                  const part = Array.from(bytes.subarray(index * size, (index + 1) * size));
                  cb(ok({ data: part, index, size: part.length }));
                });
              },
              closeAsync(cb?: (r: Result<void>) => void) {
                if (!closed) stats.filesOpen--;
                closed = true;
                setTimeout(() => cb?.(ok(undefined)));
              },
            }),
          );
        })();
      },
    },
    async createWorkbook(base64?: string) {
      if (options.failCreate) throw new Error(options.failCreate);
      created.push(base64 ?? '');
    },
  };
}
