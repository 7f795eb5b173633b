"""A page's own number as a copy of its text prints it (``第 1 页，共 2 页``, ``- 3 -``, ``Page 2 of 5``).

Used by the text reader, which drops such a line wherever a viewer's copy put it (between rows, inside
a wrapped cell), and by the row stream, which drops a free line of any format that is one. A bare
number is never taken for one here: alone on its line it may be a value (the parser decides that from
where it stands).
"""
from __future__ import annotations

import re
import unicodedata

PAGE_MARKER = re.compile(r"^(?:第\d+页(?:[,、]?共\d+页)?|共\d+页[,、]?第\d+页|[-—]\d{1,4}[-—]|page\d+(?:of\d+)?)$",
                         re.I)


def is_page_marker(text: str) -> bool:
    """True for a text that is only a page's number (spaces, full-width forms and case ignored)."""
    folded = "".join(unicodedata.normalize("NFKC", text or "").split())
    return bool(PAGE_MARKER.match(folded))
