/**
 * Runs one piece of long work (a use-case) for a component: its state drives the spinner,
 * the disabled buttons, the error bar and the result. A second run while one is going is
 * ignored, and a result arriving after the component is gone is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type TaskState<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; value: T }
  | { status: 'error'; error: unknown };

/** [state, run, reset]: `reset` puts a finished task back to idle (its result no longer shown). */
export function useTask<T>(): [TaskState<T>, (work: () => Promise<T>) => Promise<void>, () => void] {
  const [state, setState] = useState<TaskState<T>>({ status: 'idle' });
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (work: () => Promise<T>) => {
    if (running.current) return;
    running.current = true;
    setState({ status: 'running' });
    try {
      // Let the spinner paint before the work starts.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const value = await work();
      if (mounted.current) setState({ status: 'done', value });
    } catch (error) {
      if (mounted.current) setState({ status: 'error', error });
    } finally {
      running.current = false;
    }
  }, []);
  const reset = useCallback(() => {
    if (!running.current) setState({ status: 'idle' });
  }, []);
  return [state, run, reset];
}
