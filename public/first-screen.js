/* global document, location */
// Puts the page's first screen in #root before the first paint. `npm run build` renders the
// dashboard with its bundled runs into index.html's <template id="first-screen">
// (scripts/first-screen-plugin.ts); this classic, blocking script right after it shows it when it
// is what the app will show: a link with no view of its own (filters, search, sorting, columns or
// the comparison) lands on the default view; a remembered theme (public/theme-boot.js has applied
// it) is ticked in the theme switch. Inert: it works once the app has taken over, whose first
// render replaces it with the same content (src/main.tsx). A file of its own because the site's
// Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  // Every key of a link (src/data/url-schema.ts).
  var VIEW_KEYS = [
    'hide.model',
    'hide.gpu',
    'hide.qps',
    'hide.tp',
    'hide.dataset',
    'q',
    'sort.latency',
    'hidecol.latency',
    'sort.throughput',
    'hidecol.throughput',
    'sort.serving',
    'hidecol.serving',
    'cmp',
    'cmp.base',
    'cmp.cand',
    'cmp.thr',
    'cmp.only',
    'cmp.p99',
  ];

  var template = document.getElementById('first-screen');
  var root = document.getElementById('root');
  if (template === null || root === null) return;
  template.remove();
  if (root.firstChild !== null) return;
  var params = new URLSearchParams(location.search);
  var ownView = VIEW_KEYS.some(function (key) {
    return params.has(key);
  });
  if (ownView) return;

  root.appendChild(template.content);
  // Built with the system theme's option ticked.
  var theme = document.documentElement.dataset.theme;
  if (theme === 'light' || theme === 'dark') {
    var option = root.querySelector('.theme-switch input[value="' + theme + '"]');
    if (option !== null) option.checked = true;
  }
})();
