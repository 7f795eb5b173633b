"""What an indicator's names tell the target parser (row stage, optional).

A target cell alone is read as written; the extraction knows more — the 一级/二级 levels and the
三级 name of the row — and passes them as a ``Context``. Two readings use it, both with word lists
from ``data/contexts.tsv``:

- money: under a cost or funding indicator (成本指标, …经费, …资金) a bare number multiplier means
  元: ``100万`` → 100 万元 (value_std 1,000,000 元). Without the context ``100万`` stays 万.
- rate: under a rate that cannot pass 100% (…率, 满意度) an OCR'd ``290%`` is ``≥90%`` with the
  ≥ misread as 2. Rates that can pass 100% (增长率, 完成率 …) are never reread.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .names import name_key
from .vocab import CONTEXTS

# a trailing bracket of a name: the unit or a note (项目总投资(万元), 满意度(%))
_TRAILING_BRACKET = re.compile(r"[(（][^()（）]{0,8}[)）]$")


@dataclass(frozen=True)
class Context:
    """The row a target belongs to: its 三级 name and its 一级/二级 levels, all as printed."""
    indicator: str | None = None
    level1: str | None = None
    level2: str | None = None

    def __bool__(self) -> bool:
        return bool(self.indicator or self.level1 or self.level2)


@lru_cache(maxsize=16384)
def _name(indicator: str | None) -> tuple[str, str]:
    """(the name's key, the key without a trailing bracket)."""
    key = name_key(indicator) if indicator else ""
    bare = key
    while _TRAILING_BRACKET.search(bare):
        bare = _TRAILING_BRACKET.sub("", bare)
    return key, bare


def _has(kind: str, where: str, text: str) -> bool:
    words = CONTEXTS.get(kind, {}).get(where, ())
    if where == "name_end":
        return text.endswith(words) if words else False
    return any(w in text for w in words)


def is_money(ctx: Context | None) -> bool:
    """The indicator counts money (a cost level, or a name ending in 经费/资金/成本 …)."""
    if not ctx:
        return False
    levels = name_key(ctx.level1 or "") + "|" + name_key(ctx.level2 or "")
    if _has("money", "level", levels):
        return True
    key, bare = _name(ctx.indicator)
    return bool(key) and (_has("money", "name_end", bare) or _has("money", "name", key))


def is_bounded_rate(ctx: Context | None) -> bool:
    """The indicator is a rate that cannot pass 100% (覆盖率, 满意度 — not 增长率, 完成率)."""
    if not ctx or not ctx.indicator:
        return False
    key, bare = _name(ctx.indicator)
    return _has("rate", "name_end", bare) and not _has("unbounded", "name", key)
