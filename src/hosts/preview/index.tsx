/**
 * The preview page (preview.html): the pane and an in-browser workbook, no Excel needed.
 * `?lang=en` / `?lang=vi` overrides the browser's language.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { langFromLocale } from '../../i18n';
import { PreviewApp } from './PreviewApp';
import { registerOffline } from './offline/registerOffline';

const locale = new URLSearchParams(location.search).get('lang') ?? navigator.language;
const theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

// The page's one React root: the pane inside is part of it, for the page's whole life.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
      <PreviewApp lang={langFromLocale(locale)} locale={locale} theme={theme} />
    </FluentProvider>
  </StrictMode>,
);
registerOffline(langFromLocale(locale));
