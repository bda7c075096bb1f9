/**
 * The preview page (preview.html): the pane and an in-browser workbook, no Excel needed.
 * Vietnamese unless `?lang=en` asks or English was chosen before (taskpane/langChoice.ts).
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLang } from '../../taskpane/langChoice';
import { PreviewApp } from './PreviewApp';
import { registerOffline } from './offline/registerOffline';

const lang = startLang(new URLSearchParams(location.search).get('lang'));
const theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

// The page's one React root: the pane inside is part of it, for the page's whole life.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
      <PreviewApp lang={lang} locale={navigator.language} theme={theme} />
    </FluentProvider>
  </StrictMode>,
);
registerOffline(lang);
