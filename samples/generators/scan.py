"""Sample scans for the OCR path's tests: a synthetic form printed, stamped and scanned.

Part of ``samples/`` (not of the pipeline). :data:`forms.PROJECT_TARGET` is drawn with Pillow and
the installed Noto CJK font as a ruled table — merged 一级/二级 label cells, a level label printed
one character per line, goal text wrapping inside its cell, ``≥``/``≤`` targets — on tinted paper,
then "scanned": a red round stamp over the bottom cells (ink multiplied onto the print), a skew of
a couple of degrees, blur and noise. Written as a 24-colour palette PNG (200 dpi, skew 2.0°), a JPG (150 dpi,
skew -1.5°) and a one-page scanned PDF (image only, no text layer; skew 1.0°), each with its
expected JSON in ``samples/expected/``.

Run ``python -m samples.generators.scan`` to regenerate; outputs are committed (the tests need no
font or generator run). Deterministic: a fixed random seed.
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from samples.generators import forms  # type: ignore
else:
    from samples.generators import forms

SAMPLES = Path(__file__).resolve().parents[1]
SCAN_DIR = SAMPLES / "scan"
EXPECTED_DIR = SAMPLES / "expected"

PAPER = (246, 243, 236)
INK = (28, 28, 30)
SEAL = (214, 38, 46)

# cells: (row, col, rowspan, colspan, text, vertical)
Cell = tuple[int, int, int, int, str, bool]


def find_font(bold: bool = False) -> str:
    """Path of an installed Noto CJK font (fc-list), serif preferred like printed forms."""
    out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False).stdout
    paths = sorted({line.split(":")[0].strip() for line in out.splitlines() if "CJK" in line})
    wanted = "Bold" if bold else "Regular"
    for family in ("Serif", "Sans"):
        for p in paths:
            if family in p and wanted in p:
                return p
    if not paths:
        raise RuntimeError("no Noto CJK font installed (fonts-noto-cjk)")
    return paths[0]


def project_target_cells(form: dict) -> tuple[list[Cell], list[float], list[float]]:
    """The cell layout of a project target form (column widths and row heights in mm)."""
    cells: list[Cell] = []
    r = 0
    for label, value in (("项目名称", form["project"]), ("主管部门", form["agency"]), ("实施单位", form["department"])):
        cells += [(r, 0, 1, 2, label, False), (r, 2, 1, 2, value, False)]
        r += 1
    cells.append((r, 0, len(form["budget"]), 2, "项目资金（万元）", False))
    for line in form["budget"]:
        cells += [(r, 2, 1, 1, line["item"], False), (r, 3, 1, 1, f"{line['amount']:.2f}", False)]
        r += 1
    for goal in form["goals"]:
        label = "中长期目标" if goal["kind"] == "long_term" else "年度目标"
        cells += [(r, 0, 1, 2, label, False), (r, 2, 1, 2, goal["text"], False)]
        r += 1
    header = r
    cells += [(r, 0, 1, 1, "一级指标", False), (r, 1, 1, 1, "二级指标", False),
              (r, 2, 1, 1, "三级指标", False), (r, 3, 1, 1, "指标值", False)]
    r += 1
    inds = form["indicators"]
    for col, key in ((0, "level1"), (1, "level2")):
        i = 0
        while i < len(inds):
            j = i
            while j + 1 < len(inds) and inds[j + 1][key] == inds[i][key] and (
                    key == "level1" or inds[j + 1]["level1"] == inds[i]["level1"]):
                j += 1
            span = j - i + 1
            vertical = key == "level1" and span >= 4  # a tall merged label printed one char per line
            cells.append((r + i, col, span, 1, inds[i][key], vertical))
            i = j + 1
    for i, ind in enumerate(inds):
        cells += [(r + i, 2, 1, 1, ind["indicator"], False), (r + i, 3, 1, 1, ind["target_raw"], False)]
    n_rows = r + len(inds)
    heights = [9.0] * n_rows
    for i in range(header - len(form["goals"]), header):
        heights[i] = 13.0  # goal rows wrap
    return cells, [32.0, 38.0, 62.0, 48.0], heights


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: float) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if draw.textlength(line + ch, font=font) > width and line:
            lines.append(line)
            line = ch
        else:
            line += ch
    return lines + ([line] if line else [])


def draw_form(form: dict, dpi: int = 200) -> Image.Image:
    """The form printed on a portrait A4 page at ``dpi`` (clean, upright)."""
    mm = dpi / 25.4
    page = Image.new("RGB", (round(210 * mm), round(297 * mm)), PAPER)
    draw = ImageDraw.Draw(page)
    regular = ImageFont.truetype(find_font(), round(3.6 * mm))
    title_font = ImageFont.truetype(find_font(bold=True), round(6.0 * mm))
    cells, widths, heights = project_target_cells(form)
    x_edges = np.cumsum([0.0] + widths) * mm + 20 * mm
    y0 = 48 * mm
    y_edges = np.cumsum([0.0] + heights) * mm + y0
    cx = page.width / 2
    draw.text((cx, 24 * mm), form["title"], font=title_font, fill=INK, anchor="mm")
    draw.text((cx, 33 * mm), f"（{form['year']}年度）", font=regular, fill=INK, anchor="mm")
    draw.text((x_edges[-1], y0 - 3 * mm), "单位：万元", font=regular, fill=INK, anchor="rs")
    line_w = max(1, round(0.25 * mm))
    for row, col, rs, cs, text, vertical in cells:
        left, right = x_edges[col], x_edges[col + cs]
        top, bottom = y_edges[row], y_edges[row + rs]
        draw.rectangle((left, top, right, bottom), outline=INK, width=line_w)
        if vertical:
            step = regular.size * 1.25
            start = (top + bottom) / 2 - step * (len(text) - 1) / 2
            for k, ch in enumerate(text):
                draw.text(((left + right) / 2, start + k * step), ch, font=regular, fill=INK, anchor="mm")
            continue
        lines = _wrap(draw, text, regular, right - left - 3 * mm)
        step = regular.size * 1.3
        start = (top + bottom) / 2 - step * (len(lines) - 1) / 2
        for k, line in enumerate(lines):
            anchor_x = (left + right) / 2 if len(lines) == 1 else left + 1.5 * mm
            draw.text((anchor_x, start + k * step), line, font=regular, fill=INK,
                      anchor="mm" if len(lines) == 1 else "lm")
    return page


def stamp(page: Image.Image, centre: tuple[float, float], dpi: int, rng: np.random.Generator) -> Image.Image:
    """A red round stamp (ring, star, name) multiplied onto the page like real ink."""
    mm = dpi / 25.4
    r = 20 * mm
    layer = Image.new("L", page.size, 0)
    d = ImageDraw.Draw(layer)
    cx, cy = centre
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=max(2, round(1.2 * mm)))
    star = [(cx + 5 * mm * math.cos(math.radians(-90 + k * 36)) * (1 if k % 2 == 0 else 0.4),
             cy + 5 * mm * math.sin(math.radians(-90 + k * 36)) * (1 if k % 2 == 0 else 0.4)) for k in range(10)]
    d.polygon(star, fill=255)
    font = ImageFont.truetype(find_font(bold=True), round(3.4 * mm))
    d.text((cx, cy + 10 * mm), "绩效专用章", font=font, fill=255, anchor="mm")
    for k, ch in enumerate("示例县农业农村局"):
        angle = math.radians(-150 + k * 120 / 7)
        d.text((cx + 0.75 * r * math.cos(angle), cy + 0.75 * r * math.sin(angle)), ch, font=font, fill=255, anchor="mm")
    alpha = np.asarray(layer, dtype=np.float32) / 255.0
    alpha *= rng.uniform(0.75, 0.95, size=alpha.shape).astype(np.float32)  # uneven ink
    ink = np.asarray(SEAL, dtype=np.float32) / 255.0
    base = np.asarray(page, dtype=np.float32)
    multiplied = base * (1 - alpha[..., None] + alpha[..., None] * ink)
    return Image.fromarray(np.clip(multiplied, 0, 255).astype(np.uint8))


def scan(page: Image.Image, skew_deg: float, rng: np.random.Generator, noise: float = 6.0) -> Image.Image:
    """Skew, blur and noise, as a flatbed scanner leaves a page."""
    rotated = page.rotate(skew_deg, resample=Image.BICUBIC, expand=False, fillcolor=PAPER)
    blurred = rotated.filter(ImageFilter.GaussianBlur(0.7))
    arr = np.asarray(blurred, dtype=np.float32)
    arr += rng.normal(0, noise, size=arr.shape[:2])[..., None]
    specks = rng.random(arr.shape[:2]) < 0.0004
    arr[specks] = 60
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def scanned_form(form: dict, dpi: int, skew_deg: float, seed: int, noise: float = 6.0) -> Image.Image:
    rng = np.random.default_rng(seed)
    page = draw_form(form, dpi)
    mm = dpi / 25.4
    # the stamp sits over the last rows' target cells, as on real submissions
    _, widths, heights = project_target_cells(form)
    centre = ((20 + sum(widths) - 30) * mm, (48 + sum(heights) - 12) * mm)
    return scan(stamp(page, centre, dpi, rng), skew_deg, rng, noise)


def write_expected(name: str, fmt: str, form_list: list[dict]) -> Path:
    EXPECTED_DIR.mkdir(parents=True, exist_ok=True)
    out = EXPECTED_DIR / f"{name}.json"
    out.write_text(json.dumps(forms.expected(name, fmt, form_list, scanned=True,
                                             pages=[(1, 1)] * len(form_list)),
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def build(outdir: Path = SCAN_DIR) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    form = forms.PROJECT_TARGET
    written = []
    png = outdir / "scan_project_target.png"
    # a palette PNG like many scanner exports: 24 colours (the stamp's red may merge into greys)
    scanned_form(form, 200, 2.0, seed=6, noise=1.5).quantize(colors=24, dither=Image.Dither.NONE).save(
        png, dpi=(200, 200), optimize=True)
    jpg = outdir / "scan_project_target.jpg"
    scanned_form(form, 150, -1.5, seed=7).save(jpg, quality=80, dpi=(150, 150))
    pdf = outdir / "scan_project_target.pdf"
    scanned_form(form, 200, 1.0, seed=8).save(pdf, "PDF", resolution=200.0, quality=80)
    for path, fmt in ((png, "png"), (jpg, "jpg"), (pdf, "pdf")):
        write_expected(path.name, fmt, [form])
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(p, p.stat().st_size)
