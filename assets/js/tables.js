// Wide tables: wraps each content table in a box that scrolls sideways when the table can't fit
// (a long word on a phone), and makes that box a named, focusable region only while it scrolls, so
// keyboard readers can scroll it too. Without JS the table just wraps its cells (site.css).
(function () {
  var tables = document.querySelectorAll(".prose table");
  if (!tables.length) return;
  var boxes = [];

  function nameOf(table) {
    var caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    }).filter(Boolean);
    return heads.length ? "Table: " + heads.join(", ") : "Table";
  }

  function sync(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls === box.hasAttribute("tabindex")) return;
    if (scrolls) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", nameOf(box.firstElementChild));
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  Array.prototype.forEach.call(tables, function (table) {
    // Trace diagrams' tables and tables already in a scroll box (from the Markdown) have their own.
    if (table.closest(".trace-diagram, .table-scroll")) return;
    var box = document.createElement("div");
    box.className = "table-scroll";
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
    boxes.push(box);
    sync(box);
  });
  if ("ResizeObserver" in window) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        sync(entry.target);
      });
    });
    boxes.forEach(function (box) {
      observer.observe(box);
    });
  }
})();
