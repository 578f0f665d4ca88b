/* Site-wide behaviour for pages from both renderers: theme toggle, local times,
   live-session state and code copy buttons on publication pages. */
(function () {
  "use strict";
  var KEY = "/.__palette";

  function currentScheme() {
    return document.body.getAttribute("data-md-color-scheme") ||
      document.documentElement.getAttribute("data-md-color-scheme") || "default";
  }

  function applyScheme(scheme) {
    document.documentElement.setAttribute("data-md-color-scheme", scheme);
    document.body.setAttribute("data-md-color-scheme", scheme);
    var index = scheme === "slate" ? 1 : 0;
    var media = scheme === "slate" ? "(prefers-color-scheme: dark)" : "(prefers-color-scheme: light)";
    try {
      localStorage.setItem(KEY, JSON.stringify({
        index: index,
        color: { media: media, scheme: scheme, primary: "custom", accent: "custom" }
      }));
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function setupThemeToggle() {
    var scheme = document.documentElement.getAttribute("data-md-color-scheme");
    if (scheme && !document.body.getAttribute("data-md-color-primary")) {
      document.body.setAttribute("data-md-color-scheme", scheme);
    }
    document.querySelectorAll("[data-sh-theme-toggle]").forEach(function (button) {
      button.addEventListener("click", function () {
        applyScheme(currentScheme() === "slate" ? "default" : "slate");
      });
    });
  }

  function setupLocalTimes() {
    var format = new Intl.DateTimeFormat(undefined, {
      weekday: "short", year: "numeric", month: "short", day: "numeric",
      hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    });
    document.querySelectorAll("time[data-sh-local-time]").forEach(function (node) {
      var when = new Date(node.getAttribute("datetime"));
      if (!isNaN(when.getTime())) node.textContent = format.format(when);
    });
    var now = Date.now();
    document.querySelectorAll("[data-sh-live]").forEach(function (card) {
      var end = new Date(card.getAttribute("data-end")).getTime();
      var start = new Date(card.getAttribute("data-start")).getTime();
      if (end < now) card.classList.add("sh-card--past");
      else if (start <= now) card.classList.add("sh-card--now");
    });
  }

  function setupCopyButtons() {
    if (document.querySelector(".md-content")) return; // Material has its own.
    document.querySelectorAll(".sh-prose .highlight pre").forEach(function (pre) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sh-copy";
      button.textContent = "Copy";
      button.addEventListener("click", function () {
        var code = pre.querySelector("code");
        navigator.clipboard.writeText((code || pre).innerText).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 1500);
        });
      });
      pre.parentNode.insertBefore(button, pre);
    });
  }

  function start() {
    setupThemeToggle();
    setupLocalTimes();
    setupCopyButtons();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
