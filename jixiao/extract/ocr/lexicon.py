"""Unsure characters set right by the words around them (text boxes → **text boxes**, before cells).

A character the recogniser reads unsurely (below :data:`UNSURE`) and that has a look-alike
(``data/ocr_lookalikes.csv``: 门 内 们, 已 己 巳, …) is replaced by the look-alike when that makes a
word of jieba's dictionary with the character before or after it and the reading does not: ``部内``
(内 at 0.47) is no word, ``部门`` is one of the commonest. A sure reading is never touched, nor one
that already makes a word, so text is kept as printed wherever the recogniser was right.

A fairly sure reading (below :data:`FAIRLY_SURE`) gives way too, but only to a common word
(:data:`COMMON_WORD_FREQ`): the real forms drawn as photos read 部内 for 部门 at 0.64 to 0.98 and 内诊
for 门诊 at 0.86, six rows lost.

Measured on the real forms drawn as image PDFs: the two unsure readings of 部门 in w11 (内 at 0.47 and
0.54) were the only ones of its kind there; PaddleOCR's recogniser gives no second choice per
character (RapidOCR returns the best only), so the look-alike table stands in for one.
"""
from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from jixiao.normalize.dictionary import dictionary_words

UNSURE = 0.6  # a character read less surely than this may be a look-alike
FAIRLY_SURE = 0.99  # read less surely than this, it may still be one when the look-alike makes a common word
COMMON_WORD_FREQ = 300  # jieba frequency of such a word (部门 16543, 门诊 417: 部内 read at 0.64 to 0.98, 内诊 at 0.86)
WORD_MIN_FREQ = 10  # jieba dictionary frequency from which a two-character word counts (阆中 33)


@lru_cache(maxsize=None)
def lookalikes() -> dict[str, str]:
    """Each character of a look-alike group → the other characters of its group."""
    out: dict[str, str] = {}
    with resources.files("jixiao.data").joinpath("ocr_lookalikes.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            group = row["group"].strip()
            for ch in group:
                out[ch] = group.replace(ch, "")
    return out


@lru_cache(maxsize=None)
def _words() -> dict[str, int]:
    """Two-character dictionary words holding a look-alike, with their frequency (only those: the whole
    word list is not kept)."""
    chars = set(lookalikes())
    return {word: freq for word, freq in dictionary_words((2, 2), WORD_MIN_FREQ)
            if word[0] in chars or word[1] in chars}


def _word_freq(before: str, ch: str, after: str) -> int:
    words = _words()
    return max(words.get(before + ch, 0), words.get(ch + after, 0))


def better_reading(before: str, ch: str, after: str, score: float) -> str:
    """``ch`` (read with ``score`` between ``before`` and ``after``, each one character or empty), or the
    look-alike the dictionary says was printed."""
    alternatives = lookalikes().get(ch)
    if score >= FAIRLY_SURE or not alternatives or _word_freq(before, ch, after):
        return ch
    best = max(alternatives, key=lambda alt: _word_freq(before, alt, after))
    needed = 1 if score < UNSURE else COMMON_WORD_FREQ  # a fairly sure reading gives way to a common word only
    return best if _word_freq(before, best, after) >= needed else ch


def fix_unsure_glyphs(boxes):
    """The boxes with their unsure look-alike characters set right (box text and glyphs alike)."""
    out = []
    for box in boxes:
        glyphs = box.glyphs
        if not glyphs or all(g.score >= FAIRLY_SURE or g.text not in lookalikes() for g in glyphs):
            out.append(box)
            continue
        texts = [g.text for g in glyphs]
        fixed = list(texts)
        for k, g in enumerate(glyphs):
            if len(g.text) == 1:
                before = texts[k - 1] if k and len(texts[k - 1]) == 1 else ""
                after = texts[k + 1] if k + 1 < len(texts) and len(texts[k + 1]) == 1 else ""
                fixed[k] = better_reading(before, g.text, after, g.score)
        if fixed == texts or "".join(texts).replace(" ", "") != box.text.replace(" ", ""):
            out.append(box)
            continue
        joined = iter("".join(fixed))
        text = "".join(ch if ch == " " else next(joined) for ch in box.text)  # the box keeps its spaces
        out.append(replace(box, text=text, glyphs=[replace(g, text=t) for g, t in zip(glyphs, fixed)]))
    return out

