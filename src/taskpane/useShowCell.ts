/** Shows a sheet's cell to the user; a failure is kept for the step to show, never left unhandled. */
import { useCallback, useState } from 'react';
import type { PaneHost } from './host';

export function useShowCell(host: PaneHost): [show: (sheet: string, address: string, options?: { focus?: boolean }) => Promise<void>, error: unknown] {
  const [error, setError] = useState<unknown>(null);
  const show = useCallback(
    async (sheet: string, address: string, options?: { focus?: boolean }) => {
      setError(null);
      try {
        await (options ? host.showCell(sheet, address, options) : host.showCell(sheet, address));
      } catch (e) {
        setError(e);
      }
    },
    [host],
  );
  return [show, error];
}
