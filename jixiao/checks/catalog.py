"""The rules every form is checked against, as data: ``jixiao/data/checks.csv``.

One row per rule: its stable name, its kind (``extraction``: the reading may be wrong;
``submission``: the form itself breaks a rule), the form types it applies to (``all`` or a
space-separated list), the first form year it applies to, a numeric threshold where it has one,
the regulation it comes from and a one-line description (the README's table of rules is this file).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Optional

KINDS = ("extraction", "submission")
STATUSES = ("pass", "fail", "n/a")


@dataclass(frozen=True)
class Rule:
    rule: str
    kind: str
    applies_to: tuple[str, ...]  # form types; empty = every type
    since_year: Optional[int]
    threshold: Optional[float]
    regulation: str
    description: str

    def applies(self, form_type: str, year: Optional[int]) -> Optional[str]:
        """None when the rule applies to a form of this type and year, else why it does not."""
        if self.applies_to and form_type not in self.applies_to:
            return f"applies to {' and '.join(self.applies_to)} forms only"
        if self.since_year is not None:
            if year is None:
                return f"applies from the {self.since_year} budget year and the form's year is unknown"
            if year < self.since_year:
                return f"applies from the {self.since_year} budget year (the form is of {year})"
        return None


@lru_cache(maxsize=None)
def rules() -> tuple[Rule, ...]:
    """Every rule, in the order of ``checks.csv`` (the order of the checks table)."""
    text = files("jixiao").joinpath("data", "checks.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        applies = tuple(row["applies_to"].split()) if row["applies_to"].strip() != "all" else ()
        out.append(Rule(rule=row["rule"], kind=row["kind"], applies_to=applies,
                        since_year=int(row["since_year"]) if row["since_year"].strip() else None,
                        threshold=float(row["threshold"]) if row["threshold"].strip() else None,
                        regulation=row["regulation"], description=row["description"]))
    return tuple(out)


def rule(name: str) -> Rule:
    for r in rules():
        if r.rule == name:
            return r
    raise KeyError(name)
