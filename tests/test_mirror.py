"""parsers/mirror.py: a mirror page's pinyin is a layer the parsers read without and write back."""
from __future__ import annotations

from jixiao.extract.text import text_to_document
from jixiao.model import Document, Table, TextLine
from jixiao.parsers import parse_document
from jixiao.parsers.mirror import ruby_of, with_ruby, without_ruby
from jixiao.records import Form, Goal, Indicator

MIRROR = """項(xiàng)目支出績(jī)效目標(biāo)表
項(xiàng)目名稱 | 農(nóng)村飲水工程維護(hù) |
一級指標(biāo) | 二級指標(biāo) | 三級指標(biāo) | 指標(biāo)值 |
產(chǎn)出指標(biāo) | 數(shù)量指標(biāo) | 指標(biāo)1:維護(hù)水廠數(shù)量 | ≥12個 |
 | 質量指標(biāo) | 指標(biāo)2:水質達標(biāo)率 | ≥95% |
"""


def _doc(*lines: str) -> Document:
    return Document(blocks=[TextLine(t) for t in lines])


def test_ruby_is_the_pinyin_a_character_carries_at_every_occurrence():
    ruby = ruby_of(_doc("項(xiàng)目績(jī)效目標(biāo)", "指標(biāo)值", "項(xiàng)目名稱 維護(hù)"))
    assert ruby == {"項": "(xiàng)", "績": "(jī)", "標": "(biāo)", "護": "(hù)"}


def test_a_character_also_printed_bare_or_written_alike_in_both_scripts_is_no_ruby():
    ruby = ruby_of(_doc("項(xiàng)目績(jī)效目標(biāo)", "指標值", "項(xiàng)目 維護(hù) 寬度(cm)", "維護(hù)"))
    assert "標" not in ruby  # 指標值: printed without it once
    assert "度" not in ruby  # 度 is Simplified too: (cm) is a unit
    assert set(ruby) == {"項", "績", "護"}


def test_a_few_brackets_are_no_mirror_page():
    assert ruby_of(_doc("長度(m)", "寬(cm)", "項(xiàng)目")) == {}


def test_the_layer_comes_off_every_cell_and_line():
    doc = Document(blocks=[TextLine("項(xiàng)目績(jī)效"), Table.from_rows([["指標(biāo)", "項(xiàng)目(一)"]])])
    ruby = {"項": "(xiàng)", "績": "(jī)", "標": "(biāo)"}
    stripped = without_ruby(doc, ruby)
    assert stripped.blocks[0].text == "項目績效"
    assert stripped.blocks[1].text_rows() == [["指標", "項目(一)"]]
    assert doc.blocks[0].text == "項(xiàng)目績(jī)效"  # (the document read is not changed)


def test_printed_strings_get_it_back_and_the_parser_s_own_words_do_not():
    ruby = {"項": "(xiàng)", "標": "(biāo)"}
    form = Form(form_type="project_target", title="項目支出績效目標表", project="某項目",
                indicators=[Indicator("產出指標", "", "指標1:項數", "≥1項")], goals=[Goal("annual", "完成項目")])
    (back,) = with_ruby([form], ruby)
    assert back.title == "項(xiàng)目支出績效目標(biāo)表"
    assert back.indicators[0].indicator == "指標(biāo)1:項(xiàng)數"
    assert back.indicators[0].target_raw == "≥1項(xiàng)"
    assert back.goals[0].text == "完成項(xiàng)目"
    assert back.form_type == "project_target" and back.goals[0].kind == "annual"


def test_a_mirror_page_reads_through_its_pinyin_and_prints_it():
    (form,) = parse_document(text_to_document(MIRROR))
    assert form.project == "農(nóng)村飲水工程維護(hù)"
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("產(chǎn)出指標(biāo)", "數(shù)量指標(biāo)", "指標(biāo)1:維護(hù)水廠數(shù)量", "≥12個"),
        ("產(chǎn)出指標(biāo)", "質量指標(biāo)", "指標(biāo)2:水質達標(biāo)率", "≥95%"),
    ]
