/** What a `dvht` run printed (for tests that call the CLI's run() in process). */
import { run, type Io } from '../../src/cli/main';

export function captureText(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (s: string) => (io.stdout += s + '\n'), err: (s: string) => (io.stderr += s + '\n') };
  return io;
}

/** As lines, one per message. */
export function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

/** `dvht init --sample` of a 20-member school into `file` (the hardening tests' starting workbook): its exit code. */
export function initSample(file: string): Promise<number> {
  return run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS A', '--type', 'thcs', '--sample', '--members', '20'], capture());
}
