/* The search box in the shared header (a results list under it, "/" or "s" to focus, as in
   Material for MkDocs) and the /search/ page with its filters. Ranking lives in
   search-engine.js; everything shown is built with textContent, never parsed as markup. */
(function () {
  "use strict";
  var search = window.StudyhallSearch;
  if (!search) return;

  var KIND_NAMES = { course: "Course", lesson: "Lesson", article: "Article", live: "Live session" };
  var LANG_NAMES = { en: "English", zh: "中文" };
  var DROPDOWN_SIZE = 8;
  var PAGE_SIZE = 10;
  var HINT = "Search courses, lessons, articles and live sessions, in English or 中文.";

  function quoted(text) {
    var chars = Array.from(text.trim());
    return "“" + chars.slice(0, 60).join("") + (chars.length > 60 ? "…" : "") + "”";
  }

  function emptyMessage(query, result) {
    if (!result.terms.length) {
      return "Nothing to look for in " + quoted(query) + ". Type a word, such as asyncio, Rust or 数据.";
    }
    return "Nothing matches " + quoted(query) + ". Try fewer or shorter words, or the other language (English / 中文).";
  }

  function append(parent, segments) {
    segments.forEach(function (seg) {
      if (seg.mark) {
        var mark = document.createElement("mark");
        mark.textContent = seg.text;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(seg.text));
      }
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* One result from the page table: page type and place, title with the query's words
     marked, and an empty line that its snippet fills in when the page's text arrives. */
  function resultLink(head, terms, id) {
    var link = element("a", "sh-hit");
    link.href = head.url;
    link.lang = head.lang;
    if (id) {
      link.id = id;
      link.setAttribute("role", "option");
    }
    var meta = [KIND_NAMES[head.kind] || head.kind];
    if (head.label) meta.push(head.label);
    meta.push(LANG_NAMES[head.lang] || head.lang);
    var kicker = element("span", "sh-hit__meta", meta.join(" · "));
    if (head.badge) kicker.appendChild(element("span", "sh-hit__badge", head.badge));
    var title = element("span", "sh-hit__title");
    append(title, search.highlight(head.title, terms));
    link.appendChild(kicker);
    link.appendChild(title);
    link.appendChild(element("span", "sh-hit__text"));
    return link;
  }

  function fillSnippet(link, fragment, terms) {
    var source = fragment.text || fragment.summary;
    var snip = search.snippet(source, terms);
    if (fragment.text && !snip.some(function (s) { return s.mark; }) && fragment.summary) {
      snip = search.snippet(fragment.summary, terms);
    }
    append(link.querySelector(".sh-hit__text"), snip);
  }

  /* Resolves just after the browser has painted what is in the page now. */
  function afterPaint() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(resolve, 0); });
    });
  }

  /* Snippets for links already shown; `list` is busy (aria-busy) until they are all in.
     Their page files are asked for only once the results are on screen: on a busy
     machine eight requests and their text work would otherwise hold back that paint.
     A missing snippet leaves its line empty. */
  function fillSnippets(engine, hits, links, terms, list, current) {
    list.setAttribute("aria-busy", "true");
    return afterPaint().then(function () {
      if (!current()) return;
      return Promise.all(hits.map(function (hit, i) {
        return engine.document(hit.doc).then(function (fragment) {
          if (current()) fillSnippet(links[i], fragment, terms);
        }, function () { /* the result stays usable without its snippet */ });
      }));
    }).then(function () {
      if (current()) list.setAttribute("aria-busy", "false");
    });
  }

  /* Rank, and have the page table: everything needed to show results. */
  function ranked(engine, query, options) {
    return Promise.all([engine.search(query, options), engine.pages()]).then(function (both) {
      return both[0];
    });
  }

  /* Fetch what a first query needs besides its own shards; errors show when a query runs. */
  function warm() {
    search.warm().catch(function () { /* reported when a query runs */ });
  }

  /* The header box: a results list under it on every page, from both renderers. */
  function setupDropdown(form) {
    var input = form.querySelector("[data-sh-search-input]");
    if (!input) return;
    var panel = element("div", "sh-search__panel");
    panel.id = "sh-search-panel";
    panel.hidden = true;
    panel.setAttribute("data-sh-search-panel", "");
    var status = element("p", "sh-search__status");
    status.setAttribute("aria-live", "polite");
    var list = element("div", "sh-search__hits");
    list.id = "sh-search-hits";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    var all = element("a", "sh-search__all", "See all results");
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(all);
    form.appendChild(panel);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    var sequence = 0, active = -1, running = false, pending = false;

    function options() { return list.querySelectorAll(".sh-hit"); }

    function show(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
    }

    function activate(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.classList.toggle("sh-hit--active", i === active);
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    /* One query at a time, started at once: a keystroke while one runs waits for it, and
       only the latest text runs next. No pause after typing: each keystroke's query fetches
       the shards of the words typed so far (a word's shard is known from its first three
       letters), so when the reader stops typing the last word's shard is usually in. Text
       still being composed in an input method is not searched until it is committed. */
    function schedule() {
      if (running) {
        pending = true;
        return;
      }
      pending = false;
      running = true;
      run().then(function () {
        running = false;
        if (pending) schedule();
      });
    }

    function run() {
      var query = input.value;
      var mine = ++sequence;
      function current() { return mine === sequence; }
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!query.trim()) {
        list.textContent = "";
        show(false);
        return Promise.resolve();
      }
      all.href = "/search/?q=" + encodeURIComponent(query.slice(0, 500));
      return search.open().then(function (engine) {
        return ranked(engine, query, { limit: DROPDOWN_SIZE }).then(function (result) {
          if (!current()) return;
          list.textContent = "";
          list.setAttribute("data-sh-query", query);
          var links = result.hits.map(function (hit, i) {
            var link = resultLink(engine.head(hit.doc), result.terms, "sh-search-hit-" + i);
            list.appendChild(link);
            return link;
          });
          status.textContent = result.total ? result.total + (result.total === 1 ? " result" : " results") :
            emptyMessage(query, result);
          all.hidden = result.total <= DROPDOWN_SIZE;
          show(true);
          fillSnippets(engine, result.hits, links, result.terms, list, current);
        });
      }).catch(function () {
        if (!current()) return;
        list.textContent = "";
        status.textContent = "Search is unavailable right now. Please try again in a moment.";
        all.hidden = true;
        show(true);
      });
    }

    input.addEventListener("input", function (event) {
      if (!event.isComposing) schedule();
    });
    input.addEventListener("compositionend", schedule);
    input.addEventListener("focus", function () {
      warm();
      if (input.value.trim() && list.childNodes.length) show(true);
    });
    form.addEventListener("pointerenter", warm);
    form.addEventListener("touchstart", warm, { passive: true });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (panel.hidden) return;
        event.preventDefault();
        activate(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && active >= 0 && !panel.hidden) {
        event.preventDefault();
        window.location.assign(options()[active].href);
      } else if (event.key === "Escape") {
        if (!panel.hidden) show(false);
        else input.blur();
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) show(false);
    });
    form.addEventListener("submit", function () {
      input.value = input.value.slice(0, 500);
    });
    return input;
  }

  function editable(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  /* "/" or "s" focuses the header box, as Material's own search does. */
  function setupShortcut(input) {
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
      if (event.key === "/" || event.key === "s" || event.key === "S") {
        event.preventDefault();
        event.stopPropagation();
        input.focus();
        input.select();
      }
    }, true);
  }

  /* The /search/ page: every result, filters by page type and language, "show more". */
  function setupPage(root) {
    var input = root.querySelector("[data-sh-search-page-input]");
    var kind = root.querySelector("[data-sh-search-kind]");
    var lang = root.querySelector("[data-sh-search-lang]");
    var status = root.querySelector("[data-sh-search-status]");
    var list = root.querySelector("[data-sh-search-results]");
    var more = root.querySelector("[data-sh-search-more]");
    var sequence = 0, shown = 0, current = null, timer = null;
    function latest(mine) { return function () { return mine === sequence; }; }

    function remember() {
      var params = new URLSearchParams();
      if (input.value) params.set("q", input.value.slice(0, 500));
      if (kind.value) params.set("kind", kind.value);
      if (lang.value) params.set("lang", lang.value);
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }

    function showMore() {
      var batch = current.result.hits.slice(shown, shown + PAGE_SIZE);
      var links = batch.map(function (hit) {
        var item = element("li", "sh-search-result");
        var link = resultLink(current.engine.head(hit.doc), current.result.terms);
        item.appendChild(link);
        list.appendChild(item);
        return link;
      });
      shown += batch.length;
      more.hidden = shown >= current.result.hits.length;
      return fillSnippets(current.engine, batch, links, current.result.terms, list, latest(sequence));
    }

    function run() {
      var query = input.value, mine = ++sequence;
      remember();
      shown = 0;
      if (!query.trim()) {
        list.textContent = "";
        more.hidden = true;
        status.textContent = "Type to search. " + HINT;
        return;
      }
      search.open().then(function (engine) {
        return ranked(engine, query, { kind: kind.value, lang: lang.value, limit: null })
          .then(function (result) {
            if (mine !== sequence) return;
            current = { engine: engine, result: result };
            list.textContent = "";
            status.textContent = result.total ? result.total + (result.total === 1 ? " result" : " results") +
              " for " + quoted(query) : emptyMessage(query, result);
            more.hidden = true;
            return showMore();
          });
      }).catch(function () {
        if (mine !== sequence) return;
        list.textContent = "";
        more.hidden = true;
        status.textContent = "Search is unavailable right now. Please try again in a moment.";
      });
    }

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    kind.value = params.get("kind") || "";
    lang.value = params.get("lang") || "";
    root.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    kind.addEventListener("change", run);
    lang.addEventListener("change", run);
    more.addEventListener("click", showMore);
    run();
  }

  function start() {
    var header = null;
    document.querySelectorAll("[data-sh-search-form]").forEach(function (form) {
      header = setupDropdown(form) || header;
    });
    if (header) setupShortcut(header);
    var page = document.querySelector("[data-sh-search-page]");
    if (page) setupPage(page);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
