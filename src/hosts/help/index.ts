/** Entry of help.html: `?lang=en` / `?lang=vi` picks the language; otherwise the one chosen in the pane, else Vietnamese. */
import { startLang } from '../../taskpane/langChoice';
import { renderHelp } from './helpPage';

const asked = new URLSearchParams(location.search).get('lang');
renderHelp(document.getElementById('root')!, startLang(asked));
