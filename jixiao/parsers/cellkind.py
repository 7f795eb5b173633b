"""What a single cell's text looks like: amounts, scores, operators, units, noise, terminators.

Pure predicates the form parser uses to decide which role a cell can fill when positions alone
cannot tell (flattened merges, shifted cells, one-cell-per-line text).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jixiao.normalize.names import numbering_at
from jixiao.normalize.vocab import COMPARATORS
from jixiao.parsers.lexer import fold_chars
from jixiao.parsers.vocab import _rows, field_keys, key, level_of, squash, looks_like_level_label, nature_words

NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
AMOUNT = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%％]?(?:万元|元|分)?$")
EMPTYISH = {"", "/", "／", "—", "——", "-", "--", "－", "无", "無", "null", "NULL", "N/A", "n/a", "\\", ":", "："}  # (a colon alone: a label's value slot printed empty)
PAGE_NO = re.compile(r"^(?:[-—－]?\s*\d{1,4}\s*[-—－]?|第\d+页(?:[,，]?共\d+页)?|\d+/\d+|page\d+|附?表[一二三四五六七八九十\d]{1,3})$", re.I)
OPERATORS = {"≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦", ">=", "<=", "＞＝", "＜＝", "定性", "定量", "≈",
             "大于", "小于", "等于", "大于等于", "小于等于", "不低于", "不高于", "不少于", "不超过", "正向", "反向", "约"}
UNIT_SHAPE = re.compile(r"^[^\d\s，。；;,.:：、]{1,6}(?:/[^\d\s，。；;,.]{1,4})?$")
CHROME_MAX = 40  # characters of a line of a web page's links (联系客服 关注微信 下载APP 返回顶部)
CJK = re.compile(r"[\u3400-\u9fff]")
DOTS = re.compile(r"^[…．.·。]+$")
PLACEHOLDER = re.compile(r"(?:\d+字以内|字以内）|字以内\)|请填写|说明相关|对照年度目标|对照年初目标)")


@lru_cache(maxsize=None)
def _section_words(kind: str) -> frozenset:
    return frozenset(key(r["text"]) for r in _rows("sections.csv") if r["kind"] == kind)


@lru_cache(maxsize=None)
def _chrome_words() -> re.Pattern:
    return re.compile("|".join(sorted((re.escape(w.lower()) for w in _section_words("page_chrome")), key=len, reverse=True)))


def is_chrome(text: str) -> bool:
    """A short line of the web page's own (打印本页 关闭窗口, 扫一扫在手机打开当前页, 网站标识码…): never a form's."""
    k = key(text)
    return bool(k) and len(k) <= CHROME_MAX and _chrome_words().search(k.lower()) is not None


@lru_cache(maxsize=None)
def qualitative_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_section_words("qualitative"), key=len, reverse=True))


def is_amount(text: str) -> bool:
    return bool(AMOUNT.match(fold_chars(text).replace("，", ",")))  # (萬元, ５０: folded)


def is_amount_or_blank(text: str) -> bool:
    return text in EMPTYISH or is_amount(text)


def is_operator(text: str) -> bool:
    if text and not text.isascii():
        folded = fold_chars(text)  # ﹦ (small equals), ＞＝ fold to ASCII; 大於等於 (a mirror page's) to 大于等于
        if folded != text and folded in OPERATORS:
            return True
    return text in OPERATORS or key(text.lstrip("-—－")) in nature_words() or \
        text in COMPARATORS.get("cell", {}) or _sign(text)  # (二: = as OCR reads it, alone in its cell)


def _sign(text: str) -> bool:
    """A comparison sign of the vocabulary written with symbols only (═, ‹=, ≧): a 符号 cell."""
    return 0 < len(text) <= 2 and text in COMPARATORS.get("pre", {}) and \
        not any("\u4e00" <= ch <= "\u9fff" for ch in text)


def is_unit(text: str) -> bool:
    return bool(UNIT_SHAPE.match(text)) and not level_of(text)


def is_noise(text: str) -> bool:
    k = key(text)
    return bool(PAGE_NO.match(k)) or k in _section_words("noise") or k.startswith(("续表", "（续）", "(续)"))


TOTAL_WITH_SUM = re.compile(r"^(\D{2,4}?)\d+(?:\.\d+)?分?$")  # a total's word with its sum run in: 合计100, 总分100分
SIGNOFF_MAX = 30  # characters of a sign-off cell (单位负责人签字, 财政资金管理科室(盖章) 年 月 日)


def is_terminator(text: str) -> bool:
    k = key(text).lstrip("…．.·")  # (……总分: a placeholder row's dots run into the total under it)
    if not k:
        return False
    if k in _section_words("terminator"):
        return True
    total = TOTAL_WITH_SUM.match(k)
    if total and total.group(1) in _section_words("terminator"):
        return True  # 合计100, 总分100分: the total's row with its sum run into it
    n = numbering_at(k)
    if n and len(k) - n <= 20 and k[n:].startswith(_heading_terminators()):
        return True  # a report's numbered heading after its table: （三）存在的问题和原因
    if len(k) <= 16 and k.endswith(("意见", "意见（盖章）", "意见(盖章)")):
        return True  # 财政部门绩效评价股审核意见: the sign-off rows under a form
    flat = fold_chars(squash(text))  # (財政資金管理科室(蓋章) of a mirror page too)
    if len(flat) <= SIGNOFF_MAX and any(w in flat for w in _section_words("signoff")) and k not in field_keys():
        return True  # 财政资金管理科室(盖章) 年 月 日: a sign-off under the form
    if is_chrome(text):
        return True  # 返回顶部, 手机扫码: the web page's own links after the content
    return k.startswith(("注：", "注:", "说明：", "说明:", "填报说明", "备注：", "备注:", "填表说明", "评价结论"))


def opens_an_evaluation(text: str) -> bool:
    """The cell opens a self-evaluation's own closing part (评价结论…, 自评等级, 自评得分: data/sections.csv
    ``evaluation``): what a form printing no title and no actual column is told by."""
    return key(text).startswith(_evaluation_words())


@lru_cache(maxsize=None)
def _evaluation_words() -> tuple[str, ...]:
    return tuple(_section_words("evaluation"))


@lru_cache(maxsize=None)
def _heading_terminators() -> tuple[str, ...]:
    return tuple(w for w in _section_words("terminator") if len(w) >= 4)


def is_placeholder(text: str) -> bool:
    return bool(PLACEHOLDER.search(fold_chars(text)))  # (對照年度目標 of a mirror page too)


def is_bare_numbering(text: str) -> bool:
    """Nothing but a name's numbering (指标2, 任务1:, （一）): the name of a template row left unfilled."""
    k = key(text)
    return bool(CJK.search(k)) and numbering_at(k) == len(k)


def opens_with_numbering(text: str) -> bool:
    """A name's numbering, then words (指标1:机柜数量): a row's name, whatever digits the numbering holds."""
    k = key(text)
    n = numbering_at(k)
    return 0 < n < len(k) and bool(CJK.search(k, n))


ITEM_SEPARATORS = ";；,，。、"


def enumerates(text: str) -> bool:
    """Items numbered one after another ((1)成立管理组织;(2)季度督导…): a list written into a value
    cell, not a name opening with its numbering."""
    k = unicodedata.normalize("NFKC", squash(text))  # (key() would drop the numbering it looks for)
    n = numbering_at(k)
    if not 0 < n < len(k):
        return False
    for p in range(n + 1, len(k)):
        if k[p - 1] in ITEM_SEPARATORS or k[p] in "(（":
            m = numbering_at(k, p)
            if m and p + m < len(k):
                return True
    return False


def is_blank_mark(text: str | None) -> bool:
    """No value: empty, an empty mark (/, —, 无) or dots (……) left in a template's row."""
    return not text or text in EMPTYISH or bool(DOTS.match(text.strip()))


def is_level_label(text: str) -> bool:
    return bool(level_of(text)) or looks_like_level_label(text)


def looks_like_deviation(text: str) -> bool:
    """A 偏差原因 cell: blank-ish, or a sentence about causes and fixes."""
    if text in EMPTYISH:
        return True
    return bool(re.search(r"原因|影响|下一步|改进|偏差|未完成|未达|加强|不足|滞后|延期|[。；;]", text)) or len(text) > 30
