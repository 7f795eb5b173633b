"""Indicator blocks written as text beside their level names (parsers/packed.py), read whole."""
from __future__ import annotations

import pytest

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document
from jixiao.parsers.packed import items_of, split_item


@pytest.mark.parametrize("item, name, target", [
    ("指标1部门重点支出占部门整体支出的比例是15%", "指标1部门重点支出占部门整体支出的比例", "15%"),  # 是 joins them
    ("指标3部门整体支出支付进度为100%", "指标3部门整体支出支付进度", "100%"),
    ("指标2三公经费2017年比2016年增加公务接待费990元", "指标2三公经费2017年比2016年增加公务接待费", "990元"),
    ("指标5(部门预决算和三公经费预决算公开)100%", "指标5(部门预决算和三公经费预决算公开)", "100%"),
    ("指标3(社会公众或服务对象满意度):满意", "指标3(社会公众或服务对象满意度)", "满意"),  # a colon parts them
    ("指标4工程建设有新亮点", "指标4工程建设有新亮点", ""),
])
def test_a_packed_item_is_its_name_and_the_value_it_ends_with(item, name, target):
    assert split_item(item) == (name, target)


def test_packed_items_are_cut_at_their_numbering_even_where_the_separators_were_squashed():
    assert items_of("指标1(经济效益):预计收费4000元指标2(社会效益):工程建设有新亮点 指标3(满意度):满意……") == [
        "指标1(经济效益):预计收费4000元", "指标2(社会效益):工程建设有新亮点", "指标3(满意度):满意"]
    assert items_of("完成2017年比2016年增加1个") == []  # no numbering opens it


def test_a_hunan_2017_declaration_whose_indicators_are_packed_beside_their_level_names():
    # a real Yanling 申报表 as | rows: each 一级 row holds its indicators as one run of numbered items
    text = ("部门整体支出绩效目标申报表\n| 部门(单位)名称:炎陵县交通运输局 | 单位负责人:林友 |\n"
            "| 整体绩效目标 | 目标1:干线公路建设;目标2:农村公路建设。…… |\n"
            "| 部门整体支出 年度绩效指标 | 产出指标 | 指标1部门重点支出占部门整体支出的比例是15%: "
            "指标2部门整体支出支付进度为100%: …… |\n"
            "| 效益指标 | 指标1(经济效益):预计收费4000元 指标2(社会公众或服务对象满意度):满意 …… |\n"
            "| 财政部门审核意见 | (盖章) 年 月 日 |\n")
    [form] = parse_document(text_to_document(text))
    assert [(i.level1, i.indicator, i.target_raw) for i in form.indicators] == [
        ("产出指标", "指标1部门重点支出占部门整体支出的比例", "15%"), ("产出指标", "指标2部门整体支出支付进度", "100%"),
        ("效益指标", "指标1(经济效益)", "预计收费4000元"), ("效益指标", "指标2(社会公众或服务对象满意度)", "满意")]
    assert [g.text for g in form.goals] == ["目标1:干线公路建设;目标2:农村公路建设。……"]


def test_second_levels_with_a_colon_and_the_text_they_target():
    # a real Nanyue 申报表, one cell per paragraph: 质量指标:… rows under 产出指标, no 三级 name printed
    cells = ["部门整体支出绩效目标申报表", "部门名称", "南岳区实验中学", "整体绩效目标", "目标1:提高师生整体素质。",
             "部门整体支出", "年度绩效指标", "产出指标", "质量指标:学校的教育教学秩序良好,力争毕业生合格率达100%",
             "时效指标:按时完成教学任务,顺利完成中考。", "效益指标", "环境效益指标:学校绿化覆盖达70%,优化校园生态环境。"]
    [form] = parse_document(text_to_document("\n\n".join(cells)))
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("产出指标", "质量指标", "", "学校的教育教学秩序良好,力争毕业生合格率达100%"),
        ("产出指标", "时效指标", "", "按时完成教学任务,顺利完成中考。"),
        ("效益指标", "环境效益指标", "", "学校绿化覆盖达70%,优化校园生态环境。")]
