"""extract/ocr/traditional.py: a Traditional page's characters read in their Simplified form, set back."""
from __future__ import annotations

from jixiao.extract.ocr.traditional import as_traditional, traditional_forms

# a photographed mirror page as the recogniser read it (x048): most characters Traditional, some not
MIRROR_READ = ["2020年省級自然資源衛片執法補助經費支出绩效自評表", "項目名稱 自然資源衛片執法補助經費",
               "主管部門 麗江市自然資源和規劃局", "實施單位 麗江市古城區自然資源局", "年度資金总额 其他资金",
               "績效指標 一級指標 二級指標 三級指標", "產出指標 數量指標 質量指標 時效指標", "于 並"]


def test_a_traditional_page_gets_back_the_traditional_forms_it_prints_elsewhere():
    forms = traditional_forms(MIRROR_READ)
    assert forms["绩"] == "績" and forms["资"] == "資"
    assert as_traditional("支出绩效自評表", forms) == "支出績效自評表"
    assert as_traditional("其他资金", forms) == "其他資金"


def test_a_form_the_page_never_prints_is_left_as_read():
    forms = traditional_forms(MIRROR_READ)
    assert "总" not in forms and "额" not in forms  # 總額 printed nowhere on the page
    assert "于" not in forms  # a mirror's converter leaves 于 as it is: 於 is printed nowhere


def test_a_simplified_page_is_left_as_read():
    page = ["项目支出绩效目标表", "项目名称 农村饮水工程维护", "一级指标 二级指标 三级指标 指标值",
            "产出指标 数量指标 维护水厂数量 ≥12个", "質量指標 水质达标率 ≥95%", "效益指标 社会效益指标 群众满意度 ≥90%"]
    assert traditional_forms(page) == {}
