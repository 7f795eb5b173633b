"""Mirror pages: the real pages (samples/real/*.txt) printed in Traditional characters, as mirror and
aggregator sites reprint government pages — with or without the pinyin of some characters injected
after them (項(xiàng)目) — read as the pages themselves do.

Every vocabulary lookup folds Traditional to Simplified for matching only, so the reading of a mirror
page — forms, header fields, funding lines, goals, indicator rows — folded back to Simplified is the
reading of its page; and every string written out stays as the mirror prints it (no Simplified
character the mirror page does not print leaks into a name, a label or a goal). Each of these had
failed on some page before: a run of numbered names (指標1:) not seen as one, a funding block's 計劃
columns taken for a self-evaluation's, a unit's 辦事處 cut from its name, a placeholder (對照年度目標…)
read as a goal, a record list's 資金總額 written as 资金总额. With pinyin after about half the
Traditional characters (each such character annotated at every occurrence, as on the real mirror pages),
24 pages read differently until the parsers read a page without its pinyin (parsers/mirror.py).
"""
from __future__ import annotations

import re

import opencc
import pytest

from jixiao.extract.text import text_to_document
from jixiao.normalize.folding import PINYIN
from jixiao.parsers import parse_document
from sample_truth import SAMPLES

PAGES = sorted(p.name for p in (SAMPLES / "real").glob("*.txt"))
TO_TRADITIONAL, TO_SIMPLIFIED = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
CJK = re.compile(r"[\u4e00-\u9fff]")
SYLLABLES = ("biāo", "xiàng", "jì", "qū", "zhǐ", "shù")


def _with_pinyin(text: str) -> str:
    """Traditional, and about half the characters the conversion changes followed by a pinyin at every
    occurrence (which ones: a fixed hash of the character)."""
    out = []
    for ch in text:
        t = TO_TRADITIONAL.convert(ch)
        out.append(t + (f"({SYLLABLES[ord(ch) % 6]})" if t != ch and ord(ch) * 2654435761 % 1000 < 550 else ""))
    return "".join(out)


def _folded(text) -> str:
    return re.sub(r"\s+", "", PINYIN.sub("", TO_SIMPLIFIED.convert(str(text if text is not None else ""))))


def _reading(forms) -> set:
    out = set()
    for f in forms:
        out.add(("form", f.form_type, _folded(f.project), _folded(f.department), _folded(f.agency), f.year))
        out.update(("row", _folded(i.level1), _folded(i.level2), _folded(i.indicator), _folded(i.target_raw),
                    _folded(i.actual_raw)) for i in f.indicators)
        out.update(("funding", _folded(b.item), b.amount) for b in f.budget)
        out.update(("goal", g.kind, _folded(g.text)) for g in f.goals)
    return out


def _printed_strings(forms) -> list[str]:
    out = []
    for f in forms:
        out += [f.title, f.project, f.department, f.agency]
        out += [s for i in f.indicators for s in (i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw)]
        out += [b.item for b in f.budget] + [g.text for g in f.goals]
    return [s for s in out if s]


@pytest.mark.parametrize("pinyin", [False, True], ids=["traditional", "pinyin"])
@pytest.mark.parametrize("name", PAGES, ids=[p.removesuffix(".txt") for p in PAGES])
def test_a_mirror_page_reads_as_its_page(name, pinyin):
    page = (SAMPLES / "real" / name).read_text(encoding="utf-8")
    mirror = _with_pinyin(page) if pinyin else TO_TRADITIONAL.convert(page)
    forms, mirrored = parse_document(text_to_document(page)), parse_document(text_to_document(mirror))
    assert _reading(mirrored) == _reading(forms)
    printed = set(mirror)
    leaked = [s for s in _printed_strings(mirrored) if any(ch not in printed for ch in CJK.findall(s))]
    assert not leaked, leaked[:3]
    if pinyin:  # every character the page prints with its pinyin is written out with it
        marks = {mirror[m.start() - 1]: m.group() for m in PINYIN.finditer(mirror)}
        bare = [s for s in _printed_strings(mirrored)
                if any(ch in marks and not s.startswith(marks[ch], k + 1) for k, ch in enumerate(s))]
        assert not bare, bare[:3]
