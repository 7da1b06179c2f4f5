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

  // Digit-group separators ("10,000", "10 000", "10.000") are dropped, so a number
  // matches however it is written on either side.
  var SEP = /(\d)[,.\u00a0\u202f\u2009 ](?=\d{3}(?!\d))/g;

  function norm(s) {
    return String(s || "").toLowerCase().normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, "\"")
      .replace(SEP, "$1").replace(SEP, "$1");
  }

  // A pattern finding a term in the original text: any digit may be followed by a
  // separator, letters match without regard to case.
  function termPattern(t) {
    return t.split("").map(function (ch) {
      var esc = ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return /\d/.test(ch) ? esc + "[,.\u00a0\u202f\u2009 ]?" : esc;
    }).join("").replace(/\[,\.\u00a0\u202f\u2009 \]\?$/, "");
  }

  // Appends text to el with each match of terms wrapped in <mark> (built as nodes,
  // never parsed as HTML).
  function appendMarked(el, text, terms) {
    if (!terms.length) { el.textContent = text; return; }
    var re;
    try { re = new RegExp(terms.map(termPattern).join("|"), "gi"); } catch (e) { el.textContent = text; return; }
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (!m[0]) { re.lastIndex += 1; continue; }
      if (m.index > last) { el.appendChild(document.createTextNode(text.slice(last, m.index))); }
      var mark = document.createElement("mark");
      mark.className = "search-hit";
      mark.textContent = m[0];
      el.appendChild(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) { el.appendChild(document.createTextNode(text.slice(last))); }
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
      appendMarked(a, it.d.title, terms);
      var detail = document.createElement("span");
      detail.className = "result-detail";
      appendMarked(detail, it.d.detail, terms);
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
