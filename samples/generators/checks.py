"""Seeded-fault samples for the checks: forms that break exactly one rule each.

Part of ``samples/`` (not of the pipeline). Each sample is a synthetic form from ``forms.py`` with
one fault put in — no 满意度指标, 分值 adding up to 90, a funding line that does not add up, an 得分
above its 分值 — rendered as pasted text (tab-separated, the most common way forms arrive) into
``samples/checks/``. Its expected JSON in ``samples/expected/`` is the usual truth plus
``checks_failed``: the rules that must fail on it, and no other.

Run ``python -m samples.generators.checks`` to regenerate; outputs are committed.
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parents[2])
from samples.generators import forms  # noqa: E402
from samples.generators.text import render  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]


def _project_self_eval() -> dict:
    """The project self-evaluation with 成本指标 as a 一级 of its own (the 2021 templates), so that
    it passes every submission rule."""
    form = copy.deepcopy(forms.PROJECT_SELF_EVAL)
    for ind in form["indicators"]:
        if ind["level2"] == "成本指标":
            ind["level1"], ind["level2"] = "成本指标", "经济成本指标"
    return form  # the 成本 row sits between the 产出 and 效益 rows, so every 一级 block stays contiguous


def no_satisfaction() -> dict:
    form = copy.deepcopy(forms.PROJECT_TARGET)
    form["indicators"] = [i for i in form["indicators"] if i["level1"] != "满意度指标"]
    return form


def weights_90() -> dict:
    form = _project_self_eval()
    first = form["indicators"][0]
    first["score_max"], first["score"] = 5, 5  # was 15: the 分值 now add up to 80 + 10
    return form


def funding_mismatch() -> dict:
    form = copy.deepcopy(forms.DEPARTMENT_TARGET)
    form["budget"][0]["other"] = 10.0  # 1500.36 + 10 ≠ 1520.36
    return form


def score_over_max() -> dict:
    form = _project_self_eval()
    second = form["indicators"][1]
    second["score"] = 12  # 分值 10
    return form


SAMPLE_SET = [
    ("checks_no_satisfaction.txt", no_satisfaction, ["level1_satisfaction_present"]),
    ("checks_weights_90.txt", weights_90, ["scores_sum_to_100"]),
    ("checks_funding_mismatch.txt", funding_mismatch, ["funding_adds_up"]),
    ("checks_score_over_max.txt", score_over_max, ["score_within_max"]),
    ("checks_clean_project_self_eval.txt", _project_self_eval, []),
]


def build(outdir: Path = SAMPLES) -> list[Path]:
    sample_dir, expected_dir = outdir / "checks", outdir / "expected"
    sample_dir.mkdir(parents=True, exist_ok=True)
    expected_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make, failing in SAMPLE_SET:
        form = make()
        path = sample_dir / name
        path.write_text(render([form], "tabs"), encoding="utf-8")
        exp = forms.expected(name, "txt", [form])
        exp["checks_failed"] = failing
        (expected_dir / f"{name}.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(p)
