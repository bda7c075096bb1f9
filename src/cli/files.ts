/**
 * How a `dvht` command writes a file without hurting what is already on disk. Every check
 * runs in `prepareWrite`, before the command does any work, so a refusal leaves nothing
 * behind; `writeTo` then puts complete, already serialised bytes in place.
 *
 * - A read-only file is refused, never silently overwritten (see `isReadOnly` for root).
 * - A symbolic link is written through: the link stays, its target gets the new bytes.
 * - A hard link (several names for one file) keeps every name: bytes go into the file itself.
 * - The temporary file sits beside the target under a name that says whose it is
 *   (`.~dvht-<name>.<pid>.tmp`); one left by a killed run is removed on the next run.
 * - A file open in LibreOffice, Excel or WPS (their lock file beside it) is refused: the
 *   program would later save its own copy over ours, or ours would replace the user's edits.
 */
import * as fs from 'fs';
import * as path from 'path';
import { t, type Lang, type MessageKey } from '../i18n';
import { CliFailure, EXIT } from './exit';

export interface WriteTarget {
  /** The name the user gave (used in messages). */
  file: string;
  /** The file that really receives the bytes (symbolic links resolved). */
  real: string;
  lang: Lang;
}

const TEMP = /^\.~dvht-.+\.(\d+)\.tmp$/;

export function tempName(real: string, pid = process.pid): string {
  return path.join(path.dirname(real), `.~dvht-${path.basename(real)}.${pid}.tmp`);
}

/** Checks that `file` can be written, before any work; throws a CliFailure (exit 1) if not. */
export async function prepareWrite(file: string, lang: Lang): Promise<WriteTarget> {
  const refuse = (key: MessageKey, params: Record<string, string> = {}) => new CliFailure(EXIT.data, t(lang, key, { file, ...params }));
  let real = path.resolve(file);
  const link = await lstatOrNull(real);
  if (link?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(real), await fs.promises.readlink(real));
    try {
      real = await fs.promises.realpath(real);
    } catch {
      throw refuse('cli.files.brokenLink', { target });
    }
  }
  const st = await statOrNull(real);
  if (st?.isDirectory()) throw refuse('cli.files.notAFile');
  const folder = path.dirname(real);
  const dir = await statOrNull(folder);
  if (!dir || !dir.isDirectory()) throw refuse('cli.files.folderMissing', { folder: path.dirname(path.resolve(file)) });
  if (await isReadOnly(folder, dir, fs.constants.W_OK | fs.constants.X_OK)) throw refuse('cli.files.folderReadOnly', { folder });
  if (st && (await isReadOnly(real, st, fs.constants.W_OK))) throw refuse('cli.files.readOnly');
  if (st) {
    const lock = (await openLock(real)) ?? (real !== path.resolve(file) ? await openLock(path.resolve(file)) : null);
    if (lock) throw new CliFailure(EXIT.data, openElsewhere(lock, file, lang));
  }
  await removeStaleTemps(folder);
  return { file, real, lang };
}

/**
 * Root bypasses permission bits, so `access()` says yes to a file the user marked read-only
 * (chmod a-w, or the "Read-only" box copied over from Windows). For root the owner's write
 * bit is taken as the user's intent; for anyone else `access()` answers with the real rules
 * (owner, group, ACLs). `access()` still runs for root: it reports a read-only mount (EROFS).
 */
async function isReadOnly(p: string, st: fs.Stats, mode: number): Promise<boolean> {
  if (process.getuid?.() === 0 && (st.mode & 0o200) === 0) return true;
  try {
    await fs.promises.access(p, mode);
    return false;
  } catch {
    return true;
  }
}

interface OpenLock {
  /** The lock file's name, in the file's folder. */
  name: string;
  program: 'libreOffice' | 'excel';
  /** From LibreOffice's lock: the user's full name (or login), the computer, since when. */
  who?: { user: string; host: string; since: string };
}

/**
 * The lock a spreadsheet program keeps beside a file it has open: LibreOffice's
 * `.~lock.<name>#` (“full name,login,host,time,profile;”), the `~$<name>` owner file of
 * Excel and WPS. A program killed with the file open leaves its lock behind: the message
 * says to delete it then.
 */
async function openLock(file: string): Promise<OpenLock | null> {
  const folder = path.dirname(file);
  const base = path.basename(file);
  const libreOffice = `.~lock.${base}#`;
  const text = await fs.promises.readFile(path.join(folder, libreOffice), 'utf8').catch(() => null);
  if (text !== null) {
    const [fullName, login, host, since] = text.replace(/;\s*$/, '').split(',');
    const user = fullName?.trim() || login?.trim();
    return { name: libreOffice, program: 'libreOffice', ...(user && host && since ? { who: { user, host: host.trim(), since: since.trim() } } : {}) };
  }
  const excel = `~$${base}`;
  return (await lstatOrNull(path.join(folder, excel))) ? { name: excel, program: 'excel' } : null;
}

function openElsewhere(lock: OpenLock, file: string, lang: Lang): string {
  const program = t(lang, `cli.files.program.${lock.program}`);
  const who = lock.who ? t(lang, 'cli.files.openBy', lock.who) : '';
  return t(lang, 'cli.files.openElsewhere', { file, program, who, lock: lock.name });
}

/** Temporary files of runs that no longer exist (killed, power cut) in `folder`. */
async function removeStaleTemps(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.promises.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    await fs.promises.rm(path.join(folder, name), { force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * Writes the bytes (or what the serializer returns: it runs before the disk is touched).
 * Usually: temporary file beside the target, fsync, rename over it (atomic: the old file or
 * the new one, never half of each). Errors become a CliFailure naming the file.
 */
export async function writeTo(target: WriteTarget, data: Uint8Array | (() => Promise<Uint8Array>)): Promise<void> {
  const bytes = typeof data === 'function' ? await data() : data;
  const st = await statOrNull(target.real);
  try {
    if (st && st.nlink > 1) await writeInPlace(target.real, bytes);
    else await writeViaTemp(target.real, bytes, st);
  } catch (e) {
    throw writeFailure(e, target);
  }
}

async function writeViaTemp(real: string, bytes: Uint8Array, st: fs.Stats | null): Promise<void> {
  const tmp = tempName(real);
  let handle: fs.promises.FileHandle | undefined;
  try {
    // 'wx' never follows a link planted under the temporary name. One with our pid can
    // only be ours, from an earlier failed write of this same process.
    await fs.promises.rm(tmp, { force: true });
    handle = await fs.promises.open(tmp, 'wx', st ? st.mode & 0o7777 : 0o666);
    if (st) await handle.chmod(st.mode & 0o7777); // exactly the old mode, whatever the umask
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // Root rewriting a user's file gives it back to its owner.
    if (st && process.getuid?.() === 0) await fs.promises.chown(tmp, st.uid, st.gid).catch(() => undefined);
    await fs.promises.rename(tmp, real);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(path.dirname(real));
}

/**
 * A hard-linked file is one file with several names. Renaming a new file over one name would
 * leave the other names on the old content, so the bytes go into the file itself. The price
 * is atomicity: a crash in the middle of this write leaves a partly written file under every
 * name. What is done against it: the new bytes are complete in memory before the file is
 * opened, the old bytes are kept in memory, and on any error (full disk) or a read-back that
 * does not match, the old bytes are written back.
 */
async function writeInPlace(real: string, bytes: Uint8Array): Promise<void> {
  const old = await fs.promises.readFile(real);
  const put = async (data: Uint8Array) => {
    const h = await fs.promises.open(real, 'r+');
    try {
      await h.write(data, 0, data.length, 0);
      await h.truncate(data.length);
      await h.sync();
    } finally {
      await h.close();
    }
  };
  try {
    await put(bytes);
    const back = await fs.promises.readFile(real);
    if (!back.equals(bytes)) throw Object.assign(new Error('read-back mismatch'), { code: 'mismatch' });
  } catch (e) {
    await put(old).catch(() => undefined);
    throw e;
  }
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

const REASONS = ['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EBUSY', 'ENOENT', 'EIO', 'mismatch'] as const;

/** A failed write in the user's words: which file, why, what to do. */
export function writeFailure(e: unknown, target: WriteTarget): CliFailure {
  return new CliFailure(EXIT.data, t(target.lang, 'cli.files.writeFailed', { file: target.file, reason: errorReason(e, target.lang), advice: t(target.lang, 'cli.files.advice') }));
}

/** A system error code in words when it is a common one; otherwise the first line of the message. */
export function errorReason(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = REASONS.find((r) => r === code);
  if (known) return t(lang, `cli.files.reason.${known}`);
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]!.slice(0, 200);
}

/**
 * A file the user named that is not there: a usage mistake (exit 2), like a file name too many,
 * said with the folder it was looked for in and how to see what that folder holds.
 */
export function missingInput(file: string, lang: Lang): CliFailure {
  const folder = path.dirname(path.resolve(file));
  // A folder on the path misspelt: what is listed is the nearest folder that is there.
  let found = folder;
  while (!fs.existsSync(found) && path.dirname(found) !== found) found = path.dirname(found);
  if (found === folder) return new CliFailure(EXIT.usage, t(lang, 'cli.inputMissing', { file, folder }));
  return new CliFailure(EXIT.usage, t(lang, 'cli.inputFolderMissing', { file, folder, found }));
}

/** A read failed because no file is under that name (nor a folder on its path). */
export function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

const READ_REASONS = ['ENOENT', 'EACCES', 'EISDIR'] as const;

/** Why a file could not be read, in words (a missing file is not a folder moved away mid-write). */
export function readReason(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = READ_REASONS.find((r) => r === code);
  return known ? t(lang, `cli.files.reason.read.${known}`) : errorReason(e, lang);
}

async function lstatOrNull(p: string): Promise<fs.Stats | null> {
  return fs.promises.lstat(p).catch(() => null);
}

async function statOrNull(p: string): Promise<fs.Stats | null> {
  return fs.promises.stat(p).catch(() => null);
}
