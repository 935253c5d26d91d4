// Loaded as a classic, render-blocking script in <head> (an external file, so
// it runs under a strict Content-Security-Policy without 'unsafe-inline').
// It applies the reader's saved theme before the first paint, so the page never
// flashes the other theme, then wires up the toggle button once the page is
// parsed. Without a saved choice the site follows prefers-color-scheme.
(function () {
  var KEY = 'explainer-theme';
  var root = document.documentElement;
  var query = window.matchMedia('(prefers-color-scheme: dark)');
  var saved = null;
  try {
    saved = window.localStorage.getItem(KEY);
  } catch (e) {
    // Storage may be blocked; the toggle still works for this page view.
  }
  if (saved === 'light' || saved === 'dark') root.setAttribute('data-theme', saved);

  function current() {
    var chosen = root.getAttribute('data-theme');
    return chosen === 'light' || chosen === 'dark' ? chosen : query.matches ? 'dark' : 'light';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    function show() {
      button.setAttribute('aria-pressed', current() === 'dark' ? 'true' : 'false');
    }
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        // Not remembered, but applied.
      }
      show();
    });
    query.addEventListener('change', show);
    show();
    button.hidden = false;
  });
})();
