"""HTML of the web page: the upload page, each file's result (its forms shown as the forms), and
the review overlay (the review report's own document page).

Part of ``jixiao/serve``. Strings are escaped here; interface text comes from ``strings.tsv`` and
is marked with its key (``data-i18n``) so the page's script can switch language; behaviour and
looks live in ``assets/app.js`` and ``assets/app.css`` (shipped, nothing from a CDN).
"""
from __future__ import annotations

import json
from html import escape
from typing import Optional

from jixiao.dataset.formlayout import FormLayout, display
from jixiao.dataset.formsheet import form_layouts
from jixiao.dataset.rows import split_warnings
from jixiao.pipeline import FileResult
from jixiao.report.html import document_html
from jixiao.report.view import document_view
from jixiao.serve.i18n import DEFAULT, strings, text
from jixiao.serve.settings import ServeSettings
from jixiao.serve.store import Entry

ACCEPT = ".pdf,.docx,.docm,.doc,.wps,.rtf,.odt,.xlsx,.xlsm,.xls,.et,.ods,.html,.htm,.mht,.txt,.csv,.tsv,.png,.jpg,.jpeg,.tif,.tiff,.bmp"
FORMATS_SHOWN = "PDF · DOCX/DOC/WPS · XLSX/XLS/ET · HTML · TXT · PNG/JPG/TIFF"
DOWNLOADS = [("forms-xlsx", "dl_forms"), ("xlsx", "dl_xlsx"), ("csv", "dl_csv"), ("parquet", "dl_parquet"),
             ("duckdb", "dl_duckdb"), ("zip", "dl_zip")]


def t(key: str, tag: str = "span", **params) -> str:
    """Interface text in the default language, marked for the language switch."""
    args = f" data-args='{escape(json.dumps(params, ensure_ascii=False))}'" if params else ""
    return f'<{tag} data-i18n="{key}"{args}>{escape(text(key, DEFAULT, **params))}</{tag}>'


def index_html(settings: ServeSettings) -> str:
    config = {"maxBytes": settings.max_upload_bytes, "maxMb": settings.max_upload_mb, "maxFiles": settings.max_files,
              "downloads": [k for k, _ in DOWNLOADS]}
    data = json.dumps({"strings": strings(), "config": config}, ensure_ascii=False).replace("</", "<\\/")
    buttons = "".join(f'<a class="btn dl" data-kind="{k}" href="#" aria-disabled="true">{t(label)}</a>'
                      for k, label in DOWNLOADS)
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>jixiao · {escape(text("app_title"))}</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/app.css"></head>
<body>
<header class="bar"><h1>jixiao <small>{t("app_title")}</small></h1>
<button type="button" id="lang" class="btn ghost">{t("language")}</button></header>
<main>
<p class="lead">{t("tagline")}</p>
<section id="drop" class="drop" tabindex="0">
<p class="big">{t("drop_here")}</p>
<p>{t("or")} <label class="btn primary" for="pick">{t("choose_files")}</label>
<input id="pick" type="file" multiple accept="{ACCEPT}"></p>
<p class="hint">{t("accepted", formats=FORMATS_SHOWN, mb=f"{settings.max_upload_mb:g}")}</p>
</section>
<p class="hint">{t("privacy", ttl=f"{settings.ttl_seconds / 60:g}")}</p>
<section id="batch" class="batch" hidden>
<div class="downloads"><span class="label">{t("downloads")}</span>{buttons}
<button type="button" id="clear" class="btn ghost">{t("clear")}</button></div>
<ol id="files" class="files"></ol>
</section>
</main>
<script type="application/json" id="app-data">{data}</script>
<script src="/assets/app.js"></script>
</body></html>
"""


def sheet_html(layout: FormLayout) -> str:
    """A form's layout as an HTML table: the same cells, spans and order as its workbook sheet."""
    last = layout.print_rows
    starts: dict[int, list] = {}
    covered: set[tuple[int, int]] = set()
    for c in layout.cells:
        if c.row > last:
            continue
        starts.setdefault(c.row, []).append(c)
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                covered.add((r, k))
    cols = "".join(f'<col style="width:{w * 0.6:.1f}em">' for w in layout.widths)
    trs = []
    for row in range(1, last + 1):
        cells = {c.col: c for c in starts.get(row, [])}
        tds = []
        for col in range(1, layout.n_cols + 1):
            c = cells.get(col)
            if c is None:
                if (row, col) not in covered:
                    tds.append("<td></td>")
                continue
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            key = f' data-key="{escape(c.key)}"' if c.key else ""
            tag = "th" if c.style in ("label", "head", "parsed-head", "title") else "td"
            tds.append(f'<{tag} class="s-{c.style}"{span}{key}>{escape(display(c.value))}</{tag}>')
        trs.append(f"<tr>{''.join(tds)}</tr>")
    return f'<table class="sheet"><colgroup>{cols}</colgroup><tbody>{"".join(trs)}</tbody></table>'


def _items(rows: list[tuple[str, str]], cls: str) -> str:
    lis = "".join(f'<li><b>{escape(a)}</b> {escape(b)}</li>' if a else f"<li>{escape(b)}</li>" for a, b in rows)
    return f'<ul class="{cls}">{lis}</ul>'


def result_html(entry: Entry, result: Optional[FileResult], review_href: str) -> str:
    """One file's result: counts, its message, every form as the form with its failed checks and
    warnings, and the review overlay (loaded when opened)."""
    parts = []
    if entry.message:
        cls = "msg bad" if entry.status in ("failed", "rejected") else "msg"
        parts.append(f'<p class="{cls}">{t(entry.message, **entry.params)}</p>')
    if result is None:
        return f'<div class="result">{"".join(parts)}</div>'
    doc = result.documents
    form_warnings = [w for w in split_warnings(doc.get("warnings")) if not w.startswith("form ")]
    if form_warnings:
        parts.append(f'<div class="issues">{t("file_warnings", "h4")}{_items([("", w) for w in form_warnings], "warn")}</div>')
    tables = result.tables()
    checks_by_form: dict = {}
    for c in result.checks:
        checks_by_form.setdefault(c.get("form_id"), []).append(c)
    for n, (form, layout) in enumerate(zip(result.forms, form_layouts(tables)), start=1):
        fails = [c for c in checks_by_form.get(form.get("form_id"), []) if c.get("status") == "fail"]
        warns = split_warnings(form.get("warnings"))
        issues = []
        if fails:
            issues.append(t("failed_checks", "h4") + _items([(c.get("rule") or "", c.get("detail") or "") for c in fails], "fails"))
        if warns:
            issues.append(t("warnings", "h4") + _items([("", w) for w in warns], "warn"))
        if not fails and not warns:
            issues.append(f'<p class="ok">{t("all_checks_pass")}</p>')
        parts.append(f'<section class="formview" data-form="{n}"><h3>{t("form_n", n=n)} · {escape(layout.title)}</h3>'
                     f'<div class="scroll">{sheet_html(layout)}</div><div class="issues">{"".join(issues)}</div></section>')
    if result.cells or entry.pages:
        label = "overlay" if entry.paged else "overlay_grid"
        parts.append(f'<details class="overlay" data-src="{escape(review_href)}"><summary>{t(label)}'
                     f' · <a href="{escape(review_href)}" target="_blank" rel="noopener">{t("open_new")}</a></summary>'
                     f'</details>')
    return f'<div class="result">{"".join(parts)}</div>'


def review_html(entry: Entry, result: FileResult, img_prefix: str) -> str:
    """The review report's document page for one upload (cells outlined on its page images)."""
    view = document_view(result.documents, result.forms, result.indicators, result.budget, result.goals,
                         result.checks, result.cells)
    return document_html(view, entry.pages or None, img_prefix=img_prefix, home="#",
                         asset_prefix="/assets/report/")
