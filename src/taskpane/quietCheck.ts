/**
 * A check worked out off the typing path: asked again at each edit, it runs once the edits have
 * stopped for a quiet spell, one at a time, and only the answer of a check no later ask made out
 * of date is shown (a long one is not cut short: its answer is dropped and the check runs again).
 */
export interface QuietCheck {
  /** Something changed: check after the quiet spell (`delay`, 0: at once), any check running or waiting now superseded. */
  ask(delay?: number): void;
  /** Nothing more is shown: the check waiting is dropped, the one running is ignored. */
  cancel(): void;
}

/**
 * `check` gets `current`, which says whether no later ask has made it out of date: a long check
 * can skip the rest of its work (its answer would be dropped). A check that fails shows nothing.
 */
export function quietCheck<T>(quietMs: number, check: (current: () => boolean) => Promise<T>, show: (answer: T) => void): QuietCheck {
  /** Bumped by every ask: a check answers only for the one it started under. */
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  /** The quiet spell ended while a check ran: run again once it is done. */
  let again = false;
  let cancelled = false;

  const run = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const mine = asked;
    const current = () => !cancelled && mine === asked;
    check(current)
      .then(
        (answer) => current() && show(answer),
        () => undefined,
      )
      .finally(() => {
        running = false;
        if (again && !cancelled) {
          again = false;
          run();
        }
      });
  };

  return {
    ask(delay = quietMs) {
      if (cancelled) return;
      asked++;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, delay);
    },
    cancel() {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
