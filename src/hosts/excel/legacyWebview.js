/*
 * ES5 on purpose, copied as it is (no bundler): it must run in the web views the pane's own
 * scripts cannot run in — Internet Explorer 11 (Office 2016/2019 volume-licensed) and the old
 * Edge (Office 2016/2019 retail without WebView2) — and there show taskpane.html's notice,
 * with the preview's address, instead of a blank pane.
 */
/* global window, document */
(function () {
  'use strict';
  var notice = document.getElementById('dvht-legacy');
  var link = document.getElementById('dvht-legacy-preview');
  if (!notice || !link) return;
  var preview = String(window.location.href).split(/[?#]/)[0].replace(/[^/]*$/, 'preview.html');
  link.setAttribute('href', preview);
  link.textContent = preview;
  function show() {
    notice.removeAttribute('hidden');
  }
  // Trident/: IE 11; Edge/: EdgeHTML (Chromium's Edge and WebView2 say Edg/).
  if (/Trident\/|Edge\/\d/.test(window.navigator.userAgent)) {
    show();
    return;
  }
  // Any other engine too old for the pane's scripts fails to parse them, and the pane never starts.
  window.addEventListener('error', function (e) {
    var root = document.getElementById('root');
    if (e && /syntax/i.test(String(e.message)) && root && !root.firstChild) show();
  });
})();
