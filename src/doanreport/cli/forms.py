"""Blank submission forms: every indicator listed with its label, ready to fill.

A form is a valid submission with every value left empty (empty means "not
reported"), each line commented with the indicator's Vietnamese label and
unit, grouped under the catalog's group headings.
"""

from __future__ import annotations

from collections.abc import Iterable

from doanreport.load.submission import NARRATIVE_KEYS
from doanreport.model.catalog import Catalog, Indicator
from doanreport.model.periods import Period
from doanreport.model.units import Unit

NARRATIVE_LABELS = {
    "chi_dao": "Công tác chỉ đạo",
    "trien_khai": "Công tác triển khai, tổ chức thực hiện",
    "danh_gia_chung": "Đánh giá chung",
    "thuan_loi": "Thuận lợi",
    "kho_khan": "Khó khăn",
    "han_che": "Hạn chế",
    "nguyen_nhan": "Nguyên nhân",
    "kinh_nghiem": "Bài học kinh nghiệm",
    "kien_nghi": "Kiến nghị, đề xuất",
    "phuong_huong": "Phương hướng, nhiệm vụ kỳ tới",
}

_HEADER = """\
# Báo cáo số liệu của {name} ({code})
# Kỳ báo cáo: {label} ({period})
#
# Cách điền:
#   - Ghi số vào sau dấu hai chấm, ví dụ `cuoc: 5`. Viết số liền, không dấu chấm
#     ngăn cách hàng nghìn (2145, không phải 2.145); tỷ lệ % dùng dấu chấm thập
#     phân (85.5).
#   - Để trống = không báo cáo chỉ tiêu đó; ghi 0 = có báo cáo, kết quả là không có.
#   - Số liệu "cuối kỳ" là số tại thời điểm cuối kỳ (không cộng dồn).
#   - Kiểm tra bằng lệnh: doanreport validate <tệp này>
"""


def blank_form(unit: Unit, period: Period, catalog: Catalog, codes: Iterable[str] | None = None) -> str:
    """The text of a blank submission for `unit` and `period`."""
    wanted = set(codes) if codes is not None else set(catalog.indicators)
    lines = [_HEADER.format(name=" ".join(unit.name.split()), code=unit.code, label=period.label, period=period.code)]
    lines += [f"unit: {unit.code}", f"period: {period.code}", "scope: own",
              "submitted:            # ngày nộp, dạng NĂM-THÁNG-NGÀY, ví dụ 2012-03-14",
              "prepared_by:          # người lập báo cáo", "", "values:"]
    for group in catalog.all_groups():
        inds = [catalog[c] for c in catalog.codes_in(group) if c in wanted]
        if not inds:
            continue
        lines.append(f"  # {' '.join(catalog.group_heading(group).split())}")
        lines.append(f"  {group}:")
        width = max(len(i.name) for i in inds) + 1
        lines += [f"    {(i.name + ':').ljust(width)}  # {_describe(i)}" for i in inds]
    lines += ["", "# Điển hình (mô hình, công trình, phần việc, cá nhân, tập thể), mỗi mục một khối:",
              "#   - kind: mo_hinh          # mo_hinh | cong_trinh | phan_viec | ca_nhan | tap_the",
              "#     name: Tên mô hình",
              "#     program: ct03          # không bắt buộc: 3tn, ct03, ...",
              "#     role: Chức vụ (với cá nhân)",
              "#     description: Mô tả ngắn",
              "highlights: []", "", "# Thuyết minh: một đoạn văn, hoặc danh sách các ý (mỗi ý một dòng `- `).", "narrative:"]
    lines += [f"  {key}:{' ' * (16 - len(key))}# {NARRATIVE_LABELS[key]}" for key in NARRATIVE_KEYS]
    return "\n".join(lines) + "\n"


def _describe(ind: Indicator) -> str:
    """One comment line (a label or help text with a line break would end the comment)."""
    text = f"{ind.label} ({ind.unit})"
    if ind.aggregate == "last":
        text += ", số cuối kỳ"
    elif ind.aggregate == "mean":
        text += ", từ 0 đến 100"
    if ind.help:
        text += f". {ind.help}"
    return " ".join(text.split())
