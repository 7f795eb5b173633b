"""Name keys: marks, hints, tags, numbering and weights removed; Traditional and pinyin damage folded."""
import pytest

from jixiao.normalize.folding import drop_pinyin, fold_text
from jixiao.normalize.names import name_key


@pytest.mark.parametrize("printed, key", [
    ("★(一)受益建档立卡贫困人口数(≥**人)", "受益建档立卡贫困人口数"),
    ("贫困地区旅游景点开发数量( ≥**个 )", "贫困地区旅游景点开发数量"),
    ("受益建档立卡贫困人口数≥**人", "受益建档立卡贫困人口数"),
    ("数量指标(必填硬性指标)", "数量指标"),
    ("时效指标（必填）", "时效指标"),
    ("产出指标(50分)", "产出指标"),
    ("任务1:完成免疫接种", "完成免疫接种"),
    ("1、群众满意度", "群众满意度"),
    ("（一）产出指标", "产出指标"),
    ("學(xué)生資助補助經(jīng)費", "学生资助补助经费"),
    # numbers that belong to the name stay
    ("*贫困地区旅游基础设施建设质量达标率100%", "贫困地区旅游基础设施建设质量达标率100%"),
    ("7岁以下儿童健康管理率", "7岁以下儿童健康管理率"),
    ("1.5万人次覆盖", "1.5万人次覆盖"),
])
def test_name_key(printed, key):
    assert name_key(printed) == key


def test_pinyin_only_after_characters():
    assert drop_pinyin("區(qū)政府(ABC)") == "區政府(ABC)"
    assert fold_text("縣(xiàn)級 財政") == "县级财政"
