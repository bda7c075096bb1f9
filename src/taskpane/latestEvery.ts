/**
 * Calls `show` with the latest value at most once per `ms`, the last one always shown (once
 * the interval has passed): progress from thousands of files would otherwise re-render, and
 * lay out, the pane once per file. `cancel` drops a value not shown yet.
 */
export function latestEvery<T>(ms: number, show: (value: T) => void): { push(value: T): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { value: T } | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = Date.now();
    show(value);
  };
  return {
    push(value) {
      pending = { value };
      if (timer) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
