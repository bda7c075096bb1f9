/** Mounts the pane: called from the Excel entry (inside Office.onReady) and the preview page. */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { PaneHost } from './host';

export function mountPane(element: HTMLElement, host: PaneHost): void {
  createRoot(element).render(
    <StrictMode>
      <FluentProvider theme={host.theme === 'dark' ? webDarkTheme : webLightTheme}>
        <App host={host} />
      </FluentProvider>
    </StrictMode>,
  );
}
