"""Checks: every form against the rules it must follow (the ``checks`` table).

Pure functions of a :class:`jixiao.records.Form` and its parsed targets; no I/O beyond reading the
rules (``data/checks.csv``) once. Sits between ``normalize/`` and ``dataset/``: ``dataset/rows.py``
calls :func:`check_rows` for every form; the review report and any other front end can call
:func:`check_form` on a Form of their own.

    >>> results = check_form(form)                 # one CheckResult per rule, rules in table order
    >>> [r for r in results if r.status == "fail"]
    >>> needs_review(results)                       # an extraction check failed

Rules of kind ``submission`` say the form breaks a rule of the regulations (财预〔2015〕88号,
财预〔2020〕10号, 财预〔2021〕101号); rules of kind ``extraction`` say the reading may be wrong.
A rule that does not apply to the form (its type, its year, nothing to check) gives ``n/a``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from jixiao.checks import extraction, submission
from jixiao.checks.context import Context
from jixiao.checks.catalog import KINDS, STATUSES, Rule, rule, rules
from jixiao.normalize import Target
from jixiao.records import Form

@dataclass(frozen=True)
class CheckResult:
    rule: str
    kind: str  # extraction | submission
    status: str  # pass | fail | n/a
    detail: str


def _function(name: str) -> Callable[[Context, Rule], tuple[str, str]]:
    for module in (submission, extraction):
        fn = getattr(module, name, None)
        if callable(fn):
            return fn
    raise LookupError(f"rule {name} in checks.csv has no function in jixiao.checks")


def check_form(form: Form, targets: Optional[list[Target]] = None) -> list[CheckResult]:
    """Every rule's verdict on one form (``targets``: the indicators' parsed targets, parsed here
    when not given)."""
    ctx = Context.of(form, targets)
    out = []
    for r in rules():
        why_not = r.applies(form.form_type, form.year)
        if why_not is not None:
            out.append(CheckResult(r.rule, r.kind, "n/a", why_not))
            continue
        try:
            status, detail = _function(r.rule)(ctx, r)
        except Exception as e:  # a rule fault must never stop an extraction
            status, detail = "n/a", f"the check could not run ({type(e).__name__}: {e})"[:300]
        out.append(CheckResult(r.rule, r.kind, status, detail))
    return out


def needs_review(results: Iterable[CheckResult]) -> bool:
    """True when an extraction check failed (the form's reading may be wrong)."""
    return any(r.kind == "extraction" and r.status == "fail" for r in results)


def check_rows(results: Iterable[CheckResult], *, source: str, form_id: str) -> list[dict]:
    """The ``checks`` table's rows for one form."""
    return [{"source": source, "form_id": form_id, "rule": r.rule, "kind": r.kind, "status": r.status,
             "detail": r.detail} for r in results]


__all__ = ["CheckResult", "Rule", "KINDS", "STATUSES", "check_form", "check_rows", "needs_review",
           "rule", "rules"]
