"""Text folding for matching: Traditional → Simplified and the damage of mirrored pages undone.

Part of ``normalize/`` (strings → comparable strings). Used wherever a printed name is compared
with a vocabulary or with another form's name; output strings stay as printed — only the
comparison keys are folded.

- Traditional characters fold to Simplified with OpenCC (``t2s``), the maintained converter.
- Pinyin injected after characters by mirror sites (``學(xué)生`` → ``學生``) is removed first.
- NFKC folds full-width forms (``（`` → ``(``, ``１`` → ``1``).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# a run of pinyin in brackets right after a CJK character: 區(qū), 經(jīng), 學（xué）
PINYIN = re.compile(r"(?<=[\u3400-\u9fff])[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\s*[)）]")
_CJK_OR_TONE = re.compile(r"[\u3400-\u9fffāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def drop_pinyin(text: str) -> str:
    """``學(xué)生資助`` → ``學生資助``; brackets holding ordinary words (``(ABC)``) stay unless a
    tone mark shows they are pinyin or they follow a CJK character and are all lower-case letters."""
    if "(" not in text and "（" not in text:
        return text
    return PINYIN.sub("", text)


@lru_cache(maxsize=1)
def _to_traditional_converter():
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:
    """Simplified → Traditional (a mirror page's characters the recogniser read in their Simplified form)."""
    if not text or text.isascii():
        return text
    return _to_traditional_converter().convert(text)


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional → Simplified (characters only; everything else unchanged)."""
    if not text or text.isascii():
        return text
    return _converter().convert(text)


@lru_cache(maxsize=65536)
def fold_text(text: str | None) -> str:
    """The matching form of a string: NFKC, pinyin removed, Simplified, whitespace dropped."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text)
    t = drop_pinyin(t)
    t = to_simplified(t)
    return re.sub(r"\s+", "", t)


@lru_cache(maxsize=65536)
def fold_chars(text: str) -> str:
    """NFKC per character and Traditional → Simplified, keeping positions (a character that folds to
    several stays as it is; a conversion that would change the length is not made): a mirror page's
    ``殘疾學生入學率大於90%`` is cut where ``残疾学生入学率大于90%`` is."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        f = unicodedata.normalize("NFKC", ch)
        out.append(f if len(f) == 1 else ch)
    folded = "".join(out)
    simple = to_simplified(folded)
    return simple if len(simple) == len(folded) else folded
