"""The checks table: every rule on hand-made forms, the seeded-fault samples, needs_review."""
from __future__ import annotations

import json

import pytest

from jixiao.checks import check_form, needs_review, rules
from jixiao.checks.levels import level1_canonical, level1_of
from jixiao.checks.submission import printed_total
from jixiao.pipeline import process_file
from jixiao.records import BudgetLine, CellRead, Form, Indicator, Origin
from sample_truth import EXPECTED, sample_path


def ind(l1, l2, name, target, score_max=None, score=None, actual=None):
    return Indicator(level1=l1, level2=l2, indicator=name, target_raw=target, score_max=score_max, score=score,
                     actual_raw=actual)


def project_target(**kw) -> Form:
    base = dict(form_type="project_target", year=2024, title="项目支出绩效目标表", indicators=[
        ind("产出指标", "数量指标", "新建农田面积", "≥1.2万亩"),
        ind("产出指标", "时效指标", "完工时间", "2024年10月31日前"),
        ind("成本指标", "经济成本指标", "亩均成本", "≤1500元/亩"),
        ind("效益指标", "社会效益指标", "灌排能力", "明显改善"),
        ind("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"),
    ], budget=[BudgetLine(item="年度资金总额", amount=860.0), BudgetLine(item="其中：财政拨款", amount=800.0),
               BudgetLine(item="其他资金", amount=60.0)])
    base.update(kw)
    return Form(**base)


def self_eval(**kw) -> Form:
    base = dict(form_type="project_self_eval", year=2023, indicators=[
        ind("产出指标", "数量指标", "培训人数", "2000人次以上", 30, 30),
        ind("产出指标", "质量指标", "合格率", "≥90%", 20, 18),
        ind("成本指标", "经济成本指标", "人均补贴", "≤870元", 10, 10),
        ind("效益指标", "社会效益指标", "就业能力", "逐步提高", 20, 18),
        ind("满意度指标", "服务对象满意度指标", "满意度", "≥95%", 10, 10),
    ], budget=[
        BudgetLine(item="年度资金总额", budget_initial=1201.11, budget_full_year=1345.24, executed=1228.69,
                   execution_rate=91.34, score_max=10, score=9.13),
        BudgetLine(item="其中：财政拨款", budget_initial=1081.0, budget_full_year=1210.72, executed=1114.47,
                   execution_rate=92.05),
        BudgetLine(item="其他资金", budget_initial=120.11, budget_full_year=134.52, executed=114.22,
                   execution_rate=84.91),
    ])
    base.update(kw)
    return Form(**base)


def verdicts(form: Form) -> dict[str, tuple[str, str]]:
    return {r.rule: (r.status, r.detail) for r in check_form(form)}


def failing(form: Form) -> list[str]:
    return sorted(r.rule for r in check_form(form) if r.status == "fail")


def test_every_rule_gives_one_row_with_a_known_kind_and_status_and_a_regulation():
    names = [r.rule for r in rules()]
    assert len(names) == len(set(names)) >= 18
    for r in rules():
        assert r.kind in ("extraction", "submission") and r.regulation and r.description
    results = check_form(Form())
    assert [r.rule for r in results] == names
    assert all(r.status in ("pass", "fail", "n/a") and r.detail for r in results)


def test_clean_forms_fail_nothing():
    assert failing(project_target()) == []
    assert failing(self_eval()) == []
    v = verdicts(self_eval())
    assert v["scores_sum_to_100"] == ("pass", "分值 add up to 100 (indicators 90 + 预算执行率 10)")
    assert v["execution_rate_matches"][0] == "pass"
    assert v["funding_adds_up"][0] == "pass"
    assert verdicts(project_target())["scores_sum_to_100"][0] == "n/a"  # a target form


def test_level_names_match_tolerantly():
    assert level1_canonical("产出指标(50分)") == "产出指标"
    assert level1_canonical("项目完成指标") == "产出指标"
    assert level1_canonical("效果指标") == "效益指标"
    assert level1_canonical("產出指標") == "产出指标"
    assert level1_canonical("成本指标(0-20)分") == "成本指标"
    assert level1_canonical("管理指标") == ""
    assert level1_of("", "数量指标") == "产出指标"  # no 一级 column: the 二级 says which
    form = project_target(indicators=[
        ind("项目完成指标", "数量指标", "a", "5个"), ind("效果指标(30分)", "社会效益指标", "b", "≥90%"),
        ind("成本指标", "经济成本指标", "c", "≤5万元"), ind("满意度指标(10分)", "满意度", "d", "≥90%")])
    assert failing(form) == []


def test_missing_levels_fail_their_own_rule_with_what_was_printed():
    form = project_target()
    form.indicators = [i for i in form.indicators if i.level1 != "满意度指标"]
    assert failing(form) == ["level1_satisfaction_present"]
    assert "产出指标、成本指标、效益指标" in verdicts(form)["level1_satisfaction_present"][1]
    form = project_target()
    form.indicators = [i for i in form.indicators if i.level1 != "效益指标"]
    assert failing(form) == ["level1_effect_present"]


def test_satisfaction_as_a_level2_under_effect_counts():
    form = project_target()
    form.indicators[-1] = ind("效益指标", "服务对象满意度指标", "农户满意度", "≥90%")
    status, detail = verdicts(form)["level1_satisfaction_present"]
    assert status == "pass" and "二级" in detail


def test_cost_level1_is_required_of_project_forms_from_2022_only():
    old_layout = [ind("产出指标", "成本指标", "亩均成本", "≤1500元/亩") if i.level1 == "成本指标" else i
                  for i in project_target().indicators]
    assert verdicts(project_target(indicators=old_layout))["level1_cost_present"][0] == "fail"
    assert "only a 二级" in verdicts(project_target(indicators=old_layout))["level1_cost_present"][1]
    assert verdicts(project_target(indicators=old_layout, year=2021))["level1_cost_present"] == (
        "n/a", "applies from the 2022 budget year (the form is of 2021)")
    assert verdicts(project_target(year=None))["level1_cost_present"][0] == "n/a"
    assert verdicts(project_target(form_type="department_target"))["level1_cost_present"][0] == "n/a"


def test_level_without_a_named_level3_and_target_without_value():
    form = project_target()
    form.indicators.append(ind("产出指标", "质量指标", "", "≥95%"))
    form.indicators.append(ind("产出指标", "数量指标", "新修渠道", ""))
    assert failing(form) == ["level3_under_every_level1", "target_present"]
    assert "二级 质量指标" in verdicts(form)["level3_under_every_level1"][1]
    assert verdicts(form)["target_present"][1] == "1 of 6 三级指标 have no 指标值: 新修渠道"
    # a level cell the parser accounted for with no row under it
    form = project_target(cells=[CellRead("可持续影响指标", "level2")])
    assert failing(form) == ["level3_under_every_level1"]


def test_quantitative_share_threshold():
    form = project_target(indicators=[ind("产出指标", "数量指标", f"n{k}", t) for k, t in
                                      enumerate(["有所提升", "明显改善", "达标", "≥5个"])])
    assert verdicts(form)["quantitative_share"] == ("fail", "1 of 4 targets (25%) are quantitative; threshold 50%")


def test_duplicates_and_deadlines():
    form = project_target()
    form.indicators.append(ind("产出指标", "数量指标", "★新建农田面积", "≥1万亩"))
    form.indicators.append(ind("产出指标", "时效指标", "验收时间", "2025年3月底前"))
    assert failing(form) == ["deadline_in_year", "duplicate_level3"]
    assert "验收时间 2025-03-31" in verdicts(form)["deadline_in_year"][1]
    assert "新建农田面积 ×2" in verdicts(form)["duplicate_level3"][1]


def test_funding_lines_that_do_not_add_up():
    form = project_target(budget=[BudgetLine(item="年度资金总额", amount=860.0),
                                  BudgetLine(item="其中：财政拨款", amount=800.0), BudgetLine(item="其他资金", amount=50.0)])
    assert failing(form) == ["funding_adds_up"]
    assert "860 ≠ 800 + 50 = 850" in verdicts(form)["funding_adds_up"][1]
    # 财政拨款 split again into 当年/上年结转: either reading adds up
    form = project_target(budget=[BudgetLine(item="年度资金总额", amount=100.0), BudgetLine(item="其中：财政拨款", amount=80.0),
                                  BudgetLine(item="当年财政拨款", amount=70.0), BudgetLine(item="上年结转", amount=10.0),
                                  BudgetLine(item="其他资金", amount=20.0)])
    assert verdicts(form)["funding_adds_up"][0] == "pass"
    # 中期 and 年度 columns flattened into lines: each total pairs with its parts' repeat
    form = project_target(budget=[BudgetLine(item="中期资金总额", amount=510.0), BudgetLine(item="年度资金总额", amount=170.0),
                                  BudgetLine(item="其中：财政拨款", amount=500.0), BudgetLine(item="其中：财政拨款", amount=170.0),
                                  BudgetLine(item="其他资金", amount=10.0), BudgetLine(item="其他资金", amount=0.0)])
    assert verdicts(form)["funding_adds_up"] == ("pass", "all 2 funding sums add up")
    form.budget[2].amount = 400.0
    assert "中期资金总额 510 ≠ 400 + 10 = 410" in verdicts(form)["funding_adds_up"][1]
    # department task lines: 财政拨款 + 其他资金 = 总额, and the tasks add up to a printed 合计
    dept = Form(form_type="department_target", year=2024, indicators=project_target().indicators, budget=[
        BudgetLine(item="人员经费", total=100.0, fiscal=90.0, other=10.0),
        BudgetLine(item="公用经费", total=50.0, fiscal=50.0),
        BudgetLine(item="合计", total=160.0, fiscal=140.0, other=10.0)])
    v = verdicts(dept)
    assert v["funding_adds_up"][0] == "fail"  # 合计: 140 + 10 ≠ 160
    assert v["funding_tasks_sum_to_total"] == ("fail", "总额 of the 2 tasks add up to 150, 合计 says 160")


def test_self_eval_scores():
    form = self_eval()
    form.indicators[0].score_max = 20  # 分值 80 + 10
    assert failing(form) == ["score_within_max", "scores_sum_to_100"]  # 得分 30 > 分值 20 too
    form = self_eval()
    form.indicators[1].score = 21
    assert failing(form) == ["score_within_max"]
    assert verdicts(form)["score_within_max"][1] == "1 of 6 得分 exceed their 分值: 合格率 得分 21 > 分值 20"
    form = self_eval()
    form.budget[0].execution_rate = 95.0
    assert failing(form) == ["execution_rate_matches"]
    assert "1228.69 / 全年预算数 1345.24 = 91.34%" in verdicts(form)["execution_rate_matches"][1]


def test_total_score_from_the_cells_row_of_a_total_label():
    assert verdicts(self_eval())["total_score_matches"][0] == "n/a"
    row = dict(table=1, row=30)
    cells = [CellRead("总分", "heading", Origin(**row), col=0), CellRead("100", "noise", Origin(**row), col=6),
             CellRead("95.13", "noise", Origin(**row), col=7)]
    assert printed_total(cells) == 95.13
    assert verdicts(self_eval(cells=cells))["total_score_matches"][0] == "pass"
    cells[2] = CellRead("99", "noise", Origin(**row), col=7)
    assert verdicts(self_eval(cells=cells))["total_score_matches"] == (
        "fail", "总分 printed as 99, the 得分 add up to 95.13 (indicators 86 + 预算执行率 9.13)")
    boxed = [CellRead("总分", "heading", Origin(page=2, bbox=(50, 700, 300, 720))),
             CellRead("95.13", "unread", Origin(page=2, bbox=(400, 701, 450, 719)))]
    assert printed_total(boxed) == 95.13


def test_extraction_checks_set_needs_review():
    form = self_eval()
    assert verdicts(form)["cells_unread"][0] == "n/a"  # no cell accounting: degrade, do not fail
    assert not needs_review(check_form(form))
    form.cells = [CellRead("培训人数", "indicator", confidence=0.97), CellRead("≥9O%", "target", confidence=0.55),
                  CellRead("附注见背面", "unread")]
    v = verdicts(form)
    assert v["cells_unread"] == ("fail", "1 of 3 cells were left unread: '附注见背面'")
    assert v["ocr_confidence"][0] == "fail" and "'≥9O%' (0.55)" in v["ocr_confidence"][1]
    assert needs_review(check_form(form))
    form = project_target()
    form.indicators[0].target_raw = "符合GB3838-2002Ⅲ类标准"  # a standard's code is not a number
    assert verdicts(form)["targets_parsed"][0] == "pass"
    from jixiao.checks.context import target_of
    from jixiao.normalize import Target

    targets = [target_of(i, form.year) for i in form.indicators]
    targets[1] = Target("text")  # as if 2024年10月31日前 had not parsed
    results = {r.rule: (r.status, r.detail) for r in check_form(form, targets)}
    assert results["targets_parsed"] == ("fail", "1 of 3 targets with a number did not parse: '2024年10月31日前'")
    assert verdicts(Form(form_type="project_target"))["indicators_read"][0] == "fail"


def test_a_rule_that_raises_gives_n_a_not_a_crash(monkeypatch):
    from jixiao.checks import submission

    monkeypatch.setattr(submission, "duplicate_level3", lambda ctx, rule: 1 / 0)
    assert verdicts(project_target())["duplicate_level3"][0] == "n/a"


SEEDED = sorted(p.name for p in EXPECTED.glob("checks_*.json"))


@pytest.mark.parametrize("name", SEEDED)
def test_seeded_fault_samples_fail_exactly_their_rule(name):
    truth = json.loads((EXPECTED / name).read_text(encoding="utf-8"))
    path = sample_path(name)
    res = process_file(path, path.name)
    assert res.documents["status"] == "ok"
    rule_names = {r.rule for r in rules()}
    for form in res.forms:
        rows = [c for c in res.checks if c["form_id"] == form["form_id"]]
        assert {c["rule"] for c in rows} == rule_names  # every rule, once
        assert sorted(c["rule"] for c in rows if c["status"] == "fail") == sorted(truth["checks_failed"])
        assert form["needs_review"] is False


def test_seeded_samples_cover_the_four_faults():
    failed = {r for n in SEEDED for r in json.loads((EXPECTED / n).read_text(encoding="utf-8"))["checks_failed"]}
    assert {"level1_satisfaction_present", "scores_sum_to_100", "funding_adds_up", "score_within_max"} <= failed


def test_readme_documents_every_rule():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [r.rule for r in rules() if f"| `{r.rule}` |" not in readme]
    assert missing == []
