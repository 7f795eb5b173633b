"""Unsure look-alike characters set right by the dictionary words around them (no OCR engine runs)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from jixiao.extract.ocr.engine import Glyph, TextBox
from jixiao.extract.ocr.lexicon import FAIRLY_SURE, better_reading, fix_unsure_glyphs, lookalikes


def box(text: str, scores: list[float]) -> TextBox:
    chars = [c for c in text if c != " "]
    glyphs = [Glyph(c, 10.0 * k, 0, 10.0 * k + 9, 12, s) for k, (c, s) in enumerate(zip(chars, scores))]
    return TextBox(text, 0, 0, 10.0 * len(chars), 12, min(scores), glyphs)


def test_an_unsure_character_making_no_word_takes_the_look_alike_that_does():
    [fixed] = fix_unsure_glyphs([box("部内结转", [1.0, 0.47, 1.0, 1.0])])
    assert fixed.text == "部门结转" and [g.text for g in fixed.glyphs] == list("部门结转")
    assert better_reading("", "间", "中", 0.4) == "阆"  # 阆中, a city's name


def test_sure_readings_and_readings_that_make_words_stay_as_read():
    assert better_reading("", "内", "诊", 0.995) == "内"  # sure: kept even where 门诊 was printed
    assert better_reading("室", "内", "", 0.3) == "内"  # 室内 is a word
    assert better_reading("部", "门", "", 0.3) == "门"
    assert better_reading("", "甲", "", 0.1) == "甲"  # nothing around it to judge by


def test_a_fairly_sure_reading_gives_way_to_a_common_word_only():
    # the real forms drawn as photos: 部内 read at 0.64 to 0.98 and 内诊 at 0.86 where 部门 and 门诊 were printed
    assert better_reading("部", "内", "结", 0.98) == "门" and better_reading(":", "内", "诊", 0.86) == "门"
    assert better_reading("", "间", "中", 0.7) == "间"  # 阆中 (33) is a word, but no common one
    assert better_reading("", "间", "中", 0.4) == "阆"


def test_a_box_keeps_its_spaces():
    [fixed] = fix_unsure_glyphs([box("部内 预算", [1.0, 0.5, 1.0, 1.0])])
    assert fixed.text == "部门 预算"


@given(st.text(alphabet="部门内们已己自人入未末完成预算管理 ", min_size=1, max_size=8),
       st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=8, max_size=8))
def test_only_unsure_look_alikes_ever_change(text, scores):
    if not text.replace(" ", ""):
        return
    original = box(text, scores)
    [fixed] = fix_unsure_glyphs([original])
    assert len(fixed.text) == len(text) and [k for k, c in enumerate(fixed.text) if c == " "] == \
        [k for k, c in enumerate(text) if c == " "]
    for old, new in zip(original.glyphs, fixed.glyphs):
        if old.text != new.text:
            assert old.score < FAIRLY_SURE and new.text in lookalikes()[old.text]

