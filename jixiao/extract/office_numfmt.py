"""Spreadsheet number formats: a cell's value shown the way Excel displays it.

Part of ``extract/`` (used by the XLSX and XLS readers): parsers must see ``97.38%``, ``3,150.58``,
``56.60`` and ``2024/12/31`` as printed, not the stored ``0.9738`` or ``3150.58``. Covers the
format codes forms use: General, ``0``/``#`` digits with decimals and thousands separators, percent,
scientific, literal text (``"元"``, ``\\x``), sections for negative/zero values, colours and locale
tags, and date/time codes. Anything exotic falls back to the General display.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

_DATE_TOKEN = re.compile(r"(yyyy|yy|e|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p|上午/下午|\.0+)", re.I)
_BRACKET = re.compile(r"\[[^\]]*\]")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
EXCEL_EPOCH_1904 = dt.datetime(1904, 1, 1)
BUILTIN_DEFAULT_DATE = {"mm-dd-yy", "m/d/yy"}  # built-in format 14: shown in the locale's short date


def format_value(value: Any, number_format: str | None, date1904: bool = False) -> str:
    """Display text of a spreadsheet cell value under ``number_format``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return format_datetime(value, number_format)
    if isinstance(value, dt.timedelta):
        total = value.total_seconds()
        return f"{int(total // 3600)}:{int(total % 3600 // 60):02d}:{int(total % 60):02d}"
    if isinstance(value, (int, float)):
        try:
            return format_number(float(value) if isinstance(value, float) else value, number_format, date1904)
        except (ValueError, OverflowError, ArithmeticError):
            return general(value)
    return str(value)


def general(x: float | int) -> str:
    """Excel's General display: integers without '.0', floats without binary noise."""
    if isinstance(x, int):
        return str(x)
    if math.isnan(x) or math.isinf(x):
        return str(x)
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    s = f"{x:.15g}"
    if "e" in s:
        if 1e-9 <= abs(x) < 1e15:
            s = f"{x:.12f}".rstrip("0").rstrip(".")
        else:
            s = f"{x:.5E}".replace("E+0", "E+").replace("E-0", "E-")
    return s


def _split_sections(fmt: str) -> list[str]:
    sections, cur, quoted, i = [], [], False, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted and i + 1 < len(fmt):
            cur.append(fmt[i:i + 2])
            i += 2
            continue
        elif ch == ";" and not quoted:
            sections.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    sections.append("".join(cur))
    return sections


def _strip_literals(section: str) -> str:
    """The section with quoted text, escapes and brackets removed (to look for codes)."""
    s = re.sub(r'"[^"]*"', "", section)
    s = re.sub(r"\\.", "", s)
    s = re.sub(r"[_*].", "", s)
    return _BRACKET.sub("", s)


def is_date_format(fmt: str | None) -> bool:
    if not fmt:
        return False
    core = _strip_literals(_split_sections(fmt)[0]).lower()
    if "general" in core:
        return False
    return bool(re.search(r"[ymdhs]", core)) and not re.search(r"[0#?]", core.replace(".0", ""))


def format_number(x: float | int, fmt: str | None, date1904: bool = False) -> str:
    if not fmt or fmt.strip().lower() in ("general", "@", ""):
        return general(x)
    sections = _split_sections(fmt)
    # conditions ([>=100]) are rare in forms: treat the sections as positive;negative;zero;text
    if len(sections) >= 2 and x < 0:
        section, x, signed = sections[1], -x, False
        if not _strip_literals(section).strip() and not re.search(r'"', section):
            section, signed = sections[0], True
    elif len(sections) >= 3 and x == 0:
        section, signed = sections[2], False
    else:
        section, signed = sections[0], x < 0
        x = abs(x)
    if is_date_format(section):
        try:
            return format_datetime(serial_to_datetime(x, date1904), section)
        except (OverflowError, ValueError):
            return general(x)
    body = _render_section(x, section)
    if signed and body and re.search(r"[1-9]", body):
        body = "-" + body
    return body.strip()


def _literal_tokens(section: str):
    """Yield (kind, text) tokens: 'lit' literal text, 'code' number-code characters."""
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = len(section) if j < 0 else j
            yield "lit", section[i + 1:j]
            i = j + 1
        elif ch == "\\" and i + 1 < len(section):
            yield "lit", section[i + 1]
            i += 2
        elif ch == "_" and i + 1 < len(section):
            yield "lit", " "
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2
        elif ch == "[":
            j = section.find("]", i)
            j = len(section) if j < 0 else j
            inner = section[i + 1:j]
            m = re.match(r"\$([^-\]]*)", inner)
            if m:
                yield "lit", m.group(1)
            i = j + 1
        elif section[i:i + 7].lower() == "general":
            yield "general", ""
            i += 7
        elif ch in "0#?.,%Ee+-" or ch.isdigit():
            if ch in "Ee" and i + 1 < len(section) and section[i + 1] in "+-":
                yield "code", section[i:i + 2]
                i += 2
            elif ch in "+-" or (ch.isdigit() and ch != "0"):
                yield "lit", ch
                i += 1
            else:
                yield "code", ch
                i += 1
        else:
            yield "lit", ch
            i += 1


def _render_section(x: float | int, section: str) -> str:
    tokens = list(_literal_tokens(section))
    percent = sum(1 for k, t in tokens if k == "code" and t == "%")
    if any(k == "general" for k, _ in tokens):
        value = x * (100 ** percent)
        return "".join(general(value) if k == "general" else t for k, t in tokens)
    codes = [(i, t) for i, (k, t) in enumerate(tokens) if k == "code" and t in ("0", "#", "?", ".", ",")
             or (k == "code" and t.upper() in ("E+", "E-"))]
    if not codes:
        return "".join(t for _, t in tokens) if tokens else general(x)
    first, last = codes[0][0], codes[-1][0]
    # the numeric pattern: code chars between the first and last digit placeholder
    pattern = "".join(t for k, t in tokens[first:last + 1] if k == "code" and t != "%")
    exp_idx = 0
    for i in range(first, len(tokens)):
        if tokens[i][0] == "code" and tokens[i][1].upper() in ("E+", "E-"):
            exp_idx = i
            break
    if exp_idx:
        last = max(last, exp_idx)
        while last + 1 < len(tokens) and tokens[last + 1] == ("code", "0"):
            last += 1
        pattern = "".join(t for k, t in tokens[first:last + 1] if k == "code" and t != "%")
        number = _render_scientific(x * (100 ** percent), pattern)
    else:
        number = _render_fixed(x * (100 ** percent), pattern)
    before = "".join(t if k != "code" or t == "%" else ("" if t in "0#?.," else t) for k, t in tokens[:first])
    after = "".join(t if k != "code" or t == "%" else "" for k, t in tokens[last + 1:])
    return before + number + after


def _round(x: float, decimals: int) -> Decimal:
    d = Decimal(repr(float(x))) if not isinstance(x, int) else Decimal(x)
    return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _render_fixed(x: float, pattern: str) -> str:
    # trailing commas after the last digit placeholder divide by 1000 each
    scale = 0
    while pattern.endswith(","):
        scale += 1
        pattern = pattern[:-1]
    x = x / (1000 ** scale) if scale else x
    int_pat, _, frac_pat = pattern.partition(".")
    grouping = "," in int_pat
    int_pat = int_pat.replace(",", "")
    frac_pat = frac_pat.replace(",", "")
    decimals = len(frac_pat)
    d = _round(abs(x), decimals)
    text = f"{d:f}"
    int_part, _, frac_part = text.partition(".")
    min_int = int_pat.count("0")
    int_part = int_part.lstrip("0")
    int_part = int_part.rjust(min_int, "0") if min_int else int_part
    if grouping and int_part:
        int_part = f"{int(int_part):,}"
    if decimals:
        # '#' and '?' decimals are optional: drop their trailing zeros
        required = len(frac_pat.rstrip("#?"))
        frac = frac_part.ljust(decimals, "0")
        while len(frac) > required and frac.endswith("0"):
            frac = frac[:-1]
        return f"{int_part}.{frac}"
    return int_part or ("0" if min_int else "")


def _render_scientific(x: float, pattern: str) -> str:
    mant_pat, _, exp_pat = re.split(r"([Ee][+-])", pattern, maxsplit=1) if re.search(r"[Ee][+-]", pattern) else (pattern, "", "")
    sign_tok = re.search(r"[Ee][+-]", pattern).group(0)
    decimals = len(mant_pat.partition(".")[2])
    if x == 0:
        exp = 0
        mant = 0.0
    else:
        exp = int(math.floor(math.log10(abs(x))))
        mant = abs(x) / (10 ** exp)
        if float(_round(mant, decimals)) >= 10:
            exp += 1
            mant = abs(x) / (10 ** exp)
    m = f"{_round(mant, decimals):f}"
    exp_digits = max(1, len(exp_pat))
    e_sign = "-" if exp < 0 else ("+" if sign_tok[1] == "+" else "")
    return f"{m}E{e_sign}{abs(exp):0{exp_digits}d}"


def serial_to_datetime(x: float, date1904: bool = False) -> dt.datetime:
    if date1904:
        return EXCEL_EPOCH_1904 + dt.timedelta(days=float(x))
    if x < 60:  # Excel's phantom 1900-02-29
        x += 1
    return EXCEL_EPOCH + dt.timedelta(days=float(x))


def format_datetime(value, fmt: str | None) -> str:
    if isinstance(value, dt.time):
        value = dt.datetime.combine(dt.date(1900, 1, 1), value)
        default = "h:mm:ss"
    elif not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
        default = "yyyy/m/d"
    else:
        default = "yyyy/m/d" if value.time() == dt.time() else "yyyy/m/d h:mm"
    if not fmt or fmt.strip().lower() in ("general", "@") or fmt.strip().lower() in BUILTIN_DEFAULT_DATE:
        fmt = default
    section = _split_sections(fmt)[0]
    if not is_date_format(section):
        section = default
    return _render_date(value, section)


def _render_date(value: dt.datetime, section: str) -> str:
    out: list[str] = []
    has_ampm = bool(re.search(r"am/pm|a/p|上午/下午", _strip_literals(section), re.I))
    toks: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = len(section) if j < 0 else j
            toks.append(("lit", section[i + 1:j]))
            i = j + 1
            continue
        if ch == "\\" and i + 1 < len(section):
            toks.append(("lit", section[i + 1]))
            i += 2
            continue
        if ch in "_*" and i + 1 < len(section):
            i += 2
            continue
        if ch == "[":
            j = section.find("]", i)
            j = len(section) if j < 0 else j
            inner = section[i + 1:j].lower()
            if inner in ("h", "hh", "m", "mm", "s", "ss"):
                toks.append(("code", inner))
            i = j + 1
            continue
        m = _DATE_TOKEN.match(section, i)
        if m:
            toks.append(("code", m.group(0)))
            i = m.end()
            continue
        toks.append(("lit", ch))
        i += 1
    # 'm'/'mm' right after an hour or right before seconds means minutes
    codes = [k for k, (kind, _) in enumerate(toks) if kind == "code"]
    for pos, k in enumerate(codes):
        t = toks[k][1].lower()
        if t in ("m", "mm"):
            prev = toks[codes[pos - 1]][1].lower() if pos > 0 else ""
            nxt = toks[codes[pos + 1]][1].lower() if pos + 1 < len(codes) else ""
            if prev.startswith("h") or nxt.startswith("s"):
                toks[k] = ("code", "min" + t)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    for kind, t in toks:
        if kind == "lit":
            out.append(t)
            continue
        tl = t.lower()
        hour = value.hour % 12 or 12 if has_ampm else value.hour
        out.append({
            "yyyy": f"{value.year:04d}", "e": f"{value.year}", "yy": f"{value.year % 100:02d}",
            "m": str(value.month), "mm": f"{value.month:02d}", "mmm": months[value.month - 1][:3],
            "mmmm": months[value.month - 1], "mmmmm": months[value.month - 1][0],
            "d": str(value.day), "dd": f"{value.day:02d}", "ddd": days[value.weekday()][:3],
            "dddd": days[value.weekday()], "h": str(hour), "hh": f"{hour:02d}",
            "minm": str(value.minute), "minmm": f"{value.minute:02d}", "s": str(value.second),
            "ss": f"{value.second:02d}", "am/pm": "AM" if value.hour < 12 else "PM",
            "a/p": "A" if value.hour < 12 else "P", "上午/下午": "上午" if value.hour < 12 else "下午",
        }.get(tl, "" if tl.startswith(".") else t))
    return "".join(out)
