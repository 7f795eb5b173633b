// jixiao review report, document page: a click on a row highlights the cells read into it
// (falling back to the row's box, then to its page); a click on a cell selects its row.
(function () {
  "use strict";
  var body = document.body;
  function esc(s) { return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&"); }
  function clear() {
    document.querySelectorAll(".hl").forEach(function (n) { n.classList.remove("hl"); });
    document.querySelectorAll(".sel").forEach(function (n) { n.classList.remove("sel"); });
    document.querySelectorAll("rect.rowbox").forEach(function (n) { n.remove(); });
    document.querySelectorAll("figure.flash").forEach(function (n) { n.classList.remove("flash"); });
  }
  function show(node) { if (node && node.scrollIntoView) node.scrollIntoView({ block: "center", behavior: "auto" }); }
  function highlight(row) {
    clear();
    row.classList.add("sel");
    var rec = row.getAttribute("data-rec");
    var cells = document.querySelectorAll('#pages [data-rec="' + esc(rec) + '"]');
    if (cells.length) {
      cells.forEach(function (c) { c.classList.add("hl"); });
      show(cells[0]);
      body.setAttribute("data-highlight", "cells:" + cells.length);
      return;
    }
    var page = row.getAttribute("data-page");
    var fig = page ? document.getElementById("p" + page) : null;
    var box = row.getAttribute("data-box");
    if (fig && box) {
      var b = box.split(",").map(Number);
      var svg = fig.querySelector("svg");
      var r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      r.setAttribute("class", "rowbox");
      r.setAttribute("x", b[0]); r.setAttribute("y", b[1]);
      r.setAttribute("width", Math.max(b[2] - b[0], 1)); r.setAttribute("height", Math.max(b[3] - b[1], 1));
      svg.appendChild(r);
      show(r);
      body.setAttribute("data-highlight", "row");
      return;
    }
    if (fig) {
      fig.classList.add("flash");
      show(fig);
      body.setAttribute("data-highlight", "page");
      return;
    }
    body.setAttribute("data-highlight", "none");
  }
  document.getElementById("rows").addEventListener("click", function (ev) {
    var row = ev.target.closest("[data-rec]");
    if (row) highlight(row);
  });
  document.getElementById("pages").addEventListener("click", function (ev) {
    var cell = ev.target.closest("[data-rec]");
    if (!cell) return;
    var row = document.querySelector('#rows [data-rec="' + esc(cell.getAttribute("data-rec")) + '"]');
    if (row) { highlight(row); row.scrollIntoView({ block: "nearest" }); }
  });
  if (location.hash.indexOf("#rec=") === 0) {
    var row = document.querySelector('#rows [data-rec="' + esc(decodeURIComponent(location.hash.slice(5))) + '"]');
    if (row) highlight(row);
  }
})();
