"""PDF reader: a PDF file → :class:`jixiao.model.Document` (tables and text lines, page by page).

Entry point of the PDF path (file → **objects → grid → blocks** → form → row). Text-layer pages
are read natively (:mod:`.objects` with pypdfium2, :mod:`.grid` lattice detection, :mod:`.layout`
cell text) or with camelot (``options.pdf_engine == 'camelot'``, :mod:`.camelot_engine`). Pages
without a usable text layer — scans, or CJK fonts without a Unicode map that give garbage — go to
``jixiao.extract.ocr`` when it is installed and OCR is allowed; otherwise the document carries a
warning naming those pages. Encrypted, truncated and corrupt files raise :class:`ReadError`.
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pypdfium2 as pdfium

from jixiao.extract.pdf.continuation import align_continuations
from jixiao.extract.pdf.grid import find_grids
from jixiao.extract.pdf.layout import page_blocks
from jixiao.extract.pdf.objects import PageObjects, page_objects
from jixiao.model import Block, Document, ReadError

# a page needs OCR when it has fewer readable characters than this …
MIN_TEXT_CHARS = 10
# … or when this share of its characters cannot be mapped to Unicode
MAX_GARBLED_SHARE = 0.1
# … or when this share of its characters come from scripts these documents never use
MAX_ODD_SHARE = 0.3


def open_pdf(path: Path, password: str | None = None) -> pdfium.PdfDocument:
    """Open a PDF with pypdfium2, turning its failures into one-sentence :class:`ReadError` s."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReadError(f"the file cannot be opened ({e.strerror or e})") from None
    if size == 0:
        raise ReadError("the file is empty (0 bytes)")
    if not _has_eof_marker(path, size):
        raise ReadError("the PDF file is truncated (it ends before the PDF end-of-file marker); "
                        "download or export it again")
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            if password:
                raise ReadError("the PDF is encrypted and the given password does not open it") from None
            raise ReadError("the PDF is encrypted with a password; pass it with --password to read it") from None
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise ReadError("the PDF uses an encryption scheme that cannot be opened") from None
        if code == pdfium.raw.FPDF_ERR_FILE:
            raise ReadError("the PDF file cannot be opened") from None
        raise ReadError("the PDF file is damaged and cannot be read") from None


def _has_eof_marker(path: Path, size: int) -> bool:
    with open(path, "rb") as f:
        f.seek(max(0, size - 4096))
        return b"%%EOF" in f.read()


def needs_ocr(page: PageObjects) -> bool:
    readable = len(page.chars)
    if page.garbled_chars > MAX_GARBLED_SHARE * (readable + page.garbled_chars):
        return True
    if readable >= MIN_TEXT_CHARS and page.odd_chars > MAX_ODD_SHARE * readable:
        return True
    if readable < MIN_TEXT_CHARS and page.n_images > 0:
        return True
    return False


def _ocr_module():
    """``jixiao.extract.ocr`` when it and its OCR engine are installed, else None."""
    try:
        module = importlib.import_module("jixiao.extract.ocr")
    except ImportError:
        return None
    return module if hasattr(module, "ocr_pdf_pages_with_warnings") else None


def _page_ranges(pages: list[int]) -> str:
    parts: list[str] = []
    start = prev = pages[0]
    for p in pages[1:] + [None]:
        if p is not None and p == prev + 1:
            prev = p
            continue
        parts.append(f"{start}" if start == prev else f"{start}-{prev}")
        if p is not None:
            start = prev = p
    label = "page" if len(pages) == 1 else "pages"
    return f"{label} {', '.join(parts)}"


def read(path: Path, options) -> Document:
    path = Path(path)
    engine = getattr(options, "pdf_engine", "native") or "native"
    if engine not in ("native", "camelot"):
        raise ReadError(f"unknown PDF engine '{engine}' (use 'native' or 'camelot')")
    pdf = open_pdf(path, getattr(options, "password", None))
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise ReadError("the PDF has no pages")
        ocr_mode = getattr(options, "ocr", "auto")
        per_page: dict[int, list[Block]] = {}
        ocr_pages: list[int] = []
        garbled_pages: list[int] = []
        text_pages: list[int] = []
        heights: dict[int, float] = {}
        for index in range(n_pages):
            number = index + 1
            if ocr_mode == "always":
                ocr_pages.append(number)
                continue
            objects = page_objects(pdf, index)
            heights[number] = objects.height
            if needs_ocr(objects):
                ocr_pages.append(number)
                if objects.garbled_chars or objects.odd_chars:
                    garbled_pages.append(number)
                continue
            text_pages.append(number)
            if engine == "native":
                per_page[number] = page_blocks(number, objects.chars, find_grids(objects.segments))
            else:
                per_page[number] = []
    finally:
        pdf.close()
    warnings: list[str] = []
    if engine == "camelot" and text_pages:
        from jixiao.extract.pdf.camelot_engine import camelot_blocks

        per_page.update(camelot_blocks(path, text_pages, getattr(options, "password", None)))
    method = "pdf-text"
    if ocr_pages:
        ocr = _ocr_module() if ocr_mode != "never" else None
        if ocr is not None:
            blocks, ocr_warnings = ocr.ocr_pdf_pages_with_warnings(path, ocr_pages, options)
            warnings.extend(ocr_warnings)
            for block in blocks:
                per_page.setdefault(getattr(block, "page", None) or ocr_pages[0], []).append(block)
            if len(ocr_pages) == n_pages:
                method = "pdf-ocr"
        else:
            what = "have no usable text layer" if len(ocr_pages) > 1 else "has no usable text layer"
            if garbled_pages and len(garbled_pages) == len(ocr_pages):
                what = "use fonts without a Unicode map (garbled text)" if len(ocr_pages) > 1 else \
                    "uses fonts without a Unicode map (garbled text)"
            why = "OCR is turned off" if ocr_mode == "never" else "OCR is not available"
            skipped = "they were skipped" if len(ocr_pages) > 1 else "it was skipped"
            warnings.append(f"{_page_ranges(ocr_pages)} {what}; {why}, so {skipped}")
    align_continuations(per_page, heights)  # scanned pages too: a table's parts are one table however they were read
    blocks: list[Block] = []
    for number in sorted(per_page):
        blocks.extend(per_page[number])
    return Document(blocks=blocks, method=method, pages=n_pages, warnings=warnings)
