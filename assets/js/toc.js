// On-page TOC: marks the link of the section being read (aria-current) as the reader scrolls, and
// keeps its <details> open where it is shown as the right rail, so its state says what the reader sees.
(function () {
  var toc = document.querySelector("[data-toc]");
  if (!toc) return;
  var details = toc.querySelector("details");
  // Matches the rail's breakpoint in site.css; below it the box stays as the reader left it.
  var rail = window.matchMedia("(min-width: 75rem)");
  function syncOpen() {
    if (details && rail.matches) details.open = true;
  }
  rail.addEventListener("change", syncOpen);
  syncOpen();
  if (!("IntersectionObserver" in window)) return;
  var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
  var headings = links
    .map(function (link) {
      return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    })
    .filter(Boolean);
  if (!headings.length) return;

  function mark() {
    // The current section is the last heading that has reached the reading band below the header.
    var top = document.querySelector(".site-header");
    var offset = (top ? top.getBoundingClientRect().height : 0) + Math.min(window.innerHeight * 0.2, 120);
    var current = headings[0];
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top - offset <= 1) current = headings[i];
      else break;
    }
    // At the very bottom, the last heading wins even when it can't reach the top.
    if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) current = headings[headings.length - 1];
    links.forEach(function (link) {
      if (decodeURIComponent(link.getAttribute("href").slice(1)) === current.id) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
  }

  // Headings crossing the viewport edge trigger a re-check; scrolling between them does too.
  var observer = new IntersectionObserver(mark);
  headings.forEach(function (h) {
    observer.observe(h);
  });
  var queued = false;
  window.addEventListener(
    "scroll",
    function () {
      if (queued) return;
      queued = true;
      requestAnimationFrame(function () {
        queued = false;
        mark();
      });
    },
    { passive: true },
  );
  mark();
})();
