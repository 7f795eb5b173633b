"""Department names → code, comparable key (the same body across forms and years).

Part of ``normalize/``; pure. The decorations are data (``data/department_marks.tsv``): a code
printed before the name (``820001-``, ``[155]``, ``207101``, ``505_``, ``S100031-``) becomes
``department_code``; a code after the name, ``本级``/``机关`` suffixes and brackets are dropped
from the key; common short forms (卫健委, 人社局 …) are written out; a leading level word (区 in
区市场监督管理局, 县 in 县民宗委) is dropped once the place is known — it stands for the place.

``department_key(name, place)``: the folded name (Traditional → Simplified, full-width → ASCII,
no spaces) without codes, suffixes and brackets; the division names it starts with are removed
and the resolved place is written in front instead (``湖南省长沙县农业农村局`` and ``长沙县农业农村局``
both → ``湖南省长沙市长沙县农业农村局``), so a bare name such as 财政局 or 区市场监督管理局 is
qualified by the place its form was read to be in. Without a place the key is the bare name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from .folding import fold_text
from .vocab import read_table
from .places import Place, leading_places

_BRACKETS = re.compile(r"[()\[\]{}【】〔〕<>《》\"'“”‘’]")
_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _marks() -> dict[str, list]:
    out: dict[str, list] = {}
    for row in read_table("department_marks.tsv"):
        if row["kind"] == "abbrev":
            out.setdefault("abbrev", []).append((row["pattern"], row["replacement"]))
        else:
            out.setdefault(row["kind"], []).append(re.compile(row["pattern"]))
    return out


@lru_cache(maxsize=65536)
def split_code(name: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(code printed before the name or None, the name without it) — ``820001-井研县马踏镇人民政府``
    → (``820001``, ``井研县马踏镇人民政府``)."""
    if not name:
        return None, name
    text = unicodedata.normalize("NFKC", name).strip()
    for pattern in _marks().get("code_lead", ()):
        m = pattern.match(text)
        if m and len(_CJK.findall(text[m.end():])) >= 3:  # a name follows (not 12345热线)
            return m.group(1), text[m.end():].strip()
    return None, text


@lru_cache(maxsize=65536)
def bare_name(name: Optional[str]) -> str:
    """The name folded, without codes, suffixes, brackets and spaces (no place handling)."""
    if not name:
        return ""
    _, text = split_code(name)
    marks = _marks()
    for pattern in marks.get("code_trail", ()):
        text = pattern.sub("", text)
    text = fold_text(text)
    for pattern in marks.get("suffix", ()):
        text = pattern.sub("", text)
    return _BRACKETS.sub("", text)


def department_key(name: Optional[str], place: Place = Place()) -> Optional[str]:
    """The key linking one body across forms and years (see the module docstring); None for a
    name with no Chinese characters in it (masked ``****``, empty)."""
    bare = bare_name(name)
    if not _CJK.search(bare):
        return None
    rest = bare
    if place:
        rest = rest[leading_places(rest, place):]
        for pattern in _marks().get("level", ()):
            rest = pattern.sub("", rest, count=1)
    for short, full in _marks().get("abbrev", ()):
        if rest.endswith(short):
            rest = rest[: len(rest) - len(short)] + full
            break
    prefix = place.label() if place else ""
    return (prefix + rest) or bare
