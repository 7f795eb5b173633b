"""Analyst columns: places and department keys on forms; standard levels, indicator keys and
targets against actuals on indicators.

Part of the dataset layer, run on the row dicts as they are made, so every output path (the CLI
batch and its cache, the Python API, every writer) carries the same columns. Pure: the rules live
in ``normalize/`` (``places``, ``departments``, ``levels``, ``names``, ``achieve``) and their data
tables; this module only applies them to rows.

- :func:`indicator_columns` — one indicator row: level1_std, level2_std, indicator_key,
  is_quantitative, actual_* (the actual parsed like a target, in the target's unit where it
  gives none), achieved, completion.
- :func:`enrich_forms` — the forms of one document: province, city, county (from the
  department, agency, title and project names; where they say nothing or leave a name
  ambiguous, from the document's other forms and then the file's path), department_code
  (printed before the department's name, or the agency's when the form names no department),
  department_key.
"""
from __future__ import annotations

from typing import Optional

from jixiao.normalize.achieve import judge, parse_actual
from jixiao.normalize.departments import department_key, split_code
from jixiao.normalize.levels import standard_levels
from jixiao.normalize.names import name_key
from jixiao.normalize.places import Place, place_groups, place_of, source_mentions
from jixiao.normalize.target import Target


def indicator_columns(target: Target, *, indicator: Optional[str], level1: Optional[str],
                      level2: Optional[str], target_raw: Optional[str], actual_raw: Optional[str],
                      year: Optional[int]) -> dict:
    level1_std, level2_std = standard_levels(level1, level2)
    out = {"level1_std": level1_std, "level2_std": level2_std,
           "indicator_key": name_key(indicator) or None,
           "is_quantitative": (target.value is not None or bool(target.deadline)) if target.comparator else None,
           "actual_comparator": None, "actual_value": None, "actual_unit": None, "actual_value_std": None,
           "actual_unit_std": None, "achieved": None, "completion": None}
    if not (actual_raw or "").strip():
        return out
    actual = parse_actual(actual_raw, target, year=year)
    verdict = judge(target, actual, actual_raw, target_raw=target_raw, name=indicator,
                    level1_std=level1_std, level2_std=level2_std)
    out.update({"actual_comparator": actual.comparator or None, "actual_value": actual.value,
                "actual_unit": actual.unit or None, "actual_value_std": actual.value_std,
                "actual_unit_std": actual.unit_std or None, "achieved": verdict.achieved,
                "completion": verdict.completion})
    return out


def _texts(form: dict) -> list[Optional[str]]:
    return [form.get("department"), form.get("agency"), form.get("title"), form.get("project")]


def _common(places: list[Place]) -> Place:
    """The part of the chain every place agrees on."""
    out: list = [None, None, None]
    for i, attr in enumerate(("province", "city", "county")):
        values = {getattr(p, attr) for p in places}
        if len(values) != 1:
            break
        out[i] = values.pop()
    return Place(*out)


def enrich_forms(forms: list[dict], source: Optional[str]) -> None:
    """Fill the place and department columns of one document's form rows (in place)."""
    own = [place_of(_texts(f), year=f.get("year")) for f in forms]
    from_path = source_mentions(source)
    for i, form in enumerate(forms):
        others = [p for j, p in enumerate(own) if j != i and p]
        context = []
        if others:
            consensus = place_groups(_common(others))
            if consensus:
                context.append(consensus)
        context.extend(from_path)
        place = place_of(_texts(form), year=form.get("year"), context=context) if context else own[i]
        name = form.get("department") or form.get("agency")
        code, _ = split_code(name)
        form.update({"province": place.province, "city": place.city, "county": place.county,
                     "department_code": code, "department_key": department_key(name, place)})
