// Filters and pages of the index: documents and findings, from the JSON in #report-data.
// Offline, no library. Rows are built with textContent only: document text never
// becomes markup. The filter state lives in the URL hash (#rule=…&sev=error), so a
// filtered view is a link, and the rule and severity links of the overview set it.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var form = document.getElementById("filters");
  var PAGE = 50;
  var KEYS = ["rule", "sev", "state", "doc", "coll", "from", "to"];
  var state = {dp: 1, fp: 1};

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var known = KEYS.some(function (k) { return params.has(k); }) || params.has("dp") || params.has("fp");
    if (!known) return false;
    KEYS.forEach(function (k) { form.elements[k].value = params.get(k) || ""; });
    state.dp = parseInt(params.get("dp") || "1", 10) || 1;
    state.fp = parseInt(params.get("fp") || "1", 10) || 1;
    return true;
  }

  function filters() {
    var f = {};
    KEYS.forEach(function (k) { f[k] = form.elements[k].value.trim(); });
    f.doc = f.doc.toLowerCase();
    return f;
  }

  function writeHash(f) {
    var params = new URLSearchParams();
    KEYS.forEach(function (k) { if (form.elements[k].value) params.set(k, form.elements[k].value); });
    if (state.dp > 1) params.set("dp", state.dp);
    if (state.fp > 1) params.set("fp", state.fp);
    var hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function inRange(dates, f) {
    if (!f.from && !f.to) return true;
    return dates.some(function (d) { return d && (!f.from || d >= f.from) && (!f.to || d <= f.to); });
  }

  function docMatches(d, f) {
    if (f.doc && (d[0] + " " + d[8]).toLowerCase().indexOf(f.doc) < 0) return false;
    if (f.coll && d[6].map(function (i) { return data.colls[i]; }).indexOf(f.coll) < 0) return false;
    if (f.state === "findings" && !(d[3] || d[4] || d[5])) return false;
    if (f.state === "unverified" && ["unchecked", "partial", "unknown"].indexOf(d[2]) < 0) return false;
    if (f.state && ["findings", "unverified"].indexOf(f.state) < 0 && d[2] !== f.state) return false;
    return inRange(d[7], f);
  }

  function findingMatches(x, f, docOk) {
    if (!docOk[x[0]]) return false;
    if (f.rule && data.rules[x[1]] !== f.rule) return false;
    if (f.sev && data.sev[x[2]] !== f.sev) return false;
    if (f.coll && x[4] >= 0 && data.colls[x[4]] !== f.coll) return false;
    if ((f.from || f.to) && x[3]) return inRange([x[3]], f);
    return true;
  }

  function cell(tr, text, cls, href) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    tr.appendChild(td);
    return td;
  }

  function badge(td, cls, text) {
    td.textContent = "";
    var span = document.createElement("span");
    span.className = "badge " + cls;
    span.textContent = text;
    td.appendChild(span);
  }

  function docRow(d) {
    var tr = document.createElement("tr");
    cell(tr, d[0], "", d[1]);
    cell(tr, String(d[3]), "num");
    cell(tr, String(d[4]), "num");
    cell(tr, String(d[5]), "num");
    badge(cell(tr, ""), "state-" + d[2], data.states[d[2]] || d[2]);
    cell(tr, d[6].map(function (i) { return data.colls[i]; }).join(", "));
    cell(tr, d[7].map(frDate).join(", "));
    return tr;
  }

  function findingRow(x) {
    var d = data.docs[x[0]];
    var tr = document.createElement("tr");
    var sev = data.sev[x[2]];
    badge(cell(tr, ""), "sev-" + sev, data.sevLabels[sev]);
    cell(tr, data.rules[x[1]], "rule");
    cell(tr, d[0], "", d[1] + "#f-" + x[9]);
    cell(tr, x[5] >= 0 ? data.delibs[x[5]] : "");
    cell(tr, x[6], "num");
    cell(tr, x[7], "num");
    cell(tr, x[8], "num");
    return tr;
  }

  function frDate(iso) {
    var p = iso.split("-");
    return p.length === 3 ? p[2] + "/" + p[1] + "/" + p[0] : iso;
  }

  function pager(nav, page, pages, key) {
    nav.textContent = "";
    if (pages <= 1) return;
    function button(label, target) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.disabled = target < 1 || target > pages || target === page;
      b.addEventListener("click", function () { state[key] = target; render(); });
      nav.appendChild(b);
    }
    button("« précédente", page - 1);
    var span = document.createElement("span");
    span.textContent = "page " + page + " / " + pages;
    nav.appendChild(span);
    button("suivante »", page + 1);
  }

  function fill(id, rows, key, make) {
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    state[key] = Math.min(Math.max(1, state[key]), pages);
    var body = document.querySelector("#" + id + " tbody");
    var frag = document.createDocumentFragment();
    rows.slice((state[key] - 1) * PAGE, state[key] * PAGE).forEach(function (r) { frag.appendChild(make(r)); });
    body.textContent = "";
    body.appendChild(frag);
    pager(document.getElementById(id + "-pager"), state[key], pages, key);
  }

  function render() {
    var f = filters();
    var docOk = data.docs.map(function (d) { return docMatches(d, f); });
    var found = data.findings.filter(function (x) { return findingMatches(x, f, docOk); });
    var withFinding = {};
    found.forEach(function (x) { withFinding[x[0]] = true; });
    var narrowed = f.rule || f.sev;
    var docs = data.docs.filter(function (d, i) { return docOk[i] && (!narrowed || withFinding[i]); });
    fill("documents", docs, "dp", docRow);
    fill("findings", found, "fp", findingRow);
    document.getElementById("counts").textContent =
      docs.length + " document(s) sur " + data.docs.length + ", " +
      found.length + " anomalie(s) sur " + data.findings.length;
    writeHash(f);
  }

  function refilter() { state.dp = 1; state.fp = 1; render(); }
  form.addEventListener("input", refilter);
  form.addEventListener("change", refilter);  // a select changed by script fires only this
  form.addEventListener("reset", function () { setTimeout(function () { state.dp = 1; state.fp = 1; render(); }, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("hashchange", function () {
    if (readHash()) {
      render();
      document.getElementById("explorer").scrollIntoView();
    }
  });
  readHash();
  render();
  document.documentElement.setAttribute("data-ready", "1");
})();
