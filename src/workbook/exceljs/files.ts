/**
 * Node-only file helpers. Kept apart from excelJsWorkbook.ts so the browser bundle never
 * pulls in `fs`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { ExcelJsWorkbook, type ToBufferOptions } from './excelJsWorkbook';

export async function readWorkbookFile(file: string, label = path.basename(file)): Promise<ExcelJsWorkbook> {
  const bytes = await fs.promises.readFile(file);
  return ExcelJsWorkbook.fromBuffer(bytes, label);
}

/**
 * Replaces `file` atomically: the bytes go to a temporary file in the same directory (same
 * file system, so rename is atomic), are fsynced, then renamed over the target. On any error
 * the original is untouched and the temporary file is removed.
 * `data` may be a serializer: it runs before the file system is touched.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | (() => Promise<Uint8Array>)): Promise<void> {
  const bytes = typeof data === 'function' ? await data() : data;
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.promises.stat(file)).mode & 0o777;
  } catch {
    mode = undefined; // new file
  }
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(tmp, 'wx', mode ?? 0o666);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(tmp, file);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable; not every platform allows opening a directory. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort (Windows cannot fsync a directory)
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeWorkbookFile(workbook: ExcelJsWorkbook, file: string, options?: ToBufferOptions): Promise<void> {
  await writeFileAtomic(file, () => workbook.toBuffer(options));
}
