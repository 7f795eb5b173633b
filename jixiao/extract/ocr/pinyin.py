"""A mirror page's pinyin as the recogniser read it, set right by the pinyin dictionary (cell text →
**cell text**, within :func:`.confusions.fix_text`).

Mirror sites print the pinyin of some Traditional characters after them (``執(zhí)法補(bǔ)助經(jīng)費(fèi)``).
Photographed, the recogniser reads the tone marks loosely and some characters in their Simplified
form: ``執(zhi)法補(bü)助经(jīng)費`` — on the real forms drawn as phone photos, every row, goal and funding
line of the two mirror pages that held such a misreading was lost against the printed text (7 rows,
3 goals, 4 funding lines).

The fix reads each bracket of Latin letters right after a CJK character: when its letters, tone marks
aside, spell one of that character's readings in pypinyin's dictionary (the maintained one; offline),
the reading is written with the dictionary's tone marks — the one the recogniser's marks name when it
names one, else the character's commonest. Only mirror pages print pinyin, and they print it after
characters Simplified script writes otherwise, so a character the recogniser read in its Simplified
form before such a bracket is written in its Traditional one (OpenCC ``s2t``). A bracket whose letters
spell no reading of the character (``寬(cm)``, ``率(km)``) is left as read.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# a CJK character, then a bracket of letters (tone marks read any way: ã, ü, ô …, combining or not; a
# cell's line break may stand between them: 指標⏎(bião))
READING = re.compile(r"([\u3400-\u9fff])(\s*[(（])([A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]{1,9})(?=[)）])")


def _plain(letters: str) -> str:
    """The letters without their marks, lower case (ü is u: the recogniser reads ǔ as ü)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", letters.lower()) if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def readings(ch: str) -> tuple[str, ...]:
    """The readings of a character with tone marks, commonest first (its Traditional form's too)."""
    from pypinyin import Style, pinyin

    from jixiao.normalize.folding import to_traditional

    out: list[str] = []
    for form in dict.fromkeys((ch, to_traditional(ch))):
        for r in pinyin(form, style=Style.TONE, heteronym=True, errors="ignore")[0] if form else ():
            if r not in out:
                out.append(r)
    return tuple(out)


def fix_pinyin(text: str) -> str:
    """The text with each pinyin reading of a mirror page spelled as the dictionary spells it, and
    the character it follows in its Traditional form."""
    if "(" not in text and "（" not in text:
        return text
    return READING.sub(_spelled, text)


def _spelled(m: re.Match) -> str:
    from jixiao.normalize.folding import to_traditional

    ch, bracket, letters = m.groups()
    plain = _plain(letters)
    matching = [r for r in readings(ch) if _plain(r) == plain]
    if not matching:
        return m.group()
    letters = unicodedata.normalize("NFC", letters).lower()
    traditional = to_traditional(ch)
    return (traditional if len(traditional) == 1 else ch) + bracket + next((r for r in matching if r == letters), matching[0])
