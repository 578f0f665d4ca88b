/* The search page: ranks the public page list in the browser, no server involved.
   Results are built with textContent only, so no query or page text becomes markup. */
(function () {
  "use strict";
  var list = document.querySelector("[data-sh-search-results]");
  if (!list) return;
  var input = document.querySelector("[data-sh-search-page-input]");
  var kind = document.querySelector("[data-sh-search-kind]");
  var status = document.querySelector("[data-sh-search-status]");
  var KIND_NAMES = { course: "Course", lesson: "Lesson", article: "Article", live: "Live session" };
  var pages = null;

  function terms(query) {
    var parts = query.toLowerCase().slice(0, 200).split(/[\s,;:!?()"'“”‘’，。；：！？（）]+/);
    return parts.filter(function (t) { return t.length > 0; }).slice(0, 12);
  }

  function score(page, words) {
    var title = page.title.toLowerCase();
    var summary = (page.summary + " " + page.tags.join(" ") + " " + page.course).toLowerCase();
    var text = page.text.toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i], hit = 0;
      if (title.indexOf(w) >= 0) hit += 10;
      if (summary.indexOf(w) >= 0) hit += 4;
      if (text.indexOf(w) >= 0) hit += 1;
      if (!hit) return 0;
      total += hit;
    }
    return total;
  }

  function snippet(page, words) {
    var text = page.summary || page.text;
    var lower = page.text.toLowerCase();
    for (var i = 0; i < words.length; i++) {
      var at = lower.indexOf(words[i]);
      if (at >= 0) {
        var start = Math.max(0, at - 60);
        return (start ? "…" : "") + page.text.slice(start, at + 140) + "…";
      }
    }
    return text;
  }

  function show() {
    var query = input.value.trim();
    var words = terms(query);
    list.textContent = "";
    if (!words.length) {
      status.textContent = "Type to search courses, lessons, articles and live sessions, in English or 中文.";
      return;
    }
    var wanted = kind.value;
    var found = pages
      .map(function (p) { return { page: p, score: wanted && p.kind !== wanted ? 0 : score(p, words) }; })
      .filter(function (r) { return r.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); })
      .slice(0, 30);
    status.textContent = found.length ? found.length + " result" + (found.length === 1 ? "" : "s") :
      "Nothing matches “" + query.slice(0, 80) + "”. Try fewer or shorter words.";
    found.forEach(function (r) {
      var item = document.createElement("li");
      item.className = "sh-search-result";
      item.lang = r.page.lang;
      var meta = document.createElement("p");
      meta.className = "sh-card__kicker";
      meta.textContent = KIND_NAMES[r.page.kind] + (r.page.course ? " · " + r.page.course : "");
      var link = document.createElement("a");
      link.href = r.page.url;
      link.textContent = r.page.title;
      var title = document.createElement("h3");
      title.className = "sh-card__title";
      title.appendChild(link);
      var text = document.createElement("p");
      text.className = "sh-card__text";
      text.textContent = snippet(r.page, words);
      item.appendChild(meta);
      item.appendChild(title);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  kind.value = params.get("kind") || "";
  fetch(list.getAttribute("data-source"))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      pages = data;
      show();
      input.addEventListener("input", show);
      kind.addEventListener("change", show);
    })
    .catch(function () { status.textContent = "Search is unavailable right now."; });
})();
