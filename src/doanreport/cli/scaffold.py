"""`doanreport init`: a new workspace that validates as soon as it is made.

Writes a commented doanreport.yaml, a sample organisation tree and one sample
submission for the quarter that has just ended.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from doanreport.load.workspace import CONFIG_NAME
from doanreport.model import messages
from doanreport.model.errors import UserError
from doanreport.model.messages import Phrase
from doanreport.model.periods import Period
from doanreport.report.output import write_atomic

# The sample files: YAML with the comments' words as {fields}, filled from the
# message table in Vietnamese (a workspace is Vietnamese whatever --lang says).
# The sample names and sentences are data, like the examples/ workspaces.
CONFIG = """\
# {title}
root: dk-ccq-mau                # {root}
units: units.yaml               # {units}
data: data                      # {data}
catalog: []                     # {catalog}
templates: templates            # {templates}
deadline_day: 20                # {deadline}
document:                       # {document}
  issuer: BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH
  symbol: ĐTNK                  # {symbol}
  place: Sóc Trăng              # {place}
  signer: {{on_behalf: TM. BAN THƯỜNG VỤ, title: BÍ THƯ, name: Nguyễn Văn An}}
  recipients: [Ban Thường vụ Tỉnh Đoàn, Thường trực Đảng ủy Khối, Các cơ sở Đoàn trực thuộc, Lưu VP]
"""

UNITS = """\
# {title}
# {dates}
code: dk-ccq-mau
name: Đoàn Khối các cơ quan tỉnh
kind: doan_khoi
children:
  - {{code: cd-vp-tinh-uy, name: Chi đoàn Văn phòng Tỉnh ủy, kind: chi_doan_co_so}}
  - {{code: cd-so-tai-chinh, name: Chi đoàn Sở Tài chính, kind: chi_doan_co_so}}
  - code: dcs-bv-da-khoa
    name: Đoàn cơ sở Bệnh viện Đa khoa tỉnh
    kind: doan_co_so
    children:
      - {{code: cd-khoa-noi, name: Chi đoàn Khoa Nội, kind: chi_doan}}
      - {{code: cd-khoa-ngoai, name: Chi đoàn Khoa Ngoại, kind: chi_doan}}
"""

SUBMISSION = """\
# {title}
#   doanreport form --unit cd-so-tai-chinh --period {period}
unit: cd-vp-tinh-uy
period: {period}
submitted: {submitted}
prepared_by: Trần Thị Bình
values:
  to_chuc: {{doan_vien: 45, dang_vien_sinh_hoat_doan: 9, ket_nap_doan_vien: 2}}
  sinh_hoat: {{buoi: 3, luot_tham_gia: 120}}
  tuyen_truyen: {{cuoc: 5, luot_tham_gia: 130}}
  hien_mau: {{luot_tham_gia: 12, don_vi: 12}}
highlights:
  - kind: mo_hinh
    name: Đưa chuyên đề về Bác vào sinh hoạt chi đoàn
    program: ct03
narrative:
  han_che:
    - Việc đưa chuyên đề về Bác vào sinh hoạt chi đoàn định kỳ còn ít.
  phuong_huong: Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
"""


def _vi(key: str, **args: object) -> str:
    return messages.phrase(key, "vi", **args)


def config_text() -> str:
    return CONFIG.format(
        title=_vi("init-config-title"), root=_vi("init-config-root"), units=_vi("init-config-units"),
        data=_vi("init-config-data"), catalog=_vi("init-config-catalog"), templates=_vi("init-config-templates"),
        deadline=_vi("init-config-deadline", day=20), document=_vi("init-config-document"),
        symbol=_vi("init-config-symbol", example="Số: 36-BC/ĐTNK"), place=_vi("init-config-place"))


def units_text() -> str:
    kinds = "tinh_doan, doan_khoi, huyen_doan, doan_co_so, chi_doan_co_so, chi_doan"
    return UNITS.format(title=_vi("init-units-title", kinds=kinds),
                        dates=_vi("init-units-dates", example="established: 2010-03-26, dissolved: 2012-02-15"))


def submission_text(period: Period) -> str:
    return SUBMISSION.format(title=_vi("init-sample-title"), period=period.code, submitted=period.end_date.isoformat())


def last_quarter(today: date) -> Period:
    current = today.year * 12 + (today.month - 1) // 3 * 3
    return Period(current - 3, current)


def init_workspace(folder: Path, today: date | None = None) -> list[Path]:
    """Create a workspace in `folder`; refuse if one is already there."""
    folder = Path(folder)
    if (folder / CONFIG_NAME).exists():
        raise UserError("init-exists", path=str(folder))
    if folder.exists() and not folder.is_dir():
        raise UserError("output-failed", path=str(folder), reason=Phrase("init-is-a-file"))
    period = last_quarter(today or date.today())
    files = {
        folder / CONFIG_NAME: config_text(),
        folder / "units.yaml": units_text(),
        folder / "data" / f"cd-vp-tinh-uy-{period.code.lower()}.yaml": submission_text(period),
    }
    taken = [p for p in files if p.exists()]
    taken += [p for p in (folder / "data", folder / "templates") if p.exists() and not p.is_dir()]
    if taken:
        raise UserError("init-files-exist", path=str(folder), files=", ".join(p.name for p in taken))
    written: list[Path] = []
    try:
        for path, text in files.items():
            write_atomic(path, text)
            written.append(path)
        (folder / "templates").mkdir(exist_ok=True)
    except UserError:
        for path in written:  # all of the workspace or none of it
            path.unlink(missing_ok=True)
        raise
    return list(files)
