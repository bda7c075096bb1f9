/** Shows a sheet's cell to the user; a failure is kept for the step to show, never left unhandled. */
import { useCallback, useState } from 'react';
import type { PaneHost } from './host';

export function useShowCell(host: PaneHost): [show: (sheet: string, address: string) => Promise<void>, error: unknown] {
  const [error, setError] = useState<unknown>(null);
  const show = useCallback(
    async (sheet: string, address: string) => {
      setError(null);
      try {
        await host.showCell(sheet, address);
      } catch (e) {
        setError(e);
      }
    },
    [host],
  );
  return [show, error];
}
