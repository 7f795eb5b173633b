"""extract/ocr/pinyin.py: a mirror page's pinyin as the recogniser read it, spelled as the dictionary spells it."""
from __future__ import annotations

import unicodedata

import pytest

from jixiao.extract.ocr.confusions import fix_text
from jixiao.extract.ocr.pinyin import fix_pinyin


@pytest.mark.parametrize("read, printed", [
    ("執(zhi)法補(bü)助經(jing)費(fèi)", "執(zhí)法補(bǔ)助經(jīng)費(fèi)"),  # tone marks lost or read as ü (photographed x048)
    ("產(chǎn)出指標(bião)", "產(chǎn)出指標(biāo)"),  # ã for ā
    ("效果指標(" + unicodedata.normalize("NFD", "bião") + ")", "效果指標(biāo)"),  # the mark read as a combining one
    ("救助對(dui)象", "救助對(duì)象"),
    ("的發(fa)放", "的發(fā)放"),
    ("衛(wèi)片执(zhí)法", "衛(wèi)片執(zhí)法"),  # a character read in its Simplified form before its pinyin
    ("项(xiàng)目驗(yàn)收", "項(xiàng)目驗(yàn)收"),
    ("标(biào)", "標(biào)"),
    ("效果指\n標\n(bião)", "效果指\n標\n(biāo)"),  # a vertical label's lines (photographed x037)  # the tone the recogniser read, when it is one of the character's readings
])
def test_a_misread_pinyin_is_spelled_as_the_dictionary_spells_it(read, printed):
    assert fix_pinyin(read) == printed


@pytest.mark.parametrize("text", [
    "宽度(cm)", "面积(mu)", "长度(m)", "执行率(%)", "项目(一)", "违法行为责停率", "產(chǎn)出指標(biāo)", "(abc)",
])
def test_brackets_that_spell_no_reading_of_their_character_are_left_as_read(text):
    assert fix_pinyin(text) == text


def test_the_fix_runs_with_the_other_safe_fixes():
    assert fix_text("補(bü)助經(jing)費 ≥ 95%") == "補(bǔ)助經(jīng)費 ≥ 95%"
