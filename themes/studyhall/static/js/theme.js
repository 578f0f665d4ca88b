/* The one place that decides light or dark, for pages from both renderers.
   An explicit choice (the header toggle) is stored under Material for MkDocs' key, so
   it holds on every page; without one, pages follow the system, and keep following it
   when the system switches. Runs in <head>, before the first paint: Material writes
   data-md-color-scheme="default" on its <body>, so the scheme is put on <body> too as
   soon as the parser creates it, before anything is drawn. */
(function () {
  "use strict";
  var KEY = "/.__palette";
  var root = document.documentElement;
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function chosen() {
    try {
      var saved = JSON.parse(localStorage.getItem(KEY));
      var scheme = saved && saved.color && saved.color.scheme;
      return scheme === "slate" || scheme === "default" ? scheme : null;
    } catch (e) {
      return null; // storage unavailable: follow the system
    }
  }

  function apply() {
    var scheme = chosen() || (system && system.matches ? "slate" : "default");
    [root, document.body].forEach(function (node) {
      if (node && node.getAttribute("data-md-color-scheme") !== scheme) {
        node.setAttribute("data-md-color-scheme", scheme);
      }
    });
  }

  apply();
  if (!document.body && window.MutationObserver) {
    // Mutation records are delivered before the browser renders, so <body> never shows light.
    var watch = new MutationObserver(function () {
      if (document.body) {
        watch.disconnect();
        apply();
      }
    });
    watch.observe(root, { childList: true });
  }
  if (system) {
    var follow = function () { if (!chosen()) apply(); };
    if (system.addEventListener) system.addEventListener("change", follow);
    else if (system.addListener) system.addListener(follow);
  }
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) apply(); // a choice made in another tab
  });
})();
