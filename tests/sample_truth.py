"""Compare jixiao's rows for a sample file with the sample's expected JSON (``samples/expected``)."""
from __future__ import annotations

import json
import math
import re
import unicodedata
from pathlib import Path

from jixiao.extract import ReadOptions
from jixiao.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"
HEADER = ["form_type", "department", "agency", "project", "year"]
INDICATOR = ["level1", "level2", "indicator", "target_raw", "actual_raw", "score_max", "score"]
VALUES = ["comparator", "value", "value_max", "unit", "value_std", "unit_std", "deadline"]
AMOUNTS = ["total", "fiscal", "other", "amount", "budget_initial", "budget_full_year", "executed",
           "execution_rate", "score_max", "score"]


def fold(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(v)))


def f1_score(hit: int, got: int, want: int) -> tuple[float, float, float]:
    """(F1, precision, recall) of ``hit`` right items among ``got`` read and ``want`` expected."""
    precision, recall = hit / max(got, 1), hit / max(want, 1)
    return (2 * precision * recall / (precision + recall) if hit else 0.0), precision, recall


def matched_f1(pairs) -> tuple[float, float, float]:
    """(F1, precision, recall) over (expected items, items read) pairs, an item right when read as expected."""
    hit = got = want = 0
    for expected, read in pairs:
        hit += sum(1 for w in expected if w in read)
        want += len(expected)
        got += len(read)
    return f1_score(hit, got, want)


def same(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)
    except (TypeError, ValueError):
        return fold(a) == fold(b)


def sample_path(expected_name: str, expected_dir: Path = EXPECTED) -> Path:
    source = json.loads((expected_dir / expected_name).read_text(encoding="utf-8"))["source"]
    hits = sorted(p for p in SAMPLES.rglob(Path(source).name) if "expected" not in p.parts)
    assert hits, f"sample file {source} is missing"
    return hits[0]


def _unread_form(n: int, tf: dict) -> list[str]:
    """Every item of an expected form that was not read at all."""
    return [f"form {n} {f} missing" for f in HEADER if tf.get(f) is not None] + \
        [f"form {n} indicator missing: {i['indicator']}" for i in tf["indicators"]] + \
        [f"form {n} budget line missing: {b['item']}" for b in tf.get("budget", [])] + \
        [f"form {n} goal missing: {g['kind']}" for g in tf.get("goals", [])]


def nothing_read(expected_name: str, expected_dir: Path = EXPECTED) -> int:
    """How many differences a reading that found no form at all would have."""
    truth = json.loads((expected_dir / expected_name).read_text(encoding="utf-8"))
    return (1 + sum(len(_unread_form(n, tf)) for n, tf in enumerate(truth["forms"], start=1))) if truth["forms"] else 1


def differences(expected_name: str, options: ReadOptions = ReadOptions(), expected_dir: Path = EXPECTED) -> list[str]:
    """Every way the extracted rows differ from the expected JSON (empty when all agree)."""
    truth = json.loads((expected_dir / expected_name).read_text(encoding="utf-8"))
    path = sample_path(expected_name, expected_dir)
    res = process_file(path, path.name, options)
    diffs: list[str] = []
    if res.documents["status"] != ("ok" if truth["forms"] else "no_forms"):
        # a form not read at all misses everything it holds (so reading it at all is never "worse")
        return [f"status {res.documents['status']}: {res.documents['error']}"] + \
            [d for n, tf in enumerate(truth["forms"], start=1) for d in _unread_form(n, tf)]
    if len(res.forms) != len(truth["forms"]):
        diffs.append(f"{len(res.forms)} forms, expected {len(truth['forms'])}")
        for n, tf in enumerate(truth["forms"][len(res.forms):], start=len(res.forms) + 1):
            diffs.extend(_unread_form(n, tf))
    for n, (tf, pf) in enumerate(zip(truth["forms"], res.forms), start=1):
        fid = pf["form_id"]
        for f in HEADER + ["page_start", "page_end"]:
            if f in tf and not same(tf[f], pf[f]):
                diffs.append(f"form {n} {f}: {pf[f]!r} ≠ {tf[f]!r}")
        rows = [r for r in res.indicators if r["form_id"] == fid]
        keys = [tuple(fold(r[f]) for f in INDICATOR) for r in rows]
        want = [tuple(fold(i.get(f)) for f in INDICATOR) for i in tf["indicators"]]
        for k in want:
            if k not in keys:
                diffs.append(f"form {n} indicator missing: {'|'.join(k)}")
        for k in keys:
            if k not in want:
                diffs.append(f"form {n} indicator extra: {'|'.join(k)}")
        by_key: dict = {}
        for k, r in zip(keys, rows):
            by_key.setdefault(k, []).append(r)
        for i, k in zip(tf["indicators"], want):  # values of each expected indicator that was read
            if not by_key.get(k):
                continue
            r = by_key[k].pop(0)
            for f in VALUES:
                if f in i and not same(i[f], r[f]):
                    diffs.append(f"form {n} {i['indicator']} {f}: {r[f]!r} ≠ {i[f]!r}")
        lines: dict = {}
        for b in res.budget:
            if b["form_id"] == fid:
                lines.setdefault(fold(b["item"]).rstrip(":"), []).append(b)
        for tb in tf.get("budget", []):
            same_label = lines.get(fold(tb["item"]).rstrip(":"), [])
            pb = same_label.pop(0) if same_label else None
            if pb is None:
                diffs.append(f"form {n} budget line missing: {tb['item']}")
                continue
            for f in AMOUNTS:
                if f in tb and not same(tb[f] or 0, pb[f] or 0):
                    diffs.append(f"form {n} budget {tb['item']} {f}: {pb[f]!r} ≠ {tb[f]!r}")
        goals = {(g["kind"], fold(g["text"])) for g in res.goals if g["form_id"] == fid}
        for g in tf.get("goals", []):
            if (g["kind"], fold(g["text"])) not in goals:
                diffs.append(f"form {n} goal missing: {g['kind']} {g['text'][:20]}")
    return diffs
