/* Opens members-only sections in the browser with the reader's access token.
   The token arrives once in the URL fragment of /unlock/, is kept in
   localStorage, and is never sent anywhere: decryption is WebCrypto AES-GCM
   with the page and section bound in as additional data. */
(function () {
  "use strict";
  var STORAGE_KEY = "studyhall.token";
  var keyCache = {};

  function fromBase64Url(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  /* The token's claims, or {damaged: true}. The signature is checked by the
     CMS; here a tampered key simply fails to decrypt. */
  function parseToken(token) {
    if (!token) return null;
    var parts = token.trim().split(".");
    if (parts.length !== 3 || parts[0] !== "sh1") return { damaged: true };
    try {
      var claims = JSON.parse(new TextDecoder().decode(fromBase64Url(parts[1])));
      if (typeof claims.sub !== "string" || typeof claims.exp !== "number" ||
          !claims.keys || typeof claims.keys !== "object" || !Array.isArray(claims.ent)) {
        return { damaged: true };
      }
      claims.expired = claims.exp * 1000 <= Date.now();
      return claims;
    } catch (e) {
      return { damaged: true };
    }
  }

  function storedToken() {
    try { return localStorage.getItem(STORAGE_KEY); } catch (e) { return null; }
  }

  function importKey(epoch, entitlement, encoded) {
    var id = epoch + "|" + entitlement;
    if (!keyCache[id]) {
      keyCache[id] = crypto.subtle.importKey("raw", fromBase64Url(encoded), "AES-GCM", false, ["decrypt"]);
    }
    return keyCache[id];
  }

  function setMessage(section, state, parts) {
    section.setAttribute("data-state", state);
    var text = section.querySelector("[data-sh-locked-text]");
    if (!text) return;
    text.textContent = "";
    parts.forEach(function (part) {
      if (typeof part === "string") {
        text.appendChild(document.createTextNode(part));
      } else {
        var link = document.createElement("a");
        link.href = part.href;
        link.textContent = part.text;
        text.appendChild(link);
      }
    });
  }

  function formatDate(seconds) {
    return new Date(seconds * 1000).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
  }

  function open(section, claims) {
    var label = section.getAttribute("data-label");
    var entitlement = section.getAttribute("data-entitlement");
    var epoch = section.getAttribute("data-epoch");
    if (claims.damaged) {
      setMessage(section, "damaged", ["Your access token is damaged and cannot open this part. Open the link from your membership e-mail again, or ",
        { href: "/unlock/", text: "paste a new token" }, "."]);
      return Promise.resolve(false);
    }
    if (claims.expired) {
      setMessage(section, "expired", ["Your access token expired on " + formatDate(claims.exp) + ". ",
        { href: "/pricing/", text: "Renew your membership" }, " to keep reading."]);
      return Promise.resolve(false);
    }
    var keys = claims.keys[epoch];
    if (!keys) {
      setMessage(section, "renew", ["The site's keys have rotated since your token was issued. Get a fresh unlock link from your account, then ",
        { href: "/unlock/", text: "use it here" }, "."]);
      return Promise.resolve(false);
    }
    if (!keys[entitlement]) {
      setMessage(section, "upgrade", ["Your membership does not include this part: it is for " + label + ". ",
        { href: "/pricing/", text: "Upgrade your plan" }, " to read it."]);
      return Promise.resolve(false);
    }
    var aad = new TextEncoder().encode(section.getAttribute("data-page") + "#" + section.getAttribute("data-index"));
    return importKey(epoch, entitlement, keys[entitlement])
      .then(function (key) {
        return crypto.subtle.decrypt(
          { name: "AES-GCM", iv: fromBase64Url(section.getAttribute("data-nonce")), additionalData: aad },
          key,
          fromBase64Url(section.getAttribute("data-ciphertext"))
        );
      })
      .then(function (plain) {
        var opened = document.createElement("div");
        opened.className = "sh-unlocked";
        opened.setAttribute("data-entitlement", entitlement);
        var note = document.createElement("p");
        note.className = "sh-unlocked__note";
        note.textContent = "Members-only · unlocked on this device · ";
        var manage = document.createElement("a");
        manage.href = "/unlock/";
        manage.textContent = "manage";
        note.appendChild(manage);
        opened.appendChild(note);
        /* The HTML was rendered by our build from the author's Markdown, like the rest of the page. */
        opened.appendChild(document.createRange().createContextualFragment(new TextDecoder().decode(plain)));
        section.replaceWith(opened);
        return true;
      })
      .catch(function () {
        setMessage(section, "damaged", ["This part could not be opened with your access token: the token or the page is damaged. ",
          { href: "/unlock/", text: "Use a fresh token" }, "."]);
        return false;
      });
  }

  function unlockPage() {
    var sections = Array.prototype.slice.call(document.querySelectorAll(".sh-locked[data-ciphertext]"));
    var claims = parseToken(storedToken());
    if (!sections.length || !claims) return Promise.resolve([]);
    performance.mark("sh-unlock-start");
    return Promise.all(sections.map(function (s) { return open(s, claims); })).then(function (results) {
      performance.mark("sh-unlock-end");
      performance.measure("sh-unlock", "sh-unlock-start", "sh-unlock-end");
      document.documentElement.setAttribute("data-sh-unlocked", String(results.filter(Boolean).length));
      return results;
    });
  }

  /* The /unlock/ page: take a token from the fragment or the form, show its state. */
  function setupUnlockPage() {
    var status = document.querySelector("[data-sh-unlock-status]");
    if (!status) return;
    var headline = status.querySelector("[data-sh-unlock-headline]");
    var detail = status.querySelector("[data-sh-unlock-detail]");
    var form = document.querySelector("[data-sh-unlock-form]");
    var input = document.querySelector("[data-sh-unlock-input]");

    function show() {
      var claims = parseToken(storedToken());
      if (!claims) {
        status.setAttribute("data-state", "none");
        headline.textContent = "No access token on this device.";
        detail.textContent = "Open the unlock link from your membership e-mail, or paste your token below.";
      } else if (claims.damaged) {
        status.setAttribute("data-state", "damaged");
        headline.textContent = "This access token is damaged.";
        detail.textContent = "Copy the whole link from your membership e-mail again, or paste the token below.";
      } else if (claims.expired) {
        status.setAttribute("data-state", "expired");
        headline.textContent = "Your access token expired on " + formatDate(claims.exp) + ".";
        detail.textContent = "Renew your membership to get a new unlock link.";
      } else {
        status.setAttribute("data-state", "active");
        headline.textContent = "Unlocked for " + claims.sub + ".";
        detail.textContent = "Plan: " + claims.ent.join(", ") + " · valid until " + formatDate(claims.exp) + ".";
      }
    }

    function store(token) {
      try { localStorage.setItem(STORAGE_KEY, token.trim()); } catch (e) { /* storage disabled */ }
      show();
    }

    var match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
    if (match) {
      store(decodeURIComponent(match[1]));
      history.replaceState(null, "", location.pathname + location.search);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (input.value.trim()) store(input.value);
      input.value = "";
    });
    document.querySelector("[data-sh-sign-out]").addEventListener("click", function () {
      try { localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
      show();
    });
    show();
  }

  function start() {
    setupUnlockPage();
    unlockPage();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
