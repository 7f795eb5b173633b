// jixiao serve: drop or pick files, upload each (with its progress), follow it being read, show
// its result (the forms as forms, failed checks, the review overlay) and offer the downloads.
// Chinese by default, English on a switch (the strings come with the page). No libraries.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("app-data").textContent);
  var S = data.strings, C = data.config;
  var lang = localStorage.getItem("jixiao-lang") || "zh";
  var batchId = null, creating = null, cards = {}, pollTimer = null;
  var queue = [], uploading = 0, MAX_PARALLEL = 3, picked = 0;  // picked: files chosen so far (their order)
  var STEP = { waiting: 0, uploading: 0, queued: 55, reading: 70, rendering: 90, done: 100, failed: 100, rejected: 100 };

  function tr(key, args) {
    var entry = S[key];
    var s = entry ? (entry[lang] || entry.zh) : key;
    if (args) Object.keys(args).forEach(function (k) { s = s.split("{" + k + "}").join(String(args[k])); });
    return s;
  }
  function applyLang(root) {
    (root || document).querySelectorAll("[data-i18n]").forEach(function (el) {
      var args = el.getAttribute("data-args");
      el.textContent = tr(el.getAttribute("data-i18n"), args ? JSON.parse(args) : null);
    });
    document.documentElement.lang = lang === "zh" ? "zh" : "en";
  }
  function sizeText(n) { return n < 1048576 ? (n / 1024).toFixed(1) + " KB" : (n / 1048576).toFixed(1) + " MB"; }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }
  function label(node, key, args) {
    node.setAttribute("data-i18n", key);
    if (args) node.setAttribute("data-args", JSON.stringify(args)); else node.removeAttribute("data-args");
    node.textContent = tr(key, args);
  }
  function api(method, url) {
    return fetch(url, { method: method, headers: { "Accept": "application/json" } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) { return { status: r.status, body: body }; });
    });
  }
  function ensureBatch() {
    if (batchId) return Promise.resolve(batchId);
    if (!creating) {
      creating = api("POST", "/api/batches").then(function (r) {
        batchId = r.body.id;
        history.replaceState(null, "", "#b=" + batchId);
        updateDownloads();
        return batchId;
      });
    }
    return creating;
  }

  // ---- a card per file ----
  function card(name, size) {
    var li = el("li", "file");
    var head = el("div", "head");
    var title = el("span", "name", name);
    var meta = el("span", "size", size != null ? sizeText(size) : "");
    var status = el("span", "status");
    var dl = el("a", "btn small dl-file");
    label(dl, "file_forms_xlsx");
    dl.hidden = true;
    head.append(title, meta, status, dl);
    var bar = el("div", "progress"); var fill = el("i"); bar.appendChild(fill);
    var body = el("div", "body");
    li.append(head, bar, body);
    document.getElementById("files").appendChild(li);
    document.getElementById("batch").hidden = false;
    document.body.classList.add("has-files");
    return { li: li, status: status, fill: fill, body: body, dl: dl, id: null, state: "waiting", loaded: false };
  }
  function setState(c, state, pct, message, params) {
    c.state = state;
    c.li.setAttribute("data-status", state);
    var key = state === "uploading" ? "st_uploading" : "st_" + state;
    if (state === "done" && message === "no_forms_found") key = "st_no_forms";
    label(c.status, key, state === "uploading" ? { pct: pct } : null);
    c.fill.style.width = (state === "uploading" ? Math.round(pct / 2) : STEP[state] || 0) + "%";
    if ((state === "rejected" || state === "failed") && message && !c.loaded) {
      c.body.textContent = "";
      var p = el("p", "msg bad"); label(p, message, params); c.body.appendChild(p);
    }
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (f) {
      var c = card(f.name, f.size);
      if (f.size > C.maxBytes) {
        setState(c, "rejected", 100, "too_large", { size: sizeText(f.size), mb: C.maxMb });
        return;
      }
      setState(c, "waiting", 0);
      queue.push({ file: f, card: c, order: picked++ });
    });
    pump();
  }
  function pump() {
    while (uploading < MAX_PARALLEL && queue.length) {
      var job = queue.shift();
      uploading++;
      send(job.file, job.card, job.order);
    }
  }
  function send(file, c, order) {
    ensureBatch().then(function (bid) {
      var xhr = new XMLHttpRequest();
      xhr.open("PUT", "/api/batches/" + bid + "/files?name=" + encodeURIComponent(file.name) + "&order=" + order);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = function (ev) {
        if (ev.lengthComputable) setState(c, "uploading", Math.round(100 * ev.loaded / ev.total));
      };
      xhr.onload = function () {
        uploading--; pump();
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        if (body.id) {
          c.id = body.id; cards[body.id] = c;
          setState(c, body.status, 100, body.message, body.params);
          poll();
        } else {
          setState(c, "rejected", 100, body.message || "upload_failed", body.params || { error: xhr.status });
        }
      };
      xhr.onerror = function () {
        uploading--; pump();
        setState(c, "rejected", 100, "upload_failed", { error: "network" });
      };
      setState(c, "uploading", 0);
      xhr.send(file);
    });
  }

  // ---- following the server ----
  function poll() {
    if (pollTimer || !batchId) return;
    pollTimer = setTimeout(function () {
      pollTimer = null;
      api("GET", "/api/batches/" + batchId).then(function (r) {
        if (r.status === 404) { expired(); return; }
        var busy = false;
        (r.body.files || []).forEach(function (f) {
          var c = cards[f.id];
          if (!c) { c = card(f.name, f.size); c.id = f.id; cards[f.id] = c; }
          if (c.state !== f.status || !c.loaded) setState(c, f.status, 100, f.message, f.params);
          if (f.status === "done" || f.status === "failed") showResult(c, f);
          if (["queued", "reading", "rendering", "uploading"].indexOf(f.status) >= 0) busy = true;
        });
        updateDownloads();
        if (busy || uploading || queue.length) poll();
      }).catch(function () { poll(); });
    }, 500);
  }
  function showResult(c, f) {
    if (c.loaded) return;
    c.loaded = true;
    fetch("/api/batches/" + batchId + "/files/" + f.id + "/view").then(function (r) { return r.text(); }).then(function (html) {
      c.body.innerHTML = html;  // built and escaped by the server
      applyLang(c.body);
      if (f.forms > 0) {
        c.dl.hidden = false;
        c.dl.href = "/api/batches/" + batchId + "/download/forms-xlsx?file=" + f.id;
      }
      c.body.querySelectorAll("details.overlay").forEach(function (d) {
        d.addEventListener("toggle", function () {
          if (d.open && !d.querySelector("iframe")) {
            var frame = el("iframe", "review"); frame.src = d.getAttribute("data-src"); frame.title = "review";
            d.appendChild(frame);
          }
        });
      });
      c.li.setAttribute("data-ready", "1");
    });
  }
  function expired() {
    var p = el("p", "msg bad"); label(p, "expired");
    document.getElementById("files").prepend(p);
    batchId = null; creating = null;
    updateDownloads();
  }
  function updateDownloads() {
    var any = Object.keys(cards).some(function (k) { return ["done", "failed", "rejected"].indexOf(cards[k].state) >= 0; });
    document.querySelectorAll("a.dl[data-kind]").forEach(function (a) {
      var ok = any && batchId;
      a.setAttribute("aria-disabled", ok ? "false" : "true");
      a.href = ok ? "/api/batches/" + batchId + "/download/" + a.getAttribute("data-kind") : "#";
    });
  }

  // ---- page wiring ----
  var drop = document.getElementById("drop");
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (ev) { if (ev.dataTransfer && ev.dataTransfer.files) add(ev.dataTransfer.files); });
  document.getElementById("pick").addEventListener("change", function (ev) { add(ev.target.files); ev.target.value = ""; });
  document.querySelectorAll("a.dl[data-kind]").forEach(function (a) {
    a.addEventListener("click", function (ev) { if (a.getAttribute("aria-disabled") === "true") ev.preventDefault(); });
  });
  document.getElementById("clear").addEventListener("click", function () {
    var done = batchId ? api("DELETE", "/api/batches/" + batchId) : Promise.resolve();
    done.then(function () {
      batchId = null; creating = null; cards = {};
      document.getElementById("files").textContent = "";
      document.getElementById("batch").hidden = true;
      document.body.classList.remove("has-files");
      history.replaceState(null, "", location.pathname);
      updateDownloads();
    });
  });
  document.getElementById("lang").addEventListener("click", function () {
    lang = lang === "zh" ? "en" : "zh";
    localStorage.setItem("jixiao-lang", lang);
    applyLang();
  });
  window.addEventListener("dragover", function (ev) { ev.preventDefault(); });
  window.addEventListener("drop", function (ev) { ev.preventDefault(); });

  var m = /^#b=([A-Za-z0-9_-]{16,64})$/.exec(location.hash);
  if (m) { batchId = m[1]; creating = Promise.resolve(batchId); document.getElementById("batch").hidden = false; poll(); }
  applyLang();
  document.body.setAttribute("data-ready", "1");
})();
