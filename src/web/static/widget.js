// phare status widget. Put this where the status should show on your own site:
//   <script src="https://status.example.com/widget.js" async></script>
// or, to place it elsewhere, an element <span data-phare-status></span> anywhere on the
// page. It reads /api/v2/status.json (served with CORS), shows the page's state as a
// link to the status page, and refreshes every minute. It writes text only (never HTML)
// and sets no cookie.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var base = script.src.replace(/\/widget\.js(\?.*)?$/, "");
  var colours = {none: "#2e7d32", minor: "#a35200", major: "#c62828",
                 critical: "#8e0000", maintenance: "#1565c0"};
  var target = document.querySelector("[data-phare-status]");
  if (!target) {
    target = document.createElement("span");
    script.parentNode.insertBefore(target, script.nextSibling);
  }
  var link = document.createElement("a");
  var dot = document.createElement("span");
  var text = document.createElement("span");
  dot.setAttribute("aria-hidden", "true");
  dot.style.cssText = "display:inline-block;width:.7em;height:.7em;border-radius:50%;" +
                      "margin-right:.4em;background:#888";
  link.className = "phare-status";
  link.href = base + "/";
  link.appendChild(dot);
  link.appendChild(text);
  text.textContent = "…";
  target.appendChild(link);

  function show(status) {
    var indicator = status && status.status && status.status.indicator;
    text.textContent = (status && status.status && status.status.description) || "";
    dot.style.background = colours[indicator] || "#888";
    if (status && status.page && /^https?:\/\//.test(status.page.url)) {
      link.href = status.page.url;
    }
  }
  function refresh() {
    fetch(base + "/api/v2/status.json", {credentials: "omit"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(show)
      .catch(function () {});
  }
  refresh();
  setInterval(refresh, 60000);
})();
