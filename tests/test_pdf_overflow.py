"""Wrapped cell text printed across a row rule goes back to the cell it continues (pdf/overflow.py)."""
from __future__ import annotations

from pathlib import Path

from jixiao.extract.pdf.grid import GridLayout, Region
from jixiao.extract.pdf.layout import cell_text
from jixiao.extract.pdf.objects import Char
from jixiao.extract.pdf.overflow import reassign_overflow
from jixiao.parsers import parse_document

ROOT = Path(__file__).resolve().parents[1]
SIZE, PITCH = 10.0, 13.0  # glyph box height and line pitch, points


def _line(text: str, cy: float, x: float = 10.0) -> list[Char]:
    return [Char(ch, x + k * SIZE, cy - SIZE / 2, x + (k + 1) * SIZE, cy + SIZE / 2, SIZE, 0) for k, ch in enumerate(text)]


def _column(ys: list[float]) -> GridLayout:
    """One column of rows between the rules ``ys`` (each row one region)."""
    regions = [Region(r, 0, 1, 1) for r in range(len(ys) - 1)]
    return GridLayout(xs=[0.0, 200.0], ys=ys, regions=regions, owner=[[r] for r in range(len(ys) - 1)])


def _texts(grid: GridLayout, lines: list[list[Char]]) -> list[str]:
    assigned: list[list[Char]] = [[] for _ in grid.regions]
    for line in lines:
        for ch in line:
            assigned[grid.region_at(ch.cx, ch.cy)].append(ch)
    reassign_overflow(grid, assigned)
    return [cell_text(chars) for chars in assigned]


def test_a_centred_three_line_cell_in_a_short_row_takes_back_its_first_and_last_lines():
    # rows 23.4 pt tall (1.8 lines): the middle row's three lines are centred on 41.7, so its first
    # line (28.7) prints across the rule at 30 and its last (54.7) across the rule at 53.4; the
    # fitted last row wraps within its rules (the table's pitch, 13)
    grid = _column([0.0, 30.0, 53.4, 90.0])
    lines = [_line("开展社区法治宣传活动", 12.0),
             _line("慰问人数不少于", 28.7), _line("100人,宣传用品", 41.7), _line("不少于20000份", 54.7),
             _line("寒托班、暑托班", 68.0), _line("开设班级数", 81.0)]
    assert _texts(grid, lines) == ["开展社区法治宣传活动", "慰问人数不少于100人,宣传用品不少于20000份",
                                   "寒托班、暑托班开设班级数"]


def test_a_line_across_a_rule_goes_to_the_cell_whose_lines_it_continues_at_the_pitch():
    # a third row wraps within its rules: the table's pitch is 13
    grid = _column([0.0, 53.0, 100.0, 140.0])
    wrapped = [_line("提升社区居民", 113.5), _line("满意度", 126.5)]
    # the upper cell's two lines end at 42; the line across the rule at 53 (its centre below it)
    # is one pitch on; the lower cell's own line is further away
    lines = [_line("特殊对象及群体、居民", 29.0), _line("心理健康有效提升", 42.0), _line("提升社区法治", 55.0),
             _line("及居民知法懂法", 75.0)]
    assert _texts(grid, lines + wrapped) == ["特殊对象及群体、居民心理健康有效提升提升社区法治", "及居民知法懂法",
                                             "提升社区居民满意度"]
    # one pitch from the line below instead (its centre above the rule): the lower cell's first line
    lines = [_line("心理健康有效提升", 36.0), _line("提升社区法治", 51.0), _line("及居民知法懂法", 64.0)]
    assert _texts(grid, lines + wrapped) == ["心理健康有效提升", "提升社区法治及居民知法懂法", "提升社区居民满意度"]


def test_lines_that_stay_on_their_side_of_a_rule_never_move():
    # tight rows whose text touches the rules but never crosses them: nothing moves
    grid = _column([0.0, 26.0, 52.0])
    lines = [_line("项目验收合格率", 6.0), _line("达到百分之百", 19.0), _line("项目完成及时率", 32.0)]
    assert _texts(grid, lines) == ["项目验收合格率达到百分之百", "项目完成及时率"]


def test_a_sheet_printed_with_rows_too_short_for_their_wrapped_text_reads_exactly():
    from jixiao.extract import read_document

    path = ROOT / "samples" / "pdf" / "pdf_real_overflow_rows.pdf"
    [form] = parse_document(read_document(path))
    rows = {i.indicator: i.target_raw for i in form.indicators}
    assert len(form.indicators) == 43
    assert rows["按计划数量完成"] == "慰问人数不少于100人,宣传用品不少于20000份"
    assert rows["法治宣传活动丰富有实效"] == "提升社区法治宣传氛围及居民知法懂法守法用法"
    assert rows["中心全年活动人次"] == "=5.00(万人次)"
