"""Inputs and helpers for the batch runner tests: tiny generated forms and table comparison."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pandas as pd

from jixiao.cli import main
from jixiao.dataset.schema import TABLES

TEXT_FORM = """{year}年度项目支出绩效目标表
项目名称\t{project}
主管部门\t某市住房和城乡建设局\t实施单位\t某市市政设施管理处
项目资金（万元）\t年度资金总额\t{total}
\t其中：财政拨款\t100
\t其他资金\t{other}
年度总体目标\t完成{project}，保障道路通行安全。
绩效指标\t一级指标\t二级指标\t三级指标\t指标值
\t产出指标\t数量指标\t维护道路面积\t≥{area}平方米
\t\t质量指标\t维护合格率\t≥95%
\t\t时效指标\t完成时间\t{year}年12月底前
\t效益指标\t社会效益指标\t道路通行状况\t有所提升
\t满意度指标\t服务对象满意度指标\t市民满意度\t≥{n}%
"""


def text_form(n: int) -> str:
    return TEXT_FORM.format(year=2020 + n % 5, project=f"第{n}号道路维护项目", total=100 + n + 0.5,
                            other=n + 0.5, area=1000 + 37 * n, n=80 + n % 20)


def write_text_forms(folder: Path, count: int, prefix: str = "form") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        p = folder / f"{prefix}_{n:03d}.txt"
        p.write_text(text_form(n), encoding="utf-8")
        paths.append(p)
    return paths


def write_docx_form(path: Path, n: int = 1) -> Path:
    import docx

    doc = docx.Document()
    doc.add_paragraph(f"{2021}年度项目支出绩效目标表")
    rows = [line.split("\t") for line in text_form(n).splitlines()[1:]]
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    for i, r in enumerate(rows):
        for j, text in enumerate(r):
            table.cell(i, j).text = text
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def png_bomb(path: Path, width: int = 20000, height: int = 20000) -> Path:
    """A valid 1-bit PNG declaring width×height pixels whose file is only tens of kilobytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
           + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    path.write_bytes(png)
    return path


def extract(*args: str) -> int:
    return main(["extract", *[str(a) for a in args]])


def read_tables(outdir: Path, drop_seconds: bool = True) -> dict[str, pd.DataFrame]:
    tables = {t: pd.read_parquet(outdir / f"{t}.parquet") for t in TABLES}
    if drop_seconds:
        tables["documents"] = tables["documents"].drop(columns=["seconds"])
    return tables


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = read_tables(a), read_tables(b)
    for t in TABLES:
        pd.testing.assert_frame_equal(ta[t], tb[t], obj=t)
