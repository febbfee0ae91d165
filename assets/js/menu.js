// The phone menu: the menu button opens the sidebar as a drawer; Escape, a click outside or a link closes it.
(function () {
  var button = document.querySelector("[data-menu-button]");
  var sidebar = document.getElementById("sidebar");
  if (!button || !sidebar) return;

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    button.setAttribute("aria-label", open ? "Close the guide’s menu" : "Open the guide’s menu");
    if (open) {
      sidebar.setAttribute("data-open", "");
      document.body.setAttribute("data-menu-open", "");
      var target = sidebar.querySelector('[aria-current="page"]') || sidebar.querySelector("a, summary");
      if (target) target.focus();
    } else {
      sidebar.removeAttribute("data-open");
      document.body.removeAttribute("data-menu-open");
    }
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && sidebar.hasAttribute("data-open")) {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!sidebar.hasAttribute("data-open")) return;
    var target = event.target;
    if (!(target instanceof Node) || button.contains(target)) return;
    if (!sidebar.contains(target) || (target instanceof Element && target.closest("a"))) setOpen(false);
  });
  // Back at desktop width the drawer state no longer applies.
  window.matchMedia("(min-width: 60rem)").addEventListener("change", function (e) {
    if (e.matches) setOpen(false);
  });
})();
