"""Sample scans for the OCR path's tests: forms printed, stamped and scanned or photographed.

Part of ``samples/`` (not of the pipeline). Forms are drawn with Pillow and the installed Noto CJK
font as tables — merged 一级/二级 label cells, labels printed one character per line (竖排),
text wrapping inside its cell (closing punctuation never starts a line), ``≥``/``≧``/``≤`` targets —
then degraded by composable functions (each takes a PIL image and a seeded ``numpy`` Generator
where it is random): :func:`stamp_seal`, :func:`rotate`, :func:`perspective`,
:func:`uneven_lighting`, :func:`resample`, :func:`blur`, :func:`add_noise`, :func:`jpeg`,
:func:`bilevel`; ruling is chosen when drawing (:func:`draw_sheet`: ``grid``, ``horizontal`` or
``none``) and a long table can be cut over pages (``rows=``).

- The first samples (:data:`forms.PROJECT_TARGET`): a 24-colour palette PNG (200 dpi, skew 2.0°),
  a JPG (150 dpi, skew -1.5°) and a one-page scanned PDF (skew 1.0°), a red stamp over the
  bottom target cells (read exactly except those targets).
- The harsh scans, with real-looking content from :mod:`scan_forms` (read exactly):
  ``scan_phone_photo_farmland.jpg`` — a 150-dpi phone photo: slanted and rotated, uneven light,
  blur, harsh noise, two JPEG passes, seals over funding and indicator cells;
  ``scan_horizontal_rules_public_health.pdf`` — a table with horizontal rules only, ``≧`` targets
  (at 200 dpi: at 150 dpi with this blur the two bars of ``≧`` run into one and read as ``≥``,
  measured: 15 of 17 indicators);
  ``scan_borderless_forestry.tif`` — a 150-dpi table printed without any rules, as a 1-bit G4 TIFF;
  ``scan_two_pages_street_work.pdf`` — 25 indicators over two scanned pages, no header repeated,
  tall 竖排 labels set tight (Word's vertical text).

Run ``python -m samples.generators.scan`` to regenerate; outputs are committed (the tests need no
font or generator run). Deterministic: fixed random seeds.
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


NO_LINE_START = "，。、；：？！）》」』”%‰"


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: float, kinsoku: bool = False) -> list[str]:
    """Greedy line breaking; with ``kinsoku``, closing punctuation never starts a line: the
    character before it goes down with it (as Word sets Chinese text)."""
    lines, line = [], ""
    for ch in text:
        if draw.textlength(line + ch, font=font) > width and line:
            if kinsoku and ch in NO_LINE_START and len(line) > 1:
                lines.append(line[:-1])
                line = line[-1] + ch
            else:
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


# ---------------------------------------------------------------------------------------------
# Harsh scans: a general layout (any target form, rows sized to their wrapped text), three ruling
# styles, page splits, and composable degradations. Each function takes a PIL image (and a seeded
# numpy Generator where it is random) and returns a new image, so a sample is a short pipeline.
# ---------------------------------------------------------------------------------------------

FONT_MM = 3.6
LINE_STEP = 1.3  # line pitch of wrapped text, in font sizes


class Sheet:
    """A form laid out on a grid: cells, column widths (mm), row heights (mm) and page texts."""

    def __init__(self, cells: list[Cell], widths: list[float], heights: list[float], form: dict):
        self.cells, self.widths, self.heights, self.form = cells, widths, heights, form

    @property
    def n_rows(self) -> int:
        return len(self.heights)


def _measure_font(dpi: int):
    return ImageFont.truetype(find_font(), round(FONT_MM * dpi / 25.4))


def target_sheet(form: dict, widths: tuple[float, ...] = (26.0, 30.0, 76.0, 48.0), vertical_min: int = 4,
                 vertical_level2: bool = True) -> Sheet:
    """A project target form on a 4-column grid; 一级/二级 labels merged over their rows, printed one
    character per line when they span ``vertical_min`` rows or more; row heights fit the wrapped text."""
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
    cells += [(r, 0, 1, 1, "一级指标", False), (r, 1, 1, 1, "二级指标", False),
              (r, 2, 1, 1, "三级指标", False), (r, 3, 1, 1, "指标值", False)]
    r += 1
    inds = form["indicators"]
    for col, key in ((0, "level1"), (1, "level2")):
        i = 0
        while i < len(inds):
            j = i
            while j + 1 < len(inds) and inds[j + 1][key] == inds[i][key] and inds[j + 1]["level1"] == inds[i]["level1"]:
                j += 1
            span = j - i + 1
            vertical = span >= vertical_min and (key == "level1" or vertical_level2)
            cells.append((r + i, col, span, 1, inds[i][key], vertical))
            i = j + 1
    for i, ind in enumerate(inds):
        cells += [(r + i, 2, 1, 1, ind["indicator"], False), (r + i, 3, 1, 1, ind["target_raw"], False)]
    n_rows = r + len(inds)
    # row heights from the wrapped text of single-row cells (measured at 200 dpi, in mm)
    font = _measure_font(200)
    probe = ImageDraw.Draw(Image.new("L", (8, 8)))
    mm = 200 / 25.4
    heights = [8.0] * n_rows
    x_edges = np.cumsum([0.0] + list(widths))
    for row, col, rs, cs, text, vertical in cells:
        if rs == 1 and not vertical:
            n_lines = len(_wrap(probe, text, font, (x_edges[col + cs] - x_edges[col] - 3) * mm, kinsoku=True))
            heights[row] = max(heights[row], n_lines * LINE_STEP * FONT_MM + 3.4)
    for row, _col, rs, _cs, text, vertical in cells:
        if rs > 1:
            need = (len(text) * 1.25 * FONT_MM + 3.0) if vertical else (LINE_STEP * FONT_MM + 3.4)
            have = sum(heights[row:row + rs])
            if have < need:
                for k in range(row, row + rs):
                    heights[k] += (need - have) / rs
    return Sheet(cells, list(widths), heights, form)


def draw_sheet(sheet: Sheet, dpi: int = 200, rules: str = "grid", rows: tuple[int, int] | None = None,
               heading: bool = True, vertical_step: float = 1.25, paper=PAPER,
               flow: bool = False) -> tuple[Image.Image, dict]:
    """The sheet (or its rows ``rows[0]:rows[1]``, for one page of a split table) on a portrait A4
    page. ``rules``: ``grid`` (every cell outlined), ``horizontal`` (each cell's top and bottom
    edges only: no vertical rules, merged cells still open) or ``none`` (a borderless table).
    ``flow``: a vertical label whose merged cell the page cuts too short for it is set as Word and
    LibreOffice set a cell's text: as many characters as the part on this page holds, from its
    top, the rest from the top of the cell's part on the next page (without it the label is
    centred on this page's part and may run past the table).
    Returns the page and each cell's pixel box, keyed by (row, col)."""
    mm = dpi / 25.4
    page = Image.new("RGB", (round(210 * mm), round(297 * mm)), paper)
    draw = ImageDraw.Draw(page)
    regular = ImageFont.truetype(find_font(), round(FONT_MM * mm))
    first, last = rows or (0, sheet.n_rows)
    x_edges = np.cumsum([0.0] + sheet.widths) * mm + (210 - sum(sheet.widths)) / 2 * mm
    y0 = (48 if heading else 20) * mm
    heights = [h if first <= k < last else 0.0 for k, h in enumerate(sheet.heights)]
    y_edges = np.cumsum([0.0] + heights) * mm + y0
    form = sheet.form
    if heading:
        title_font = ImageFont.truetype(find_font(bold=True), round(6.0 * mm))
        cx = page.width / 2
        draw.text((cx, 24 * mm), form["title"], font=title_font, fill=INK, anchor="mm")
        draw.text((cx, 33 * mm), f"（{form['year']}年度）", font=regular, fill=INK, anchor="mm")
        draw.text((x_edges[-1], y0 - 3 * mm), "单位：万元", font=regular, fill=INK, anchor="rs")
    line_w = max(1, round(0.25 * mm))
    boxes: dict = {}
    for row, col, rs, cs, text, vertical in sheet.cells:
        r0, r1 = max(row, first), min(row + rs, last)
        if r0 >= r1:
            continue
        left, right = x_edges[col], x_edges[col + cs]
        top, bottom = y_edges[r0], y_edges[r1]
        boxes[(row, col)] = (left, top, right, bottom)
        if rules == "grid":
            draw.rectangle((left, top, right, bottom), outline=INK, width=line_w)
        elif rules == "horizontal":
            draw.line((left, top, right, top), fill=INK, width=line_w)
            draw.line((left, bottom, right, bottom), fill=INK, width=line_w)
        step, x = regular.size * vertical_step, (left + right) / 2
        if not first <= row < last:
            if flow and vertical:  # the characters the part on the previous page could not hold
                held = _vertical_room(sum(sheet.heights[row:first]) * mm, step)
                _draw_column(draw, text[held:], x, top + 0.8 * step, step, regular)
            continue  # the part of a merged cell continued from the previous page: its text stays there
        if vertical:
            held = _vertical_room(bottom - top, step) if flow else len(text)
            if held < len(text):
                _draw_column(draw, text[:held], x, top + 0.8 * step, step, regular)  # from the top; the rest goes on
            else:
                _draw_column(draw, text, x, (top + bottom) / 2 - step * (len(text) - 1) / 2, step, regular)
            continue
        lines = _wrap(draw, text, regular, right - left - 3 * mm, kinsoku=True)
        step = regular.size * LINE_STEP
        start = (top + bottom) / 2 - step * (len(lines) - 1) / 2
        for k, line in enumerate(lines):
            anchor_x = (left + right) / 2 if len(lines) == 1 else left + 1.5 * mm
            draw.text((anchor_x, start + k * step), line, font=regular, fill=INK,
                      anchor="mm" if len(lines) == 1 else "lm")
    return page, boxes


def _draw_column(draw: ImageDraw.ImageDraw, chars: str, x: float, start: float, step: float, font) -> None:
    """A vertical label's characters, one per line from ``start``."""
    for k, ch in enumerate(chars):
        draw.text((x, start + k * step), ch, font=font, fill=INK, anchor="mm")


def _vertical_room(height: float, step: float) -> int:
    """Characters of a vertical label a cell part ``height`` pixels high holds."""
    return max(0, int((height - 0.6 * step) // step))


def stamp_seal(page: Image.Image, centre: tuple[float, float], dpi: int, rng: np.random.Generator,
               name: str = "示例县农业农村局", strength: tuple[float, float] = (0.75, 0.95)) -> Image.Image:
    """A red round seal (ring, star, name around the rim) multiplied onto the page like real ink."""
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
    for k, ch in enumerate(name):
        angle = math.radians(-150 + k * 120 / max(1, len(name) - 1))
        d.text((cx + 0.75 * r * math.cos(angle), cy + 0.75 * r * math.sin(angle)), ch, font=font, fill=255, anchor="mm")
    alpha = np.asarray(layer, dtype=np.float32) / 255.0
    alpha *= rng.uniform(*strength, size=alpha.shape).astype(np.float32)
    ink = np.asarray(SEAL, dtype=np.float32) / 255.0
    base = np.asarray(page, dtype=np.float32)
    return Image.fromarray(np.clip(base * (1 - alpha[..., None] + alpha[..., None] * ink), 0, 255).astype(np.uint8))


def add_noise(page: Image.Image, rng: np.random.Generator, sigma: float = 10.0, specks: float = 0.001) -> Image.Image:
    """Sensor noise (grey, per pixel) and dark specks."""
    arr = np.asarray(page, dtype=np.float32)
    arr = arr + rng.normal(0, sigma, size=arr.shape[:2])[..., None] + rng.normal(0, sigma / 3, size=arr.shape)
    dots = rng.random(arr.shape[:2]) < specks
    arr[dots] = rng.uniform(30, 110, size=(int(dots.sum()), 1))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def blur(page: Image.Image, radius: float = 1.0) -> Image.Image:
    return page.filter(ImageFilter.GaussianBlur(radius))


def jpeg(page: Image.Image, quality: int = 40) -> Image.Image:
    """A JPEG round trip (block artefacts, ringing around strokes)."""
    import io

    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def uneven_lighting(page: Image.Image, rng: np.random.Generator, strength: float = 0.45) -> Image.Image:
    """A phone's light: a gradient across the page, a darker corner and a soft shadow band."""
    h, w = page.height, page.width
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * math.pi)
    ramp = ((xx / w - 0.5) * math.cos(angle) + (yy / h - 0.5) * math.sin(angle)) + 0.5
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    spot = np.exp(-(((xx - cx) / (0.6 * w)) ** 2 + ((yy - cy) / (0.6 * h)) ** 2))
    band_y = rng.uniform(0.3, 0.7) * h
    shadow = 1 - 0.5 * np.exp(-(((yy - band_y - 0.15 * (xx - w / 2)) / (0.08 * h)) ** 2))
    light = (1 - strength * ramp) * (0.8 + 0.2 * spot) * (1 - strength * 0.5 * (1 - shadow))
    arr = np.asarray(page, dtype=np.float32) * light[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def rotate(page: Image.Image, degrees: float, fill=PAPER) -> Image.Image:
    return page.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=fill)


def perspective(page: Image.Image, rng: np.random.Generator, amount: float = 0.03, margin: float = 0.04,
                background=(92, 84, 74)) -> Image.Image:
    """The page photographed at a slant on a desk: corners moved by up to ``amount`` of the page
    size, the desk showing around it."""
    import cv2

    w, h = page.size
    mx, my = int(margin * w), int(margin * h)
    canvas = Image.new("RGB", (w + 2 * mx, h + 2 * my), background)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = rng.uniform(-amount, amount, size=(4, 2)) * np.float32([w, h])
    dst = src + np.float32([mx, my]) + jitter.astype(np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    arr = np.asarray(page)
    warped = cv2.warpPerspective(arr, m, canvas.size, flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT,
                                 borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full(arr.shape[:2], 255, np.uint8), m, canvas.size, flags=cv2.INTER_LINEAR)
    out = np.asarray(canvas).copy()
    a = (mask.astype(np.float32) / 255.0)[..., None]
    out = (warped * a + out * (1 - a)).astype(np.uint8)
    return Image.fromarray(out)


def resample(page: Image.Image, factor: float) -> Image.Image:
    return page.resize((round(page.width * factor), round(page.height * factor)), Image.LANCZOS)


def cell_centre(boxes: dict, key: tuple[int, int], dx: float = 0.0, dy: float = 0.0) -> tuple[float, float]:
    left, top, right, bottom = boxes[key]
    return ((left + right) / 2 + dx, (top + bottom) / 2 + dy)


def first_indicator_row(sheet: Sheet) -> int:
    return next(r for r, c, rs, cs, t, v in sheet.cells if t == "三级指标") + 1


def phone_photo(form: dict, seed: int) -> Image.Image:
    """A 150-dpi phone photo of a printed, twice-sealed form: seals over funding and indicator
    cells, slanted (perspective) and rotated, uneven light, blur, harsh noise and one JPEG round
    trip (saving it as a JPEG of quality 55 adds the second, as a messaging app does)."""
    rng = np.random.default_rng(seed)
    sheet = target_sheet(form)
    page, boxes = draw_sheet(sheet, 200)
    first = first_indicator_row(sheet)
    page = stamp_seal(page, cell_centre(boxes, (3, 3), dx=-10), 200, rng, name="岳阳县农业农村局")
    page = stamp_seal(page, cell_centre(boxes, (first + 5, 2), dx=150, dy=20), 200, rng, name="岳阳县农田建设服务中心")
    page = rotate(page, 1.8)
    page = perspective(page, rng, amount=0.025)
    page = uneven_lighting(page, rng, 0.45)
    page = resample(page, 150 / 200)
    page = blur(page, 0.9)
    page = add_noise(page, rng, sigma=12.0)
    return jpeg(page, 70)


def horizontal_rules_scan(form: dict, seed: int) -> Image.Image:
    """A 200-dpi flatbed scan of a form printed with horizontal rules only (no vertical rules)."""
    rng = np.random.default_rng(seed)
    sheet = target_sheet(form)
    page, boxes = draw_sheet(sheet, 200, rules="horizontal")
    first = first_indicator_row(sheet)
    page = stamp_seal(page, cell_centre(boxes, (first + 3, 3)), 200, rng, name="宿松县卫生健康委员会")
    page = rotate(page, -1.2)
    page = blur(page, 0.7)
    return add_noise(page, rng, sigma=7.0, specks=0.0005)


def borderless_scan(form: dict, seed: int) -> Image.Image:
    """A 150-dpi scan of a form printed without any rules (a borderless table)."""
    rng = np.random.default_rng(seed)
    sheet = target_sheet(form)
    page, _ = draw_sheet(sheet, 200, rules="none")
    page = rotate(page, 0.8)
    page = uneven_lighting(page, rng, 0.25)
    page = resample(page, 150 / 200)
    page = blur(page, 0.6)
    return add_noise(page, rng, sigma=6.0, specks=0.0004)


def split_scan_pages(form: dict, seed: int, split_after: int) -> list[Image.Image]:
    """A long form scanned as two 200-dpi pages; the table breaks after indicator ``split_after``
    with no header repeated on page 2 (the merged labels' text stays on page 1). Labels printed
    top to bottom with tight spacing, as Word's vertical text direction sets them."""
    rng = np.random.default_rng(seed)
    sheet = target_sheet(form)
    cut = first_indicator_row(sheet) + split_after
    pages = []
    for k, (rows, heading) in enumerate((((0, cut), True), ((cut, sheet.n_rows), False))):
        page, boxes = draw_sheet(sheet, 200, rows=rows, heading=heading, vertical_step=1.08)
        if k == 1:
            page = stamp_seal(page, cell_centre(boxes, (sheet.n_rows - 2, 3), dx=-40), 200, rng,
                              name="万里街道办事处")
        page = rotate(page, (0.7, -0.9)[k])
        page = blur(page, 0.7)
        pages.append(add_noise(page, rng, sigma=8.0, specks=0.0005))
    return pages


def write_expected(name: str, fmt: str, form_list: list[dict], pages: list[tuple] | None = None) -> Path:
    EXPECTED_DIR.mkdir(parents=True, exist_ok=True)
    out = EXPECTED_DIR / f"{name}.json"
    out.write_text(json.dumps(forms.expected(name, fmt, form_list, scanned=True,
                                             pages=pages or [(1, 1)] * len(form_list)),
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def bilevel(page: Image.Image, threshold: int = 128) -> Image.Image:
    """A black-and-white document scan (1 bit per pixel, as office scanners save to TIFF)."""
    return page.convert("L").point(lambda v: 255 if v > threshold else 0, mode="1")


def build_harsh(outdir: Path = SCAN_DIR) -> list[Path]:
    """The harsh scans with real-looking content (``scan_forms``), each to be read exactly."""
    from samples.generators import scan_forms

    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    phone = outdir / "scan_phone_photo_farmland.jpg"
    phone_photo(scan_forms.FARMLAND, seed=22).save(phone, quality=55, dpi=(150, 150))
    write_expected(phone.name, "jpg", [scan_forms.FARMLAND])
    hrules = outdir / "scan_horizontal_rules_public_health.pdf"
    horizontal_rules_scan(scan_forms.PUBLIC_HEALTH, seed=12).save(hrules, "PDF", resolution=200.0, quality=75)
    write_expected(hrules.name, "pdf", [scan_forms.PUBLIC_HEALTH])
    borderless = outdir / "scan_borderless_forestry.tif"
    bilevel(borderless_scan(scan_forms.FORESTRY, seed=13)).save(borderless, compression="group4", dpi=(150, 150))
    write_expected(borderless.name, "tiff", [scan_forms.FORESTRY])
    split = outdir / "scan_two_pages_street_work.pdf"
    first, second = split_scan_pages(scan_forms.STREET_WORK, seed=14, split_after=13)
    first.save(split, "PDF", resolution=200.0, quality=75, save_all=True, append_images=[second])
    write_expected(split.name, "pdf", [scan_forms.STREET_WORK], pages=[(1, 2)])
    written += [phone, hrules, borderless, split]
    return written


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
    return written + build_harsh(outdir)


if __name__ == "__main__":
    for p in build():
        print(p, p.stat().st_size)
