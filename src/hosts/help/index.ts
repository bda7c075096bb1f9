/** Entry of help.html: `?lang=en` / `?lang=vi` picks the language; otherwise the browser's, Vietnamese first. */
import { langFromLocale } from '../../i18n';
import { renderHelp } from './helpPage';

const asked = new URLSearchParams(location.search).get('lang');
renderHelp(document.getElementById('root')!, langFromLocale(asked ?? navigator.language));
