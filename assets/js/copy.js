// Copy buttons: one on every code block (copies the code), and heading anchor links copy their URL.
(function () {
  var status = document.getElementById("live-status");

  function announce(message) {
    if (!status) return;
    status.textContent = "";
    // A fresh text node makes screen readers repeat the same message on a second copy.
    window.requestAnimationFrame(function () {
      status.textContent = message;
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      if (ok) resolve();
      else reject(new Error("copy failed"));
    });
  }

  document.querySelectorAll(".main pre").forEach(function (pre) {
    var code = pre.querySelector("code") || pre;
    var host = pre.closest(".code-block");
    if (!host) {
      // A bare <pre> (raw HTML in a page): give the button a positioned box to sit in.
      host = document.createElement("div");
      host.className = "pre-wrap";
      pre.parentNode.insertBefore(host, pre);
      host.appendChild(pre);
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    button.addEventListener("click", function () {
      copyText(code.textContent.replace(/\n$/, "")).then(
        function () {
          button.textContent = "Copied";
          button.setAttribute("data-copied", "");
          announce("Code copied to the clipboard");
          window.setTimeout(function () {
            button.textContent = "Copy";
            button.removeAttribute("data-copied");
          }, 2000);
        },
        function () {
          announce("Could not copy: select the code and copy it by hand");
        },
      );
    });
    host.appendChild(button);
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    var anchor = target instanceof Element ? target.closest("a.heading-anchor") : null;
    if (!anchor) return;
    // The link still moves to the heading; the full URL also lands on the clipboard.
    var url = new URL(anchor.getAttribute("href"), window.location.href).href;
    copyText(url).then(
      function () {
        announce("Link to this section copied");
      },
      function () {},
    );
  });
})();
