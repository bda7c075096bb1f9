/** Renders a step or the whole pane inside Fluent's provider, as mount.tsx does. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ComponentType } from 'react';
import type { Lang } from '../../src/i18n';
import type { PaneHost } from '../../src/taskpane/host';
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
