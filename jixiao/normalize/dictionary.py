"""jieba's word list, read as (word, frequency) pairs — shared by the readers and parsers that judge words.

Part of ``normalize/`` (strings → typed values), the one layer both ``extract/`` (OCR look-alikes,
:mod:`jixiao.extract.ocr.lexicon`) and ``parsers/`` (glued cells, :mod:`jixiao.parsers.glued_rows`)
may import. Only the word list is read, never jieba's segmenter, which would hold its whole
dictionary in memory (measured: +70 MiB per batch worker); each caller keeps the few words it needs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator


def dictionary_words(lengths: tuple[int, int] = (1, 99), min_freq: int = 0) -> Iterator[tuple[str, int]]:
    """The dictionary's words ``lengths[0]``–``lengths[1]`` characters long and at least ``min_freq``
    frequent, with their frequency, in the word list's order."""
    import jieba

    shortest, longest = lengths
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, freq = line.split(" ", 2)[:2]
            if shortest <= len(word) <= longest and int(freq) >= min_freq:
                yield word, int(freq)
