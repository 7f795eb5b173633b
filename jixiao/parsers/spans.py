"""Merged level cells in flattened text → the rows each label covers.

Part of ``parsers/`` (pure). A merged 一级 or 二级 cell prints its label once: at the top of its
block (a web page's ``rowspan``: the crawler writes it on the block's first row) or at its vertical
middle (a PDF's text layer, a viewer's copy of a centred cell). Filling down reads only the first.
Both readings are priced for each level (a page may centre its 一级 labels and top-align its
二级 ones) and the cheapest pair wins, top on a tie: read from the top, each row above the
first label costs (it stays unlabelled); read as centred, the table is cut into consecutive blocks,
one per label, by dynamic programming over the cuts, each block costing the square of how far its
label stands off its middle row (an even block has two: a page prints all its labels on the upper
one or all on the lower one, so both are tried). A table whose
first row prints its label costs nothing read from the top, so it reads exactly as it did by filling
down; rows above the first label (``merged labels missing on early rows``) are what tells a centred
table. (Bottom alignment, a spreadsheet's default, is left out: one label on a table's last row is
likelier a lone 满意度指标 than a bottom-aligned block.)

二级 blocks are cut inside their 一级 block (a merged 二级 never crosses a 一级 boundary), and a
reading that files a 二级 under a 一级 it never stands under (数量指标 under 效益指标;
data/level_std.csv) costs: a page excerpt starting inside the 产出 block keeps its rows unlabelled
rather than centring the 效益指标 below over them. Measured on the real forms flattened with
centred labels (samples/generators/flatten.py ``centred``): indicator F1 0.810 → 0.920; every other
flattening, the shared real set, the dev corpus and the harvested samples read as before.
The 一级 blocks are cut knowing those 二级 labels too (a block reaching over 时效指标 printed under
产出指标 only because its label sits mid-block costs each misfiled row): a real 批复表 whose 产出指标
stands on the 5th of its 12 rows read its 时效 and 成本 rows under 满意度指标; centred 0.920 → 0.926.
The misfiled counts are taken once per table, not once per pair of alignments (they made 14% of the
parse time of the sample PDFs).
"""
from __future__ import annotations

from typing import Optional, Sequence

from jixiao.normalize.levels import known_level1, level1_parents

TIE = 1e-9
UNLABELLED = 1.0  # read from the top: each row above the first label, left without one
OFF_CENTRE = 2.0  # times the square of the rows a centred label stands off its block's middle
ALIGNMENTS = (None, -0.5, 0.5)  # top; centred, an even block's label on its upper or its lower middle row
MISFILED = 2.0  # a row given a 一级 other than the one its printed 二级 belongs under (数量指标 under 效益指标)


def _cut_cost(marks: Sequence[int], n: int, even: float, misfits: Optional[list[list[int]]] = None
              ) -> tuple[float, list[int]]:
    """The cheapest cut of rows ``0..n`` into ``len(marks)`` blocks, block ``i`` holding its label
    near its middle at row ``marks[i]``: (cost, the first row of each block). ``misfits[i][r]``
    counts the rows before ``r`` printing a 二级 that never stands under label ``i``: each such row
    in block ``i`` costs MISFILED (a block reaching over 时效指标 printed under 产出指标 is cut short)."""
    k = len(marks)
    # best[b] for the block i starting at row b: (cost of blocks 0..i-1, their starts)
    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    for i in range(k):
        lo_next = marks[i] + 1
        hi_next = marks[i + 1] if i + 1 < k else n
        ends = range(lo_next, hi_next + 1) if i + 1 < k else (n,)
        nxt: dict[int, tuple[float, list[int]]] = {}
        for start, (cost, starts) in best.items():
            for end in ends:
                middle = (start + end - 1) / 2 + (even if (end - start) % 2 == 0 else 0.0)
                c = cost + OFF_CENTRE * (marks[i] - middle) ** 2
                if misfits is not None:
                    c += MISFILED * (misfits[i][end] - misfits[i][start])
                if end not in nxt or c < nxt[end][0] - TIE:
                    nxt[end] = (c, starts + [start])
        best = nxt
    cost, starts = best[n]
    return cost, starts


def _misfit_counts(labels: Sequence[Optional[str]], level2: Sequence[Optional[str]]) -> list[list[int]]:
    """For each 一级 label, the running count of rows printing a 二级 filed under another 一级."""
    parents = [level1_parents(b) if b else None for b in level2]
    out = []
    for label in labels:
        if not label:
            continue
        given = known_level1(label)
        counts = [0]
        for p in parents:
            counts.append(counts[-1] + (1 if p and given and given not in p else 0))
        out.append(counts)
    return out


def _blocks(labels: Sequence[Optional[str]], align: Optional[float],
            misfits: Optional[list[list[int]]] = None) -> tuple[float, list[Optional[str]]]:
    """(cost, each row's label) read from the top (filled down; ``align`` None) or centred, an even
    block's label on its upper (``align`` -0.5) or lower (0.5) middle row; for 一级 labels, ``misfits``
    (:func:`_misfit_counts`) prices the blocks that would misfile the 二级 their rows print."""
    marks = [k for k, label in enumerate(labels) if label]
    if not marks:
        return 0.0, [None] * len(labels)
    if align is None:
        out: list[Optional[str]] = [None] * marks[0]
        for k in range(marks[0], len(labels)):
            out.append(labels[k] or out[-1])
        return UNLABELLED * marks[0], out
    cost, starts = _cut_cost(marks, len(labels), align, misfits)
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(labels)
        out.extend([labels[marks[i]]] * (end - start))
    return cost, out


def _misfiled(level1: Sequence[Optional[str]], level2: Sequence[Optional[str]]) -> int:
    """Rows whose 二级 belongs under another 一级 than the one they are given (data/level_std.csv)."""
    n = 0
    for a, b in zip(level1, level2):
        if a and b:
            parents, given = level1_parents(b), known_level1(a)
            if parents and given and given not in parents:
                n += 1
    return n


def _level2_cost(l1: Sequence[Optional[str]], level2: Sequence[Optional[str]], align: Optional[float]
                 ) -> tuple[float, list[str]]:
    """The 二级 of every row, cut inside each 一级 block (rows above the first 一级, a page excerpt's
    remainder, read from the top; a table printing no 一级 is one block)."""
    cost, out = 0.0, []
    k, n = 0, len(l1)
    any1 = any(l1)
    while k < n:
        j = k
        while j < n and l1[j] == l1[k]:
            j += 1
        c, labels = _blocks(level2[k:j], align if l1[k] or not any1 else None)
        cost += c
        out.extend(x or "" for x in labels)
        k = j
    return cost, out


def spanned_levels(level1: Sequence[Optional[str]], level2: Sequence[Optional[str]]
                   ) -> Optional[tuple[list[str], list[str]]]:
    """The 一级 and 二级 of every row, from the labels each row prints itself (None: none printed).
    None when the labels read from the top (filling down is right)."""
    n = len(level1)
    if n == 0 or len(level2) != n:
        return None
    best = None
    misfits = _misfit_counts(level1, level2)
    for align1 in ALIGNMENTS:
        c1, l1 = _blocks(level1, align1, misfits)
        for align2 in ALIGNMENTS:
            c2, l2 = _level2_cost(l1, level2, align2)
            cost = c1 + c2 + MISFILED * _misfiled(l1, l2)
            if best is None or cost < best[0] - TIE:
                best = (cost, align1 is None and align2 is None, l1, l2)
    _, top, l1, l2 = best
    if top:
        return None
    return [x or "" for x in l1], l2
