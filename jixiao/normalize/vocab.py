"""Vocabularies of the normaliser (row stage), loaded once from ``jixiao/data/*.tsv``.

units.tsv, multipliers.tsv, numerals.tsv, comparators.tsv, periods.tsv, notes.tsv and
contexts.tsv hold every word the normaliser knows; this module turns them into lookup
dictionaries. Spellings are folded by ``fold``
(the parser folds its input the same way) and Latin spellings are matched lower-cased.
"""
from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from importlib.resources import files

from jixiao.normalize.folding import to_simplified


def fold(text: str) -> str:
    """NFKC-fold the way parser input is folded (full-width → ASCII, ㎡ → m2), Traditional characters
    made Simplified by OpenCC (不低於 → 不低于, 萬元 → 万元; ``folding.to_simplified``)."""
    return to_simplified(unicodedata.normalize("NFKC", text))


def _key(spelling: str) -> str:
    folded = fold(spelling)
    return folded.lower() if folded.isascii() else folded


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of a table in ``jixiao/data`` — tab-separated, or comma-separated for a ``.csv`` — blank
    lines and ``#`` comments skipped."""
    text = files("jixiao").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    delimiter = "," if name.endswith(".csv") else "\t"
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter,
                               quoting=csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE))


@dataclass(frozen=True)
class Unit:
    canonical: str   # spelling written to `unit`
    kind: str        # money, area, length, mass, volume, time, count …
    factor: Fraction  # one canonical unit in std units (exact: 亩 = 2000/3)
    std: str         # the standard unit of the kind


@dataclass(frozen=True)
class Comparator:
    token: str
    comparator: str | None   # None for a block word
    where: str               # pre, post, mark, range, join, block, ocr, cell
    strong: bool
    adjacent: bool


@dataclass(frozen=True)
class Period:
    month: int
    day: int | None          # None = the month's last day
    year_shift: int
    kind: str                # period or year



UNITS: dict[str, Unit] = {}
for _row in read_table("units.tsv"):
    UNITS[_key(_row["spelling"])] = Unit(_row["canonical"], _row["kind"],
                                         Fraction(_row["factor"]), _row["std_unit"])
UNIT_MAXLEN = max(map(len, UNITS))

MULTIPLIERS: dict[str, int] = {_key(r["spelling"]): int(r["factor"]) for r in read_table("multipliers.tsv")}
MULTIPLIER_MAXLEN = max(map(len, MULTIPLIERS))

NUMERAL_DIGITS: dict[str, int] = {}
NUMERAL_SMALL: dict[str, int] = {}
NUMERAL_BIG: dict[str, int] = {}
NUMERAL_POINT: set[str] = set()
for _row in read_table("numerals.tsv"):
    if _row["kind"] == "point":
        NUMERAL_POINT.add(_row["char"])
    else:
        {"digit": NUMERAL_DIGITS, "small": NUMERAL_SMALL, "big": NUMERAL_BIG}[_row["kind"]][
            _row["char"]] = int(_row["value"])
NUMERAL_CHARS = "".join([*NUMERAL_DIGITS, *NUMERAL_SMALL, *NUMERAL_BIG])

COMPARATORS: dict[str, dict[str, Comparator]] = {}
for _row in read_table("comparators.tsv"):
    _c = Comparator(fold(_row["token"]), None if _row["comparator"] == "\\N" else _row["comparator"],
                    _row["where"], _row["strength"] == "strong", _row["adjacent"] == "yes")
    _group = "pre" if _c.where == "block" else _c.where
    COMPARATORS.setdefault(_group, {})[_c.token] = _c
COMPARATOR_MAXLEN = {g: max(map(len, d)) for g, d in COMPARATORS.items()}

PERIODS: dict[str, Period] = {}
for _row in read_table("periods.tsv"):
    PERIODS[_key(_row["word"])] = Period(int(_row["month"]),
                                         None if _row["day"] == "end" else int(_row["day"]),
                                         int(_row["year_shift"]), _row["kind"])

# words in brackets after a number that are no unit: ≥90(目标)
NOTES: frozenset[str] = frozenset(fold(r["word"]) for r in read_table("notes.tsv"))

# context words of the indicator's levels and name: {kind: {where: (word, …)}}
CONTEXTS: dict[str, dict[str, tuple[str, ...]]] = {}
for _row in read_table("contexts.tsv"):
    _where = CONTEXTS.setdefault(_row["kind"], {})
    _where[_row["where"]] = (*_where.get(_row["where"], ()), fold(_row["word"]))


_FIRST_CHAR: dict[int, dict[str, int]] = {}


def _first_char_index(table: dict) -> dict[str, int]:
    """For each first character of a key of `table`, the length of its longest key."""
    index = _FIRST_CHAR.get(id(table))
    if index is None:
        index = {}
        for key in table:
            index[key[0]] = max(index.get(key[0], 0), len(key))
        _FIRST_CHAR[id(table)] = index
    return index


def longest(table: dict, text: str, start: int, maxlen: int, ascii_boundary: bool = False):
    """The longest key of `table` written at text[start:], as (key, value), or None.

    With ascii_boundary, a Latin key must not be followed by another Latin letter (km, not kmh)."""
    if start >= len(text):
        return None
    first = text[start]
    limit = _first_char_index(table).get(first.lower() if first.isascii() else first)
    if not limit:
        return None
    for size in range(min(limit, maxlen, len(text) - start), 0, -1):
        piece = text[start:start + size]
        k = piece.lower() if piece.isascii() else piece
        if k in table:
            if ascii_boundary and piece[-1].isascii() and piece[-1].isalpha():
                nxt = text[start + size:start + size + 1]
                if nxt.isascii() and nxt.isalpha():
                    continue
            return k, table[k]
    return None
