// The theme toggle: switches light/dark and remembers the choice in localStorage for every page.
(function () {
  var root = document.documentElement;
  var query = window.matchMedia("(prefers-color-scheme: dark)");

  function current() {
    var set = root.getAttribute("data-theme");
    return set === "light" || set === "dark" ? set : query.matches ? "dark" : "light";
  }

  function sync() {
    var dark = current() === "dark";
    document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(dark));
    });
  }

  document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try {
        localStorage.setItem("theme", next);
      } catch (e) {
        // Not persisted, but the page still switches.
      }
      sync();
    });
  });
  query.addEventListener("change", sync);
  sync();
})();
