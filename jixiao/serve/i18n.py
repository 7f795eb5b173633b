"""The web page's interface text in Chinese and English, read from ``strings.tsv`` (key, zh, en).

Part of ``jixiao/serve``. The page is Chinese by default with an English switch: the server writes
Chinese and marks every interface string with its key (``data-i18n``), and the page's script swaps
in the other language from the same table, sent along as JSON. Placeholders are ``{name}``.
"""
from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib.resources import files

LANGUAGES = ("zh", "en")
DEFAULT = "zh"


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    """key -> {"zh": …, "en": …}."""
    raw = files("jixiao.serve").joinpath("strings.tsv").read_text(encoding="utf-8")
    table = {}
    for row in csv.DictReader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE):
        table[row["key"]] = {lang: row[lang] for lang in LANGUAGES}
    return table


def text(key: str, lang: str = DEFAULT, **params) -> str:
    entry = strings().get(key)
    template = entry.get(lang) or entry[DEFAULT] if entry else key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
