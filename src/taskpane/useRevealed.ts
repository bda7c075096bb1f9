/** A result shown below the button pressed, at the foot of a long step, is brought into the pane's view (it was left out of sight). */
import { useEffect, useRef } from 'react';

export function useRevealed<T extends HTMLElement>(result: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (result) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [result]);
  return ref;
}
