"""Extraction rules: signs that the reading of the form may be wrong (``forms.needs_review``)."""
from __future__ import annotations

import re

from jixiao.checks.context import Context, every, has_target, quote
from jixiao.checks.catalog import Rule

Result = tuple[str, str]
_DIGIT = re.compile(r"[0-9０-９]")
_CODE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]+[/／]?[A-Za-z]*\s*[0-9０-９][0-9０-９\-－./:]*")  # GB3838-2002, GB/T19001: codes, not numbers
_IGNORED_ROLES = ("noise", "placeholder")


def _short(text: str, n: int = 12) -> str:
    t = "".join((text or "").split())
    return f"'{t[:n]}…'" if len(t) > n else f"'{t}'"


def cells_unread(ctx: Context, rule: Rule) -> Result:
    cells = ctx.form.cells
    if not cells:
        return "n/a", "the parser gave no cell accounting for this form"
    unread = [c for c in cells if c.role == "unread"]
    limit = int(rule.threshold or 0)
    if len(unread) > limit:
        return "fail", f"{len(unread)} of {len(cells)} cells were left unread: {quote(_short(c.text) for c in unread)}"
    return "pass", f"{every(len(cells), 'cell')} {'was' if len(cells) == 1 else 'were'} read"


def ocr_confidence(ctx: Context, rule: Rule) -> Result:
    scored = [c for c in ctx.form.cells
              if c.confidence is not None and c.role not in _IGNORED_ROLES and "".join(c.text.split())]
    if not scored:
        return "n/a", "no OCR-read cells"
    threshold = rule.threshold if rule.threshold is not None else 0.8
    low = sorted((c for c in scored if c.confidence < threshold), key=lambda c: c.confidence)
    if low:
        shown = quote(f"{_short(c.text)} ({c.confidence:.2f})" for c in low)
        return "fail", f"{len(low)} of {len(scored)} OCR cells have a confidence below {threshold:.2f}: {shown}"
    worst = min(c.confidence for c in scored)
    return "pass", f"all {len(scored)} OCR cells have a confidence of at least {threshold:.2f} (lowest {worst:.2f})"


def targets_parsed(ctx: Context, rule: Rule) -> Result:
    pairs = [(i, t) for i, t in zip(ctx.indicators, ctx.targets) if has_target(i) and _DIGIT.search(_CODE.sub("", i.target_raw))]
    if not pairs:
        return "n/a", "no target has a number in it"
    bad = [i.target_raw for i, t in pairs if t.value is None and not t.deadline]
    if bad:
        return "fail", f"{len(bad)} of {len(pairs)} targets with a number did not parse: {quote(_short(b, 20) for b in bad)}"
    return "pass", f"{every(len(pairs), 'target')} with a number parsed"


def indicators_read(ctx: Context, rule: Rule) -> Result:
    n = len(ctx.indicators)
    if n:
        return "pass", f"{n} indicator rows were read"
    return "fail", "the form gave no indicator rows"
