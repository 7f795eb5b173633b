"""The synthetic forms every sample file is rendered from, in the scorer's truth shape.

Made up for tests (no real department): four families, merged level cells, qualitative targets,
deadlines, self-evaluation columns. Each generator renders some of these into its own format and
writes the matching expected JSON, so one definition serves every reader's tests.
"""
from __future__ import annotations

import copy


def _ind(l1, l2, name, target, actual=None, score_max=None, score=None, deviation=None):
    return {"level1": l1, "level2": l2, "indicator": name, "target_raw": target,
            "actual_raw": actual, "score_max": score_max, "score": score, "deviation": deviation}


DEPARTMENT_TARGET = {
    "form_type": "department_target",
    "title": "部门（单位）整体支出绩效目标表",
    "department": "示例市文化和旅游局",
    "agency": None,
    "project": None,
    "year": 2024,
    "budget": [
        {"item": "人员经费保障", "content": "保障在职人员工资福利及社会保障缴费", "total": 1520.36, "fiscal": 1500.36, "other": 20.0},
        {"item": "公用经费保障", "content": "保障机关日常运转所需办公费、水电费等", "total": 210.5, "fiscal": 210.5, "other": None},
        {"item": "公共文化服务", "content": "组织开展群众文化活动、送戏下乡及非遗保护", "total": 386.0, "fiscal": 386.0, "other": None},
    ],
    "goals": [
        {"kind": "annual", "text": "1、保障机关正常运转和人员工资按时发放。2、组织开展公共文化惠民活动，提升公共文化服务水平。3、加强文物和非物质文化遗产保护。"},
    ],
    "indicators": [
        _ind("产出指标", "数量指标", "保障在职人员数量", "≥86人"),
        _ind("产出指标", "数量指标", "送戏下乡场次", "不少于120场"),
        _ind("产出指标", "数量指标", "非遗项目保护数量", "=15项"),
        _ind("产出指标", "质量指标", "文物安全事故发生率", "0%"),
        _ind("产出指标", "质量指标", "活动参与人次", "≥1.2万人次"),
        _ind("产出指标", "时效指标", "工资发放及时率", "100%"),
        _ind("产出指标", "时效指标", "预算执行完成时间", "2024年12月底前"),
        _ind("产出指标", "成本指标", "人均公用经费", "≤2.45万元"),
        _ind("效益指标", "社会效益指标", "公共文化服务水平", "有所提升"),
        _ind("效益指标", "可持续影响指标", "非遗传承长效机制", "逐步健全"),
        _ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
    ],
}

PROJECT_TARGET = {
    "form_type": "project_target",
    "title": "项目支出绩效目标表",
    "department": "示例县农业农村局",
    "agency": "示例县人民政府",
    "project": "2024年高标准农田建设项目",
    "year": 2024,
    "budget": [
        {"item": "年度资金总额", "amount": 860.0},
        {"item": "其中：财政拨款", "amount": 800.0},
        {"item": "其他资金", "amount": 60.0},
    ],
    "goals": [
        {"kind": "long_term", "text": "到2026年累计建成高标准农田5万亩，农田灌排能力明显提升。"},
        {"kind": "annual", "text": "新建高标准农田1.2万亩，配套建设灌溉渠道和田间道路，提高粮食综合生产能力。"},
    ],
    "indicators": [
        _ind("产出指标", "数量指标", "新建高标准农田面积", "≥1.2万亩"),
        _ind("产出指标", "数量指标", "新修灌溉渠道长度", "15-18公里"),
        _ind("产出指标", "数量指标", "田间道路硬化", "3.5km"),
        _ind("产出指标", "质量指标", "工程验收合格率", "≥95%"),
        _ind("产出指标", "时效指标", "项目完工时间", "2024年10月31日前"),
        _ind("成本指标", "经济成本指标", "亩均建设成本", "≤1500元/亩"),
        _ind("效益指标", "经济效益指标", "亩均粮食增产", "50公斤以上"),
        _ind("效益指标", "生态效益指标", "节水灌溉水平", "明显改善"),
        _ind("满意度指标", "服务对象满意度指标", "受益农户满意度", "90%以上"),
    ],
}

DEPARTMENT_SELF_EVAL = {
    "form_type": "department_self_eval",
    "title": "部门（单位）整体支出绩效自评表",
    "department": "示例区民政局",
    "agency": None,
    "project": None,
    "year": 2023,
    "budget": [
        {"item": "年度资金总额", "budget_initial": 2674.62, "budget_full_year": 2680.0, "executed": 2486.81,
         "score_max": 10, "execution_rate": 92.79, "score": 9.28},
        {"item": "其中：财政拨款", "budget_initial": 2005.96, "budget_full_year": 2011.34, "executed": 1895.61,
         "score_max": None, "execution_rate": 94.24, "score": None},
        {"item": "其他资金", "budget_initial": 668.66, "budget_full_year": 668.66, "executed": 591.2,
         "score_max": None, "execution_rate": 88.42, "score": None},
    ],
    "goals": [
        {"kind": "annual", "text": "1、落实困难群众救助政策。2、推进养老服务体系建设。"},
        {"kind": "actual", "text": "1、困难群众救助政策全面落实。2、新建社区养老服务中心7个，已按计划完成。"},
    ],
    "indicators": [
        _ind("产出指标", "数量指标", "新建社区养老服务中心", "不少于7个", "7个", 10, 10, None),
        _ind("产出指标", "数量指标", "召开专题工作会议", "两次", "2次", 10, 10, None),
        _ind("产出指标", "质量指标", "救助资金发放准确率", "100%", "100%", 10, 10, None),
        _ind("产出指标", "时效指标", "救助资金发放及时率", "≥95%", "96%", 10, 10, None),
        _ind("产出指标", "成本指标", "城市低保月人均补助标准", "≤580元", "560元", 10, 9, "部分月份补助标准调整"),
        _ind("效益指标", "社会效益指标", "困难群众基本生活保障水平", "有所提高", "部分达成", 20, 16, "受资金拨付进度影响，下一步加强统筹"),
        _ind("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥95%", "97%", 20, 20, None),
    ],
}

PROJECT_SELF_EVAL = {
    "form_type": "project_self_eval",
    "title": "项目支出绩效自评表",
    "department": "示例市人力资源和社会保障局",
    "agency": "示例市人民政府",
    "project": "2023年职业技能提升行动项目",
    "year": 2023,
    "budget": [
        {"item": "年度资金总额", "budget_initial": 1201.11, "budget_full_year": 1345.24, "executed": 1228.69,
         "score_max": 10, "execution_rate": 91.34, "score": 9.13},
        {"item": "其中：财政拨款", "budget_initial": 1081.0, "budget_full_year": 1210.72, "executed": 1114.47,
         "score_max": None, "execution_rate": 92.05, "score": None},
        {"item": "其他资金", "budget_initial": 120.11, "budget_full_year": 134.52, "executed": 114.22,
         "score_max": None, "execution_rate": 84.91, "score": None},
    ],
    "goals": [
        {"kind": "annual", "text": "大规模开展职业技能培训，全年培训劳动者2000人次以上。"},
        {"kind": "actual", "text": "全年开展职业技能培训2176人次，目标已完成。"},
    ],
    "indicators": [
        _ind("产出指标", "数量指标", "职业技能培训人数", "2000人次以上", "2176人次", 15, 15, None),
        _ind("产出指标", "数量指标", "开展专项检查次数", "≥5次", "5次", 10, 10, None),
        _ind("产出指标", "质量指标", "培训合格率", "大于等于90%", "94.4%", 10, 10, None),
        _ind("产出指标", "时效指标", "补贴资金审核发放时限", "不超过10个工作日", "9个工作日", 10, 10, None),
        _ind("产出指标", "成本指标", "人均培训补贴标准", "≤870元", "752元", 5, 5, None),
        _ind("效益指标", "社会效益指标", "劳动者就业能力", "逐步提高", "达成预期指标", 20, 18, "培训后跟踪服务不足"),
        _ind("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥95%", "98%", 20, 20, None),
    ],
}

ALL_FORMS = [DEPARTMENT_TARGET, PROJECT_TARGET, DEPARTMENT_SELF_EVAL, PROJECT_SELF_EVAL]


def expected(source: str, fmt: str, forms: list[dict], *, scanned: bool = False, pages: list[tuple] | None = None) -> dict:
    """The expected-output JSON for a sample file holding ``forms`` (truth shape of the scorer)."""
    out = []
    for i, f in enumerate(forms):
        f = copy.deepcopy(f)
        f["page_start"], f["page_end"] = pages[i] if pages else (None, None)
        out.append(f)
    return {"source": source, "format": fmt, "scanned": scanned, "forms": out}
