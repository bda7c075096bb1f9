/** Renders a step or the whole pane inside Fluent's provider, as mount.tsx does. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import type { Lang } from '../../src/i18n';
import type { PaneHost } from '../../src/taskpane/host';
import type { FakePaneHost } from '../support/fakePaneHost';
import type { StepProps } from '../../src/taskpane/steps/registry';
import { App } from '../../src/taskpane/App';

export function renderStep(Step: ComponentType<StepProps>, host: PaneHost, lang: Lang = 'vi') {
  const goTo = jest.fn<void, [string]>();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <Step host={host} lang={lang} goTo={goTo} />
    </FluentProvider>,
  );
  return { ...view, goTo };
}

export function renderApp(host: PaneHost, initialLang?: Lang) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} {...(initialLang ? { initialLang } : {})} />
    </FluentProvider>,
  );
}

/** The next animation frame (jsdom draws one every 16 ms): the callbacks asked for before it have run. */
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Lets the pane finish, inside act, what it does by itself: the reads a step starts when shown, and
 * what waits for the next frame (Fluent's tab indicator). Where the outcome shows, wait for that
 * instead (findBy…); this is for a test whose point is that nothing shows. A gated workbook
 * (gatedWorkbook) must be released first: its batches answer only then.
 */
export async function settle(host: FakePaneHost) {
  await act(async () => {
    do {
      await nextFrame();
    } while (host.running() > 0);
  });
}
