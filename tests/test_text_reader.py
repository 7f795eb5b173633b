"""The pasted-text reader: separators, empty leading cells, tags, encodings."""
from __future__ import annotations

from jixiao.extract.text import decode_text, detect_separator, split_cells, text_to_document
from jixiao.model import Table, TextLine


def test_tabs_keep_leading_empty_cells_and_drop_tags():
    doc = text_to_document("**项目支出绩效目标表**  \n一级指标\t二级指标\t三级指标\t指标值\n\t\t<p>覆盖率</p>\t≥90%\n")
    assert isinstance(doc.blocks[0], TextLine) and doc.blocks[0].text == "项目支出绩效目标表"
    table = doc.blocks[1]
    assert isinstance(table, Table)
    assert table.text_rows()[1] == ["", "", "覆盖率", "≥90%"]


def test_space_aligned_text_counts_empty_cells_by_separator_width():
    text = "一级指标   二级指标   三级指标      指标值\n产出指标   数量指标   覆盖学校数量      40所\n      维修面积      24127㎡\n"
    rows = text_to_document(text).blocks[0].text_rows()
    assert rows[2] == ["", "", "维修面积", "", "24127㎡"]


def test_single_space_separated_rows_keep_leading_empties():
    assert detect_separator(["a b c", " d e", "  f g"]) == "space"
    assert split_cells("  质量指标 合格率 100%", "space") == ["", "", "质量指标", "合格率", "100%"]


def test_pipe_rows_markdown_border_vs_crawler_empty_cell():
    assert split_cells("| a | b |", "pipe", bordered=True) == ["a", "b"]
    assert split_cells(" | x | y |", "pipe", bordered=False) == ["", "x", "y"]


def test_one_cell_per_line_crawler_text_keeps_empty_cells():
    doc = text_to_document("项目名称 |\n|\n示例项目 |\n一级指标 |\n")
    assert all(isinstance(b, Table) for b in doc.blocks)
    assert doc.blocks[0].text_rows() == [["项目名称"], [""], ["示例项目"], ["一级指标"]]


def test_encodings_gbk_and_bom():
    assert decode_text("绩效目标表".encode("gbk")) == "绩效目标表"
    assert decode_text("\ufeff绩效".encode("utf-8")) == "绩效"
    assert decode_text("绩效".encode("utf-16")) == "绩效"


def test_csv_saved_from_excel_is_split_by_commas_with_quotes():
    import csv as csvmod
    import io
    from pathlib import Path

    from jixiao.parsers import parse_document

    seed = Path(__file__).resolve().parents[1] / "samples" / "seed" / "bazhou_ecology_2022_department_target.txt"
    buf = io.StringIO()
    writer = csvmod.writer(buf)
    for line in seed.read_text(encoding="utf-8").replace("3150.58", "3,150.58").splitlines():
        writer.writerow(line.split("\t"))  # 3,150.58: a thousands separator inside a quoted field
    text = buf.getvalue()
    assert detect_separator([l for l in text.splitlines() if l.strip()]) == "comma"
    [form] = parse_document(text_to_document(text))
    assert len(form.indicators) == 28 and form.budget[0].total == 3150.58


def test_markdown_emphasis_only_at_cell_edges_template_hints_kept():
    doc = text_to_document("**绩效目标申报表**\n三级指标 | 指标值 |\n贫困地区旅游景点开发数量(≥**个) | >=4个 |\n"
                           "受益建档立卡贫困人口数≥**人 | >=29人 |\n")
    assert doc.blocks[0].text == "绩效目标申报表"
    rows = doc.blocks[1].text_rows()
    assert rows[1][0] == "贫困地区旅游景点开发数量(≥**个)"
    assert rows[2][0] == "受益建档立卡贫困人口数≥**人"


def test_cells_opening_with_an_indented_pipe_belong_to_the_row_of_the_line_above():
    """Crawler text that writes ``        | cell`` for each cell after the row's first: a line with no
    indent opens a row, an indented line without ``|`` is the cell above wrapped (社会效益 ⏎ 指标)."""
    text = ("绩效\n       指标\n        | 一级指标\n        | 二级指标\n        | 三级指标\n        | 指标值\n"
            "项目效益\n        | 社会效益\n       指标\n        | 提升维权意识\n        | 不断提升\n        | |\n")
    [table] = [b for b in text_to_document(text).blocks if hasattr(b, "cells")]
    assert [[c.text for c in table.cells if c.row == r] for r in range(2)] == [
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["项目效益", "社会效益指标", "提升维权意识", "不断提升"]]


def test_a_cell_wrapped_over_lines_joins_the_line_that_closes_it_with_a_pipe():
    """Crawler text closing each cell with `` |``: inside the table a line without ``|`` is the start of a
    wrapped cell (打造网球 ⏎ 公开赛等品牌赛事 |, 绩 ⏎ 效 ⏎ 指 ⏎ 标 |); before the table such lines stay lines."""
    text = ("某单位\n2025年1月\n项目支出绩效目标表 |\n项目名称 |\n网球赛事 |\n绩\n效\n指\n标 |\n一级指标 |\n"
            "可持续影响指标 |\n打造网球\n公开赛等品牌赛事 |\n影响可持续 |\n")
    lines = [b.text for b in text_to_document(text).blocks if isinstance(b, TextLine)]
    cells = [c.text for b in text_to_document(text).blocks if isinstance(b, Table) for c in b.cells]
    assert lines[:2] == ["某单位", "2025年1月"]
    assert "绩效指标" in cells and "打造网球公开赛等品牌赛事" in cells and "打造网球" not in cells + lines


def test_a_page_metadata_line_does_not_widen_a_one_cell_per_line_table():
    """A government page's own metadata line (索引号: | … | 发文日期: | …) above a form written one cell per line:
    the run of one-cell lines is a table of its own, so its cells still read as one run (real page e02)."""
    text = "索引号: | 0112/2022-01866 | 发文日期: | 2022年11月04日 |\n" + \
        "".join(f"{c} |\n" for c in ["项目支出绩效自评表", "项目名称", "某项目", "一级指标", "二级指标", "三级指标",
                                      "指标值", "产出指标", "数量指标", "培训人数", "100人"]) + "|||||\n"
    tables = [b for b in text_to_document(text).blocks if isinstance(b, Table)]
    assert [t.n_cols for t in tables] == [4, 1]
    assert tables[1].text_rows()[0] == ["项目支出绩效自评表"] and tables[1].n_rows == 12


def test_a_title_between_two_tables_of_pipe_closed_cells_stays_a_line():
    # a real Anxi notice: an allocation table, then 附件2 and the form's title, then the form's first cell;
    # the two lines were read as a cell wrapped over lines (附件22022年…绩效目标表项目名称)
    text = ("合计 |\n100 |\n附件2\n2022年省级第七批水利专项资金绩效目标表\n项目名称 |\n省级第七批水利专项资金 |\n"
            "主管部门 |\n安溪县水利局 |\n")
    lines = [b.text for b in text_to_document(text).blocks if isinstance(b, TextLine)]
    cells = [c.text for b in text_to_document(text).blocks if isinstance(b, Table) for c in b.cells]
    assert "2022年省级第七批水利专项资金绩效目标表" in lines + cells and "项目名称" in cells


def test_cells_separated_by_question_mark_runs_or_ideographic_spaces():
    """A crawled page whose non-breaking spaces a wrong encoding turned into ??, and one separating its
    cells by full-width spaces: both are space-separated rows."""
    for sep in ("??", "\u3000"):
        text = "\n".join(sep.join(r) for r in (["一级指标", "二级指标", "三级指标", "指标值"],
                                               ["产出指标", "数量指标", "培训人次", "≥500人次"],
                                               ["质量指标", "培训合格率", "≥95%"]))
        rows = [[c.text for c in b.cells if c.row == r] for b in text_to_document(text).blocks
                if isinstance(b, Table) for r in sorted({c.row for c in b.cells})]
        assert [[t for t in r if t] for r in rows] == [["一级指标", "二级指标", "三级指标", "指标值"],
                                                     ["产出指标", "数量指标", "培训人次", "≥500人次"],
                                                     ["质量指标", "培训合格率", "≥95%"]], sep
    assert text_to_document("阆中市?交通局").blocks[0].text == "阆中市?交通局"  # one ? is a lost character


def test_a_separator_on_a_line_of_its_own_closes_the_cell_written_before_it():
    """Crawler text writing each cell on its own line(s) and ``|`` on the next (real pages 308, 604): a ``|`` closes
    the cell written since the last one (一级 ⏎ 指标 is one heading, 产 ⏎ 出 ⏎ 指 ⏎ 标 one label), and a ``|`` with
    nothing written since is an empty cell."""
    text = "\n".join(["项目支出绩效目标表", "|", "一级", "指标", "|", "三级指标", "|", "指标值", "|", "产", "出", "指", "标",
                      "|", "|", "|", "发放人数", "|", "80人", "|"]) + "\n"
    doc = text_to_document(text)
    cells = [c.text for b in doc.blocks if isinstance(b, Table) for c in b.cells]
    assert [b.text for b in doc.blocks if isinstance(b, TextLine)] == ["项目支出绩效目标表"]  # (a title stays a line)
    assert [c for c in cells if c] == ["一级指标", "三级指标", "指标值", "产出指标", "发放人数", "80人"]
    assert cells[cells.index("产出指标") + 1:cells.index("发放人数")] == ["", ""]


def test_a_row_of_single_spaces_among_lines_aligned_by_runs_is_split():
    text = ("单位名称:某协会         填报日期:2023年5月17日\n项目类别 1、部门预算项目   ?   2、省直专项\n"
            "产出指标 数量指标 微信公众号运维 不少于800篇 800篇 8\n年度财政资金总额\n")
    cells = [c.text for b in text_to_document(text).blocks if isinstance(b, Table) for c in b.cells]
    assert ["产出指标", "数量指标", "微信公众号运维", "不少于800篇", "800篇", "8"] == cells[-6:]


def test_cells_parted_by_a_full_width_or_box_drawing_bar_read_as_pipes():
    page = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 维护水厂数量 | ≥12个 |\n"
    piped = [b.text_rows() for b in text_to_document(page).blocks if isinstance(b, Table)]
    for bar in ("｜", "│", "┃"):
        assert [b.text_rows() for b in text_to_document(page.replace("|", bar)).blocks
                if isinstance(b, Table)] == piped
    assert piped == [[["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "维护水厂数量", "≥12个"]]]


def test_a_full_width_bar_in_a_cell_of_a_pipe_table_stays_text():
    (table,) = [b for b in text_to_document("| 名称 | 说明 |\n| 甲｜乙 | 丙 |\n").blocks if isinstance(b, Table)]
    assert table.text_rows()[1] == ["甲｜乙", "丙"]


def test_a_pipe_row_a_line_break_left_open_is_joined_to_the_line_closing_it():
    from jixiao.extract.text import join_broken_pipe_rows

    lines = ["一级指标 | 二级指标 | 三级指标 | 指标值 |",
             "成本指标 | 社会成本指标 | 实施项目对社会", "产生的不利影响 | 减少 |",
             "其中:实施新造", "林总面积(亩) | 数量指标 | 30000 | |",
             "产出指标 | 数量指标 | 人数 | 20人 |"]
    assert join_broken_pipe_rows(lines) == [
        "一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "成本指标 | 社会成本指标 | 实施项目对社会产生的不利影响 | 减少 |",
        "其中:实施新造林总面积(亩) | 数量指标 | 30000 | |",
        "产出指标 | 数量指标 | 人数 | 20人 |"]


def test_rows_not_closed_by_a_bar_are_never_joined():
    from jixiao.extract.text import join_broken_pipe_rows

    # a row with an empty last cell ends in "|" where rows are not closed: joined to the row before it,
    # it would be two rows wide
    open_rows = ["产出指标 | 数量指标 | 人数 | 20人", "产出指标 | 质量指标 | 合格率 |",
                 "效益指标 | 社会效益 | 满意度 | 90%", "效益指标 | 生态效益 | 排放 |"]
    assert join_broken_pipe_rows(open_rows) == open_rows
    # an excerpt cut inside its last row, and a table's title between two tables, stay as they are
    cut = ["一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 人数 | 20人 |",
           "附件2项目支出绩效目标表", "产出指标 | 质量指标 | 合格率 |", "效益指标 | 社会效益 | 满意", ""]
    assert join_broken_pipe_rows(cut) == cut
    # a goal written heading:text, or a sentence, between closed rows is a line of its own
    goals = ["项目名称 | 某项目 |", "年度目标:完成培训", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
             "产出指标 | 数量指标 | 人数 | 20人 |", "做好涉案、价格认定工作。", "绩效指标 |"]
    assert join_broken_pipe_rows(goals) == goals


def test_cells_excel_quoted_over_lines_are_one_cell():
    text = ('一级指标\t二级指标\t三级指标\t指标值\n'
            '产出指标\t数量指标\t"补贴民办园\n租用面积"\t26970.7平方米\n'
            '效益指标\t"社会效益\n指标"\t"提升""扶持""\n力度"\t显著提升\n'
            '满意度指标\t服务对象满意度\t"受益租户满意度"\t≥95%\n'
            '成本指标\t经济成本指标\t"""三公""经费"\t≤5万元\n')
    table = text_to_document(text).blocks[0]
    rows = [[c.text for c in table.cells if c.row == r] for r in range(table.n_rows)]
    assert rows[1] == ["产出指标", "数量指标", "补贴民办园租用面积", "26970.7平方米"]
    assert rows[2] == ["效益指标", "社会效益指标", '提升"扶持"力度', "显著提升"]
    # a cell printed in quotes keeps them (Excel quotes a cell only for a line break or a quote in it,
    # and doubles that quote: the real r01 prints "提升…营商环境" as a name)
    assert rows[3] == ["满意度指标", "服务对象满意度", '"受益租户满意度"', "≥95%"]
    assert rows[4] == ["成本指标", "经济成本指标", '"三公"经费', "≤5万元"]
    # a quote a typist opened and never closed opens no cell: the lines stay rows of their own
    typed = '一级指标\t二级指标\t三级指标\n产出指标\t数量指标\t"三公经费\n效益指标\t社会效益\t满意度\n'
    assert text_to_document(typed).blocks[0].n_rows == 3


def test_text_hard_wrapped_at_a_fixed_width_reads_as_unwrapped():
    from jixiao.extract.text import join_hard_wrapped

    lines = ["项目支出绩效目标表", "项目名称 | 2023年农村饮水安全工程维修养护项目 | 主管部门 | 某县水利局 |",
             "一级指标 | 二级指标 | 三级指标 | 指标值 |"] + [
        f"{a} | {b} | {c} | {d} |" for a, b, c, d in [
            ("产出指标", "数量指标", "维修养护农村饮水安全工程处数", "≥120处"),
            ("产出指标", "数量指标", "新建改造供水管网长度", "≥35公里"),
            ("产出指标", "质量指标", "维修养护工程验收合格率", "100%"),
            ("产出指标", "时效指标", "维修养护工程完成时间", "2023年12月底前"),
            ("产出指标", "成本指标", "单处工程维修养护平均成本", "≤2.5万元"),
            ("效益指标", "社会效益指标", "受益人口", "≥35000人"),
            ("效益指标", "社会效益指标", "农村自来水普及率", "≥92%"),
            ("效益指标", "可持续影响指标", "工程良性运行年限", "≥10年"),
            ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%")]]

    def cells(text_lines):  # (the spaces a wrap fell on are lost: cells compared)
        return [[c.strip() for c in line.split("|")] for line in text_lines]

    # characters, as a mail client or textwrap wraps (widths at which no line ends within a character
    # of a wrap: such a line is one the wrap could have made, and is joined)
    widths = [w for w in range(30, 40) if all(len(line) % w not in (0, w - 1) for line in lines)]
    assert len(widths) >= 2
    for width in widths:
        wrapped = [line[k:k + width] for line in lines for k in range(0, len(line), width)]
        assert cells(join_hard_wrapped(wrapped)) == cells(lines), width
    # lines of one width by chance are too few to say the text was wrapped, and a table whose longest rows
    # happen to be alike is a slope of widths, no spike
    assert join_hard_wrapped(lines) == lines
