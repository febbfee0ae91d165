// Tabs: upgrades each `[data-tabs]` block (a list of `#panel` links plus the panels) to ARIA tabs
// with arrow keys, Home and End. Choosing a label selects the same label in every tab group on the
// page, and the choice is remembered for the next page.
(function () {
  var STORAGE_KEY = "tabs:choice";
  var groups = [];

  function remembered() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null;
    }
  }

  function remember(label) {
    try {
      localStorage.setItem(STORAGE_KEY, label);
    } catch (e) {
      // Only this page will follow the choice.
    }
  }

  function upgrade(container, index) {
    var list = container.querySelector(":scope > ul.tabs-nav, :scope > ul, :scope > ol");
    if (!list) return null;
    var links = Array.prototype.slice.call(list.querySelectorAll('a[href^="#"]'));
    var tabs = [];
    var tablist = document.createElement("div");
    tablist.setAttribute("role", "tablist");
    links.forEach(function (link, i) {
      var panel = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!panel || !container.contains(panel)) return;
      var tab = document.createElement("button");
      tab.type = "button";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = link.textContent.trim();
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("tabindex", "0");
      tablist.appendChild(tab);
      // The tab takes over the link's id, which the panel's aria-labelledby already names.
      tabs.push({ tab: tab, panel: panel, label: tab.textContent, id: link.id || "tab-" + index + "-" + i });
    });
    if (tabs.length === 0) return null;
    list.replaceWith(tablist);
    tabs.forEach(function (t) {
      t.tab.id = t.id;
      t.panel.setAttribute("aria-labelledby", t.id);
      // The label is on the tab now; the no-JS heading inside the panel would repeat it.
      var title = t.panel.querySelector(":scope > .tabs-panel-title");
      if (title) title.hidden = true;
    });
    var group = { tabs: tabs };

    function onKey(event) {
      var at = tabs.findIndex(function (t) {
        return t.tab === event.currentTarget;
      });
      var next = null;
      if (event.key === "ArrowRight") next = (at + 1) % tabs.length;
      else if (event.key === "ArrowLeft") next = (at - 1 + tabs.length) % tabs.length;
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = tabs.length - 1;
      if (next === null) return;
      event.preventDefault();
      choose(tabs[next].label, group);
      tabs[next].tab.focus();
    }

    tabs.forEach(function (t) {
      t.tab.addEventListener("click", function () {
        choose(t.label, group);
      });
      t.tab.addEventListener("keydown", onKey);
    });
    container.setAttribute("data-tabs-ready", "");
    return group;
  }

  function select(group, label) {
    var found = group.tabs.some(function (t) {
      return t.label === label;
    });
    if (!found) return false;
    group.tabs.forEach(function (t) {
      var on = t.label === label;
      t.tab.setAttribute("aria-selected", String(on));
      t.tab.tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
    });
    return true;
  }

  function choose(label, origin) {
    // Keep the chosen tab where it is on screen while other groups above it change height.
    var before = origin.tabs[0].tab.getBoundingClientRect().top;
    groups.forEach(function (g) {
      select(g, label);
    });
    var after = origin.tabs[0].tab.getBoundingClientRect().top;
    if (after !== before) window.scrollBy(0, after - before);
    remember(label);
  }

  document.querySelectorAll("[data-tabs]").forEach(function (container, i) {
    var group = upgrade(container, i);
    if (group) groups.push(group);
  });
  var saved = remembered();
  groups.forEach(function (g) {
    // A page opened at a panel's #id shows that panel; otherwise the saved choice, else the first tab.
    var hashed = g.tabs.find(function (t) {
      return window.location.hash === "#" + t.panel.id;
    });
    if (hashed) select(g, hashed.label);
    else if (!(saved && select(g, saved))) select(g, g.tabs[0].label);
  });
})();
