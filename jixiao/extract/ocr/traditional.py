"""A Traditional page's characters the recogniser read in their Simplified form, set back (a page's
cell and line texts → **the same texts**, after :func:`.confusions.fix_text`).

Mirror sites reprint government pages in Traditional characters. The recogniser's models were trained
mostly on Simplified text and read some Traditional glyphs as their Simplified forms — on the real
forms drawn as phone photos, ``績效`` came back ``绩效``, ``其他資金`` ``其他资金``, ``省級`` ``省级``: the project
name and three funding lines of a mirror page lost against its print.

A page is read as Traditional when half or more of the characters it holds that differ between the scripts
are in their Traditional form (:data:`TRADITIONAL_SHARE`). On such a page a Simplified-only character
is written in its Traditional form when the page itself prints that form elsewhere (OpenCC ``s2t``
names it): the mirror's converter leaves some characters as they are (``于``, ``并``, ``群`` …) and
those are then never printed in another form on the page, so they stay as read. So does a character
the recogniser read in Simplified at every occurrence (``總``, ``級`` on that page): one funding line of the
three came back (budget F1 0.912 → 0.941 on the photos), the project name did not.
"""
from __future__ import annotations

from collections import Counter

TRADITIONAL_SHARE = 0.5  # of the characters that differ between the scripts, in Traditional form (a photographed mirror page: 0.6)
MIN_DIFFERING = 20  # such characters on a page from which its script is told


def traditional_forms(texts: list[str]) -> dict[str, str]:
    """Simplified character → the Traditional form the page prints elsewhere, for a Traditional page
    (empty for any other page)."""
    from jixiao.normalize.folding import to_simplified, to_traditional

    chars = Counter(ch for t in texts for ch in t if "\u3400" <= ch <= "\u9fff")
    traditional = {ch: n for ch, n in chars.items() if to_simplified(ch) != ch}
    simplified = {ch: n for ch, n in chars.items() if to_simplified(ch) == ch and to_traditional(ch) != ch}
    differing = sum(traditional.values()) + sum(simplified.values())
    if differing < MIN_DIFFERING or sum(traditional.values()) < TRADITIONAL_SHARE * differing:
        return {}
    return {ch: to_traditional(ch) for ch in simplified if len(to_traditional(ch)) == 1 and to_traditional(ch) in traditional}


def as_traditional(text: str, forms: dict[str, str]) -> str:
    return "".join(forms.get(ch, ch) for ch in text) if forms and text else text
