"""A stand-in cell accounting for tests of the review report (the parser will give the real one).

Given a read Document and the Forms parsed from it, gives every form ``cells`` and every row an
``origin`` by matching the grid's cells to the rows' texts: a table row holding an indicator's
name is that indicator's row, its other cells are read by what they match (level, target, actual,
score); funding labels, goals and header fields likewise; anything else inside the form's pages is
a heading (known words) or ``unread``. Good enough to draw a realistic overlay; not a parser.
"""
from __future__ import annotations

from jixiao.model import Document, Table
from jixiao.records import CellRead, Form, Origin

HEADINGS = {"一级指标", "二级指标", "三级指标", "指标值", "年度指标值", "实际完成值", "分值", "得分", "绩效指标",
            "年初预算数", "全年预算数", "全年执行数", "执行率", "任务名称", "主要内容", "总额", "财政拨款", "其他资金",
            "偏差原因分析及改进措施", "预期目标", "实际完成情况", "年度总体目标", "预算执行情况", "总分",
            "项目资金（万元）", "年度预算执行情况（万元）", "年度主要任务", "预算资金（万元）", "年度绩效目标",
            "中长期目标", "年度目标", "指标名称", "度量单位", "指标值类型", "计算符号"}
FIELD_LABELS = {"项目名称", "主管部门", "实施单位", "部门（单位）名称", "部门名称", "单位名称", "预算单位", "年度"}


def _t(text) -> str:
    return "".join(str(text or "").split())


def _num(text: str):
    try:
        return float(_t(text).rstrip("%"))
    except ValueError:
        return None


def _union(boxes):
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


EXTRA_ROLES = ("funding_label", "amount", "goal", "field_label", "field_value")


def account(doc: Document, forms: list[Form]) -> None:
    """Fill each form's cells and rows' origins; where the parser already accounted for a form's
    cells (its indicator region), only the funding, goal and header-field cells are added."""
    tables = [(n, b) for n, b in enumerate(doc.blocks, start=1) if isinstance(b, Table)]
    claimed: set[int] = set()
    every_name = {_t(i.indicator) for f in forms for i in f.indicators}
    for form in forms:
        pages = set(range(form.page_start, (form.page_end or form.page_start) + 1)) if form.page_start else None
        names = {_t(i.indicator): k for k, i in enumerate(form.indicators)}
        items = {_t(b.item): k for k, b in enumerate(form.budget)}
        goals = {_t(g.text): k for k, g in enumerate(form.goals)}
        values = {_t(v) for v in (form.department, form.project, form.agency, form.title) if v}
        own = bool(form.cells)  # the parser's accounting: add only what it does not cover yet
        row_boxes: dict[tuple[str, int], list] = {}
        for tno, table in tables:
            if id(table) in claimed or (pages is not None and table.page not in pages):
                continue
            by_row: dict[int, list] = {}
            for c in table.cells:
                by_row.setdefault(c.row, []).append(c)
            texts = {_t(c.text) for c in table.cells}
            if texts & (every_name - set(names)) and not texts & set(names):
                continue  # another form's indicator table
            hits = 0
            out: list[CellRead] = []
            for r, cells in sorted(by_row.items()):
                record = None
                for c in cells:
                    t = _t(c.text)
                    if t in names:
                        record = ("indicator", names[t])
                    elif t in items and record is None:
                        record = ("budget", items[t])
                for c in sorted(cells, key=lambda c: c.col):
                    t = _t(c.text)
                    if not t:
                        continue
                    role, rec = _role(t, record, form, goals, values)
                    if own and role not in EXTRA_ROLES:
                        continue
                    o = Origin(page=c.page, bbox=c.bbox, table=tno if c.page is None else None,
                               row=(c.row + 1) if c.page is None else None)
                    out.append(CellRead(t, role, o, col=c.col, record=rec, confidence=c.confidence))
                    if rec:
                        hits += 1
                        row_boxes.setdefault(rec, []).append(c)
            if hits:
                claimed.add(id(table))
                form.cells.extend(out)
        for (kind, k), cells in row_boxes.items():
            if own and kind == "indicator":
                continue
            row = {"indicator": form.indicators, "budget": form.budget, "goal": form.goals}[kind][k]
            first = cells[0]
            row.origin = Origin(page=first.page, bbox=_union([c.bbox for c in cells]),
                                table=None if first.page else next(n for n, t in tables if first in t.cells),
                                row=None if first.page else first.row + 1)


def _role(t: str, record, form: Form, goals: dict, values: set):
    if t in goals:
        return "goal", ("goal", goals[t])
    if record and record[0] == "indicator":
        ind = form.indicators[record[1]]
        for role, v in (("indicator", ind.indicator), ("level1", ind.level1), ("level2", ind.level2),
                        ("target", ind.target_raw), ("actual", ind.actual_raw), ("deviation", ind.deviation)):
            if v and t == _t(v):
                return role, (record if role not in ("level1", "level2") else record)
        n = _num(t)
        if n is not None and n == ind.score_max:
            return "score_max", record
        if n is not None and n == ind.score:
            return "score", record
    if record and record[0] == "budget":
        line = form.budget[record[1]]
        if t == _t(line.item):
            return "funding_label", record
        if _num(t) is not None or t == "/":
            return "amount", record
    if t in HEADINGS:
        return "heading", None
    if t in FIELD_LABELS:
        return "field_label", None
    if t in values:
        return "field_value", None
    for ind in form.indicators:  # a merged level cell outside the row that names it
        if t in (_t(ind.level1), _t(ind.level2)):
            return ("level1" if t == _t(ind.level1) else "level2"), None
    return "unread", None


def process_with_cells(path, source=None, options=None):
    """:func:`jixiao.pipeline.process_file` with the stand-in accounting applied to every form."""
    import jixiao.parsers as parsers
    import jixiao.pipeline as pipeline
    from jixiao.extract import ReadOptions

    real_parse = parsers.parse_document

    def parse(doc):
        forms = real_parse(doc)
        account(doc, forms)
        return forms

    parsers.parse_document = parse  # process_file imports it at call time
    try:
        return pipeline.process_file(path, source or path.name, options or ReadOptions())
    finally:
        parsers.parse_document = real_parse


def strip_cells(result, keep_row_boxes: bool = False, drop_row_boxes: bool = False):
    """The result as an extraction without cell accounting; with ``keep_row_boxes`` each indicator
    row gets the box its cells covered (so the report can only fall back to the row's box); with
    ``drop_row_boxes`` no row keeps a box (only its page is left)."""
    if keep_row_boxes:
        boxes: dict = {}
        for c in result.cells:
            if c.get("record") and c.get("x0") is not None:
                key = (c["form_id"], c["record"])
                b = boxes.get(key)
                box = (c["x0"], c["top"], c["x1"], c["bottom"])
                boxes[key] = box if b is None else (min(b[0], box[0]), min(b[1], box[1]), max(b[2], box[2]),
                                                    max(b[3], box[3]))
        seen: dict = {}
        for r in result.indicators:
            k = seen[r["form_id"]] = seen.get(r["form_id"], 0) + 1
            box = boxes.get((r["form_id"], f"indicator:{k}"))
            if box:
                r.update(dict(zip(("x0", "top", "x1", "bottom"), box)))
    if drop_row_boxes:
        for r in result.indicators + result.budget + result.goals:
            r.update(x0=None, top=None, x1=None, bottom=None)
    result.cells = []
    return result
