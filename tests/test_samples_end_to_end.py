"""Every committed sample, end to end (read → parse → normalise → rows), against its expected JSON."""
from __future__ import annotations

import pytest

from sample_truth import EXPECTED, differences

OCR_FORMATS = ("scan_",)
NAMES = sorted(p.name for p in EXPECTED.glob("*.json"))


def _param(name: str):
    marks = [pytest.mark.ocr, pytest.mark.slow] if name.startswith(OCR_FORMATS) else []
    return pytest.param(name, marks=marks, id=name.removesuffix(".json"))


@pytest.mark.parametrize("name", [_param(n) for n in NAMES])
def test_sample_matches_expected(name):
    assert differences(name) == []


def test_every_format_has_samples():
    formats = {n.split(".")[-2] for n in NAMES}
    assert {"txt", "pdf", "docx", "doc", "xlsx", "xls", "html", "png", "jpg"} <= formats
