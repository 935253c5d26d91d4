// Render-blocking, external (strict CSP): applies the saved theme before first paint, then wires the toggle.
// The toggle remembers a theme only while it differs from the system's: switching back follows the system again.
(() => {
  var KEY = 'explainer-theme';
  var root = document.documentElement;
  var query = window.matchMedia('(prefers-color-scheme: dark)');
  var saved = null;
  try {
    saved = window.localStorage.getItem(KEY);
  } catch {
    /* storage blocked */
  }
  if (saved === 'light' || saved === 'dark') root.setAttribute('data-theme', saved);
  function current() {
    var chosen = root.getAttribute('data-theme');
    return chosen === 'light' || chosen === 'dark' ? chosen : query.matches ? 'dark' : 'light';
  }
  document.addEventListener('DOMContentLoaded', () => {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    function show() {
      button.setAttribute('aria-pressed', current() === 'dark' ? 'true' : 'false');
    }
    button.addEventListener('click', () => {
      var next = current() === 'dark' ? 'light' : 'dark';
      // Back to what the system asks for: forget the choice and follow the system again.
      if (next === (query.matches ? 'dark' : 'light')) {
        root.removeAttribute('data-theme');
        try {
          window.localStorage.removeItem(KEY);
        } catch {
          /* nothing was stored */
        }
      } else {
        root.setAttribute('data-theme', next);
        try {
          window.localStorage.setItem(KEY, next);
        } catch {
          /* applied, not remembered */
        }
      }
      show();
    });
    query.addEventListener('change', show);
    show();
    button.hidden = false;
  });
})();
