/* Search over claims, speakers and stories, in the browser.
   The index is static/search-index.js (a script assigning window.NEWSGEN_SEARCH)
   because fetch() of a JSON file fails when the site is opened from file://.
   Results are built with textContent only: index text is never parsed as HTML. */
(function () {
  "use strict";
  var data = window.NEWSGEN_SEARCH || [];
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var browse = document.getElementById("search-browse");
  if (!input || !list) { return; }
  var LIMIT = 100;
  var KIND = { claim: "Claim", speaker: "Speaker", story: "Story" };

  function norm(s) {
    return String(s || "").toLowerCase().normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, "\"");
  }

  var items = data.map(function (d, i) {
    return { d: d, i: i, title: norm(d.title), hay: norm(d.title + " " + d.detail + " " + d.words) };
  });

  function run(q) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var terms = norm(q).split(/\s+/).filter(Boolean);
    if (!terms.length) {
      status.textContent = "";
      if (browse) { browse.hidden = false; }
      return;
    }
    var hits = items.filter(function (it) {
      return terms.every(function (t) { return it.hay.indexOf(t) >= 0; });
    });
    // Title matches first; among them a speaker or story before the claims.
    function rank(it) {
      var inTitle = terms.every(function (t) { return it.title.indexOf(t) >= 0; });
      return (inTitle ? 0 : 2) + (it.d.kind === "claim" ? 1 : 0);
    }
    hits.sort(function (a, b) { return rank(a) - rank(b) || a.i - b.i; });
    hits.slice(0, LIMIT).forEach(function (it) {
      var li = document.createElement("li");
      li.className = "result result-" + it.d.kind;
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = KIND[it.d.kind] || it.d.kind;
      var a = document.createElement("a");
      a.href = it.d.url;  // site-relative; search.html is at the site root
      a.textContent = it.d.title;
      var detail = document.createElement("span");
      detail.className = "result-detail";
      detail.textContent = it.d.detail;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(detail);
      list.appendChild(li);
    });
    var n = hits.length;
    status.textContent = (n === 0 ? "No results" : n + (n === 1 ? " result" : " results")) +
      (n > LIMIT ? " (first " + LIMIT + " shown)" : "") + " for \u201c" + q.trim() + "\u201d.";
    if (browse) { browse.hidden = true; }
  }

  var params = new URLSearchParams(window.location.search);
  var q = params.get("q") || "";
  input.value = q;
  run(q);
  input.addEventListener("input", function () {
    run(input.value);
    try {
      var qs = input.value ? "?q=" + encodeURIComponent(input.value) : "";
      window.history.replaceState(null, "", window.location.pathname + qs);
    } catch (e) { /* file:// in some browsers: the results still show */ }
  });
  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    run(input.value);
  });
}());
