"""Real forms' funding blocks in the text flattenings crawlers produce (samples/generators/flatten.py).

Each real form whose funding lines print amounts is written with its block (项目资金(万元) and its
lines, or its amount columns for a self-evaluation) above the indicator table, and read back: a line
counts when its label and every amount come back. Floors at what the parser reads today.
"""
from __future__ import annotations

import pytest

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document
from sample_truth import fold, matched_f1
from samples.generators.flatten import FUNDING_STYLES, funding_forms, render_funding

AMOUNTS = ("amount", "budget_initial", "budget_full_year", "executed")
# glued: 0.785 with the block's label run into its first line or into its amount headings, 0.938 once
# read past (项目资金(万元)年度资金总额:5; …(万元)全年预算数全年执行数执行率得分) and 执行率 | 得分 preferred
# to the one heading 执行率得分 in a run of headings
# glued in 元 (项目资金(元) ⏎ 年度财政资金总额1560015600100%20): 0.730, 0.919 once a line whose label and
# amounts run together is a funding line whatever its amounts' width and the block's label is read past
# before the line's own
# with the twelfth harvest's five funding blocks (the twenty before read as they did): glued 0.938 → 0.924,
# glued_yuan 0.919 → 0.889 (301's 278.4449 | 30 glued into 278.444930, 303's three equal amounts run together,
# 305's one amount under its block's label)
# with the thirteenth harvest's blocks (and 基金 a funding word: 2、政府性基金): cells 0.970 (507/510's scrambled
# 项目资金来源, 404), across 0.965, yuan 0.971 (401/402's labels printing (万元) drawn in 元), glued 0.939, glued_yuan 0.910
# with 其他资金 | (包括以前年度结转资金) read as one line (610): glued_yuan 0.889 → 0.882, the line now read whose two
# amounts run together (159122001551.84) as every other line of that block's already were
# with the fifteenth to seventeenth harvests' funding blocks: pipes and spaces 0.981, one cell per line 0.924,
# glued 0.863, across 0.929, 元 0.951, glued 元 0.824 — 705's 总体支出进度(…) line and 709's lines printing
# two of three amounts (0 0 —) are placed in other columns than their truth's, and glued labels no list knows
FLOORS = {"pipes": 0.98, "cells": 0.92, "spaces": 0.98, "glued": 0.86, "across": 0.925, "yuan": 0.95, "glued_yuan": 0.82}


def _line(item, values) -> tuple:
    return fold(item), tuple(None if v is None else round(float(v), 4) for v in values)


@pytest.mark.parametrize("style", FUNDING_STYLES)
def test_real_funding_blocks_read_in_every_flattening(style):
    def lines(form) -> tuple[list, list]:
        return ([_line(b["item"], [b.get(k) for k in AMOUNTS]) for b in form["budget"]],
                [_line(b.item, [getattr(b, k) for k in AMOUNTS])
                 for f in parse_document(text_to_document(render_funding(form, style))) for b in f.budget])

    f1, precision, recall = matched_f1(lines(form) for _, form in funding_forms())
    assert f1 >= FLOORS[style], f"{style}: F1 {f1:.3f} (P {precision:.3f} R {recall:.3f})"
