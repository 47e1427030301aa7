"""`doanreport init`: a new workspace that validates as soon as it is made.

Writes a commented doanreport.yaml, a sample organisation tree and one sample
submission for the quarter that has just ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from doanreport.cli.forms import yaml_text
from doanreport.load.schema import quoted
from doanreport.load.workspace import CONFIG_NAME
from doanreport.model import messages
from doanreport.model.errors import UserError
from doanreport.model.messages import Phrase
from doanreport.model.periods import Period
from doanreport.report.output import write_atomic

# The sample files: their comments' words come from the message table in
# Vietnamese (a workspace is Vietnamese whatever --lang says); the sample names
# and sentences are data, like the examples/ workspaces, and every text is
# written with `yaml_text` or `quoted`, so a name with a comma (or a colon, `#`,
# a quote...) a secretary puts in their place reads back as she wrote it.


@dataclass(frozen=True)
class SampleUnit:
    code: str
    name: str
    kind: str
    children: tuple[SampleUnit, ...] = ()


@dataclass(frozen=True)
class SampleDocument:
    issuer: str = "BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH"
    symbol: str = "ĐTNK"
    place: str = "Sóc Trăng"
    on_behalf: str = "TM. BAN THƯỜNG VỤ"
    title: str = "BÍ THƯ"
    signer: str = "Nguyễn Văn An"
    recipients: tuple[str, ...] = ("Ban Thường vụ Tỉnh Đoàn", "Thường trực Đảng ủy Khối",
                                   "Các cơ sở Đoàn trực thuộc", "Lưu VP")


@dataclass(frozen=True)
class SampleHighlight:
    kind: str
    name: str
    program: str | None = None


@dataclass(frozen=True)
class SampleSubmission:
    unit: str = "cd-vp-tinh-uy"
    prepared_by: str = "Trần Thị Bình"
    highlights: tuple[SampleHighlight, ...] = (
        SampleHighlight("mo_hinh", "Đưa chuyên đề về Bác vào sinh hoạt chi đoàn", "ct03"),)
    # a section's text, or its points (a tuple)
    narrative: tuple[tuple[str, str | tuple[str, ...]], ...] = (
        ("tuyen_truyen", "Chi đoàn tổ chức {{ tuyen_truyen.cuoc }} cuộc tuyên truyền về Nghị quyết của Đảng, "
                         "với {{ tuyen_truyen.luot_tham_gia }} lượt đoàn viên tham gia."),
        ("han_che", ("Việc đưa chuyên đề về Bác vào sinh hoạt chi đoàn định kỳ còn ít.",)),
        ("phuong_huong", "Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
    )


SAMPLE_TREE = SampleUnit("dk-ccq-mau", "Đoàn Khối các cơ quan tỉnh", "doan_khoi", (
    SampleUnit("cd-vp-tinh-uy", "Chi đoàn Văn phòng Tỉnh ủy", "chi_doan_co_so"),
    SampleUnit("cd-so-tai-chinh", "Chi đoàn Sở Tài chính", "chi_doan_co_so"),
    SampleUnit("dcs-bv-da-khoa", "Đoàn cơ sở Bệnh viện Đa khoa tỉnh", "doan_co_so", (
        SampleUnit("cd-khoa-noi", "Chi đoàn Khoa Nội", "chi_doan"),
        SampleUnit("cd-khoa-ngoai", "Chi đoàn Khoa Ngoại", "chi_doan"),
    )),
))

# The figures of the sample submission: numbers only, nothing to quote.
SAMPLE_VALUES = """\
values:
  to_chuc: {doan_vien: 45, dang_vien_sinh_hoat_doan: 9, ket_nap_doan_vien: 2}
  sinh_hoat: {buoi: 3, luot_tham_gia: 120}
  tuyen_truyen: {cuoc: 5, luot_tham_gia: 130}
  hien_mau: {luot_tham_gia: 12, don_vi: 12}
"""

COMMENT_COLUMN = 32


def _vi(key: str, **args: object) -> str:
    return messages.phrase(key, "vi", **args)


def _entry(key: str, text: str, indent: int = 0, comment: str | None = None) -> list[str]:
    """`key: text` at `indent`, the text as `yaml_text` writes it, and a comment
    at the comment column of the first line."""
    first, *rest = f"{' ' * indent}{key}: {yaml_text(text, indent)}".split("\n")
    if comment is not None:
        first = f"{first.ljust(COMMENT_COLUMN - 1)} # {comment}"
    return [first, *rest]


def _flow(pairs: dict[str, str]) -> str:
    """`{key: "text", ...}`: inside braces a text is always quoted."""
    return "{" + ", ".join(f"{key}: {quoted(text)}" for key, text in pairs.items()) + "}"


def config_text(root: str = SAMPLE_TREE.code, document: SampleDocument = SampleDocument()) -> str:
    lines = [f"# {_vi('init-config-title')}",
             f"{'root: ' + root:<{COMMENT_COLUMN}}# {_vi('init-config-root')}",
             f"{'units: units.yaml':<{COMMENT_COLUMN}}# {_vi('init-config-units')}",
             f"{'data: data':<{COMMENT_COLUMN}}# {_vi('init-config-data')}",
             f"{'catalog: []':<{COMMENT_COLUMN}}# {_vi('init-config-catalog')}",
             f"{'templates: templates':<{COMMENT_COLUMN}}# {_vi('init-config-templates')}",
             f"{'deadline_day: 20':<{COMMENT_COLUMN}}# {_vi('init-config-deadline', day=20)}",
             f"{'document:':<{COMMENT_COLUMN}}# {_vi('init-config-document')}",
             *_entry("issuer", document.issuer, 2),
             *_entry("symbol", document.symbol, 2, _vi("init-config-symbol", example="Số: 36-BC/ĐTNK")),
             *_entry("place", document.place, 2, _vi("init-config-place")),
             "  signer: " + _flow({"on_behalf": document.on_behalf, "title": document.title, "name": document.signer}),
             "  recipients: [" + ", ".join(quoted(r) for r in document.recipients) + "]",
             f"{'wording:':<{COMMENT_COLUMN}}# {_vi('init-config-wording')}",
             f"{'  money: dong':<{COMMENT_COLUMN}}# {_vi('init-config-money')}",
             f"{'  pad_small_counts: true':<{COMMENT_COLUMN}}# {_vi('init-config-pad')}"]
    return "\n".join(lines) + "\n"


def units_text(tree: SampleUnit = SAMPLE_TREE) -> str:
    kinds = "tinh_doan, doan_khoi, huyen_doan, doan_co_so, chi_doan_co_so, chi_doan"
    lines = [f"# {_vi('init-units-title', kinds=kinds)}",
             f"# {_vi('init-units-dates', example='established: 2010-03-26, dissolved: 2012-02-15')}",
             *_unit_lines(tree, 0)]
    return "\n".join(lines) + "\n"


def _unit_lines(unit: SampleUnit, indent: int) -> list[str]:
    """A unit as a block mapping at `indent`, its children below: a unit without
    children on one line, `{code: ..., name: "...", kind: ...}`."""
    pad = " " * indent
    lines = [f"{pad}code: {_code(unit.code)}", *_entry("name", unit.name, indent), f"{pad}kind: {unit.kind}"]
    if unit.children:
        lines.append(f"{pad}children:")
        for child in unit.children:
            if child.children:
                first, *rest = _unit_lines(child, indent + 4)
                lines += [f"{pad}  - {first[indent + 4:]}", *rest]
            else:
                lines.append(f"{pad}  - {{code: {_code(child.code)}, name: {quoted(child.name)}, kind: {child.kind}}}")
    return lines


def _code(code: str) -> str:
    """A unit code as written: bare when YAML reads it back as that text, quoted
    when it would read something else (`no` is false, `010` a number)."""
    return code if yaml.safe_load(code) == code else quoted(code)


def submission_text(period: Period, sample: SampleSubmission = SampleSubmission()) -> str:
    lines = [f"# {_vi('init-sample-title')}",
             f"#   doanreport form --unit cd-so-tai-chinh --period {period.code}",
             f"unit: {sample.unit}", f"period: {period.code}", f"submitted: {period.end_date.isoformat()}",
             *_entry("prepared_by", sample.prepared_by), *SAMPLE_VALUES.splitlines()]
    if sample.highlights:
        lines.append("highlights:")
        for item in sample.highlights:
            lines += [f"  - kind: {item.kind}", *_entry("name", item.name, 4)]
            if item.program:
                lines.append(f"    program: {item.program}")
    if sample.narrative:
        lines.append("narrative:")
        for key, text in sample.narrative:
            if isinstance(text, str):
                lines += _entry(key, text, 2)
            else:
                lines.append(f"  {key}:")
                lines += [f"    - {yaml_text(point, 4)}" for point in text]
    return "\n".join(lines) + "\n"


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
