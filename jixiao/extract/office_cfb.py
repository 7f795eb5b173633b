"""Minimal reader of OLE compound files (the container of DOC/XLS/WPS/ET files).

Part of ``extract/``: :mod:`office_doc` needs the ``WordDocument``, ``0Table``/``1Table`` and
``Data`` streams of a Word 97-2003 file. Only reading, only what [MS-CFB] requires for that:
header, DIFAT/FAT chains, the directory, the mini stream.
"""
from __future__ import annotations

import struct

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
MAX_REGSECT = 0xFFFFFFFA


class CFBError(Exception):
    """The bytes are not a readable compound file."""


class CompoundFile:
    def __init__(self, data: bytes):
        if len(data) < 512 or data[:8] != MAGIC:
            raise CFBError("not an OLE compound file")
        self.data = data
        self.sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.mini_sector_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
        n_fat = struct.unpack_from("<I", data, 0x2C)[0]
        first_dir = struct.unpack_from("<I", data, 0x30)[0]
        self.mini_cutoff = struct.unpack_from("<I", data, 0x38)[0]
        first_minifat, n_minifat = struct.unpack_from("<II", data, 0x3C)
        first_difat, n_difat = struct.unpack_from("<II", data, 0x44)
        if self.sector_size not in (512, 4096):
            raise CFBError("bad sector size")
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        sect, seen = first_difat, 0
        per = self.sector_size // 4 - 1
        while sect < MAX_REGSECT and seen < n_difat + 1:
            vals = struct.unpack_from(f"<{per + 1}I", self._sector(sect))
            difat.extend(vals[:per])
            sect = vals[per]
            seen += 1
        fat_sectors = [s for s in difat if s < MAX_REGSECT][:max(n_fat, 0) or None]
        fat: list[int] = []
        for s in fat_sectors:
            fat.extend(struct.unpack_from(f"<{self.sector_size // 4}I", self._sector(s)))
        self.fat = fat
        dir_bytes = self._chain_bytes(first_dir)
        self.entries = []
        for off in range(0, len(dir_bytes) - 127, 128):
            raw = dir_bytes[off:off + 128]
            name_len = struct.unpack_from("<H", raw, 64)[0]
            name = raw[:max(0, name_len - 2)].decode("utf-16-le", errors="replace")
            kind = raw[66]
            start = struct.unpack_from("<I", raw, 116)[0]
            size = struct.unpack_from("<Q", raw, 120)[0]
            if self.sector_size == 512:
                size &= 0xFFFFFFFF
            self.entries.append((name, kind, start, size))
        if not self.entries:
            raise CFBError("empty directory")
        root = self.entries[0]
        self.mini_stream = self._chain_bytes(root[2])[:root[3]] if root[2] < MAX_REGSECT else b""
        self.minifat: list[int] = []
        if n_minifat and first_minifat < MAX_REGSECT:
            mf = self._chain_bytes(first_minifat)
            self.minifat = list(struct.unpack_from(f"<{len(mf) // 4}I", mf))

    def _sector(self, n: int) -> bytes:
        off = (n + 1) * self.sector_size
        if off + self.sector_size > len(self.data) + self.sector_size or off >= len(self.data):
            raise CFBError("sector beyond end of file (truncated?)")
        return self.data[off:off + self.sector_size].ljust(self.sector_size, b"\0")

    def _chain_bytes(self, start: int) -> bytes:
        out, sect, guard = [], start, 0
        while sect < MAX_REGSECT:
            out.append(self._sector(sect))
            if sect >= len(self.fat):
                raise CFBError("broken sector chain")
            sect = self.fat[sect]
            guard += 1
            if guard > len(self.fat) + 1:
                raise CFBError("sector chain loops")
        return b"".join(out)

    def _mini_chain_bytes(self, start: int, size: int) -> bytes:
        out, sect, guard = [], start, 0
        ms = self.mini_sector_size
        while sect < MAX_REGSECT and len(out) * ms < size:
            out.append(self.mini_stream[sect * ms:(sect + 1) * ms])
            if sect >= len(self.minifat):
                raise CFBError("broken mini sector chain")
            sect = self.minifat[sect]
            guard += 1
            if guard > len(self.minifat) + 1:
                raise CFBError("mini sector chain loops")
        return b"".join(out)

    def names(self) -> list[str]:
        return [e[0] for e in self.entries if e[1] == 2]

    def stream(self, name: str) -> bytes:
        for ename, kind, start, size in self.entries:
            if kind == 2 and ename.lower() == name.lower():
                if size < self.mini_cutoff:
                    return self._mini_chain_bytes(start, size)[:size]
                return self._chain_bytes(start)[:size]
        raise KeyError(name)

    def has_stream(self, name: str) -> bool:
        return any(kind == 2 and ename.lower() == name.lower() for ename, kind, _, _ in self.entries)


def ole_kind(path) -> str | None:
    """What an OLE file holds, by its stream names: 'doc', 'xls', 'encrypted' (an encrypted
    DOCX/XLSX), 'ppt', or None when it is not a readable compound file."""
    try:
        with open(path, "rb") as f:
            cfb = CompoundFile(f.read())
    except (OSError, CFBError, ValueError, IndexError, Exception):
        return None
    names = {n.lower() for n in cfb.names()}
    if "encryptedpackage" in names:
        return "encrypted"
    if "worddocument" in names:
        return "doc"
    if "workbook" in names or "book" in names:
        return "xls"
    if "powerpoint document" in names:
        return "ppt"
    return None
