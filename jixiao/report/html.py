"""HTML of the review report: a document's page view and the overview. Static, offline, no CDN.

Strings are built here (escaped with :func:`html.escape`); behaviour lives in the report's own
``assets/document.js`` and ``assets/overview.js``, styles in ``assets/report.css``.
"""
from __future__ import annotations

import json
from html import escape
from typing import Optional

from jixiao.report.pages import PageInfo
from jixiao.report.roles import ROLE_GROUPS

FORM_TYPES = {"department_target": "部门整体支出绩效目标表", "project_target": "项目支出绩效目标表",
              "department_self_eval": "部门整体支出绩效自评表", "project_self_eval": "项目支出绩效自评表",
              "unknown": "unknown form"}
INDICATOR_HEAD = [("level1", "一级"), ("level2", "二级"), ("indicator", "三级指标"), ("target_raw", "指标值"),
                  ("actual_raw", "实际完成值"), ("score_max", "分值"), ("score", "得分")]
BUDGET_HEAD = [("item", "项目"), ("total", "总额"), ("fiscal", "财政拨款"), ("other", "其他资金"), ("amount", "金额"),
               ("budget_initial", "年初预算数"), ("budget_full_year", "全年预算数"), ("executed", "执行数"),
               ("execution_rate", "执行率"), ("score_max", "分值"), ("score", "得分")]


def e(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        v = f"{v:.4f}".rstrip("0").rstrip(".")
    return escape(str(v))


def _count(n, noun: str) -> str:
    if n is None:
        return f"– {noun}s"
    return f"{n} {noun}" + ("" if n == 1 else "s")


def legend() -> str:
    items = "".join(f'<span class="lg"><i style="border-color:{c}"></i>{escape(label)}</span>'
                    for _, label, c, _ in ROLE_GROUPS)
    return f'<div class="legend" title="cell roles">{items}</div>'


def role_css() -> str:
    """One rule per role group: outline colour for SVG boxes and grid cells."""
    rules = []
    for group, _, colour, _ in ROLE_GROUPS:
        rules.append(f".g-{group}{{stroke:{colour};fill:{colour};--c:{colour}}}")
    return "\n".join(rules)


def _tip(c: dict) -> str:
    conf = f" · OCR {c['confidence']:.2f}" if isinstance(c.get("confidence"), (int, float)) else ""
    rec = f" → {c['rec']}" if c.get("rec") else ""
    return f"{c['role']}{rec}{conf}: {c['text']}"


def _rec_attr(rec: Optional[str]) -> str:
    return f' data-rec="{escape(rec)}"' if rec else ""


def page_figure(info: PageInfo, cells: list[dict], img_prefix: str) -> str:
    rects = []
    for c in cells:
        if not c.get("box"):
            continue
        x0, top, x1, bottom = c["box"]
        rects.append(f'<rect class="c g-{c["group"]}" x="{x0:g}" y="{top:g}" width="{max(x1 - x0, 0.5):g}" '
                     f'height="{max(bottom - top, 0.5):g}"{_rec_attr(c.get("rec"))}><title>{escape(_tip(c))}</title></rect>')
    img = (f'<img loading="lazy" decoding="async" src="{escape(img_prefix + info.file)}" width="{info.px_width}" '
           f'height="{info.px_height}" alt="page {info.page}">' if info.file else "")
    return (f'<figure class="page" id="p{info.page}" data-page="{info.page}"><figcaption>page {info.page}'
            f'<span class="n">{len(rects)} cells</span></figcaption>'
            f'<div class="frame" style="aspect-ratio:{info.width:g}/{info.height:g}">{img}'
            f'<svg viewBox="0 0 {info.width:g} {info.height:g}" preserveAspectRatio="none">{"".join(rects)}</svg>'
            f'</div></figure>')


def grid_tables(cells: list[dict]) -> str:
    """Cells of a document without pages laid out by table / row / col, coloured like the overlay."""
    by_table: dict = {}
    for c in cells:
        by_table.setdefault(c.get("table"), []).append(c)
    parts = []
    for table in sorted(by_table, key=lambda t: (t is None, t or 0)):
        rows: dict = {}
        for c in by_table[table]:
            rows.setdefault(c.get("row") or 0, []).append(c)
        width = max((c.get("col") or 0) for c in by_table[table]) + 1
        body = []
        for r in sorted(rows):
            line = sorted(rows[r], key=lambda c: c.get("col") if c.get("col") is not None else 10**6)
            slots: list = [None] * width
            extra = []
            for c in line:
                col = c.get("col")
                if col is not None and 0 <= col < width and slots[col] is None:
                    slots[col] = c
                else:
                    extra.append(c)
            tds = []
            for c in slots + extra:
                if c is None:
                    tds.append("<td></td>")
                else:
                    tds.append(f'<td class="c gc g-{c["group"]}"{_rec_attr(c.get("rec"))} title="{escape(_tip(c))}">'
                               f'{escape(c["text"])}</td>')
            body.append(f'<tr><th>{r}</th>{"".join(tds)}</tr>')
        name = f"table {table}" if table is not None else "text lines"
        parts.append(f'<figure class="grid" id="t{table if table is not None else 0}"><figcaption>{name}</figcaption>'
                     f'<table>{"".join(body)}</table></figure>')
    return "".join(parts)


def _row_attrs(r: dict) -> str:
    attrs = [f'data-rec="{escape(r["rec"])}"']
    if r.get("page"):
        attrs.append(f'data-page="{r["page"]}"')
    if r.get("box"):
        attrs.append(f'data-box="{",".join(f"{v:g}" for v in r["box"])}"')
    if r.get("table") is not None:
        attrs.append(f'data-table="{r["table"]}"')
    if r.get("row") is not None:
        attrs.append(f'data-row="{r["row"]}"')
    return " ".join(attrs)


def _table(rows: list[dict], head: list[tuple[str, str]], cls: str) -> str:
    cols = [(k, label) for k, label in head if any(r.get(k) is not None for r in rows)]
    if not rows:
        return ""
    th = "".join(f"<th>{escape(label)}</th>" for _, label in cols)
    trs = "".join(f'<tr {_row_attrs(r)}>' + "".join(f"<td>{e(r.get(k))}</td>" for k, _ in cols) + "</tr>"
                  for r in rows)
    return f'<table class="rows {cls}"><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>'


def checks_table(checks: list[dict]) -> str:
    trs = "".join(f'<tr class="st-{escape(c["status"].replace("/", ""))}"><td class="st">{escape(c["status"])}</td>'
                  f'<td class="kind">{escape(c["kind"][:3])}</td><td class="rule">{escape(c["rule"])}</td>'
                  f'<td>{escape(c["detail"] or "")}</td></tr>' for c in checks)
    return f'<table class="checks"><tbody>{trs}</tbody></table>'


def form_panel(f: dict) -> str:
    fails = [c for c in f["checks"] if c["status"] == "fail"]
    title = FORM_TYPES.get(f.get("form_type") or "unknown", f.get("form_type"))
    who = " · ".join(escape(str(x)) for x in (f.get("department"), f.get("project"), f.get("year")) if x)
    pages = ""
    if f.get("page_start"):
        pages = f' · p. {f["page_start"]}' + (f'–{f["page_end"]}' if f.get("page_end") not in (None, f["page_start"]) else "")
    review = '<span class="badge warn">needs review</span>' if f.get("needs_review") is True else ""
    badge = f'<span class="badge {"bad" if fails else "ok"}">{len(fails)} failed</span>'
    goals = "".join(f'<p class="goal" {_row_attrs(g)}><b>{escape(g.get("kind") or "")}</b> {escape(g.get("text") or "")}</p>'
                    for g in f["goals"])
    warn = f'<p class="warnings">{escape(f["warnings"])}</p>' if f.get("warnings") else ""
    return (f'<section class="form" id="form{f["n"]}"><h2>form {f["n"]}: {escape(title)} {badge}{review}</h2>'
            f'<p class="who">{who}{pages} · {escape(f.get("method") or "")}</p>{warn}'
            f'<details class="checks-box" {"open" if fails else ""}><summary>checks ({len(fails)} failed of '
            f'{len(f["checks"])})</summary>{checks_table(f["checks"])}</details>'
            f'{_table(f["indicators"], INDICATOR_HEAD, "indicators")}{_table(f["budget"], BUDGET_HEAD, "budget")}'
            f'{goals}</section>')


def document_html(view: dict, pages: Optional[list[PageInfo]], *, note: Optional[str] = None,
                  img_prefix: str = "../img/", home: str = "../index.html", asset_prefix: str = "../assets/") -> str:
    """The page of one document: its pages (or grid) with the cells outlined, its forms' rows beside."""
    if pages:
        by_page: dict = {}
        for c in view["cells"]:
            by_page.setdefault(c.get("page"), []).append(c)
        left = "".join(page_figure(p, by_page.get(p.page, []), img_prefix) for p in pages)
    elif view["cells"]:
        left = grid_tables(view["cells"])
    else:
        left = '<p class="empty">no page images and no cell accounting to show for this document</p>'
    notes = f'<p class="note">{escape(note)}</p>' if note else ""
    if not view["cells"] and view["forms"]:
        notes += ('<p class="note">this extraction holds no cell accounting (cells table empty for this '
                  'document): rows are shown, and a click shows the row\'s box or page where known</p>')
    status = escape(view.get("status") or "")
    err = f'<p class="error">{escape(view["error"])}</p>' if view.get("error") else ""
    warn = f'<p class="warnings">{escape(view["warnings"])}</p>' if view.get("warnings") else ""
    right = "".join(form_panel(f) for f in view["forms"]) or '<p class="empty">no forms found</p>'
    data = json.dumps({"source": view["source"], "forms": len(view["forms"])}, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{escape(view["source"] or "")} · jixiao review</title>
<link rel="stylesheet" href="{asset_prefix}report.css"><style>{role_css()}</style></head>
<body class="docpage" data-highlight="">
<header class="top"><a class="home" href="{home}">← all documents</a>
<h1>{escape(view["source"] or "")}</h1><span class="badge s-{status}">{status}</span>
<span class="meta">{escape(view.get("format") or "")} · {_count(view.get("pages"), "page")} · {_count(len(view["forms"]), "form")}</span>
{err}{warn}{notes}{legend()}</header>
<main class="split"><section class="left" id="pages">{left}</section>
<aside class="right" id="rows">{right}</aside></main>
<script type="application/json" id="doc-data">{data}</script>
<script src="{asset_prefix}document.js"></script>
</body></html>
"""


def overview_html(summary: dict, rules_table: list[dict], *, asset_prefix: str = "assets/",
                  data_src: str = "data/overview.js") -> str:
    head = "".join(f"<th>{escape(x)}</th>" for x in ("rule", "kind", "pass", "fail", "n/a", "regulation", "what it checks"))
    trs = "".join(f'<tr><td class="rule"><a href="#" data-rule="{escape(r["rule"])}">{escape(r["rule"])}</a></td>'
                  f'<td>{escape(r["kind"])}</td><td class="num">{r["pass"]}</td>'
                  f'<td class="num {"bad" if r["fail"] else ""}">{r["fail"]}</td><td class="num">{r["n/a"]}</td>'
                  f'<td>{escape(r["regulation"])}</td><td>{escape(r["description"])}</td></tr>' for r in rules_table)
    s = summary
    stats = (f'{s["documents"]} documents · {s["ok"]} with forms · {s["no_forms"]} without · {s["failed"]} failed · '
             f'{s["forms"]} forms · {s["indicators"]} indicators · {s["forms_failing"]} forms fail a submission check · '
             f'{s["needs_review"]} forms need review'
             + (f' · {s["missing_sources"]} source files missing' if s.get("missing_sources") else ""))
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>jixiao review</title><link rel="stylesheet" href="{asset_prefix}report.css"></head>
<body class="overview">
<header class="top"><h1>jixiao review</h1><p class="meta" id="stats">{escape(stats)}</p></header>
<section class="controls">
<input id="q" type="search" placeholder="filter: file, department, error, warning …" size="40">
<select id="status"><option value="">every status</option><option>ok</option><option>no_forms</option><option>failed</option></select>
<select id="rule"><option value="">any rule</option></select>
<label><input type="checkbox" id="fails"> failed checks</label>
<label><input type="checkbox" id="review"> needs review</label>
<label><input type="checkbox" id="warned"> warnings</label>
<span id="count"></span></section>
<table id="docs" class="docs"><thead><tr>
<th data-k="source">document</th><th data-k="format">format</th><th data-k="status">status</th>
<th data-k="pages" class="num">pages</th><th data-k="forms" class="num">forms</th><th data-k="indicators" class="num">indicators</th>
<th data-k="fail_sub" class="num">failed checks</th><th data-k="review" class="num">needs review</th>
<th data-k="n_warn" class="num">warnings</th><th data-k="departments">department</th><th data-k="note">error / warnings</th>
</tr></thead><tbody id="tbody"></tbody></table>
<nav class="pager"><button id="prev">‹ prev</button><span id="pageno"></span><button id="next">next ›</button></nav>
<h2>rules</h2><p class="meta">one row per form and rule in the checks table; click a rule to list the documents failing it</p>
<table class="rules"><thead><tr>{head}</tr></thead><tbody>{trs}</tbody></table>
<script src="{data_src}"></script><script src="{asset_prefix}overview.js"></script>
</body></html>
"""
