"""Labels broken over several cells put back together: ``经济效益 | 指标``, ``产 | 出 | 指 | 标``.

Part of ``parsers/`` (pure). Crawlers and viewers break a label wherever the printed cell wrapped
(one line per paragraph, one character per line for vertical text 竖排). A run of short cells
whose concatenation is a vocabulary word (a level name, a column heading, a header field key, a
goal heading, a funding label) — and whose pieces are not words on their own — is one cell.
"""
from __future__ import annotations

from functools import lru_cache

from jixiao.parsers.rows import RowCell
from jixiao.parsers.vocab import budget_roles, column_roles, field_keys, goal_kinds, key, key_no_notes, level_of

MAX_PIECES = 6
MAX_PIECE_LEN = 8


@lru_cache(maxsize=None)
def _words() -> frozenset:
    from jixiao.parsers.vocab import level_names

    l1, l2 = level_names()
    return frozenset(l1 | l2 | set(column_roles()) | set(field_keys()) | set(goal_kinds()) | set(budget_roles()))


def is_word(text: str) -> bool:
    return bool(text) and (key(text) in _words() or key_no_notes(text) in _words() or bool(level_of(text)))


def mend(cells: list[RowCell]) -> list[RowCell]:
    """Join runs of cells that together spell one vocabulary word (longest run first)."""
    out: list[RowCell] = []
    i = 0
    n = len(cells)
    while i < n:
        joined = None
        if cells[i].text and len(cells[i].text) <= MAX_PIECE_LEN:
            for k in range(min(MAX_PIECES, n - i), 1, -1):
                piece = cells[i:i + k]
                if any(not c.text or len(c.text) > MAX_PIECE_LEN or any(ch.isdigit() for ch in c.text) for c in piece):
                    continue
                text = "".join(c.text for c in piece)
                if is_word(text) and not any(is_word(c.text) and len(c.text) > 1 for c in piece[1:]):
                    joined = (k, text)
                    break
        if joined:
            k, text = joined
            first = cells[i]
            out.append(RowCell(text, first.col, 1, first.carried, "".join(c.raw for c in cells[i:i + k]), first.page,
                               first.bbox, first.confidence, first.table, first.row))
            i += k
            continue
        out.append(cells[i])
        i += 1
    return out
