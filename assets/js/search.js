// The search loader: opens the search dialog (button, "/" or Ctrl/⌘-K) and loads Pagefind's UI only
// then, so pages that are only read never download it; highlights the search term on the page a
// result opens. No inline styles or scripts anywhere, for the site's CSP.
(function () {
  var HIGHLIGHT_PARAM = "highlight";
  var root = document.querySelector("[data-search]");
  // The site's path prefix (e.g. "/docs/"), printed by the partial through Eleventy's `url` filter.
  var base = (root && root.getAttribute("data-base")) || "/";
  var bundle = base + "pagefind/";

  highlightTerms();
  if (!root) return;

  var openButton = root.querySelector("[data-search-open]");
  var dialog = root.querySelector("[data-search-dialog]");
  var closeButton = root.querySelector("[data-search-close]");
  var uiElement = root.querySelector("[data-search-ui]");
  if (!openButton || !dialog || !uiElement || typeof dialog.showModal !== "function") return;
  openButton.hidden = false;
  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("Could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  function loadStylesheet(href) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }

  // Loads Pagefind's UI once; later opens reuse it, with the reader's last query still there.
  function loadUI() {
    if (!loading) {
      // A stylesheet link, not injected <style>: Pagefind's UI ships its CSS as a file.
      loadStylesheet(bundle + "pagefind-ui.css");
      loading = loadScript(bundle + "pagefind-ui.js").then(function () {
        return new window.PagefindUI({
          element: uiElement,
          bundlePath: bundle,
          baseUrl: base,
          showSubResults: true,
          showImages: false,
          highlightParam: HIGHLIGHT_PARAM,
          // Pagefind's CSS is written over its reset; without it the browser's own fieldset and button borders show.
          resetStyles: true,
        });
      });
      loading.catch(function () {
        uiElement.textContent = "Search could not be loaded. Check your connection and try again.";
        loading = null;
      });
    }
    return loading;
  }

  function focusInput() {
    var input = uiElement.querySelector(".pagefind-ui__search-input");
    if (input) input.focus();
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    loadUI().then(focusInput, function () {});
    focusInput();
  }

  openButton.addEventListener("click", open);
  // Warm up on hover or focus of the button, so the UI is usually ready by the click.
  openButton.addEventListener("pointerenter", loadUI, { once: true });
  openButton.addEventListener("focus", loadUI, { once: true });
  if (closeButton) closeButton.addEventListener("click", function () { dialog.close(); });
  // A click on the backdrop closes it: the event targets the dialog, outside its box.
  dialog.addEventListener("click", function (event) {
    if (event.target !== dialog) return;
    var box = dialog.getBoundingClientRect();
    var inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  });
  dialog.addEventListener("close", function () { openButton.focus(); });

  function isTyping(target) {
    if (!(target instanceof Element)) return false;
    return target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])") !== null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey) return;
    var slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
    var commandK = (event.ctrlKey || event.metaKey) && (event.key === "k" || event.key === "K");
    if (!slash && !commandK) return;
    event.preventDefault();
    open();
  });

  // On the page a result opened (`?highlight=term`), mark the term in the page's main content.
  function highlightTerms() {
    if (!new URLSearchParams(window.location.search).has(HIGHLIGHT_PARAM)) return;
    import(bundle + "pagefind-highlight.js").then(function () {
      new window.PagefindHighlight({
        highlightParam: HIGHLIGHT_PARAM,
        markContext: "[data-pagefind-body]",
        // Pagefind would otherwise add an inline <style>, which the CSP blocks; search.css styles marks.
        addStyles: false,
        markOptions: { className: "pagefind-highlight", exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"] },
      });
    }, function () {});
  }
})();
