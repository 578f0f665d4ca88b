/* "Continue the course" and "Recommended for you", from the reader's own reading history.

   Each lesson, article, course and live-session page adds its item id to a list in
   localStorage ("studyhall.history"). That list never leaves the browser: the only
   request made here fetches the build's recommendation data, the same file for everyone
   (its URL is on the shared header, data-sh-recommend).

   Scoring repeats SequenceRecommender.recommend (site_builder/analysis/recommend.py)
   bit for bit: float32 arithmetic in the same order, so the browser and the build agree
   on every list, ties included. Everything shown is built with textContent. */
(function () {
  "use strict";
  var HISTORY_KEY = "studyhall.history";
  var HISTORY_LIMIT = 200;
  var ITEM_ID = /^(course|lesson|article|live):[^\s]{1,200}$/;
  var f32 = Math.fround;
  var TIE_BREAK = f32(1e-6);
  var memoryHistory = [];

  /* ---- History: distinct items in the order first opened, oldest first, as the
     build reads each reader's interactions (reader_histories). */

  function readHistory() {
    try {
      var saved = JSON.parse(localStorage.getItem(HISTORY_KEY));
      if (Array.isArray(saved)) {
        return saved.filter(function (item) { return typeof item === "string" && ITEM_ID.test(item); });
      }
    } catch (e) { /* storage disabled or damaged: start afresh */ }
    return memoryHistory.slice();
  }

  function writeHistory(history) {
    memoryHistory = history.slice();
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(history)); } catch (e) { /* private mode */ }
  }

  function remember(item) {
    var history = readHistory();
    if (!ITEM_ID.test(item) || history.indexOf(item) !== -1) return history;
    history.push(item);
    if (history.length > HISTORY_LIMIT) history = history.slice(history.length - HISTORY_LIMIT);
    writeHistory(history);
    return history;
  }

  function forget() {
    memoryHistory = [];
    try { localStorage.removeItem(HISTORY_KEY); } catch (e) { /* nothing stored */ }
  }

  /* ---- The recommender over the build's data. */

  function Recommender(data) {
    var self = this;
    this.data = data;
    this.ids = data.items.map(function (card) { return card.id; });
    this.cards = {};
    this.index = {};
    this.ids.forEach(function (id, n) { self.index[id] = n; self.cards[id] = data.items[n]; });
    this.decay = data.decay;
    this.neighbours = data.neighbours.map(function (flat) {
      var pairs = [];
      for (var n = 0; n + 1 < flat.length; n += 2) pairs.push([flat[n], f32(flat[n + 1])]);
      return pairs;
    });
    this.tieBreak = data.popularity.map(function (share) { return f32(TIE_BREAK * f32(share)); });
  }

  /* score(i) = sum_p decay ** (L - 1 - p) * weight(h_p -> i) + 1e-6 * popularity share,
     in float32, summed over history items in item order as scipy's sparse product does. */
  Recommender.prototype.scores = function (history) {
    var self = this;
    var known = history.filter(function (item) { return item in self.index; });
    var length = known.length;
    var weights = {};
    known.forEach(function (item, position) {
      var n = self.index[item];
      var weight = f32(Math.pow(self.decay, length - 1 - position));
      weights[n] = n in weights ? f32(weights[n] + weight) : weight;
    });
    var sums = new Float64Array(this.ids.length);
    Object.keys(weights).map(Number).sort(function (a, b) { return a - b; }).forEach(function (n) {
      var weight = weights[n];
      self.neighbours[n].forEach(function (pair) {
        sums[pair[0]] = f32(sums[pair[0]] + f32(weight * pair[1]));
      });
    });
    for (var i = 0; i < sums.length; i++) sums[i] = f32(sums[i] + this.tieBreak[i]);
    return sums;
  };

  /* The k best unread items, best first; ties go to the item that sorts first. */
  Recommender.prototype.recommend = function (history, k) {
    var scores = this.scores(history);
    var read = {};
    history.forEach(function (item) { read[item] = true; });
    var order = [];
    for (var i = 0; i < this.ids.length; i++) if (!read[this.ids[i]]) order.push(i);
    order.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    var ids = this.ids;
    return order.slice(0, k).map(function (n) { return ids[n]; });
  };

  /* Per course: lessons read, the next one to read, whether every lesson is read.
     The next lesson is the first unread one after the lesson of that course the reader
     opened last, else the first unread one from the start. */
  Recommender.prototype.progress = function (history) {
    var position = {};
    history.forEach(function (item, n) { position[item] = n; });
    var courses = this.data.courses;
    return Object.keys(courses).sort().map(function (slug) {
      var lessons = courses[slug].lessons;
      var read = lessons.filter(function (item) { return item in position; });
      var last = -1;
      var lastPosition = -1;
      lessons.forEach(function (item, n) {
        if (item in position && position[item] > lastPosition) {
          lastPosition = position[item];
          last = n;
        }
      });
      var next = null;
      var order = lessons.slice(last + 1).concat(lessons.slice(0, last + 1));
      for (var n = 0; n < order.length; n++) {
        if (!(order[n] in position)) { next = order[n]; break; }
      }
      return {
        slug: slug,
        course: courses[slug],
        read: read.length,
        total: lessons.length,
        started: read.length > 0,
        finished: lessons.length > 0 && read.length === lessons.length,
        next: next,
        lastPosition: lastPosition
      };
    });
  };

  /* Courses the reader is in the middle of, the one opened most recently first. */
  Recommender.prototype.inProgress = function (history) {
    return this.progress(history).filter(function (p) {
      return p.started && !p.finished && p.next;
    }).sort(function (a, b) { return b.lastPosition - a.lastPosition; });
  };

  var loading = null;

  function load() {
    if (!loading) {
      var header = document.querySelector("[data-sh-recommend]");
      var url = header && header.getAttribute("data-sh-recommend");
      loading = !url ? Promise.resolve(null) : fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("recommendation data: HTTP " + response.status);
          return response.json();
        })
        .then(function (data) { return new Recommender(data); });
    }
    return loading;
  }

  /* ---- What the reader sees. */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Same markup as the popular list the build renders (templates/studyhall/recommended.html). */
  function recCard(card) {
    function inLanguage(node) {
      node.lang = card.lang;
      return node;
    }
    var item = element("li", "sh-rec");
    var link = element("a", "sh-rec__link");
    link.href = card.url;
    var meta = element("span", "sh-rec__meta");
    meta.appendChild(element("span", "sh-rec__kind", card.kind));
    if (card.course) meta.appendChild(inLanguage(element("span", "", "· " + card.course)));
    if (card.members) meta.appendChild(element("span", "sh-badge sh-badge--lock", "Members"));
    link.appendChild(meta);
    link.appendChild(inLanguage(element("span", "sh-rec__title", card.title)));
    if (card.summary) link.appendChild(inLanguage(element("span", "sh-rec__text", card.summary)));
    item.appendChild(link);
    return item;
  }

  function progressBar(p) {
    var bar = element("progress", "sh-progress");
    bar.max = p.total;
    bar.value = p.read;
    bar.textContent = p.read + " / " + p.total;
    bar.setAttribute("aria-label", p.read + " of " + p.total + " lessons read");
    return bar;
  }

  function lessonNumber(p, item) {
    return "Lesson " + (p.course.lessons.indexOf(item) + 1) + " of " + p.total;
  }

  function continueCard(engine, p) {
    var next = engine.cards[p.next];
    var card = element("article", "sh-continue");
    var course = element("p", "sh-continue__course");
    course.lang = next.lang;
    var courseLink = element("a", "", p.course.title);
    courseLink.href = p.course.url;
    course.appendChild(courseLink);
    card.appendChild(course);
    var status = element("p", "sh-continue__status");
    status.appendChild(progressBar(p));
    status.appendChild(element("span", "", p.read + " of " + p.total + " lessons read"));
    card.appendChild(status);
    card.appendChild(element("p", "sh-continue__label", "Up next · " + lessonNumber(p, p.next)));
    var title = element("h3", "sh-continue__title");
    title.lang = next.lang;
    var titleLink = element("a", "", next.title);
    titleLink.href = next.url;
    title.appendChild(titleLink);
    card.appendChild(title);
    var button = element("a", "sh-button sh-button--primary sh-continue__button", "Continue");
    button.href = next.url;
    button.setAttribute("aria-label", "Continue with " + next.title);
    card.appendChild(button);
    return card;
  }

  function fillList(list, engine, items) {
    list.textContent = "";
    items.forEach(function (item) { list.appendChild(recCard(engine.cards[item])); });
  }

  /* Home: one card per course in progress, most recent first. */
  function showContinue(engine, history) {
    var shown = [];
    document.querySelectorAll("[data-sh-continue]").forEach(function (section) {
      var list = section.querySelector("[data-sh-continue-list]");
      var limit = Number(section.getAttribute("data-sh-continue-size")) || 3;
      var courses = engine.inProgress(history).slice(0, limit);
      if (!list || !courses.length) return;
      list.textContent = "";
      courses.forEach(function (p) {
        list.appendChild(continueCard(engine, p));
        shown.push(p.next);
      });
      section.hidden = false;
    });
    return shown;
  }

  /* "Recommended for you": the recommender's list, without what is already on the page
     (the next lessons offered above, the related pages beside it) and without the
     overview of a course the reader has started. A new reader keeps the popular list
     the build rendered; inline lists wait for some history. */
  function showRecommended(engine, history, onPage) {
    var known = history.filter(function (item) { return item in engine.index; });
    document.querySelectorAll("[data-sh-recs]").forEach(function (section) {
      var list = section.querySelector("[data-sh-recs-list]");
      var size = Number(section.getAttribute("data-sh-recs-size")) || 6;
      var inline = section.getAttribute("data-sh-recs") === "inline";
      if (!list || (inline ? known.length < 2 : known.length < 1)) return;
      var skip = {};
      onPage.forEach(function (item) { skip[item] = true; });
      engine.progress(history).forEach(function (p) {
        if (p.started) skip[p.course.item] = true;
      });
      if (inline) {
        document.querySelectorAll(".sh-related__list a[href]").forEach(function (link) {
          var item = engine.byUrl[link.getAttribute("href")];
          if (item) skip[item] = true;
        });
      }
      var picks = engine.recommend(history, size + Object.keys(skip).length).filter(function (item) {
        return !skip[item];
      }).slice(0, size);
      if (!picks.length) return;
      fillList(list, engine, picks);
      var title = section.querySelector("[data-sh-recs-title]");
      if (title) title.textContent = "Recommended for you";
      section.querySelectorAll("[data-sh-recs-personal]").forEach(function (node) { node.hidden = false; });
      section.querySelectorAll("[data-sh-recs-general]").forEach(function (node) { node.hidden = true; });
      section.hidden = false;
    });
  }

  /* A course overview: how far the reader is, and the lesson to go on with. */
  function showCourseProgress(engine, history) {
    var all = {};
    engine.progress(history).forEach(function (p) { all[p.slug] = p; });
    document.querySelectorAll("[data-sh-course-progress]").forEach(function (box) {
      var p = all[box.getAttribute("data-sh-course-progress")];
      if (!p || !p.started) return;
      box.textContent = "";
      var text = element("div", "sh-course-progress__text");
      text.appendChild(element("p", "sh-course-progress__headline", p.finished
        ? "You have read every lesson of this course."
        : "You have read " + p.read + " of " + p.total + " lessons."));
      text.appendChild(progressBar(p));
      box.appendChild(text);
      if (p.next) {
        var next = engine.cards[p.next];
        var button = element("a", "sh-button sh-button--primary", "Continue: " + next.title);
        button.href = next.url;
        button.lang = next.lang;
        box.appendChild(button);
      }
      box.classList.toggle("sh-course-progress--done", p.finished);
      box.hidden = false;
    });
  }

  /* Learning paths: courses the reader finished are ticked off and skipped. */
  function showPaths(engine, history) {
    var finished = {};
    engine.progress(history).forEach(function (p) { finished[p.slug] = p.finished; });
    document.querySelectorAll("[data-sh-path-step]").forEach(function (step) {
      if (!finished[step.getAttribute("data-sh-path-step")]) return;
      step.classList.add("sh-path-step--done");
      step.setAttribute("title", "Finished on this device");
      step.appendChild(element("span", "sh-visually-hidden", " (finished)"));
    });
    document.querySelectorAll("[data-sh-path-next]").forEach(function (note) {
      var path = note.closest("[data-sh-path]");
      if (!path) return;
      // The last step is the course itself; the ones before it are what to take first.
      var before = Array.prototype.slice.call(path.querySelectorAll("[data-sh-path-step]"), 0, -1);
      var done = before.filter(function (s) { return finished[s.getAttribute("data-sh-path-step")]; });
      var todo = before.filter(function (s) { return !finished[s.getAttribute("data-sh-path-step")]; });
      if (!done.length) return;
      note.textContent = "";
      if (!todo.length) {
        note.textContent = "You have finished every course to take first.";
      } else {
        note.appendChild(document.createTextNode(
          "You have finished " + done.length + " of " + before.length + " courses to take first; next: "));
        var link = element("a", "", todo[0].firstChild.textContent);
        link.href = todo[0].getAttribute("href");
        note.appendChild(link);
      }
      note.hidden = false;
    });
  }

  /* Lists of lessons tick off what the reader has opened; needs no data. */
  function markRead(history) {
    var read = {};
    history.forEach(function (item) { read[item] = true; });
    document.querySelectorAll("[data-sh-lesson]").forEach(function (node) {
      if (!read[node.getAttribute("data-sh-lesson")]) return;
      node.classList.add("sh-lesson-list__item--read");
      var title = node.querySelector(".sh-lesson-list__title");
      if (title) title.appendChild(element("span", "sh-visually-hidden", " (read)"));
    });
  }

  function setupForget() {
    document.querySelectorAll("[data-sh-forget-history]").forEach(function (button) {
      button.addEventListener("click", function () {
        forget();
        window.location.reload();
      });
    });
  }

  function needsData() {
    return document.querySelector(
      "[data-sh-continue], [data-sh-recs], [data-sh-course-progress], [data-sh-path-step]");
  }

  function start() {
    var page = document.querySelector("[data-sh-read]");
    var history = page ? remember(page.getAttribute("data-sh-read")) : readHistory();
    markRead(history);
    setupForget();
    if (!needsData() || !history.length) return;
    load().then(function (engine) {
      if (!engine) return;
      engine.byUrl = {};
      engine.ids.forEach(function (id) { engine.byUrl[engine.cards[id].url] = id; });
      var shown = showContinue(engine, history);
      showRecommended(engine, history, shown);
      showCourseProgress(engine, history);
      showPaths(engine, history);
    }).catch(function (error) {
      if (window.console) console.warn("Recommendations unavailable:", error.message);
    });
  }

  window.StudyhallRecommend = {
    load: load,
    history: readHistory,
    remember: remember,
    forget: forget,
    Recommender: Recommender
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
