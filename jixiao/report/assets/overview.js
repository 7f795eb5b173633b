// jixiao review report, overview: the documents table, filtered, sorted and paginated in the browser
// (data from data/overview.js, one array per document; only one page of rows is in the DOM).
(function () {
  "use strict";
  var D = window.JIXIAO_OVERVIEW || { cols: [], rows: [], rules: [] };
  var C = {};
  D.cols.forEach(function (c, i) { C[c] = i; });
  var PAGE = 100;
  var state = { q: "", status: "", rule: "", fails: false, review: false, warned: false, key: null, dir: 1, page: 0 };
  var view = D.rows;
  var $ = function (id) { return document.getElementById(id); };
  function esc(s) {
    return s == null ? "" : String(s).replace(/[&<>"]/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[ch];
    });
  }
  function haystack(r) {
    if (r._h === undefined) r._h = [r[C.source], r[C.departments], r[C.note]].join(" ").toLowerCase();
    return r._h;
  }
  function apply() {
    var q = state.q.toLowerCase();
    view = D.rows.filter(function (r) {
      if (state.status && r[C.status] !== state.status) return false;
      if (state.fails && !r[C.fail_sub]) return false;
      if (state.review && !r[C.review]) return false;
      if (state.warned && !r[C.n_warn]) return false;
      if (state.rule && (r[C.failed_rules] || []).indexOf(state.rule) < 0) return false;
      if (q && haystack(r).indexOf(q) < 0) return false;
      return true;
    });
    if (state.key) {
      var k = C[state.key], dir = state.dir;
      view = view.slice().sort(function (a, b) {
        var x = a[k], y = b[k];
        if (x == null) return 1; if (y == null) return -1;
        return (x < y ? -1 : x > y ? 1 : 0) * dir;
      });
    }
    state.page = Math.min(state.page, Math.max(0, Math.ceil(view.length / PAGE) - 1));
    render();
  }
  function render() {
    var start = state.page * PAGE, rows = view.slice(start, start + PAGE), html = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var missing = r[C.missing] ? ' <span class="badge bad" title="source file not found">missing file</span>' : "";
      html.push('<tr data-source="' + esc(r[C.source]) + '"><td><a href="' + esc(r[C.href]) + '">' + esc(r[C.source]) + "</a>" + missing +
        "</td><td>" + esc(r[C.format]) + '</td><td><span class="badge s-' + esc(r[C.status]) + '">' + esc(r[C.status]) + "</span></td>" +
        '<td class="num">' + esc(r[C.pages]) + '</td><td class="num">' + esc(r[C.forms]) + '</td><td class="num">' + esc(r[C.indicators]) +
        '</td><td class="num' + (r[C.fail_sub] ? " bad" : "") + '" title="' + esc((r[C.failed_rules] || []).join(", ")) + '">' + esc(r[C.fail_sub]) +
        '</td><td class="num' + (r[C.review] ? " bad" : "") + '">' + esc(r[C.review]) + '</td><td class="num">' + esc(r[C.n_warn]) +
        "</td><td>" + esc(r[C.departments]) + '</td><td class="note">' + esc(r[C.note]) + "</td></tr>");
    }
    $("tbody").innerHTML = html.join("");
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    $("pageno").textContent = "page " + (state.page + 1) + " of " + pages;
    $("count").textContent = view.length + " of " + D.rows.length + " documents";
    $("prev").disabled = state.page === 0;
    $("next").disabled = state.page >= pages - 1;
    if (!document.body.hasAttribute("data-ready")) {  // ms from navigation start to the first table drawn
      document.body.setAttribute("data-ready-ms", Math.round(performance.now()));
    }
    document.body.setAttribute("data-ready", "1");
  }
  var timer = null;
  $("q").addEventListener("input", function (ev) {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = ev.target.value; state.page = 0; apply(); }, 120);
  });
  ["status", "rule"].forEach(function (id) {
    $(id).addEventListener("change", function (ev) { state[id] = ev.target.value; state.page = 0; apply(); });
  });
  ["fails", "review", "warned"].forEach(function (id) {
    $(id).addEventListener("change", function (ev) { state[id] = ev.target.checked; state.page = 0; apply(); });
  });
  $("prev").addEventListener("click", function () { state.page--; render(); });
  $("next").addEventListener("click", function () { state.page++; render(); });
  document.querySelectorAll("#docs th[data-k]").forEach(function (th) {
    th.addEventListener("click", function () {
      var k = th.getAttribute("data-k");
      state.dir = state.key === k ? -state.dir : 1;
      state.key = k;
      document.querySelectorAll("#docs th").forEach(function (t) { t.classList.remove("asc", "desc"); });
      th.classList.add(state.dir > 0 ? "asc" : "desc");
      apply();
    });
  });
  var sel = $("rule");
  D.rules.forEach(function (name) {
    var o = document.createElement("option"); o.value = name; o.textContent = name; sel.appendChild(o);
  });
  document.querySelectorAll("a[data-rule]").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      sel.value = a.getAttribute("data-rule"); state.rule = sel.value; state.page = 0; apply();
      window.scrollTo(0, 0);
    });
  });
  apply();
})();
