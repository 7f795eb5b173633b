"""Sample pasted-text files: the synthetic forms as users paste them from Word, Excel and web pages.

Part of ``samples/`` (not of the pipeline). Each form's table layout (shared with the PDF
generator) is flattened the way copying does it — a merged cell's text only in its first grid
position, the rest empty — and written in the styles the text reader must handle: tab-separated
with ``<p>`` tags and a markdown title (Word/WPS copy), space-aligned, crawler ``|`` rows,
one cell per line, and GBK-encoded.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parents[2])
from samples.generators import forms  # noqa: E402
from samples.generators.pdf import (  # noqa: E402
    department_target_layouts, project_target_layout, self_eval_layout,
)

SAMPLES = Path(__file__).resolve().parents[1]


def flatten(layout) -> list[list[str]]:
    """A layout's grid as pasted: merged cells give their text to their first position only."""
    n_cols, cells, _, _ = layout
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    grid = [[""] * n_cols for _ in range(n_rows)]
    for r, c, _, _, text in cells:
        grid[r][c] = text or ""
    return grid


def origin_rows(layout) -> list[list[str]]:
    """A layout as a web page's cells: each merged cell once, in the row where it starts."""
    n_cols, cells, _, _ = layout
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    rows: list[list[tuple[int, str]]] = [[] for _ in range(n_rows)]
    for r, c, _, _, text in cells:
        rows[r].append((c, text or ""))
    return [[t for _, t in sorted(row)] for row in rows]


def layouts(form: dict) -> list:
    if form["form_type"] == "department_target":
        return department_target_layouts(form)
    if form["form_type"] == "project_target":
        return [project_target_layout(form)]
    return [self_eval_layout(form)]


def form_grids(form: dict, style: str) -> list[list[list[str]]]:
    return [(origin_rows if style == "cells" else flatten)(l) for l in layouts(form)]


def title_lines(form: dict, style: str) -> list[str]:
    title = form["title"]
    if style == "md":
        return [f"**{title}**  ", f"（{form['year']}年度）", ""]
    return [title, f"{form['year']}年度", ""]


def render(form_list: list[dict], style: str) -> str:
    lines: list[str] = []
    for form in form_list:
        lines += title_lines(form, "md" if style == "tabs" else "plain")
        if form["form_type"].endswith("self_eval"):
            lines.append("单位：万元")
        for grid in form_grids(form, style):
            for row in grid:
                if style == "tabs":
                    lines.append("\t".join(f"<p>{c}</p>" if len(c) > 40 else c for c in row))
                elif style == "spaces":
                    lines.append("    ".join(row).rstrip())
                elif style == "pipes":
                    lines.append(" | ".join(row) + " |")
                elif style == "cells":
                    lines.extend(f"{c} |" for c in row)
            lines.append("")
        lines.append("")
    return "\n".join(lines) + "\n"


SAMPLE_SET = [
    ("text_department_target_tabs.txt", [forms.DEPARTMENT_TARGET], "tabs", "utf-8-sig"),
    ("text_project_target_spaces.txt", [forms.PROJECT_TARGET], "spaces", "utf-8"),
    ("text_self_evals_pipes.txt", [forms.DEPARTMENT_SELF_EVAL, forms.PROJECT_SELF_EVAL], "pipes", "utf-8"),
    ("text_project_self_eval_cells.txt", [forms.PROJECT_SELF_EVAL], "cells", "utf-8"),
    ("text_project_target_gbk.txt", [forms.PROJECT_TARGET], "tabs", "gbk"),
]


def build(outdir: Path = SAMPLES) -> list[Path]:
    text_dir, expected_dir = outdir / "text", outdir / "expected"
    text_dir.mkdir(parents=True, exist_ok=True)
    expected_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, form_list, style, encoding in SAMPLE_SET:
        path = text_dir / name
        path.write_bytes(render(form_list, style).encode(encoding))
        exp = forms.expected(name, "txt", form_list)
        (expected_dir / f"{name}.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(p)
