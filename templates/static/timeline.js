/* Timeline filters: instant filtering by speaker, outlet, topic and stance.
   The page works without this script (the filter form stays hidden and the
   browse lists beside the timeline link to pre-rendered pages). The filter lives in the address
   hash (#speaker=x&hedged=hedged) so a filtered view can be shared. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var names = ["speaker", "outlet", "topic", "hedged"];
  var claims = Array.prototype.slice.call(document.querySelectorAll("article.claim"));
  var days = Array.prototype.slice.call(document.querySelectorAll("section.day"));
  var count = document.getElementById("filter-count");
  var empty = document.getElementById("filter-empty");

  function current() {
    var f = {};
    names.forEach(function (n) {
      var v = form.elements[n].value;
      if (v) { f[n] = v; }
    });
    return f;
  }

  function hasWord(list, word) {
    return (" " + (list || "") + " ").indexOf(" " + word + " ") >= 0;
  }

  function matches(el, f) {
    if (f.speaker && el.getAttribute("data-speaker") !== f.speaker) { return false; }
    if (f.outlet && !hasWord(el.getAttribute("data-outlets"), f.outlet)) { return false; }
    if (f.topic && !hasWord(el.getAttribute("data-topics"), f.topic)) { return false; }
    if (f.hedged && el.getAttribute("data-hedged") !== (f.hedged === "hedged" ? "true" : "false")) { return false; }
    return true;
  }

  function apply(f) {
    var shown = 0;
    var active = Object.keys(f).length > 0;
    claims.forEach(function (el) {
      var ok = matches(el, f);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    days.forEach(function (day) {
      var visible = day.querySelector("article.claim:not([hidden])");
      day.hidden = active && !visible;
      var stories = day.querySelector(".day-stories");
      if (stories) { stories.hidden = active; }
    });
    count.textContent = shown + " of " + claims.length + " claims";
    if (empty) { empty.hidden = shown > 0 || claims.length === 0; }
  }

  function fromHash() {
    var hash = window.location.hash.replace(/^#/, "");
    if (hash.indexOf("=") < 0) { return false; }  // a plain anchor such as #c-123
    var params = new URLSearchParams(hash);
    names.forEach(function (n) {
      var select = form.elements[n];
      var v = params.get(n) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === v; });
      select.value = known ? v : "";
    });
    return true;
  }

  function toHash(f) {
    var parts = names.filter(function (n) { return f[n]; }).map(function (n) {
      return encodeURIComponent(n) + "=" + encodeURIComponent(f[n]);
    });
    var hash = parts.length ? "#" + parts.join("&") : "";
    var url = window.location.pathname + window.location.search + hash;
    try {
      window.history.replaceState(null, "", url);
    } catch (e) {
      window.location.hash = hash;
    }
  }

  function update() {
    var f = current();
    apply(f);
    toHash(f);
  }

  // On narrow screens the fields fold away behind one button (CSS shows them
  // always on wide ones); a filter that is on opens them so it can be seen.
  var toggle = form.querySelector(".filter-toggle");
  function setOpen(open) {
    if (!toggle) { return; }
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    form.classList.toggle("is-open", open);
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
  }

  form.hidden = false;
  form.addEventListener("change", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  window.addEventListener("hashchange", function () {
    if (fromHash()) { apply(current()); }
  });
  fromHash();
  apply(current());
  if (Object.keys(current()).length > 0) { setOpen(true); }
}());
