/* global document, location, MutationObserver */
// What the first paint needs settled before it, run as the last thing in <head>: the app's own
// script runs only after the page has painted. A file of its own because the site's
// Content-Security-Policy allows no inline script.
//
// 1. The remembered theme (the key and values are src/store/preferences-slice.ts's): applied
//    only when the app runs, a dark theme would flash light first.
// 2. The first screen `npm run build` renders into #root (the dashboard with its bundled runs,
//    inert until the app takes over): it is what the app shows for a link with no view of its
//    own. A link with filters, search, sorting, columns or the comparison gets it removed, and a
//    remembered theme gets its option ticked in the theme switch, both as the parser inserts it,
//    before anything is painted.
(function () {
  'use strict';
  var theme;
  try {
    var stored = localStorage.getItem('vllm-dashboard.theme');
    if (stored === 'light' || stored === 'dark') {
      theme = stored;
      document.documentElement.dataset.theme = stored;
    }
  } catch {
    // No storage (a private mode): the system's theme applies, as it would without this file.
  }

  // Every key of a link (src/data/url-schema.ts).
  var VIEW_KEYS = [
    'hide.model',
    'hide.gpu',
    'hide.engine',
    'hide.qps',
    'hide.concurrency',
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
    'slo.ttft',
    'slo.itl',
    'slo.tpot',
    'slo.e2el',
    'slo.pct',
    'price',
  ];
  var params = new URLSearchParams(location.search);
  var ownView = VIEW_KEYS.some(function (key) {
    return params.has(key);
  });
  // Built for the default view with the system theme ticked: then it fits as it is.
  if (!ownView && theme === undefined) return;

  var observer = new MutationObserver(settle);
  /** Done once the first screen is settled, or the page is parsed without one. */
  function settle() {
    var screen = document.querySelector('#root > .first-screen');
    if (screen !== null && ownView) {
      screen.remove();
      observer.disconnect();
      return;
    }
    var option =
      screen === null
        ? null
        : screen.querySelector('.theme-switch input[type="radio"][value="' + theme + '"]');
    if (option !== null) option.checked = true;
    if (option !== null || document.readyState !== 'loading') observer.disconnect();
  }
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('readystatechange', settle, { once: true });
})();
