"""Merged level labels printed at the top, middle or off their block (parsers/spans.py)."""
from __future__ import annotations

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document
from jixiao.parsers.spans import spanned_levels


def test_labels_on_their_blocks_first_rows_read_by_filling_down():
    assert spanned_levels(["产出指标", None, None, "效益指标", None], ["数量指标", None, "质量指标", "社会效益指标", None]) is None


def test_labels_at_their_blocks_middle_cover_the_rows_above_them():
    l1 = [None, None, None, "产出指标", None, None, None, None, "效益指标", None]
    l2 = [None, "数量指标", None, "质量指标", None, "时效指标", None, None, "社会效益指标", None]
    got = spanned_levels(l1, l2)
    assert got is not None
    assert got[0] == ["产出指标"] * 7 + ["效益指标"] * 3
    # a 二级 block never crosses into the next 一级 block
    assert got[1] == ["数量指标"] * 3 + ["质量指标"] + ["时效指标"] * 3 + ["社会效益指标"] * 3


def test_a_table_printing_no_level1_centres_its_level2_labels_alone():
    l2 = [None, "数量指标", None, None, None, "质量指标", None]
    # 数量 over rows 0-3 (label on the upper middle row), 质量 over 4-6 (label in the middle)
    assert spanned_levels([None] * 7, l2) == ([""] * 7, ["数量指标"] * 4 + ["质量指标"] * 3)


def test_rows_above_the_first_label_of_an_excerpt_stay_unlabelled():
    # a page excerpt starting inside the 产出 block: its 成本指标 rows never belong under 效益指标
    l1 = [None, None, None, None, "效益指标", None, None, "满意度指标"]
    l2 = [None, "成本指标", None, None, "社会效益指标", None, "可持续影响指标", "服务对象满意度指标"]
    assert spanned_levels(l1, l2) is None


def test_a_pdf_copy_with_centred_labels_reads_each_row_under_its_block():
    text = "\n".join([
        "项目支出绩效目标表",
        "一级指标 二级指标 三级指标 指标值",
        "新建道路里程 ≥10公里",
        "数量指标 新建桥梁 ≥2座",
        "改造路灯 ≥300盏",
        "产出指标 验收合格率 100%",
        "质量指标 工程质量达标率 ≥95%",
        "材料抽检合格率 ≥98%",
        "时效指标 完工及时率 100%",
        "受益群众人数 ≥5000人",
        "效益指标 社会效益指标 群众出行时间缩短 有所缩短",
        "道路安全事故下降 明显下降",
    ])
    forms = parse_document(text_to_document(text))
    got = [(i.level1, i.level2, i.indicator) for f in forms for i in f.indicators]
    assert got == [
        ("产出指标", "数量指标", "新建道路里程"), ("产出指标", "数量指标", "新建桥梁"), ("产出指标", "数量指标", "改造路灯"),
        ("产出指标", "质量指标", "验收合格率"), ("产出指标", "质量指标", "工程质量达标率"),
        ("产出指标", "质量指标", "材料抽检合格率"), ("产出指标", "时效指标", "完工及时率"),
        ("效益指标", "社会效益指标", "受益群众人数"), ("效益指标", "社会效益指标", "群众出行时间缩短"),
        ("效益指标", "社会效益指标", "道路安全事故下降"),
    ]


def test_a_centred_level1_block_reaches_over_the_level2_labels_filed_under_it():
    # t01 (Huangshi): 产出指标 printed on the 5th of its 12 rows, 满意度指标 on its own row; cutting the 产出
    # block at its middle alone would file 时效指标 / 成本指标 under 满意度指标
    l1 = [None] * 4 + ["产出指标"] + [None] * 7 + ["满意度指标"]
    l2 = ["数量指标", None, None, None, None, "质量指标", None, None, None, None, "时效指标", "成本指标", "服务对象满意度指标"]
    got = spanned_levels(l1, l2)
    assert got is not None
    assert got[0] == ["产出指标"] * 12 + ["满意度指标"]
    assert got[1] == ["数量指标"] * 5 + ["质量指标"] * 5 + ["时效指标", "成本指标", "服务对象满意度指标"]
