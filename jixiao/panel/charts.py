"""Charts of an extraction (PNG, matplotlib's headless Agg backend, offline).

Part of ``jixiao panel`` (``--charts DIR``). Each chart is one DuckDB query (``CHARTS``: the SQL
is shown in the README beside the picture) and one plot. Chinese labels need a CJK font: the
first installed one of ``CJK_FONTS`` is used (Debian/Ubuntu: ``fonts-noto-cjk``); without one the
charts are still written, the labels' Chinese characters may show as boxes, and a note says so.
"""
from __future__ import annotations

import sys
from pathlib import Path

QUANTITATIVE_SQL = """
SELECT form_type, year,
       avg(CASE WHEN is_quantitative THEN 1.0 ELSE 0.0 END) AS share_quantitative,
       count(*) AS indicators
FROM indicators
WHERE is_quantitative IS NOT NULL AND year IS NOT NULL
GROUP BY form_type, year
ORDER BY year, form_type"""

ACHIEVEMENT_SQL = """
SELECT coalesce(level2_std, '(none)') AS level2_std,
       avg(CASE WHEN achieved THEN 1.0 ELSE 0.0 END) AS achievement_rate,
       count(*) AS decided
FROM indicators
WHERE achieved IS NOT NULL
GROUP BY 1
ORDER BY decided DESC, level2_std"""

CHARTS = {"quantitative_by_type_year.png": QUANTITATIVE_SQL,
          "achievement_by_level2.png": ACHIEVEMENT_SQL}

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Droid Sans Fallback", "SimHei", "Microsoft YaHei", "PingFang SC",
             "Heiti SC", "AR PL UMing CN")


def cjk_font():
    """The family name of an installed CJK font, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def write_charts(con, outdir: Path) -> list[Path]:
    """Write every chart of ``CHARTS`` from a connection holding the indicators table."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    outdir.mkdir(parents=True, exist_ok=True)
    font = cjk_font()
    rc = {"font.sans-serif": [font, "DejaVu Sans"] if font else ["DejaVu Sans"], "font.family": "sans-serif",
          "axes.unicode_minus": False, "svg.hashsalt": "jixiao", "figure.dpi": 100}
    if font is None:
        print("jixiao panel: no CJK font found (install fonts-noto-cjk); Chinese labels may show as boxes",
              file=sys.stderr)
    written = []
    with plt.rc_context(rc):
        quantitative = con.execute(QUANTITATIVE_SQL).df()
        written.append(_quantitative_chart(plt, quantitative, outdir / "quantitative_by_type_year.png"))
        achievement = con.execute(ACHIEVEMENT_SQL).df()
        written.append(_achievement_chart(plt, achievement, outdir / "achievement_by_level2.png"))
    return written


def _save(plt, fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return path


def _quantitative_chart(plt, df, path: Path) -> Path:
    fig, ax = plt.subplots(figsize=(8, 4.5))
    if df.empty:
        ax.text(0.5, 0.5, "no indicators with a year", ha="center", va="center")
    else:
        years = sorted(df["year"].dropna().astype(int).unique())
        types = sorted(df["form_type"].dropna().unique())
        width = 0.8 / max(len(types), 1)
        for k, form_type in enumerate(types):
            part = df[df["form_type"] == form_type].set_index("year")
            xs = [i + k * width for i, y in enumerate(years) if y in part.index]
            ys = [100 * part.loc[y, "share_quantitative"] for y in years if y in part.index]
            ax.bar(xs, ys, width=width, label=form_type)
        ax.set_xticks([i + width * (len(types) - 1) / 2 for i in range(len(years))], [str(y) for y in years])
        ax.set_ylim(0, 100)
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=max(len(types), 1), frameon=False)
    ax.set_ylabel("quantitative targets (%)")
    ax.set_title("Share of quantitative targets (a number or a deadline) by form type and year")
    return _save(plt, fig, path)


def _achievement_chart(plt, df, path: Path) -> Path:
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.45 * len(df) + 1.2)))
    if df.empty:
        ax.text(0.5, 0.5, "no self-evaluation rows with a decided achievement", ha="center", va="center")
    else:
        df = df.iloc[::-1]
        bars = ax.barh(df["level2_std"], 100 * df["achievement_rate"], color="#4c72b0")
        for bar, n in zip(bars, df["decided"]):
            ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, f"n={n}", va="center", fontsize=8)
        ax.set_xlim(0, 112)
    ax.set_xlabel("achieved (% of decided self-evaluation rows)")
    ax.set_title("Achievement rate by 二级指标 (level2_std)")
    return _save(plt, fig, path)
