/* global document */
// Applies the remembered theme before the first paint: the app's own script runs after the page
// has painted once, and a dark theme applied only then would flash light first. A file of its
// own because the site's Content-Security-Policy allows no inline script. The key and values are
// src/store/preferences-slice.ts's.
(function () {
  try {
    var theme = localStorage.getItem('vllm-dashboard.theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch {
    // No storage (a private mode): the system's theme applies, as it would without this file.
  }
})();
