/* Applies the reader's light/dark choice before the page paints.
   Shares Material for MkDocs' storage key, so one choice holds on every page. */
(function () {
  "use strict";
  var key = "/.__palette";
  var scheme = null;
  try {
    var saved = JSON.parse(localStorage.getItem(key));
    if (saved && saved.color && saved.color.scheme) scheme = saved.color.scheme;
  } catch (e) { /* storage unavailable: follow the system */ }
  if (!scheme) {
    scheme = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "slate" : "default";
  }
  document.documentElement.setAttribute("data-md-color-scheme", scheme);
})();
