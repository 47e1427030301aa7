"""Numbers, money and dates written the Vietnamese way.

`3399` → `3.399`, `85.5` → `85,5%`, `14236000` → `14.236.000 đồng`,
`2013-05-08` → `ngày 08 tháng 5 năm 2013`. Used by the terminal views and by
the report templates (as Jinja filters).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

_ROMAN_DIGITS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

if TYPE_CHECKING:
    from doanreport.model.catalog import Indicator


def so(value: float | int | None, decimals: int = 0) -> str:
    """`3399` → `3.399`; `-1234.5` with 1 decimal → `-1.234,5`; None → ``."""
    if value is None:
        return ""
    if decimals == 0:
        text = f"{round(value):,}"
    else:
        text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def so_tp(value: float | int | None, decimals: int = 1) -> str:
    """A number with up to `decimals` decimals, trailing zeros dropped: `85.50` → `85,5`."""
    if value is None:
        return ""
    text = so(value, decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def pct(value: float | int | None, decimals: int = 1) -> str:
    """`85.5` → `85,5%`; `100.0` → `100%`. A rate that is not 0 or 100 is never
    rounded to them: `99.96` → `99,96%`, `0.04` → `0,04%`."""
    if value is None:
        return ""
    while decimals < 3 and 0 < value < 100 and round(value, decimals) in (0, 100):
        decimals += 1
    return f"{so_tp(value, decimals)}%"


def tien(value: float | int | None, unit: str = "dong") -> str:
    """`14236000` → `14.236.000 đồng`; with `trieu`: `14 triệu đồng`; `ty`: in tỷ.
    A sum too small for the unit asked is written in the next smaller one."""
    if value is None:
        return ""
    if unit == "ty" and value >= 1_000_000_000:
        return f"{so_tp(value / 1_000_000_000, 2)} tỷ đồng"
    if unit in ("trieu", "ty") and value >= 1_000_000:  # a smaller sum is written in full, never "0 triệu"
        millions = value / 1_000_000
        return f"{so_tp(millions, 0 if millions >= 10 else 1)} triệu đồng"
    return f"{so(value)} đồng"


def ngay(day: date | str | None) -> str:
    """`2013-05-08` → `ngày 08 tháng 5 năm 2013` (day and months 1–2 padded)."""
    if day is None:
        return "ngày    tháng    năm"
    if isinstance(day, str):
        day = date.fromisoformat(day)
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def la_ma(n: int) -> str:
    """`4` → `IV`."""
    out = []
    for value, letters in _ROMAN_DIGITS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def hai_so(n: int | None) -> str:
    """`4` → `04`: counts under ten padded, as reports write them."""
    return "" if n is None else f"{n:02d}"


def xap_xi(value: float | int | None) -> str:
    """A figure as reports round it: `494` → `gần 500`, `2036` → `hơn 2.000`,
    `6947` → `gần 7.000`, `12345` → `hơn 12.000`. Within 5% of a round number
    (one significant digit) it is "gần" or "hơn" that number; otherwise it is
    rounded down to two significant digits, with "hơn". Figures already round
    at two digits (`6.900`) and figures under 100 stay as they are."""
    if value is None:
        return ""
    n = int(value)
    if n < 100:
        return so(n)
    top = 10 ** (len(str(n)) - 1)
    step = top // 10
    if n % step == 0:  # already round: 6.900, 2.000
        return so(n)
    near = round(n / top) * top
    if abs(n - near) <= NEAR * near:
        return f"{'gần' if n < near else 'hơn'} {so(near)}"
    return f"hơn {so(n - n % step)}"


NEAR = 0.05  # how close to a round number "gần" / "hơn" may be


def figure(indicator: Indicator, value: float | int | None) -> str:
    """An indicator's value in a table: a percentage with up to one decimal
    (`85,5`), anything else a whole number (`3.399`), blank when not reported."""
    if value is None:
        return ""
    return so_tp(value, 1) if indicator.is_percent else so(value)
