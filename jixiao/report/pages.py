"""Page images for the review report and :func:`jixiao.debug.plot`.

PDF pages (text-layer or scanned) are rendered with pypdfium2; image inputs are shown as scanned,
scaled down to a readable width. Coordinates: the cells and rows of a PDF are in PDF points from
the page's top-left, those of an image in pixels of the image itself; :class:`PageInfo` gives the
page's size in those units so an overlay (SVG viewBox or PIL drawing) lines up at any scale.

Images are written once: the file name holds the source file's sha256, the page and the
resolution, so a rebuild (or 1,000 copies of one file) renders each page once.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

PDF_FORMATS = {"pdf"}
IMAGE_FORMATS = {"png", "jpg", "jpeg", "tif", "tiff", "bmp", "webp", "gif"}
PAGED_FORMATS = PDF_FORMATS | IMAGE_FORMATS
DEFAULT_DPI = 120  # readable 9-pt print, ~100-200 KB per A4 page as JPEG
A4_WIDTH_IN = 8.27
JPEG_QUALITY = 75
MAX_PIXELS = 40_000_000


@dataclass
class PageInfo:
    page: int  # 1-based
    width: float  # page units (PDF points, or image pixels)
    height: float
    file: Optional[str] = None  # image file name, relative to the report's img/ folder
    px_width: int = 0
    px_height: int = 0


def has_pages(fmt: Optional[str], path: Optional[str] = None) -> bool:
    f = (fmt or "").lower()
    if not f and path:
        f = Path(path).suffix.lstrip(".").lower()
    return f in PAGED_FORMATS


def is_image(fmt: Optional[str], path: Optional[str] = None) -> bool:
    f = (fmt or "").lower() or (Path(path).suffix.lstrip(".").lower() if path else "")
    return f in IMAGE_FORMATS


def page_count(path: Path, fmt: str) -> int:
    if is_image(fmt, str(path)):
        from PIL import Image

        with Image.open(path) as im:
            return getattr(im, "n_frames", 1) or 1
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_page(path: Path, fmt: str, page: int, dpi: int = DEFAULT_DPI):
    """(PIL RGB image, PageInfo without file) of one 1-based page."""
    if is_image(fmt, str(path)):
        return _image_page(path, page, dpi)
    return _pdf_page(path, page, dpi)


def _pdf_page(path: Path, page: int, dpi: int):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        if not 1 <= page <= len(pdf):
            raise IndexError(f"page {page} is not in the file ({len(pdf)} pages)")
        p = pdf[page - 1]
        width, height = p.get_size()
        scale = dpi / 72.0
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (width * height)) ** 0.5
        image = p.render(scale=scale, fill_color=(255, 255, 255, 255)).to_pil().convert("RGB")
        p.close()
    finally:
        pdf.close()
    return image, PageInfo(page, float(width), float(height), None, image.width, image.height)


def _image_page(path: Path, page: int, dpi: int):
    from PIL import Image

    with Image.open(path) as im:
        n = getattr(im, "n_frames", 1) or 1
        if not 1 <= page <= n:
            raise IndexError(f"page {page} is not in the file ({n} pages)")
        if n > 1:
            im.seek(page - 1)
        frame = im.convert("RGB")
    width, height = frame.size  # page units of a scan: its own pixels (no EXIF rotation: OCR reads it as stored)
    target = round(A4_WIDTH_IN * dpi) if width <= height else round(A4_WIDTH_IN * dpi * width / height)
    if width > target:
        frame = frame.resize((target, max(1, round(height * target / width))), Image.LANCZOS)
    return frame, PageInfo(page, float(width), float(height), None, frame.width, frame.height)


_known: dict[str, PageInfo] = {}  # image file → its PageInfo, for the files this process wrote or read


def write_page_images(path: Path, fmt: str, pages: list[int], img_dir: Path, key: str,
                      dpi: int = DEFAULT_DPI) -> list[PageInfo]:
    """Each page as ``img_dir/<key>-p<N>-<dpi>.jpg`` (kept when it exists); pages outside the
    file are skipped. Raises OSError / pypdfium2 errors for unreadable files."""
    img_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for page in pages:
        name = f"{key}-p{page}-{dpi}.jpg"
        target = img_dir / name
        info = _known.get(str(target))
        if info is None and target.exists():
            info = _existing(target, path, fmt, page)
        if info is None:
            try:
                image, info = render_page(path, fmt, page, dpi)
            except IndexError:
                continue
            tmp = target.with_name("." + name + ".tmp")
            image.save(tmp, "JPEG", quality=JPEG_QUALITY)  # optimize/progressive: -15% size for 8× the time
            tmp.replace(target)
        info = PageInfo(info.page, info.width, info.height, name, info.px_width, info.px_height)
        _known[str(target)] = info
        out.append(info)
    return out


def _existing(target: Path, path: Path, fmt: str, page: int) -> Optional[PageInfo]:
    """The PageInfo of an image written before (its size from the JPEG header, the page's from the file)."""
    from PIL import Image

    try:
        with Image.open(target) as im:
            px_w, px_h = im.size
        if is_image(fmt, str(path)):
            with Image.open(path) as src:
                if page > 1:
                    src.seek(page - 1)
                width, height = src.size
        else:
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(path))
            try:
                width, height = pdf.get_page_size(page - 1)
            finally:
                pdf.close()
        return PageInfo(page, float(width), float(height), None, px_w, px_h)
    except Exception:
        return None
