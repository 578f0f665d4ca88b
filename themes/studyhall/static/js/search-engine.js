/* Studyhall search in the browser: the same analysis and BM25F ranking as the build's
   Whoosh index (site_builder/search), over static shards fetched only when a query needs
   them. No server, no markup from data: callers render results with textContent. */
(function () {
  "use strict";

  var MANIFEST_URL = "/search/index.json";
  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var LETTER = "A-Za-z0-9\u00c0-\u024f";
  var RUNS = new RegExp("[" + HAN + "]+|[^" + HAN + "]+", "g");
  var IS_HAN = new RegExp("^[" + HAN + "]");
  var LATIN = new RegExp(
    "(?<![" + LETTER + "_.])\\.[A-Za-z][" + LETTER + "]*" +
    "|[" + LETTER + "]+(?:[._\\-'\u2019][" + LETTER + "]+)*(?:\\+\\+|#)?", "g");
  var PARTS = new RegExp("[" + LETTER + "]+", "g");
  var APOSTROPHE = /['\u2019]/;
  var DIGIT = /[0-9]/;
  var SINGLE_LETTERS = "bcdefghjklmnopqrstuvwxyz";

  /* Porter stemmer, step for step as whoosh.lang.porter (including where Python's
     re.match anchors a pattern at the start). */
  var STEP2 = { ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize",
    bli: "ble", alli: "al", entli: "ent", eli: "e", ousli: "ous", ization: "ize",
    ation: "ate", ator: "ate", alism: "al", iveness: "ive", fulness: "ful", ousness: "ous",
    aliti: "al", iviti: "ive", biliti: "ble", logi: "log" };
  var STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };
  var C = "[^aeiouy]+", V = "[aeiou]+";
  var MGR0 = new RegExp("^(" + C + ")?" + V + C);
  var MEQ1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$");
  var MGR1 = new RegExp("^(" + C + ")?" + V + C + V + C);
  var S_V = new RegExp("^(" + C + ")?[aeiouy]");
  var C_V = new RegExp("^" + C + "[aeiouy][^aeiouwxy]$");
  var ED_ING = /^(.*)(ed|ing)$/;
  var AT_BL_IZ = /^(at|bl|iz)$/;
  var DOUBLE = /^([^aeiouylsz])\1$/;
  var RE2 = new RegExp("^(.+?)(" + Object.keys(STEP2).join("|") + ")$");
  var RE3 = new RegExp("^(.+?)(" + Object.keys(STEP3).join("|") + ")$");
  var RE4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
  var RE4B = /^(.+?)(s|t)(ion)$/;
  var RE5 = /^(.+?)e$/;

  function ends(w, s) { return w.slice(-s.length) === s; }

  function stem(w) {
    if (w.length < 3) return w;
    var m, s, firstIsY = w.charAt(0) === "y";
    if (firstIsY) w = "Y" + w.slice(1);
    if (ends(w, "s")) {
      if (ends(w, "sses") || ends(w, "ies")) w = w.slice(0, -2);
      else if (w.charAt(w.length - 2) !== "s") w = w.slice(0, -1);
    }
    if (ends(w, "eed")) {
      if (MGR0.test(w.slice(0, -3))) w = w.slice(0, -1);
    } else if ((m = ED_ING.exec(w)) && S_V.test(m[1])) {
      w = m[1];
      if (AT_BL_IZ.test(w)) w += "e";
      else if (DOUBLE.test(w)) w = w.slice(0, -1);
      else if (C_V.test(w)) w += "e";
    }
    if (ends(w, "y") && S_V.test(w.slice(0, -1))) w = w.slice(0, -1) + "i";
    if ((m = RE2.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP2[m[2]];
    if ((m = RE3.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP3[m[2]];
    if ((m = RE4.exec(w))) {
      if (MGR1.test(m[1])) w = m[1];
    } else if ((m = RE4B.exec(w))) {
      s = m[1] + m[2];
      if (MGR1.test(s)) w = s;
    }
    if ((m = RE5.exec(w))) {
      s = m[1];
      if (MGR1.test(s) || (MEQ1.test(s) && !C_V.test(s))) w = s;
    }
    if (ends(w, "ll") && MGR1.test(w)) w = w.slice(0, -1);
    if (firstIsY) w = "y" + w.slice(1);
    return w;
  }

  /* The analyzer: site_builder/search/analyzer.py, with its limits from the manifest. */
  var limits = { maxQueryChars: 80, maxQueryTerms: 40, cjkMaxWord: 6, maxTokenChars: 40, stopWords: [] };
  var stopWords = Object.create(null);

  function configure(analyzer) {
    limits = analyzer;
    stopWords = Object.create(null);
    analyzer.stopWords.forEach(function (w) { stopWords[w] = true; });
  }

  /* Stems already worked out: snippets stem every word of up to eight pages' text, in
     which the same words come back again and again. */
  var stems = Object.create(null), stemCount = 0;
  function cachedStem(w) {
    var known = stems[w];
    if (known === undefined) {
      if (++stemCount > 50000) {
        stems = Object.create(null);
        stemCount = 1;
      }
      known = stems[w] = stem(w);
    }
    return known;
  }

  function word(w, surface, query) {
    if (w.length === 1) {
      var keep = SINGLE_LETTERS.indexOf(w) >= 0 && (query || surface !== w);
      return keep ? w : null;
    }
    if (stopWords[w] || w.length > limits.maxTokenChars) return null;
    return DIGIT.test(w) ? w : cachedStem(w);
  }

  function latinTerms(text, query, each) {
    LATIN.lastIndex = 0;
    var match;
    while ((match = LATIN.exec(text))) {
      var surface = match[0].split(APOSTROPHE)[0];
      var token = surface.toLowerCase();
      if (!token) continue;
      var compound = token.charAt(0) === "." || ends(token, "+") || ends(token, "#") ||
        /[._-]/.test(token);
      var term;
      if (!compound) {
        if ((term = word(token, surface, query)) !== null) each(term, match.index, match[0].length);
        continue;
      }
      if (token.length <= limits.maxTokenChars) each(token, match.index, match[0].length);
      var parts = surface.match(PARTS) || [];
      if (parts.length > 1) {
        for (var i = 0; i < parts.length; i++) {
          if ((term = word(parts[i].toLowerCase(), parts[i], query)) !== null) {
            each(term, match.index, match[0].length);
          }
        }
      }
    }
  }

  function isHan(term) { return IS_HAN.test(term); }

  /* Every term a query may use, before the shards say which Han ones exist. */
  function candidates(text) {
    var normal = Array.from(String(text).normalize("NFKC")).slice(0, limits.maxQueryChars).join("");
    var first = [], later = [];
    (normal.match(RUNS) || []).forEach(function (run) {
      if (!isHan(run)) {
        latinTerms(run, true, function (term) { first.push(term); });
      } else if (run.length === 1) {
        first.push(run);
      } else {
        for (var i = 0; i + 2 <= run.length; i++) first.push(run.slice(i, i + 2));
        for (var size = 3; size <= limits.cjkMaxWord; size++) {
          for (var start = 0; start + size <= run.length; start++) later.push(run.slice(start, start + size));
        }
      }
    });
    later.sort(function (a, b) { return a.length - b.length; });
    var seen = Object.create(null), out = [];
    first.concat(later).forEach(function (t) {
      if (!seen[t]) { seen[t] = true; out.push(t); }
    });
    return out.slice(0, limits.maxQueryTerms);
  }

  /* 32-bit FNV-1a over UTF-8, as site_builder/search/shards.py. */
  var encoder = new TextEncoder();
  function fnv1a(text) {
    var bytes = encoder.encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  /* As shards.py: Han terms by their first two characters, others by their first three. */
  function shardKey(term) { return term.slice(0, isHan(term) ? 2 : 3); }

  function Engine(manifest) {
    this.manifest = manifest;
    this.shards = {};
    this.fragments = {};
    this.table = null;
    this.tableLoading = null;
    configure(manifest.analyzer);
  }

  Engine.prototype.fetchJSON = function (path) {
    return fetch(this.manifest.base + path, { credentials: "same-origin" }).then(function (r) {
      // A newer build replaced the shards: the next search starts from the new manifest.
      if (r.status === 404) loading = null;
      if (!r.ok) throw new Error("search data " + r.status);
      return r.json();
    });
  };

  Engine.prototype.shard = function (n) {
    if (!this.shards[n]) {
      var self = this;
      this.shards[n] = this.fetchJSON("t/" + n + ".json").catch(function (e) {
        delete self.shards[n];
        throw e;
      });
    }
    return this.shards[n];
  };

  Engine.prototype.document = function (doc) {
    if (!this.fragments[doc]) {
      var self = this;
      this.fragments[doc] = this.fetchJSON("d/" + doc + ".json").catch(function (e) {
        delete self.fragments[doc];
        throw e;
      });
    }
    return this.fragments[doc];
  };

  /* The page table (URL, title, place, badge of every page): what a results list shows
     before its snippets. Fetched once, ideally before the first query (see warm). */
  Engine.prototype.pages = function () {
    if (!this.tableLoading) {
      var self = this;
      this.tableLoading = this.fetchJSON("pages.json").then(function (table) {
        self.table = table;
        return self;
      }).catch(function (e) {
        self.tableLoading = null;
        throw e;
      });
    }
    return this.tableLoading;
  };

  /* One page as a results list shows it; call after pages() has resolved. */
  Engine.prototype.head = function (doc) {
    var m = this.manifest, row = this.table.pages[doc];
    var code = m.docs.charCodeAt(doc) - 48, langs = m.langs;
    return {
      doc: doc, url: row[0], title: row[1],
      kind: m.kinds[Math.floor(code / langs.length)], lang: langs[code % langs.length],
      label: this.table.labels[row[2]], badge: this.table.badges[row[3]]
    };
  };

  /* Rank every page for `text`: {terms, total, hits: [{doc, score}]}, best first. */
  Engine.prototype.search = function (text, options) {
    var m = this.manifest, self = this;
    var terms = candidates(text);
    var needed = {};
    terms.forEach(function (t) { needed[fnv1a(shardKey(t)) % m.shardCount] = true; });
    var numbers = Object.keys(needed);
    return Promise.all(numbers.map(function (n) { return self.shard(n); })).then(function (loaded) {
      var byNumber = {}, own = Object.prototype.hasOwnProperty;
      numbers.forEach(function (n, i) { byNumber[n] = loaded[i]; });
      return self.rank(terms, function (term) {
        var shard = byNumber[fnv1a(shardKey(term)) % m.shardCount];
        return own.call(shard, term) ? shard[term] : null;
      }, options || {});
    });
  };

  /* The ranking itself, given each term's [[field, postings], ...] (null when absent). */
  Engine.prototype.rank = function (terms, entryOf, options) {
    var m = this.manifest, self = this;
    var used = [], scores = new Float64Array(m.docCount), hit = new Uint8Array(m.docCount);
    terms.forEach(function (term) {
      var entry = entryOf(term);
      if (!entry && isHan(term)) return;
      used.push(term);
      if (!entry) return;
      entry.forEach(function (pair) { self.scoreField(pair[0], pair[1], scores, hit); });
    });
    var kinds = m.kinds, langs = m.langs;
    var kind = options.kind ? kinds.indexOf(options.kind) : -1;
    var lang = options.lang ? langs.indexOf(options.lang) : -1;
    var ranked = [], factor = Math.pow(10, m.decimals);
    for (var doc = 0; doc < m.docCount; doc++) {
      if (!hit[doc]) continue;
      var code = m.docs.charCodeAt(doc) - 48;
      if (options.kind && Math.floor(code / langs.length) !== kind) continue;
      if (options.lang && code % langs.length !== lang) continue;
      ranked.push({ doc: doc, score: Math.round(scores[doc] * factor) / factor });
    }
    ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    var limit = options.limit === undefined ? 10 : options.limit;
    return { terms: used, total: ranked.length, hits: limit === null ? ranked : ranked.slice(0, limit) };
  };

  /* BM25F as whoosh.scoring.BM25F, times the field's boost. */
  Engine.prototype.scoreField = function (field, postings, scores, hit) {
    var m = this.manifest;
    var df = postings.length / 3;
    var idf = Math.log(m.docCount / (df + 1)) + 1;
    var avg = m.averageLength[field], boost = m.boosts[field], B = m.B, K1 = m.K1;
    var doc = 0;
    for (var i = 0; i < postings.length; i += 3) {
      doc += postings[i];
      var tf = postings[i + 1], length = postings[i + 2];
      scores[doc] += idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * length / avg))) * boost;
      hit[doc] = 1;
    }
  };

  /* Where `text` matches `terms`: merged [start, end, {term: true}] ranges. */
  function matches(text, terms) {
    var wanted = Object.create(null), ranges = [], letters = false;
    terms.forEach(function (t) {
      wanted[t] = true;
      letters = letters || t.length === 1;
    });
    function found(at, length, term) {
      var keys = Object.create(null);
      keys[term] = true;
      ranges.push([at, at + length, keys]);
    }
    latinTerms(text, false, function (term, at, length) {
      if (wanted[term]) found(at, length, term);
    });
    // A lone letter is a word in a query ("c", "r") even where the text has it in small print.
    if (letters) {
      latinTerms(text, true, function (term, at, length) {
        if (wanted[term] && term.length === 1) found(at, length, term);
      });
    }
    terms.slice().sort().forEach(function (term) {
      if (!isHan(term)) return;
      for (var at = text.indexOf(term); at >= 0 && ranges.length < 500; at = text.indexOf(term, at + 1)) {
        found(at, term.length, term);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
        Object.keys(r[2]).forEach(function (k) { last[2][k] = true; });
      } else {
        merged.push(r);
      }
    });
    return merged;
  }

  function segments(text, ranges, from, to) {
    var out = [], at = from;
    ranges.forEach(function (r) {
      var start = Math.max(r[0], from), end = Math.min(r[1], to);
      if (end <= start) return;
      if (start > at) out.push({ text: text.slice(at, start), mark: false });
      out.push({ text: text.slice(start, end), mark: true });
      at = end;
    });
    if (at < to) out.push({ text: text.slice(at, to), mark: false });
    return out;
  }

  /* Text with the query's words marked: [{text, mark}] for the caller to render safely. */
  function highlight(text, terms) {
    return segments(text, matches(text, terms), 0, text.length);
  }

  /* How much of the query a stretch from ranges[first] shows: its distinct terms, by length. */
  function variety(ranges, first, width) {
    var limit = ranges[first][0] + width - 40, seen = Object.create(null), total = 0;
    for (var j = first; j < ranges.length && ranges[j][1] <= limit; j++) {
      Object.keys(ranges[j][2]).forEach(function (term) {
        if (!seen[term]) { seen[term] = true; total += term.length; }
      });
    }
    return total;
  }

  /* The stretch of `text` with the most different matched terms, with ellipses. */
  function snippet(text, terms, width) {
    width = width || 160;
    var ranges = matches(text, terms);
    if (!ranges.length) {
      var end = Math.min(text.length, width);
      return [{ text: text.slice(0, end) + (end < text.length ? "…" : ""), mark: false }];
    }
    var best = 0, bestScore = -1;
    for (var i = 0; i < ranges.length; i++) {
      var score = variety(ranges, i, width);
      if (score > bestScore) { best = i; bestScore = score; }
    }
    var from = Math.max(0, ranges[best][0] - 40);
    var space = text.lastIndexOf(" ", from);
    if (from > 0 && space > from - 15) from = space + 1;
    var to = Math.min(text.length, from + width);
    var out = segments(text, ranges, from, to);
    if (from > 0) out.unshift({ text: "…", mark: false });
    if (to < text.length) out.push({ text: "…", mark: false });
    return out;
  }

  var loading = null;
  /* The engine for this site, fetched once per page on first use. */
  function open() {
    if (!loading) {
      loading = fetch(MANIFEST_URL, { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error("search manifest " + r.status);
          return r.json();
        })
        .then(function (manifest) { return new Engine(manifest); })
        .catch(function (e) { loading = null; throw e; });
    }
    return loading;
  }

  /* Everything but the query's own shards, fetched while the reader is still typing: the
     manifest and the page table, and one pass through the analyzer so it is compiled. */
  function warm() {
    return open().then(function (engine) {
      var terms = candidates("warm engines 预热");
      snippet("Warming up the search engine, 预热", terms);
      engine.rank(terms, function () { return [[0, [0, 1, 1]]]; }, { limit: 1 });
      return engine.pages();
    });
  }

  window.StudyhallSearch = {
    open: open,
    warm: warm,
    candidates: candidates,
    stem: stem,
    highlight: highlight,
    snippet: snippet,
    analyze: function (text) {
      var out = [];
      (String(text).normalize("NFKC").match(RUNS) || []).forEach(function (run) {
        if (!isHan(run)) latinTerms(run, false, function (t) { out.push(t); });
      });
      return out;
    }
  };
})();
