/** What a `dvht` run printed, as two texts (for tests that call the CLI's run() in process). */
import type { Io } from '../../src/cli/main';

export function captureText(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (s: string) => (io.stdout += s + '\n'), err: (s: string) => (io.stderr += s + '\n') };
  return io;
}
