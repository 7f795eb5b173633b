"""A form's header: its title (and so its family), its year, and the key–value fields.

Pure functions over cell texts. Field keys come from ``data/fields.csv``; a key may stand in its
own cell (value in the next cell), share a cell with its value (``预算单位：某局``) or run together
with it and with further keys (``项目主管部门某局项目执行单位某校``), as web pages flatten them.
"""
from __future__ import annotations

import re
from typing import Optional

from jixiao.normalize.folding import fold_text
from jixiao.parsers.lexer import fold_chars, fold_mapped
from jixiao.parsers.vocab import field_key_pattern, field_keys, key, org_suffix_pattern, squash

TITLE = re.compile(r"绩效.{0,8}(?:目标|自评|评价|监控|指标)[^，。；;,]{0,8}表")
LOOSE_TITLE = re.compile(r"(?:支出|项目|整体)[^，。；;,]{0,6}绩效[^，。；;,]{0,4}表(?:[（(][^）)]{0,12}[）)])?$")
NOT_TITLE = re.compile(r"详见|见附|如下|。|；|公开|说明|情况表$|汇总表$|总表$|清单")
SELF_EVAL_TITLE = re.compile(r"(?:项目|支出|整体)(?:自评|目标(?:申报|批复|审核)?)表(?:[（(][^）)]{0,12}[）)])?$")
TITLE_PREFIX = re.compile(r"^(?:附件|附表)\s*[\d一二三四五六七八九十-]*\s*[:：、.．]?")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
YEAR_LINE = re.compile(r"^[（(【\[]?\s*((?:19|20)\d{2})\s*年?度?\s*[）)】\]]?$")
# a department form's title that names its unit first: 重庆市梁平区林业局2023年度部门整体绩效自评表
TITLE_UNIT = re.compile(r"^(.{4,30}?" + org_suffix_pattern() + r")(?:本级|机关)?(?:(?:19|20)\d{2}\s*年度?|部门|单位|整体)")
ORG = re.compile(org_suffix_pattern() + r"(?:本级|机关)?$")  # the end of a unit's name
# a numbered caption that names the form without 表 (表1:某某项目绩效目标): a title too
# a page heading over forms written without 表 (黄山市公安局2025年项目绩效目标和指标)
TARGETS_AND_INDICATORS = re.compile(r"(?:项目|部门|整体|支出)绩效目标(?:和|及|与)指标$")
CAPTION_TITLE = re.compile(r"^表\s*\d{1,2}\s*[:：.．、]\s*[^，。；;,:：]{2,40}绩效(?:目标|指标|自评)$")
OTHER_TABLE_TITLE = re.compile(r"^[^，。；]{2,40}表(?:[（(][^）)]{0,10}[）)])?$")


def unit_in_title(title: Optional[str]) -> Optional[str]:
    """The unit a title names before its year or 部门/整体 (``某某局2023年度部门整体绩效自评表``)."""
    printed = clean_title(title or "")
    m = TITLE_UNIT.match(fold_chars(printed))  # (某某衛生院整體支出… of a mirror page; positions kept)
    return printed[m.start(1):m.end(1)] if m else None


def clean_title(text: str) -> str:
    return TITLE_PREFIX.sub("", text).strip()


TOC_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,})\s*\d{1,3}\s*$")  # leader dots, then a page number


def is_form_title(text: str) -> bool:
    if TOC_ENTRY.search(text):
        return False  # 附件:…绩效目标自评表........22: a line of the report's table of contents
    t = clean_title(fold_text(text))  # 績效目標表 is a title too
    if CAPTION_TITLE.match(t):
        return True
    if t and len(t) <= 40 and SELF_EVAL_TITLE.search(t) and not NOT_TITLE.search(t):
        return True  # 2020年度长江禁捕项目自评表, 项目支出目标申报表: these need no 绩效 to be a form's title
    if not t or len(t) > 60 or "绩效" not in t:
        return False
    if NOT_TITLE.search(t) and not t.endswith(("自评表", "目标表", "目标表公开", "自评表公开")):
        return False
    # the full pattern, or (a word lost to OCR or wrapping) a short line naming a 支出 绩效 …表
    return bool(TITLE.search(t)) or bool(LOOSE_TITLE.search(t)) or bool(TARGETS_AND_INDICATORS.search(t))


def is_other_table_title(text: str) -> bool:
    """A title of some other table (收支预算总表 …): it ends any form before it."""
    t = clean_title(text)
    return bool(OTHER_TABLE_TITLE.match(t)) and not is_form_title(t) and "指标" not in t


def form_type_of(title: str, *, has_project: bool = False, self_eval: Optional[bool] = None,
                 has_tasks: bool = False) -> str:
    """The form's family and kind. The title decides when it names them (项目 / 整体, 部门, 单位;
    自评, 评价 / 目标); else a 项目名称 field means a project form and a task table (任务名称 |
    主要内容 …) a department form; a form that says neither is a project form, by far the more
    common kind among forms printed without a telling title. Self-evaluation columns (实际完成值,
    得分) decide the kind when the title does not."""
    t = fold_text(title or "")
    evaluation = ("自评" in t or "评价" in t) if t else bool(self_eval)
    if "评价" in t and "自评" not in t and self_eval is False:
        evaluation = False  # 绩效评价指标表 with targets only (Hebei): the indicators an evaluation will check
    if self_eval is not None and not ("自评" in t or "评价" in t or "目标" in t):
        evaluation = self_eval
    if "项目" in t:
        family = "project"
    elif any(w in t for w in ("整体", "部门", "单位")):
        family = "department"
    elif has_project:
        family = "project"
    elif has_tasks:
        family = "department"
    else:
        family = "project"
    return f"{family}_{'self_eval' if evaluation else 'target'}"


def titled_target(title: str) -> bool:
    """The title names a target form and no evaluation (项目支出绩效目标表, 绩效目标申报表): its table holds no
    actual, score or deviation column (绩效目标完成情况 names an evaluation)."""
    t = fold_text(title or "")
    return "目标" in t and not any(w in t for w in ("自评", "评价", "完成", "监控"))


def year_of(text: str) -> Optional[int]:
    """The first year a text names (``２０２３年`` too: full-width digits are folded for matching)."""
    m = YEAR.search(fold_chars(text) if text else "")
    return int(m.group(1)) if m else None


def year_line(text: str) -> Optional[int]:
    """A line that holds nothing but a year: ``（2023年度）``, ``2022年``, ``(   2023年度)``."""
    m = YEAR_LINE.match(key(text) if text else "")
    return int(m.group(1)) if m else None


PROSE_PUNCT = re.compile(r"[，,。；;]")
UNIT_NOTE_AFTER = re.compile(r"(?:金额|资金|计量)?单位[:：]?(?:万元|元|千元|亿元)$")  # 某局金额单位:万元: the amounts' unit


def split_fields(text: str) -> list[tuple[str, str]]:
    """``项目主管部门某局项目执行单位某校`` → [(agency-key, 某局), (department-key, 某校)].

    Only when the text starts with a key; otherwise []. Keys are returned folded. Where spaces part
    the fields (``项目名称:某某项目  主管部门:某局``), each starts at its space: a longer key across it
    (项目主管部门) would take the value's last word.
    """
    pat = field_key_pattern()
    pieces = text.split()
    if len(pieces) > 1 and all(pat.match(key(p)) for p in pieces):
        parts = [split_fields(p) for p in pieces]
        if all(parts):
            return [f for part in parts for f in part]
    text = squash(text) if len(pieces) > 1 else text
    k = key(text)
    m = pat.match(k)
    if not m or (len(m.group()) <= 2 and k[m.end():m.end() + 1] not in ":："):
        return []  # a two-character key (部门) counts only with its colon: 部门预算 is no field
    if k[m.end():m.end() + 1] not in ":：" and PROSE_PUNCT.search(k[m.end():]):
        return []  # 项目单位按项目实施内容设置了11个指标,包含…: a sentence opening with a key's words
    out = []
    matches = list(_iter_keys(k, pat))
    for i, (_start, end, kk) in enumerate(matches):
        stop = matches[i + 1][0] if i + 1 < len(matches) else len(k)
        value = UNIT_NOTE_AFTER.sub("", k[end:stop].lstrip("：:"))
        out.append((kk, as_printed(text, value)))
    return out


def as_printed(text: str, folded: str) -> str:
    """The printed span of ``text`` that folds to ``folded`` (a value found in the folded text: 水土保持監(jiān)測
    stays as printed, its pinyin included), or ``folded`` itself when no span does."""
    if not folded or folded in text:
        return folded
    printed = squash(text)
    matching, where = fold_mapped(printed)
    at = matching.rfind(folded)
    if at < 0:
        return folded
    end = at + len(folded)
    return printed[where[at]:where[end] if end < len(where) else len(printed)]


def _iter_keys(k: str, pat: re.Pattern):
    """Key occurrences in k, left to right, that start at 0 or follow a value of ≥1 character."""
    pos = 0
    found = []
    while pos < len(k):
        m = pat.search(k, pos)
        if not m:
            break
        # a key inside a value (e.g. 单位 in 某某单位名称) only counts after a separator or at start
        if m.start() == 0 or k[m.start() - 1] in " ：:;；，," or (found and _strong_key(m.group())):
            found.append((m.start(), m.end(), m.group()))
        pos = m.end()
    return found


def _strong_key(k: str) -> bool:
    return len(k) >= 4


def field_of(key_text: str) -> Optional[tuple[str, int]]:
    return field_keys().get(key(key_text))
