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


# ---------------------------------------------------------------- forms from real disclosures
#
# Content of real forms (names, level words, targets, funding, goals as printed; hand-made truth
# in the shared real-data set, copied here so the samples need nothing outside the repository).
# Only the layout is re-drawn by the generators. Departures from the source, for the samples:
# W22_MUSHROOM gets a title and year (its excerpt printed none); amounts printed in the source
# with notes (``854万(高标准农田建设400万元,…)``) are printed as bare numbers.
# Each indicator carries its parsed target (CONTRACT.md conventions) besides the printed cells.

def _real(l1, l2, name, target, parse, actual=None, score_max=None, score=None, deviation=None):
    row = _ind(l1, l2, name, target, actual, score_max, score, deviation)
    if parse is not None:
        for k, v in zip(("comparator", "value", "value_max", "unit", "value_std", "unit_std", "deadline"), parse):
            row[k] = v
    return row


R01_CENTER = {
    'form_type': 'project_target',
    'title': '财政项目支出绩效目标填报表',
    'department': '上海市普陀区人民政府万里街道办事处',
    'agency': '上海市普陀区人民政府万里街道办事处',
    'project': '新建万里街道社区公共服务中心',
    'year': 2023,
    "budget": [
        {'item': '项目资金总额', 'amount': 410.0},
        {'item': '年度资金申请总额', 'amount': 410.0},
        {'item': '其中：财政资金', 'amount': 410.0},
        {'item': '其中：当年财政拨款', 'amount': 410.0},
        {'item': '上年结转资金', 'amount': 0.0},
        {'item': '其他资金', 'amount': 0.0},
        {'item': '其他资金', 'amount': 0.0},
    ],
    "goals": [
        {'kind': 'long_term', 'text': '建成后作为万里街道社区事务受理、社区管理、社区文化艺术活动场所。更有效的整合社区公共服务资源，为周边居民提供便捷、优质的社区服务和生活配套设施。'},
        {'kind': 'annual', 'text': '建成后作为万里街道社区事务受理、社区管理、社区文化艺术活动场所。更有效的整合社区公共服务资源，为周边居民提供便捷、优质的社区服务和生活配套设施。'},
    ],
    "indicators": [
        _real('产出指标', '数量指标', '规划建筑面积', '≥13459.00(平方米)', ('>=', 13459.0, None, '平方米', 13459.0, '平方米', None)),
        _real('产出指标', '质量指标', '完工及时率', '及时率', ('text', None, None, None, None, None, None)),
        _real('产出指标', '成本指标', '预算内经费', '合规', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '完善社区基础设施建设', '完善率', ('text', None, None, None, None, None, None)),
        _real('满意度指标', '服务对象满意度指标', '居民满意度', '满意度', ('text', None, None, None, None, None, None)),
    ],
}

R01_WORK = {
    'form_type': 'project_target',
    'title': '财政项目支出绩效目标填报表',
    'department': '上海市普陀区人民政府万里街道办事处',
    'agency': '上海市普陀区人民政府万里街道办事处',
    'project': '各类工作经费',
    'year': 2023,
    "budget": [
        {'item': '项目资金总额', 'amount': 759.55},
        {'item': '年度资金申请总额', 'amount': 759.55},
        {'item': '其中：财政资金', 'amount': 759.55},
        {'item': '其中：当年财政拨款', 'amount': 759.55},
        {'item': '上年结转资金', 'amount': 0.0},
        {'item': '其他资金', 'amount': 0.0},
        {'item': '其他资金', 'amount': 0.0},
    ],
    "goals": [
        {'kind': 'long_term', 'text': '提升辖区居民群众的防毒意识和能力，坚持做到严防发生吸毒人员因吸毒引发肇祸肇事（案）件；确保社会环境和谐稳定。通过跨前一步、深入一步，有针对性地开展法治宣传教育工作，确保特殊对象的身心健康，减少和预防犯罪，维护社区稳定，实现社区依法治理。加强万里街道基层法治建设，保障万里街道全面依法治理委员会正常有序开展工作。完成各项街道人大工作委员会的职能职责。培育弘扬社会主义核心价值观，稳步推进创建工作，促进志愿服务常态化。扩大创建覆盖面，全面提升创建质量，形成覆盖广泛、扎实有效的同创共建格局。深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，广泛凝聚智慧力量，扎实做好统一战线各领域工作。根据团市委要求，举办寒托班和暑托班，并开展全年团员学习教育活动。完成兵役执法检查及兵役登记工作，开展一年两次征兵工作，完成民兵整组、训练及备勤工作，开展民防疏散演练工作。确保经济发展服务中心、协税办、商会、在地统计以及营商办日常工作的有序开展。开展与服务企业的相关走访慰问、企业沙龙、企业座谈会、企业培训、企业家体检服务工作。不断探索深化拓展区域化党建工作，进一步联动整合,优势互补，继续推进新业态新就业群体党建、楼委会等工作，探索党建引领善治的新路子。加强区域内居民区党组织、“两新”组织党组织、驻区单位党组织等资源共享，协调推动区域化党建工作的稳定有序发展。开设班长工程培训班、特色党课、轮训班、书记论坛、擂台等，全面提升社区党员党性修养，提升书记综合素质，牢固树立全心全意为民服务意识。开展招聘、录用等干部人事工作，开展日常工作。'},
        {'kind': 'annual', 'text': '提升辖区居民群众的防毒意识和能力，坚持做到严防发生吸毒人员因吸毒引发肇祸肇事（案）件；确保社会环境和谐稳定。通过跨前一步、深入一步，有针对性地开展法治宣传教育工作，确保特殊对象的身心健康，减少和预防犯罪，维护社区稳定，实现社区依法治理。加强万里街道基层法治建设，保障万里街道全面依法治理委员会正常有序开展工作。完成各项街道人大工作委员会的职能职责。培育弘扬社会主义核心价值观，稳步推进创建工作，促进志愿服务常态化。扩大创建覆盖面，全面提升创建质量，形成覆盖广泛、扎实有效的同创共建格局。深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，广泛凝聚智慧力量，扎实做好统一战线各领域工作。根据团市委要求，举办寒托班和暑托班，并开展全年团员学习教育活动。完成兵役执法检查及兵役登记工作，开展一年两次征兵工作，完成民兵整组、训练及备勤工作，开展民防疏散演练工作。确保经济发展服务中心、协税办、商会、在地统计以及营商办日常工作的有序开展。开展与服务企业的相关走访慰问、企业沙龙、企业座谈会、企业培训、企业家体检服务工作。不断探索深化拓展区域化党建工作，进一步联动整合,优势互补，继续推进新业态新就业群体党建、楼委会等工作，探索党建引领善治的新路子。加强区域内居民区党组织、“两新”组织党组织、驻区单位党组织等资源共享，协调推动区域化党建工作的稳定有序发展。开设班长工程培训班、特色党课、轮训班、书记论坛、擂台等，全面提升社区党员党性修养，提升书记综合素质，牢固树立全心全意为民服务意识。开展招聘、录用等干部人事工作，开展日常工作。'},
    ],
    "indicators": [
        _real('产出指标', '数量指标', '成立社戒社康人员习得规范小组', '>6.00(次)', ('>', 6.0, None, '次', 6.0, '次', None)),
        _real('产出指标', '数量指标', '开展特殊对象心理健康教育', '开展至少1次团体心理治疗', ('>=', 1.0, None, '次', 1.0, '次', None)),
        _real('产出指标', '数量指标', '开展社区服刑人员团队训练', '至少1次矫正人员的集中活动', ('>=', 1.0, None, '次', 1.0, '次', None)),
        _real('产出指标', '数量指标', '针对特殊群体进行个案心理辅导', '不低于50人次的个体心理咨询辅导', ('>=', 50.0, None, '人次', 50.0, '人次', None)),
        _real('产出指标', '数量指标', '开展社区法治宣传活动', '开展不低于5次的社区法治宣传活动', ('>=', 5.0, None, '次', 5.0, '次', None)),
        _real('产出指标', '数量指标', '按计划数量完成', '慰问人数不少于100人,宣传用品不少于20000份', ('>=', 100.0, None, '人', 100.0, '人', None)),
        _real('产出指标', '数量指标', '寒托班、暑托班开设班级数', '≥1.00(个)', ('>=', 1.0, None, '个', 1.0, '个', None)),
        _real('产出指标', '数量指标', '基干民兵整组工作', '≥100.00(人数)', ('>=', 100.0, None, '人数', 100.0, '人数', None)),
        _real('产出指标', '数量指标', '日常走访企业', '>150.00(家)', ('>', 150.0, None, '家', 150.0, '家', None)),
        _real('产出指标', '数量指标', '企业服务活动', '≥8.00(次)', ('>=', 8.0, None, '次', 8.0, '次', None)),
        _real('产出指标', '数量指标', '商会活动及会长会议', '=12.00(次)', ('=', 12.0, None, '次', 12.0, '次', None)),
        _real('产出指标', '数量指标', '质量月活动', '=1.00(次)', ('=', 1.0, None, '次', 1.0, '次', None)),
        _real('产出指标', '数量指标', '节能减排宣传周活动', '=1.00(次)', ('=', 1.0, None, '次', 1.0, '次', None)),
        _real('产出指标', '数量指标', '统计法制宣传活动', '=1.00(次)', ('=', 1.0, None, '次', 1.0, '次', None)),
        _real('产出指标', '数量指标', '15个居民区全覆盖', '居民区全覆盖', ('text', None, None, None, None, None, None)),
        _real('产出指标', '质量指标', '做好禁毒示范城区标准化建设', '做好禁毒示范城区标准化建设', ('text', None, None, None, None, None, None)),
        _real('产出指标', '质量指标', '心理健康教育活动有效', '特殊对象及群体、居民心理健康有效提升', ('text', None, None, None, None, None, None)),
        _real('产出指标', '质量指标', '法治宣传活动丰富有实效', '提升社区法治宣传氛围及居民知法懂法守法用法', ('text', None, None, None, None, None, None)),
        _real('产出指标', '质量指标', '中心全年活动人次', '=5.00(万人次)', ('=', 5.0, None, '万人次', 50000.0, '人次', None)),
        _real('产出指标', '质量指标', '完善人大代表“家站点”建设', '达标', ('text', None, None, None, None, None, None)),
        _real('产出指标', '质量指标', '夯实思想政治基础', '凝聚统战各界人士力量', ('text', None, None, None, None, None, None)),
        _real('产出指标', '质量指标', '寒托班、暑托班完成班级数', '≥1.00(个)', ('>=', 1.0, None, '个', 1.0, '个', None)),
        _real('产出指标', '质量指标', '民兵训练及备勤工作', '根据区人武部安排，完成民兵训练任务及备勤任务', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '扩大禁毒宣传教育覆盖面', '扩大', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '社区服刑人员融入社会', '增强', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '社区法治氛围增强', '增强', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '居民依法、理性参与公众事务的能力增强', '提升', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '提升住宅小区业委会规范化', '加强引导业委会工作制度、履职行为、自治能力等', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '助力社区发展', '提升', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '宣传工作覆盖面不断扩大', '宣传工作覆盖面不断扩大', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '政治觉悟及参与范围', '政治觉悟及学习主动性不断提升，范围不断扩大', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '解决小朋友寒暑假看护难问题', '≥120.00(人次)', ('>=', 120.0, None, '人次', 120.0, '人次', None)),
        _real('效益指标', '社会效益指标', '"提升居民、驻区单位质量及节能环保意识提升驻区企业，依法统计意识优化营商环境"', '提升', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '促进经济发展', '有效', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '干部人事工作平稳有序', '平稳有序', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '协调推动区域化党建工作的稳定有序发展', '有效', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '全面提升社区党员党性修养，提升书记综合素质，牢固树立全心全意为民服务意识', '有效', ('text', None, None, None, None, None, None)),
        _real('满意度指标', '服务对象满意度指标', '提升社区居民满意度', '提升', ('text', None, None, None, None, None, None)),
        _real('满意度指标', '服务对象满意度指标', '特殊人员及群体满意', '90.00(度)', ('=', 90.0, None, '度', 90.0, '度', None)),
        _real('满意度指标', '服务对象满意度指标', '家长及学生满意比例', '满意率100%', ('=', 100.0, None, '%', 100.0, '%', None)),
        _real('满意度指标', '服务对象满意度指标', '提高居民、驻区企业满意度', '提升', ('text', None, None, None, None, None, None)),
        _real('满意度指标', '服务对象满意度指标', '提升经济服务满意度', '提升', ('text', None, None, None, None, None, None)),
        _real('满意度指标', '服务对象满意度指标', '党员群众满意度', '党员群众满意度不少于80%', ('>=', 80.0, None, '%', 80.0, '%', None)),
    ],
}

R01_FACILITIES = {
    'form_type': 'project_target',
    'title': '财政项目支出绩效目标填报表',
    'department': '上海市普陀区人民政府万里街道办事处',
    'agency': '上海市普陀区人民政府万里街道办事处',
    'project': '公共服务设施运行经费',
    'year': 2023,
    "budget": [
        {'item': '项目资金总额', 'amount': 1090.3043},
        {'item': '年度资金申请总额', 'amount': 1090.3043},
        {'item': '其中：财政资金', 'amount': 1090.3043},
        {'item': '其中：当年财政拨款', 'amount': 1141.9043},
        {'item': '上年结转资金', 'amount': 0.0},
        {'item': '其他资金', 'amount': 0.0},
        {'item': '其他资金', 'amount': 0.0},
    ],
    "goals": [
        {'kind': 'long_term', 'text': '根据需求，围绕老人、儿童、青年、白领等群体，拓展各类生活圈，不断满足居民多样化、多层次、多方面的需求，加强基层建设，创新社会治理。为文化中心和片区工作人员提供保洁及保安服务，为街道整体工作提供后勤保障。通过租赁解决街道办公用房紧张的问题，为工作人员提供良好的办事场所，助力万里整体工作推进。'},
        {'kind': 'annual', 'text': '根据需求，围绕老人、儿童、青年、白领等群体，拓展各类生活圈，不断满足居民多样化、多层次、多方面的需求，加强基层建设，创新社会治理。为文化中心和片区工作人员提供保洁及保安服务，为街道整体工作提供后勤保障。通过租赁解决街道办公用房紧张的问题，为工作人员提供良好的办事场所，助力万里整体工作推进。'},
    ],
    "indicators": [
        _real('产出指标', '数量指标', '开展活动300场', '=300.00(场)', ('=', 300.0, None, '场', 300.0, '场', None)),
        _real('产出指标', '数量指标', '环境卫生及保安服务', '卫生整洁、内部安全有序', ('text', None, None, None, None, None, None)),
        _real('产出指标', '质量指标', '居民参与率', '居民参与率不低于100%', ('>=', 100.0, None, '%', 100.0, '%', None)),
        _real('产出指标', '质量指标', '维修处理及时率', '维修响应速度快', ('text', None, None, None, None, None, None)),
        _real('产出指标', '质量指标', '房屋质量', '房屋完好', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '加强工作人员队伍建设', '是', ('text', None, None, None, None, None, None)),
        _real('效益指标', '社会效益指标', '安全责任事故', '安全无事故', ('text', None, None, None, None, None, None)),
        _real('满意度指标', '服务对象满意度指标', '居民满意度', '90%', ('=', 90.0, None, '%', 90.0, '%', None)),
        _real('满意度指标', '服务对象满意度指标', '工作人员满意度', '≥95.00(%)', ('>=', 95.0, None, '%', 95.0, '%', None)),
    ],
}

W01_FARMLAND = {
    'form_type': 'project_target',
    'title': '绩效目标申报表(基础设施建设类)',
    'department': '农田建设服务中心',
    'agency': '岳阳县农业农村局',
    'project': '岳阳县2022年高标准农田建设项目',
    'year': 2022,
    "budget": [
        {'item': '年度资金总额:', 'amount': 854.0},
        {'item': '其中:财政拨款', 'amount': 854.0},
        {'item': '其他资金', 'amount': None},
    ],
    "goals": [
        {'kind': 'annual', 'text': '完成项目主体工程70%'},
    ],
    "indicators": [
        _real('产出指标', '数量指标', '脱贫村村内道路硬化里程', '≥100公里', ('>=', 100.0, None, '公里', 100000.0, '米', None)),
        _real('产出指标', '数量指标', '脱贫户供水设施数量', '≥20座', ('>=', 20.0, None, '座', 20.0, '座', None)),
        _real('产出指标', '质量指标', '项目(工程)验收合格率', '100%', ('=', 100.0, None, '%', 100.0, '%', None)),
        _real('产出指标', '时效指标', '项目(工程)完成及时率', '≥100%', ('>=', 100.0, None, '%', 100.0, '%', None)),
        _real('产出指标', '成本指标', '财政资金补助', '1600元/亩', ('=', 1600.0, None, '元/亩', 1600.0, '元/亩', None)),
        _real('效益指标', '经济效益指标', '年增粮食', '3500公斤', ('=', 3500.0, None, '千克', 3500.0, '千克', None)),
        _real('效益指标', '社会效益指标', '受益脱贫(监测)人口数', '≥500人', ('>=', 500.0, None, '人', 500.0, '人', None)),
        _real('效益指标', '社会效益指标', '解决脱贫(监测)饮水安全问题人数', '≥1000人', ('>=', 1000.0, None, '人', 1000.0, '人', None)),
        _real('效益指标', '生态效益指标', '新增和改善灌溉达标面积', '≥500亩', ('>=', 500.0, None, '亩', 333333.3333333333, '平方米', None)),
        _real('效益指标', '生态效益指标', '新增和改善排水达标面积', '≥200亩', ('>=', 200.0, None, '亩', 133333.33333333334, '平方米', None)),
        _real('效益指标', '可持续影响指标', '工程设计使用年限', '≥20年', ('>=', 20.0, None, '年', 20.0, '年', None)),
        _real('满意度指标', '服务对象满意度指标', '受益脱贫(监测)户满意度', '≥95%', ('>=', 95.0, None, '%', 95.0, '%', None)),
    ],
}

W05_TOURISM = {
    'form_type': 'project_target',
    'title': '绩效目标申报表',
    'department': '[610001]湖南省润山润水生态农业发展有限公司',
    'agency': '南岳镇政府',
    'project': '2018年市级专项扶贫资金基础设施(人大代表扶贫基地)',
    'year': 2018,
    "budget": [
        {'item': '年度资金总额:', 'amount': 10.0},
        {'item': '其中:财政拨款', 'amount': 10.0},
        {'item': '其他资金', 'amount': 0.0},
    ],
    "goals": [
        {'kind': 'annual', 'text': '为水濂村带来观光游客不少于6万人,村集体收入达6万元。'},
    ],
    "indicators": [
        _real('产出指标', '数量指标', '贫困地区旅游基础设施建设工程', '>=20平方米', ('>=', 20.0, None, '平方米', 20.0, '平方米', None)),
        _real('产出指标', '数量指标', '贫困地区旅游景点开发数量(≥**个)', '>=4个', ('>=', 4.0, None, '个', 4.0, '个', None)),
        _real('产出指标', '数量指标', '流转土地', '>=60亩', ('>=', 60.0, None, '亩', 40000.0, '平方米', None)),
        _real('产出指标', '质量指标', '*贫困地区旅游基础设施建设质量达标率100%', '>=98%', ('>=', 98.0, None, '%', 98.0, '%', None)),
        _real('产出指标', '时效指标', '贫困地区基础设施建设按期完成率(≥**%)', '>=95%', ('>=', 95.0, None, '%', 95.0, '%', None)),
        _real('产出指标', '成本指标', '流转土地补助标准', '<=475元/亩', ('<=', 475.0, None, '元/亩', 475.0, '元/亩', None)),
        _real('产出指标', '成本指标', '景观建设成本', '<=2875元/个', ('<=', 2875.0, None, '元/个', 2875.0, '元/个', None)),
        _real('产出指标', '成本指标', '贫困地区旅游基础设施建设工程建设成本', '<=3000元/平方米', ('<=', 3000.0, None, '元/平方米', 3000.0, '元/平方米', None)),
        _real('效益指标', '经济效益指标', '乡村旅游带动增加贫困村收入(≥**万元)', '>=6万元', ('>=', 6.0, None, '万元', 60000.0, '元', None)),
        _real('效益指标', '经济效益指标', '乡村旅游带动增加贫困人口收入(≥**万元)', '>=2.61万元', ('>=', 2.61, None, '万元', 26100.0, '元', None)),
        _real('效益指标', '社会效益指标', '贫困地区乡村旅游开发景点接待游客数量(≥**人)', '>=60000人', ('>=', 60000.0, None, '人', 60000.0, '人', None)),
        _real('效益指标', '社会效益指标', '受益建档立卡贫困人口数≥**人', '>=29人', ('>=', 29.0, None, '人', 29.0, '人', None)),
        _real('满意度指标', '服务对象满意度指标', '旅游行业经营主体满意度(≥**%)', '>=90%', ('>=', 90.0, None, '%', 90.0, '%', None)),
        _real('满意度指标', '服务对象满意度指标', '参与旅游扶贫项目贫困群众满意度(≥**%)', '>=90%', ('>=', 90.0, None, '%', 90.0, '%', None)),
        _real('满意度指标', '服务对象满意度指标', '旅游区居民满意度(≥**%)', '>=90%', ('>=', 90.0, None, '%', 90.0, '%', None)),
        _real('满意度指标', '服务对象满意度指标', '游客满意度(≥**%)', '>=90%', ('>=', 90.0, None, '%', 90.0, '%', None)),
    ],
}

W07_ELDERLY = {
    'form_type': 'project_self_eval',
    'title': '成安县民政局2020年度预算项目绩效自评表',
    'department': '314002-成安县民政局机关',
    'agency': None,
    'project': '19名百岁老人高龄津贴',
    'year': 2020,
    "budget": [
        {'item': '预算数', 'budget_full_year': 6.84, 'executed': 6.84, 'execution_rate': 100.0},
        {'item': '其中:财政资金', 'budget_full_year': 6.84, 'executed': 6.84, 'execution_rate': None},
        {'item': '其他', 'budget_full_year': 0.0, 'executed': 0.0, 'execution_rate': None},
    ],
    "goals": [
        {'kind': 'annual', 'text': '为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。'},
        {'kind': 'actual', 'text': '为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。'},
        {'kind': 'annual', 'text': '为全县共享改革开放成果,促进社会稳定文明和谐'},
        {'kind': 'actual', 'text': '为全县共享改革开放成果,促进社会稳定文明和谐'},
    ],
    "indicators": [
        _real('产出指标', '质量指标', '符合条件申报对象覆盖率', '>=98%(百分比)', ('>=', 98.0, None, '%', 98.0, '%', None), '100%', 25.0, 6.25, None),
        _real('产出指标', '时效指标', '完成率', '>=99%(百分比)', ('>=', 99.0, None, '%', 99.0, '%', None), '100%', 25.0, 6.25, None),
        _real('效果指标', '社会效益指标', '补贴发放率', '>=75%(百分比)', ('>=', 75.0, None, '%', 75.0, '%', None), '100%', 30.0, 9.0, None),
        _real('满意度指标', '服务对象满意度指标', '服务对象满意度', '>=95%(百分比)', ('>=', 95.0, None, '%', 95.0, '%', None), '100%', 10.0, 1.0, None),
    ],
}

W22_MUSHROOM = {
    'form_type': 'project_self_eval',
    'title': '项目支出绩效自评表',
    'department': '南华县国有资本管理有限公司',
    'agency': '南华县农业农村局',
    'project': '南华县乡村振兴示范园罗家屯社区野生菌加工车间建设项目(续建)',
    'year': 2022,
    "budget": [
        {'item': '年度资金总额', 'budget_initial': 1100.0, 'budget_full_year': 1100.0, 'executed': 1100.0, 'execution_rate': 100.0, 'score_max': 10, 'score': 10},
        {'item': '其中:当年财政拨款', 'budget_initial': 1100.0, 'budget_full_year': 1100.0, 'executed': 1100.0, 'execution_rate': 100.0, 'score_max': None, 'score': None},
        {'item': '上年结转资金', 'budget_initial': None, 'budget_full_year': None, 'executed': None, 'execution_rate': None, 'score_max': None, 'score': None},
        {'item': '其他资金', 'budget_initial': None, 'budget_full_year': None, 'executed': None, 'execution_rate': None, 'score_max': None, 'score': None},
    ],
    "goals": [
        {'kind': 'annual', 'text': '目标1:1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装,冷库仓储3100元每平方米,投资400万元;目标2:配套烘干杀菌设备及包装设备购置及安装550万元;目标3:配套电力设施1250KVA变压器3台,完成高压线接入及土建安装投资150万元。'},
        {'kind': 'actual', 'text': '目标1:1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装,冷库仓储3100元每平方米,投资400万元;目标2:配套烘干杀菌设备及包装设备购置及安装550万元;目标3:配套电力设施1250KVA变压器3台,完成高压线接入及土建安装投资150万元。'},
    ],
    "indicators": [
        _real('产出指标(50分)', '数量指标', '1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装', '≥1290.3平方米', ('>=', 1290.3, None, '平方米', 1290.3, '平方米', None), '1290.3平方米', 10.3, 10.3, None),
        _real('产出指标(50分)', '数量指标', '配套烘干杀菌设备及包装设备购置及安装', '550', ('=', 550.0, None, None, 550.0, None, None), '20', 9.3, 9.3, None),
        _real('产出指标(50分)', '数量指标', '配套电力设施1250KVA变压器3台', '3', ('=', 3.0, None, None, 3.0, None, None), None, 9.3, 9.3, None),
        _real('产出指标(50分)', '经济效益指标', '奖补资金兑付率(%)', '≥100%', ('>=', 100.0, None, '%', 100.0, '%', None), '≥100%', 10.8, 10.8, None),
        _real('产出指标(50分)', '时效指标', '任务完成时限(月)', '10', ('=', 10.0, None, None, 10.0, None, None), '10', 10.3, 10.3, None),
    ],
}

W14_FORESTRY = {
    'form_type': 'department_target',
    'title': '部门整体绩效目标',
    'department': '浮梁县林业局',
    'agency': None,
    'project': None,
    'year': None,
    "budget": [
    ],
    "goals": [
        {'kind': 'annual', 'text': '保证林业局职能实现,保障人员经费。'},
    ],
    "indicators": [
        _real('产出指标', '数量指标', '保障在职职工人数(人)', '=116人', ('=', 116.0, None, '人', 116.0, '人', None)),
        _real('产出指标', '数量指标', '保障退休职工人数(人)', '=81人', ('=', 81.0, None, '人', 81.0, '人', None)),
        _real('产出指标', '数量指标', '保障遗属人数(人)', '=13人', ('=', 13.0, None, '人', 13.0, '人', None)),
        _real('产出指标', '数量指标', '林木采伐监管(万立方米)', '=6万立方米', ('=', 6.0, None, '万立方米', 60000.0, '立方米', None)),
        _real('产出指标', '数量指标', '野生动植物保护、防火面积(万亩)', '=320万亩', ('=', 320.0, None, '万亩', 2133333333.3333333, '平方米', None)),
        _real('产出指标', '数量指标', '湿地保有量(公顷)', '=4900公顷', ('=', 4900.0, None, '公顷', 49000000.0, '平方米', None)),
        _real('产出指标', '数量指标', '林业产业(万亩)', '=0.5万亩', ('=', 0.5, None, '万亩', 3333333.333333333, '平方米', None)),
        _real('产出指标', '数量指标', '签订野生动物致害保险(单)', '=1单', ('=', 1.0, None, '单', 1.0, '单', None)),
        _real('产出指标', '数量指标', '向各类新闻媒体完成林业新闻信息投稿数(篇)', '=30篇', ('=', 30.0, None, '篇', 30.0, '篇', None)),
        _real('产出指标', '数量指标', '林业微信公众号完成新闻宣传(篇)', '=50篇', ('=', 50.0, None, '篇', 50.0, '篇', None)),
        _real('产出指标', '数量指标', '制作宣传横幅、公益宣传牌等(年)', '=1年', ('=', 1.0, None, '年', 1.0, '年', None)),
        _real('产出指标', '数量指标', '自然保护区负氧离子监测点(个)', '=4个', ('=', 4.0, None, '个', 4.0, '个', None)),
        _real('产出指标', '质量指标', '工资发放准确性(%)', '≥95%', ('>=', 95.0, None, '%', 95.0, '%', None)),
    ],
}

# A department self-evaluation on the department of a real Chongqing form (its real indicator names
# where it has them), written to exercise target wordings the real set shows elsewhere: 不少于,
# 至少, 不多于 … 万元, a range with 且, full-width digits with 左右, 不低于上年, a month-end deadline
# without a year; funding printed in 元.
LAYOUT_WORDING = {
    "form_type": "department_self_eval",
    "title": "重庆市梁平区林业局2023年度部门整体绩效自评表",
    "department": "重庆市梁平区林业局",
    "agency": None,
    "project": None,
    "year": 2023,
    "budget": [
        {"item": "年度总金额", "budget_initial": 3206.5, "budget_full_year": 3310.28, "executed": 2624.08,
         "score_max": 10, "execution_rate": 79.27, "score": 7.93},
        {"item": "其中：财政拨款", "budget_initial": 3206.5, "budget_full_year": 3310.28, "executed": 2624.08,
         "score_max": None, "execution_rate": 79.27, "score": None},
        {"item": "其他资金", "budget_initial": 0.0, "budget_full_year": 0.0, "executed": 0.0,
         "score_max": None, "execution_rate": None, "score": None},
    ],
    "goals": [
        {"kind": "annual", "text": "全面推行林长制，加强天然林和公益林管护，做好林业有害生物防治，完成年度造林和森林抚育任务。"},
        {"kind": "actual", "text": "管护国家级公益林28万亩，完成森林抚育21万亩，全区未发生重大森林火灾和林业有害生物灾害。"},
    ],
    "indicators": [
        _real("产出指标", "数量指标", "天然林和公益林管护当期任务完成率", "不少于98%",
              (">=", 98.0, None, "%", 98.0, "%", None), "100%", 10, 10),
        _real("产出指标", "数量指标", "林业有害生物监测信息报送", "２１０条左右",
              ("approx", 210.0, None, "条", 210.0, "条", None), "215条", 10, 10),
        _real("产出指标", "质量指标", "森林覆盖率", "≥28%且≤33%",
              ("between", 28.0, 33.0, "%", 28.0, "%", None), "30.5%", 10, 10),
        _real("产出指标", "质量指标", "造林苗木成活率", "至少70%",
              (">=", 70.0, None, "%", 70.0, "%", None), "85%", 10, 10),
        _real("产出指标", "时效指标", "森林督查图斑核查完成时间", "12月底前完成",
              ("<=", None, None, None, None, None, "2023-12-31"), "12月20日完成", 10, 10),
        _real("产出指标", "成本指标", "单位面积森林管护费用", "不多于13.59万元",
              ("<=", 13.59, None, "万元", 135900.0, "元", None), "13.2万元", 10, 10),
        _real("效益指标", "社会效益指标", "林业行政案件查处率", "不低于上年",
              ("text", None, None, None, None, None, None), "高于上年", 20, 18, "个别案件跨年办结"),
        _real("满意度指标", "服务对象满意度指标", "林农满意度", "≥90%",
              (">=", 90.0, None, "%", 90.0, "%", None), "95%", 10, 10),
    ],
}

REAL_FORMS = [R01_CENTER, R01_WORK, R01_FACILITIES, W01_FARMLAND, W05_TOURISM, W07_ELDERLY, W22_MUSHROOM,
              W14_FORESTRY, LAYOUT_WORDING]


def expected(source: str, fmt: str, forms: list[dict], *, scanned: bool = False, pages: list[tuple] | None = None) -> dict:
    """The expected-output JSON for a sample file holding ``forms`` (truth shape of the scorer)."""
    out = []
    for i, f in enumerate(forms):
        f = copy.deepcopy(f)
        f["page_start"], f["page_end"] = pages[i] if pages else (None, None)
        out.append(f)
    return {"source": source, "format": fmt, "scanned": scanned, "forms": out}
