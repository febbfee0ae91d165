// Runs blocking in <head>, before first paint: applies the reader's saved theme (no flash of the
// wrong one) and marks the page as having JS. External on purpose: the CSP forbids inline scripts.
(function () {
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  try {
    var saved = localStorage.getItem("theme");
    if (saved === "light" || saved === "dark") root.setAttribute("data-theme", saved);
  } catch (e) {
    // Storage blocked (private mode, settings): follow the system theme.
  }
})();
