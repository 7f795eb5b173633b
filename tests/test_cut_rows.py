"""A page excerpt stopping inside an indicator row: the row is left out, with a warning."""
from __future__ import annotations

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document

HEAD = """项目支出绩效自评表
项目名称 | 临时救助
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年实际值 | 分值 | 得分
产出指标 | 数量指标 | 救助人数 | >=59人次 | 87人次 | 20 | 20
产出指标 | 质量指标 | 救助标准 | >=530元 | 583元 | 20 | 20
效益指标 | 社会效益指标 | 受益人口数 | >=80人 | 87人 | 30 | 30
"""


def _read(text: str):
    (form,) = parse_document(text_to_document(text))
    return form


def test_a_row_the_text_stops_inside_is_left_out_and_named():
    form = _read(HEAD + "满意度指标 | 服务对象满意度指标 | 受助对象满意度 | >=9")
    assert [i.indicator for i in form.indicators] == ["救助人数", "救助标准", "受益人口数"]
    assert any("cut off" in w and "受助对象满意度" in w for w in form.warnings)
    assert any(c.text == ">=9" and c.role == "unread" for c in form.cells)


def test_a_whole_last_row_stays():
    form = _read(HEAD + "满意度指标 | 服务对象满意度指标 | 受助对象满意度 | >=90% | 95% | 10 | 10")
    assert form.indicators[-1].indicator == "受助对象满意度"
    assert not any("cut off" in w for w in form.warnings)


def test_a_short_row_followed_by_more_text_stays():
    # the row lacks its actual, but the text goes on past it: not an excerpt's end
    form = _read(HEAD + "满意度指标 | 服务对象满意度指标 | 受助对象满意度 | >=90% |  | 10 | 0\n单位负责人签字: 王某")
    assert form.indicators[-1].target_raw == ">=90%"


def test_a_last_row_cut_after_its_whole_target_stays():
    # a real Yunnan self-evaluation excerpt stops after the 分值 of its last row: the target (≥95%) and actual are
    # whole, only the 得分 was cut, and the real pages' truths keep such a row
    form = _read(HEAD + "满意度指标 | 服务对象满意度指标 | 受助对象满意度 | >=95% | 95% | 10")
    assert (form.indicators[-1].indicator, form.indicators[-1].target_raw) == ("受助对象满意度", ">=95%")
    assert not any("cut off" in w for w in form.warnings)


def test_a_last_row_whose_target_lost_its_unit_is_still_left_out():
    form = _read(HEAD + "满意度指标 | 服务对象满意度指标 | 受助对象满意度 | 95")
    assert [i.indicator for i in form.indicators] == ["救助人数", "救助标准", "受益人口数"]
