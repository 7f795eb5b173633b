"""The real forms' truth rendered as text the way crawlers and viewers flatten tables.

Each real form of ``samples/expected/real`` becomes pasted text in six flattenings — one cell per
paragraph, ``|`` rows with merged cells dropped, space-separated rows, tab rows with merged cells
left blank, each row glued into one line, the whole form on one line, a document preview with no
separator at all cut into numbered page lines, one cell per paragraph with the target column printed
after the table body (a PDF's text-layer order), space-separated rows whose merged 一级 / 二级 labels
stand on the middle row of their block (a PDF viewer's copy of vertically centred cells), one cell
per paragraph with the target in 计算符号 | 指标值 | 度量单位 columns (Jiangxi's, Shanghai's templates), one
cell per paragraph with a 指标解释 column (反映…情况) between the name and the target, one cell per
paragraph with the level labels printed one character to a line, space-separated rows whose spaces a
wrong encoding turned into ``??``, each row glued under a long glued header (年初目标值(A) | 实际完成值(B) |
… | 偏差原因分析及改进措施), space-separated rows whose level cells, name and target run together with no
separator (产出指标数量指标足额保障率=100% 22.5, a crawled Sichuan page), ``|`` and space-separated rows with
the column header lost (a crawler dropping the ``<th>`` row), a 指标性质 column (定量/定性) before 计算符号 | 指标值 |
度量单位, a self-evaluation's 分值 before its 年度指标值 — so the parser is measured on
real names, level words and targets in every layout, not only the ones the real pages happen to use.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "samples" / "expected" / "real"
STYLES = ("cells", "pipes", "spaces", "tabs", "glued", "oneline", "preview", "deferred", "centred", "signs", "explained",
          "vertical", "lost_spaces", "glued_long_header", "runs", "headerless", "headerless_spaces",
          "nature_cells", "nature_pipes", "weight_first", "headerless_cells")
SPLIT_TARGET = re.compile(r"^(≥|≤|>=|<=|>|<|=|≧|≦)?(\d+(?:\.\d+)?)(\D*)$")  # sign | number | unit columns
PREVIEW_PAGE = 300  # characters per page line of a document-sharing preview


def real_forms() -> list[tuple[str, dict]]:
    """(file name, form) for every real form whose rows all have a 三级 name and a target (a row printing
    neither value nor mark is ambiguous once its separators are gone: the next name could be its target)."""
    out = []
    for path in sorted(REAL.glob("*.json")):
        if path.name == "floors.json":
            continue
        for form in json.loads(path.read_text(encoding="utf-8"))["forms"]:
            if form["indicators"] and all(i["indicator"] and i["target_raw"] for i in form["indicators"]):
                out.append((path.name, form))
    return out


def _rows(form: dict) -> tuple[list[str], list[list[str]]]:
    self_eval = form["form_type"].endswith("self_eval")
    header = ["一级指标", "二级指标", "三级指标", "指标值"] + (["实际完成值", "分值", "得分"] if self_eval else [])
    rows, p1, p2 = [], None, None
    for i in form["indicators"]:
        l1, l2 = i["level1"] or "", i["level2"] or ""
        row = [l1 if l1 != p1 else "", l2 if (l2 != p2 or l1 != p1) else "", i["indicator"], i["target_raw"] or ""]
        if self_eval:
            row += [i.get("actual_raw") or "", "" if i.get("score_max") is None else f"{i['score_max']:g}",
                    "" if i.get("score") is None else f"{i['score']:g}"]
        p1, p2 = l1, l2
        rows.append(row)
    return header, rows


def title_of(form: dict) -> str:
    """The form's title, or one of its family where the page printed none (a self-evaluation is no target form)."""
    return form["title"] or ("项目支出绩效自评表" if form.get("form_type", "").endswith("self_eval") else "项目支出绩效目标表")


def _head(form: dict) -> list[list[str]]:
    lines = [[title_of(form)]]
    for key, field in (("项目名称", "project"), ("主管部门", "agency"), ("实施单位", "department")):
        if form.get(field):
            lines.append([key, form[field]])
    return lines


def _centred(rows: list[list[str]]) -> list[list[str]]:
    """The rows with each 一级 / 二级 label moved to the middle row of its block (the upper of two)."""
    out = [list(r) for r in rows]
    firsts = {k for k, r in enumerate(rows) if r[0]}
    for col in (0, 1):
        marks = [k for k, r in enumerate(rows) if r[col]]
        for n, a in enumerate(marks):
            b = marks[n + 1] if n + 1 < len(marks) else len(rows)
            if col == 1:  # a 二级 block ends where its 一级 block does
                b = min([k for k in firsts if a < k < b] + [b])
            out[a][col] = ""
            out[a + (b - a - 1) // 2][col] = rows[a][col]
    return out


def render(form: dict, style: str) -> str:
    header, rows = _rows(form)
    if style == "signs":
        split = []
        for r in rows:
            m = SPLIT_TARGET.match(r[3])
            split.append(r[:3] + ([m.group(1) or "", m.group(2), m.group(3)] if m else ["", r[3], ""]) + r[4:])
        signed = header[:3] + ["计算符号", "指标值", "度量单位"] + header[4:]
        return "\n\n".join(c for r in _head(form) + [signed] + split for c in r if c)
    if style in ("nature_cells", "nature_pipes"):  # 指标性质 | 计算符号 | 指标值 | 度量单位 (Hunan's, Sichuan's templates)
        split = []
        for r in rows:
            m = SPLIT_TARGET.match(r[3])
            parts = [m.group(1) or "", m.group(2), m.group(3)] if m else ["", r[3], ""]
            split.append(r[:3] + ["定量" if m else "定性"] + parts + r[4:])
        natured = [header[:3] + ["指标性质", "计算符号", "指标值", "度量单位"] + header[4:]] + split
        if style == "nature_pipes":
            return "\n".join(" | ".join(c for c in r if c) + " |" for r in _head(form)) + "\n" + \
                "\n".join(" | ".join(r) + " |" for r in natured)
        return "\n\n".join(c for r in _head(form) + natured for c in r if c)
    if style == "weight_first":  # 分值 before 年度指标值 (Anhui's self-evaluations), one cell per paragraph
        if len(header) > 4:
            header = header[:3] + ["分值"] + header[3:5] + header[6:]
            rows = [r[:3] + [r[5]] + r[3:5] + r[6:] for r in rows]
        return "\n\n".join(c for r in _head(form) + [header] + rows for c in r if c)
    if style == "explained":
        explained = [r[:3] + [f"反映{r[2][:6]}情况" if r[2] else ""] + r[3:] for r in rows]
        return "\n\n".join(c for r in _head(form) + [header[:3] + ["指标解释"] + header[3:]] + explained
                             for c in r if c)
    if style == "vertical":
        cells = [("\n".join(c) if k < 2 and c.endswith("指标") else c) for r in rows for k, c in enumerate(r) if c]
        return "\n\n".join([c for r in _head(form) + [header] for c in r if c] + cells)
    if style == "glued_long_header":
        named = {"指标值": "年初目标值(A)", "实际完成值": "实际完成值(B)"}
        long_header = [named.get(h, h) for h in header] + ["偏差原因分析及改进措施"]
        return "\n".join("".join(r) for r in _head(form) + [long_header] + rows)
    if style == "lost_spaces":
        return "\n".join("??".join(c for c in r if c) for r in _head(form) + [header] + rows)
    if style == "runs":
        return "\n".join([" ".join(c for c in r if c) for r in _head(form) + [header]] +
                         [" ".join(c for c in ["".join(r[:4])] + r[4:] if c) for r in rows])
    if style == "centred":
        return "\n".join(" ".join(c for c in r if c) for r in _head(form) + [header] + _centred(rows))
    if style in ("headerless", "headerless_spaces"):  # the column header lost (a crawler dropped the <th> row)
        sep, end = (" | ", " |") if style == "headerless" else (" ", "")
        return "\n".join(sep.join(c for c in r if c) + end for r in _head(form) + rows)
    if style == "headerless_cells":  # the column header lost, one cell per paragraph
        return "\n\n".join(c for r in _head(form) + rows for c in r if c)
    table = _head(form) + [header] + rows
    if style == "cells":
        return "\n\n".join(c for r in table for c in r if c)
    if style == "pipes":
        return "\n".join(" | ".join(c for c in r if c) + " |" for r in table)
    if style == "spaces":
        return "\n".join(" ".join(c for c in r if c) for r in table)
    if style == "tabs":
        return "\n".join("\t".join(r) for r in table)
    if style == "glued":
        return "\n".join("".join(r) for r in table)
    if style == "preview":  # a document-sharing site's preview: every separator lost, pages numbered 1、2、…
        run = "".join(c for r in table for c in r)
        pages = [run[k:k + PREVIEW_PAGE] for k in range(0, len(run), PREVIEW_PAGE)]
        return "\n".join(f"{n}、{page}" for n, page in enumerate(pages, start=1))
    if style == "deferred":  # text-layer order: the target column printed after the table body
        col = header.index("指标值")
        body = [c for r in rows for k, c in enumerate(r) if c and k != col]
        targets = [r[col] for r in rows if r[col]]
        return "\n\n".join([c for r in _head(form) + [header] for c in r if c] + body + targets)
    if style == "oneline":
        return " ".join(c for r in table for c in r if c)
    raise ValueError(style)


# -- funding blocks ------------------------------------------------------------------------------
FUNDING_STYLES = ("pipes", "cells", "spaces", "glued", "across", "yuan", "glued_yuan")
SELF_EVAL_AMOUNTS = (("budget_initial", "年初预算数"), ("budget_full_year", "全年预算数"), ("executed", "全年执行数"),
                     ("score_max", "分值"), ("execution_rate", "执行率"), ("score", "得分"))


def funding_forms() -> list[tuple[str, dict]]:
    """(file name, form) for every real form of :func:`real_forms` whose funding lines print amounts."""
    return [(n, f) for n, f in real_forms() if f.get("budget") and all(
        any(b.get(k) is not None for k in ("amount", "budget_full_year", "executed")) for b in f["budget"])]


def _amount_text(v) -> str:
    return "" if v is None else f"{v:.6f}".rstrip("0").rstrip(".")


def _funding_rows(form: dict) -> tuple[list[str], list[list[str]]]:
    """The block's heading row (its label first) and a row per funding line."""
    lines = form["budget"]
    if all(b.get("amount") is not None for b in lines):
        return ["项目资金(万元)"], [[b["item"], _amount_text(b["amount"])] for b in lines]
    cols = [(k, h) for k, h in SELF_EVAL_AMOUNTS if any(b.get(k) is not None for b in lines)]
    return (["项目资金(万元)"] + [h for _, h in cols],
            [[b["item"]] + [_amount_text(b.get(k)) + ("%" if k == "execution_rate" and b.get(k) is not None else "")
                            for k, _ in cols] for b in lines])


def render_funding(form: dict, style: str) -> str:
    """The form's head, its funding block and its indicator table, flattened in ``style``: the block's
    label on its first line's row (项目资金(万元) | 年度资金总额 | 854) or, with amount columns, a row of its own."""
    head, lines = _funding_rows(form)
    header, rows = _rows(form)
    columns = len(head) > 1
    if style == "glued_yuan":  # glued, the block in 元 (项目资金(元), 1560015600100%20)
        money = {k for k, _ in SELF_EVAL_AMOUNTS if k in ("budget_initial", "budget_full_year", "executed")}
        keys = [k for k, _ in SELF_EVAL_AMOUNTS if any(b.get(k) is not None for b in form["budget"])] if columns else ["amount"]
        head = ["项目资金(元)"] + head[1:]
        lines = [[b["item"]] + [_amount_text(None if b.get(k) is None else b[k] * (10000 if k in money | {"amount"} else 1))
                                + ("%" if k == "execution_rate" and b.get(k) is not None else "") for k in keys]
                 for b in form["budget"]]
        style = "glued"
    if style == "yuan" and not columns:
        block = [["项目资金(元)", lines[0][0], f"{float(lines[0][1]) * 10000:,.2f}"]] + \
            [[r[0], f"{float(r[1]) * 10000:,.2f}"] for r in lines[1:]]
    elif style == "across" and not columns:
        flat = [c for r in lines for c in r]
        block = [head + flat[:4]] + [flat[k:k + 4] for k in range(4, len(flat), 4)]
    else:
        block = ([head] + lines) if columns else [head + lines[0]] + lines[1:]
    table = _head(form) + block + [header] + rows
    if style in ("pipes", "across", "yuan"):
        return "\n".join(" | ".join(c for c in r if c) + " |" for r in table)
    if style == "cells":
        return "\n\n".join(c for r in table for c in r if c)
    if style == "spaces":
        return "\n".join(" ".join(c for c in r if c) for r in table)
    if style == "glued":
        return "\n".join("".join(r) for r in table)
    raise ValueError(style)


# -- header fields -------------------------------------------------------------------------------
HEADER_STYLES = ("rows", "oneline", "pairs", "cells", "nav", "glued")
HEADER_FIELDS = (("project", "项目名称"), ("agency", "主管部门"), ("department", "实施单位"))


def render_header(form: dict, style: str) -> str:
    """The form's title, year line and fields, then its indicator table as ``|`` rows: a field per row
    (项目名称 | X), all fields on one line (项目名称:X  主管部门:Y), two per row, one cell per paragraph,
    a page's navigation text first, or each field glued to its value."""
    header, rows = _rows(form)
    title = title_of(form)
    year = f"({form['year']}年度)" if form.get("year") else ""
    fields = [(label, form[k]) for k, label in HEADER_FIELDS if form.get(k)]
    body = [" | ".join(c for c in r if c) + " |" for r in [header] + rows]
    if style == "rows":
        return "\n".join([title, year] + [f"{lab} | {v} |" for lab, v in fields] + body)
    if style == "oneline":
        return "\n".join([title, year, "  ".join(f"{lab}:{v}" for lab, v in fields)] + body)
    if style == "pairs":
        pairs = [" | ".join(f"{lab} | {v}" for lab, v in fields[k:k + 2]) + " |" for k in range(0, len(fields), 2)]
        return "\n".join([title, year] + pairs + body)
    if style == "cells":
        return "\n\n".join([title] + ([year] if year else []) + [x for f in fields for x in f]
                             + [c for r in [header] + rows for c in r if c])
    if style == "nav":
        return "\n".join(["首页 > 信息公开 > 财政预决算", "字号:大 中 小 打印本页", f"发布时间:{form.get('year') or 2023}-03-01",
                          render_header(form, "rows")])
    if style == "glued":
        return "\n".join([title + year] + [f"{lab}{v}" for lab, v in fields] + ["".join(r) for r in [header] + rows])
    raise ValueError(style)


# -- goals ---------------------------------------------------------------------------------------
GOAL_STYLES = ("rows", "colon", "cells", "glued", "below")
GOAL_HEADINGS = {"annual": "年度绩效目标", "long_term": "中长期目标", "actual": "全年实际完成情况"}


def render_goals(form: dict, style: str) -> str:
    """The form's head, its goals and its indicator table: each goal as heading | text, heading:text,
    one cell per paragraph, heading and text glued, or the first goal's text on the line below its heading."""
    header, rows = _rows(form)
    goals = [(GOAL_HEADINGS.get(g["kind"], "年度绩效目标"), g["text"]) for g in form["goals"]]
    head = [" | ".join(r) + " |" for r in _head(form)]
    body = [" | ".join(c for c in r if c) + " |" for r in [header] + rows]
    if style == "rows":
        return "\n".join(head + [f"{h} | {t} |" for h, t in goals] + body)
    if style == "colon":
        return "\n".join(head + [f"{h}:{t}" for h, t in goals] + body)
    if style == "cells":
        return "\n\n".join([c for r in _head(form) for c in r] + [x for g in goals for x in g]
                             + [c for r in [header] + rows for c in r if c])
    if style == "glued":
        return "\n".join(["".join(r) for r in _head(form)] + [h + t for h, t in goals] + ["".join(r) for r in [header] + rows])
    if style == "below":
        return "\n".join(head + [f"{goals[0][0]} |", f"{goals[0][1]} |"] + [f"{h} | {t} |" for h, t in goals[1:]] + body)
    raise ValueError(style)
