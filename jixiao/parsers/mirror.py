"""Mirror pages' pinyin: read without it, written out with it.

Part of ``parsers/`` (pure): the first and last step of :func:`jixiao.parsers.forms.parse_document`.
Mirror and aggregator sites reprint government pages in Traditional characters with the pinyin of
some characters injected after them (``項(xiàng)目績(jī)效目標(biāo)``). Every reader of the parsers
would have to look through those brackets — a numbering ``指標(biāo)1:``, a heading ``年度總(zǒng)
體目標(biāo)``, a glued row cut at vocabulary words — and each that did not lost rows: with pinyin after
about half the Traditional characters, 24 of the 150 real pages lost 105 rows, goals and funding
lines between them.

On every mirror page of the real samples the pinyin is a ruby layer: a character that carries it
carries the same pinyin at each of its occurrences, and only characters the Simplified script writes
otherwise carry any (8 pages, 689 annotations, no exception). So the parsers read the document with
that layer taken off, and the strings they write — printed strings, which the contract keeps as
printed — get it back: each such character is followed again by its pinyin. A character annotated at
some occurrences and not at others, or one Simplified script writes the same, keeps its brackets in
the text read (it cannot be given back exactly), as does a page with too few annotations to be a
mirror's (``寬(cm)`` is a unit).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import fields, is_dataclass, replace

from jixiao.model import Document, Table
from jixiao.normalize.folding import PINYIN, to_simplified
from jixiao.records import Form

MIN_RUBY = 5  # annotations on a page from which its pinyin is a mirror's layer, not a bracketed word


def ruby_of(doc: Document) -> dict[str, str]:
    """Character → the pinyin printed after it at every one of its occurrences (Traditional-only
    characters of a page carrying at least MIN_RUBY annotations); empty for other pages."""
    texts = [c.text for b in doc.blocks for c in (b.cells if isinstance(b, Table) else [b]) if c.text]
    marks: dict[str, set] = defaultdict(set)
    annotated: Counter = Counter()
    for text in texts:
        for m in PINYIN.finditer(text):
            marks[text[m.start() - 1]].add(m.group())
            annotated[text[m.start() - 1]] += 1
    if sum(annotated.values()) < MIN_RUBY:
        return {}
    printed = Counter(ch for text in texts for ch in text if ch in marks)
    return {ch: next(iter(m)) for ch, m in marks.items()
            if len(m) == 1 and annotated[ch] == printed[ch] and to_simplified(ch) != ch}


def without_ruby(doc: Document, ruby: dict[str, str]) -> Document:
    """The document with the ruby layer taken off every cell and line."""
    annotated = re.compile("|".join(re.escape(ch + mark) for ch, mark in ruby.items()))

    def strip(text: str) -> str:
        return annotated.sub(lambda m: m.group()[0], text) if text else text

    blocks = [replace(b, cells=[replace(c, text=strip(c.text)) for c in b.cells]) if isinstance(b, Table)
              else replace(b, text=strip(b.text)) for b in doc.blocks]
    return replace(doc, blocks=blocks)


def with_ruby(forms: list[Form], ruby: dict[str, str]) -> list[Form]:
    """The forms with each printed string's ruby characters followed again by their pinyin."""
    chars = re.compile("[" + re.escape("".join(ruby)) + "]")

    def back(text):
        return chars.sub(lambda m: m.group() + ruby[m.group()], text) if isinstance(text, str) and text else text

    def restore(obj):
        for f in fields(obj):
            value = getattr(obj, f.name)
            if f.name in PRINTED:
                setattr(obj, f.name, back(value))
            elif f.name == "target_parts" and value:
                setattr(obj, f.name, tuple(back(v) for v in value))
            elif isinstance(value, list):
                for item in value:
                    if is_dataclass(item):
                        restore(item)
        return obj

    return [restore(f) for f in forms]


# the fields of records.py that hold printed text (form_type, kind, role … are the parser's words)
PRINTED = frozenset({"title", "department", "agency", "project", "level1", "level2", "indicator", "target_raw",
                     "actual_raw", "deviation", "item", "content", "text"})
