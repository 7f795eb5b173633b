"""A target column printed after the table body (text-layer order) → each target back after its row.

Part of ``parsers/`` (pure). Text copied from a PDF follows the order its producer wrote the text
in, and some write a table's 指标值 column last: the names of every row come first, then the run of
targets. Read as it stands, the first target would close the last row and every other row would
have none.

The pattern is recognised on the decoder's tokens, before decoding: the region ends in a run of
tokens that opens with a value or is mostly value-shaped (each fits 指标值 better than a name; a
run of qualitative targets such as 及时率 | 合规 | 满意度 fits no better), with no level name, and the body
before the run, decoded without a target column, holds exactly as many rows as the run has tokens. The tokens are then put back in reading order — each target after the last token of its
row — and the region is decoded as usual. A run that does not match the rows one for one is left
as it was.
"""
from __future__ import annotations

from typing import Optional, Sequence

from jixiao.parsers.decoder import Template, Token, decode, record_starts
from jixiao.parsers.fit import VALUE_ONLY, fit
from jixiao.parsers.glued_rows import ends_like_name
from jixiao.parsers.vocab import level_of

MIN_RUN = 2  # targets in a run printed after the body
NAME_LIKE_LEN = 6  # characters from which a text ending in 率/度/性 … is a name, not a target
LOOK_BACK = 40  # tokens before the first plain value where the run may start (qualitative targets)


def _value_shaped(text: str, template: Template) -> bool:
    """A target rather than a name (or, in a table with scores, a score: 10, 9.34)."""
    rivals = ["indicator"] + [r for r in ("score_max", "score") if r in template.values]
    return bool(text) and not level_of(text) and fit(text, "target") > max([0.0] + [fit(text, r) for r in rivals])


def _name_like(text: str) -> bool:
    """A long text ending as names do (岁以下儿童健康管理率); short ones are targets too (完善率)."""
    return len(text) >= NAME_LIKE_LEN and ends_like_name(text)


def _rows_without_target(body: Sequence[Token], template: Template) -> Optional[list[int]]:
    """For each row of the body (decoded without the target column and its parts): the index of
    the token its target follows — the last of the row's columns printed before the target (its
    name, or a 分值 printed first); None when a row has two names or a name is a plain value (the
    targets are inline)."""
    without = Template(tuple(v for v in template.values if v not in ("target", "operator", "unit")), template.columns)
    values = list(template.values)
    before = set(values[:values.index("target")]) if "target" in values else set()
    roles = decode(body, without)
    starts = record_starts(roles)
    ends: list[int] = []
    has_name = False
    for i, (role, start) in enumerate(zip(roles, starts)):
        if role is None:
            continue
        if start:
            has_name = False
        if role == "indicator":
            if has_name or VALUE_ONLY.match(body[i].text.strip()):
                return None  # two names in a row, or a plain value read as a name: targets are inline
            has_name = True
            ends.append(i)
        elif ends and role in before:
            ends[-1] = i
    return ends


def reading_order(tokens: Sequence[Token], template: Template) -> Optional[list[int]]:
    """The order that puts a deferred target run back after its rows (token indices), or None.

    The run has no level name and opens with a value or is mostly value-shaped. It starts at the region's first plain
    value (≥90辆, 100%) when no level name follows that — a target table — or where the region's
    closing run of value-shaped tokens starts — a table whose actuals and scores stay inline — or a
    little before either: it may open with qualitative targets (较高, 及时支出), and names may carry
    numbers (饲料库120平米). The start is where the count matches: the body before it has as many
    rows as the run has tokens."""
    filled = [i for i, t in enumerate(tokens) if t.text]
    anchors = []
    first_value = next((n for n, i in enumerate(filled) if VALUE_ONLY.match(tokens[i].text.strip())), None)
    if first_value is not None and not any(level_of(tokens[i].text) for i in filled[first_value:]):
        anchors.append(first_value)
    closing = len(filled)
    while closing > 0 and _value_shaped(tokens[filled[closing - 1]].text, template):
        closing -= 1
    if len(filled) - closing >= MIN_RUN:
        anchors.append(closing)
    starts = sorted({n for a in anchors for n in range(max(1, a - LOOK_BACK), a + 1)}, reverse=True)
    for n in starts:
        body_end, run = filled[n], filled[n:]
        shaped = [_value_shaped(tokens[i].text, template) for i in run]
        if len(run) < MIN_RUN or (sum(shaped) * 2 < len(run) and not shaped[0]) or \
                any(level_of(tokens[i].text) or (not ok and _name_like(tokens[i].text)) for i, ok in zip(run, shaped)):
            continue  # a level name, or a name (…管理率) among the targets: no run of targets
        ends = _rows_without_target(tokens[:body_end], template)
        if ends is not None and len(ends) == len(run):
            return _interleave(len(tokens), body_end, ends, run)
    return None


def _interleave(n: int, body_end: int, ends: list[int], targets: list[int]) -> list[int]:
    after = dict(zip(ends, targets))
    order: list[int] = []
    for i in range(body_end):
        order.append(i)
        if i in after:
            order.append(after[i])
    order.extend(i for i in range(body_end, n) if i not in targets)
    return order
