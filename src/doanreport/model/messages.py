"""Every sentence a user reads, in Vietnamese and in English.

Messages are looked up by code and filled with `str.format` arguments. A
diagnostic keeps only the code and the arguments; the language is chosen when
it is printed (`--lang`). Each message says what is wrong and how to fix it.

`MESSAGES` are whole messages (diagnostics, errors); `PHRASES` are shorter
texts: parts of messages, terminal labels, and the words of the files that
are Vietnamese documents whatever `--lang` says (a blank form, a rollup
file's header, CSV/XLSX labels, the `init` sample's comments), looked up with
`phrase(key, "vi")`. Not here: the command-line `--help` texts (Vietnamese,
next to their options in `cli/commands.py`), the two-language period errors
of `model/periods.py`, and the words of the report itself (templates).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LANGS = ("vi", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading files -------------------------------------------------
    "file-too-large": (
        "Tệp quá lớn ({size} byte, tối đa {limit} byte). Một tệp số liệu chỉ cần vài KB; hãy kiểm tra lại tệp.",
        "File too large ({size} bytes, at most {limit}). A data file needs only a few KB; check the file.",
    ),
    "file-unreadable": ("Không đọc được tệp: {reason}.", "Cannot read the file: {reason}."),
    "not-a-file": (
        "Đây không phải một tệp thông thường (thư mục, thiết bị hay ống dẫn); không đọc.",
        "Not a regular file (a folder, device or pipe); not read.",
    ),
    "yaml-too-long": (
        "Danh sách quá dài (hơn {limit} mục). Một báo cáo không cần nhiều như vậy; hãy kiểm tra lại tệp.",
        "List too long (more than {limit} items). No report needs this many; check the file.",
    ),
    "too-many-errors": (
        "Còn {more} lỗi nữa trong tệp này không liệt kê; sửa các lỗi trên rồi kiểm tra lại.",
        "{more} more errors in this file are not listed; fix those above and check again.",
    ),
    "value-too-large": (
        "«{label}» ({code}) = {value} lớn quá mức có thể (tối đa {limit}); kiểm tra lại số này.",
        "'{label}' ({code}) = {value} is larger than possible (at most {limit}); check this figure.",
    ),
    "file-binary": (
        "Đây không phải tệp văn bản YAML (có ký tự nhị phân). Hãy lưu số liệu dưới dạng văn bản .yaml.",
        "Not a YAML text file (binary content). Save the data as a plain-text .yaml file.",
    ),
    "file-empty": (
        "Tệp rỗng, không có nội dung. Hãy điền số liệu (lệnh `doanreport form` tạo mẫu) hoặc xóa tệp.",
        "The file is empty. Fill it in (`doanreport form` makes a blank one) or delete it.",
    ),
    "encoding-unknown": (
        "Không nhận ra bảng mã của tệp. Hãy lưu lại tệp với bảng mã UTF-8.",
        "Unknown text encoding. Save the file again as UTF-8.",
    ),
    "encoding-cp1258": (
        "Tệp dùng bảng mã Windows-1258; đã đọc được, nhưng nên lưu lại với bảng mã UTF-8.",
        "The file is in Windows-1258; it was read, but save it again as UTF-8.",
    ),
    "yaml-syntax": (
        "Lỗi cú pháp YAML ({problem}). Kiểm tra thụt lề, dấu hai chấm và dấu ngoặc ở dòng này.",
        "YAML syntax error ({problem}). Check indentation, colons and brackets on this line.",
    ),
    "yaml-too-deep": (
        "Cấu trúc lồng nhau quá sâu (quá {limit} cấp). Tệp số liệu không cần lồng nhiều như vậy.",
        "Nesting too deep (more than {limit} levels). A data file never needs this.",
    ),
    "yaml-alias": (
        "Không dùng neo và tham chiếu YAML (&, *, <<). Hãy viết trực tiếp giá trị.",
        "YAML anchors and aliases (&, *, <<) are not allowed. Write the values out.",
    ),
    "yaml-tag": (
        "Không dùng thẻ YAML «{tag}». Chỉ ghi chữ, số, ngày, danh sách và bảng.",
        "YAML tag '{tag}' is not allowed. Use only text, numbers, dates, lists and mappings.",
    ),
    "yaml-complex-key": (
        "Khóa phải là một chữ đơn giản, không phải danh sách hay bảng.",
        "A key must be plain text, not a list or a mapping.",
    ),
    "control-character": (
        "Dòng chữ có ký tự điều khiển (không in được); hãy xóa ký tự đó.",
        "The text holds a control character (not printable); remove it.",
    ),
    "yaml-duplicate-key": (
        "Khóa «{key}» bị lặp (đã có ở dòng {first_line}). Hãy xóa một trong hai dòng.",
        "Duplicate key '{key}' (first at line {first_line}). Remove one of the two.",
    ),
    "not-mapping": (
        "Nội dung tệp phải là một bảng «khóa: giá trị» (ví dụ `unit: ...`), không phải {found}.",
        "The file must hold a mapping of 'key: value' (e.g. `unit: ...`), not {found}.",
    ),
    # --- schema -----------------------------------------------------------
    "missing-field": ("Thiếu mục bắt buộc «{field}». Hãy thêm dòng `{field}: ...`.", "Missing required key '{field}'. Add `{field}: ...`."),
    "unknown-key": ("Mục «{key}» không có trong mẫu.", "Unknown key '{key}'."),
    "expected-number": ("«{value}» không phải là số.{hint}", "'{value}' is not a number.{hint}"),
    "expected-text": ("Cần một dòng chữ ở đây, không phải «{value}».", "Expected text here, not '{value}'."),
    "expected-date": (
        "«{value}» không phải ngày hợp lệ. Viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2013-05-08.",
        "'{value}' is not a valid date. Write dates as YYYY-MM-DD, e.g. 2013-05-08.",
    ),
    "expected-mapping": (
        "Cần một bảng «khóa: giá trị» ở đây, không phải «{value}».",
        "Expected a mapping of 'key: value' here, not '{value}'.",
    ),
    "expected-list": ("Cần một danh sách (các dòng bắt đầu bằng `- `) ở đây.", "Expected a list (lines starting with `- `) here."),
    "expected-bool": ("Cần `true` hoặc `false` ở đây, không phải «{value}».", "Expected `true` or `false` here, not '{value}'."),
    "expected-integer": ("Cần một số nguyên ở đây, không phải «{value}».", "Expected a whole number here, not '{value}'."),
    "invalid-choice": ("«{value}» không hợp lệ; chọn một trong: {choices}.", "'{value}' is not valid; choose one of: {choices}."),
    "invalid-slug": (
        "Mã «{value}» không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu {sep}.",
        "Code '{value}' is not valid: use only lowercase ASCII letters, digits and '{sep}'.",
    ),
    "invalid-period": (
        "Kỳ báo cáo «{value}» không hợp lệ: {reason}. Viết ví dụ 2012, 2012H1, 2012Q1, 2012M03 hoặc 2012Q1..2012Q3.",
        "Invalid period '{value}': {reason}. Write e.g. 2012, 2012H1, 2012Q1, 2012M03 or 2012Q1..2012Q3.",
    ),
    "too-small": ("Giá trị «{value}» quá nhỏ: ít nhất là {low}.", "Value '{value}' is too small: at least {low}."),
    "too-large": ("Giá trị «{value}» quá lớn: nhiều nhất là {high}.", "Value '{value}' is too large: at most {high}."),
    "too-short": ("Không được để trống mục này.", "This must not be empty."),
    "schema-other": ("Giá trị không hợp lệ: {detail}", "Invalid value: {detail}"),
    # --- submissions --------------------------------------------------------
    "unknown-unit": (
        "Không có đơn vị mã «{unit}» trong cây tổ chức (units.yaml). Sửa mã cho đúng hoặc thêm đơn vị vào units.yaml.",
        "No unit with code '{unit}' in the organisation tree (units.yaml). Fix the code or add the unit.",
    ),
    "unit-inactive": (
        "Đơn vị «{name}» ({unit}) không hoạt động trong {period} ({why}). Kiểm tra lại kỳ báo cáo hoặc ngày thành lập/giải thể trong units.yaml.",
        "Unit '{name}' ({unit}) is not active in {period} ({why}). Check the period or the unit's dates in units.yaml.",
    ),
    "unknown-group": (
        "Không có nhóm chỉ tiêu «{group}» trong danh mục.",
        "No indicator group '{group}' in the catalog.",
    ),
    "unknown-indicator": (
        "Không có chỉ tiêu «{code}» trong danh mục.",
        "No indicator '{code}' in the catalog.",
    ),
    "negative-value": (
        "«{label}» ({code}) không thể âm ({value}). Ghi 0 nếu không có, để trống nếu không báo cáo.",
        "'{label}' ({code}) cannot be negative ({value}). Write 0 for none, leave empty if not reported.",
    ),
    "not-integer": (
        "«{label}» ({code}) phải là số nguyên, không phải {value}.{hint}",
        "'{label}' ({code}) must be a whole number, not {value}.{hint}",
    ),
    "percent-range": (
        "«{label}» ({code}) là tỷ lệ phần trăm, phải từ 0 đến 100, không phải {value}.",
        "'{label}' ({code}) is a percentage and must be from 0 to 100, not {value}.",
    ),
    "duplicate-submission": (
        "Đơn vị {unit} đã có tệp báo cáo {period} khác: {other}. Mỗi đơn vị chỉ nộp một tệp cho một kỳ; hãy gộp hoặc xóa bớt.",
        "Unit {unit} already has another file for {period}: {other}. One file per unit and period; merge or remove one.",
    ),
    "rule": (
        "{message}: {left_label} = {left_value} {op} {right_label} = {right_value} không thỏa.",
        "{message}: {left_label} = {left_value} {op} {right_label} = {right_value} does not hold.",
    ),
    "rule-aggregate": (
        "{unit}, {period}: {message}: {left_label} = {left_value} {op} {right_label} = {right_value} không thỏa trên số liệu tổng hợp.",
        "{unit}, {period}: {message}: {left_label} = {left_value} {op} {right_label} = {right_value} does not hold on the aggregate.",
    ),
    "set-aside-partial": (
        "Không dùng tệp này cho {period}: kỳ {file_period} chỉ nằm một phần trong kỳ báo cáo.",
        "Not used for {period}: its period {file_period} lies only partly inside the report period.",
    ),
    "set-aside-overlap": (
        "Không dùng tệp này cho {period}: kỳ {file_period} trùng với tệp đã chọn {instead} (ưu tiên kỳ dài hơn).",
        "Not used for {period}: its period {file_period} overlaps {instead}, which was chosen (longer periods first).",
    ),
    "set-aside-rollup": (
        "Không cộng tệp này vào {period}: các tháng của nó đã có trong tệp tổng hợp (rollup) kỳ {instead} của cấp trên.",
        "Not added to {period}: its months are already in a rollup file for {instead} above it.",
    ),
    "empty-submission": (
        "Tệp chưa có số liệu nào (mọi ô đều để trống).",
        "The file reports no figures yet (every value is empty).",
    ),
    "weight-not-positive": (
        "Trọng số của «{code}» phải lớn hơn 0, không phải {value}.",
        "The weight of '{code}' must be more than 0, not {value}.",
    ),
    "coverage-too-high": (
        "Số đơn vị báo cáo «{code}» là {value}, nhiều hơn số đơn vị phải báo cáo trong nhánh này ({most}).",
        "'{code}' is said to be reported by {value} units, more than the {most} expected in this branch.",
    ),
    "rollup-unknown-unit": (
        "Tệp tổng hợp nhắc đến đơn vị «{unit}», không thuộc nhánh {parent} trong units.yaml.",
        "The rollup names unit '{unit}', which is not below {parent} in units.yaml.",
    ),
    "rollup-only": (
        "Mục «{key}» chỉ dùng trong tệp tổng hợp (scope: rollup).",
        "Key '{key}' belongs only in a rollup file (scope: rollup).",
    ),
    "rate-without-weight": (
        "«{label}» ({code}) được tính trung bình theo «{weight_label}» ({weight}), nhưng tệp không ghi {weight}; tỷ lệ này sẽ được tính với trọng số 1.",
        "'{label}' ({code}) is averaged weighted by '{weight_label}' ({weight}), which the file does not give; it will count with weight 1.",
    ),
    "unknown-narrative-key": (
        "Mục thuyết minh «{key}» không phải mục quen thuộc; mẫu báo cáo có sẵn sẽ không dùng đến nó.",
        "Narrative section '{key}' is not a known one; the built-in templates will not use it.",
    ),
    # --- workspace, tree, catalog ---------------------------------------------
    "workspace-not-found": (
        "Không tìm thấy tệp doanreport.yaml trong thư mục {start} hay các thư mục cha. Chạy `doanreport init` để tạo không gian làm việc, hoặc chỉ rõ bằng --workspace.",
        "No doanreport.yaml in {start} or any parent folder. Run `doanreport init`, or pass --workspace.",
    ),
    "workspace-dir-missing": (
        "Không có thư mục {path}. Kiểm tra lại đường dẫn sau --workspace.",
        "There is no folder {path}. Check the path after --workspace.",
    ),
    "workspace-no-config": (
        "Thư mục {path} không có tệp doanreport.yaml. Chạy `doanreport init {path}` để tạo không gian làm việc ở đó.",
        "Folder {path} has no doanreport.yaml. Run `doanreport init {path}` to make a workspace there.",
    ),
    "data-dir-missing": (
        "Không có thư mục số liệu «{path}» (mục data trong doanreport.yaml). Tạo thư mục này hoặc sửa đường dẫn.",
        "There is no data folder '{path}' (data in doanreport.yaml). Create it or fix the path.",
    ),
    "output-is-input": (
        "Không ghi ra {path}: đó là tệp đầu vào của không gian làm việc (cấu hình, cây tổ chức, danh mục, số liệu hoặc mẫu báo cáo). Chọn tên tệp khác, ngoài các thư mục data và templates.",
        "Not writing {path}: it is one of the workspace's inputs (configuration, tree, catalog, data or templates). Choose another file, outside the data and templates folders.",
    ),
    "unknown-suffix": (
        "Không biết ghi dạng gì cho tệp {path}; dùng đuôi {suffixes} hoặc ghi rõ --format.",
        "Cannot tell which format to write {path} in; use one of {suffixes}, or --format.",
    ),
    "format-mismatch": (
        "--format {format} không khớp với đuôi tệp {path}.",
        "--format {format} does not match the file name {path}.",
    ),
    "init-files-exist": (
        "Thư mục {path} đã có {files}; không ghi đè. Chọn một thư mục trống.",
        "{path} already has {files}; not overwriting. Choose an empty folder.",
    ),
    "setup-invalid": (
        "Cấu hình không gian làm việc có lỗi; sửa các lỗi trên rồi chạy lại.",
        "The workspace setup has errors; fix them and run again.",
    ),
    "data-invalid": (
        "Tệp số liệu có lỗi nên chưa tổng hợp được; sửa các lỗi trên (xem `doanreport validate`) rồi chạy lại.",
        "The data files have errors, so nothing was added up; fix them (see `doanreport validate`) and run again.",
    ),
    "no-data": (
        "Không có số liệu nào của {unit} cho {period}; báo cáo chỉ có phần khung.",
        "No figures for {unit} in {period}; the report has its frame only.",
    ),
    "workspace-file-missing": (
        "Không tìm thấy {what} «{path}». Tạo tệp này hoặc sửa đường dẫn trong doanreport.yaml.",
        "No {what} '{path}'. Create it or fix the path in doanreport.yaml.",
    ),
    "duplicate-unit": (
        "Mã đơn vị «{unit}» bị trùng (đã dùng ở dòng {first_line}). Mỗi đơn vị cần một mã riêng.",
        "Duplicate unit code '{unit}' (already used at line {first_line}). Each unit needs its own code.",
    ),
    "unit-cycle": (
        "Đơn vị «{unit}» nằm trong chính nó (vòng lặp trong cây tổ chức).",
        "Unit '{unit}' contains itself (a cycle in the organisation tree).",
    ),
    "unit-kind-order": (
        "{child_kind} «{child}» không thể trực thuộc {parent_kind} «{parent}» (cấp dưới không thể cao hơn hay ngang cấp trên).",
        "A {child_kind} '{child}' cannot sit under a {parent_kind} '{parent}' (a child must be a lower level).",
    ),
    "unit-dates": (
        "Đơn vị «{unit}»: ngày giải thể ({dissolved}) phải sau ngày thành lập ({established}).",
        "Unit '{unit}': dissolved ({dissolved}) must be after established ({established}).",
    ),
    "root-unknown": (
        "Đơn vị gốc «{unit}» (mục root trong doanreport.yaml) không có trong units.yaml.",
        "Root unit '{unit}' (root in doanreport.yaml) is not in units.yaml.",
    ),
    "catalog-duplicate": (
        "Chỉ tiêu «{code}» đã có trong danh mục ({first}); chỉ được thêm mã mới, không định nghĩa lại.",
        "Indicator '{code}' is already in the catalog ({first}); add new codes, do not redefine.",
    ),
    "catalog-weight": (
        "Chỉ tiêu «{code}»: {problem}.",
        "Indicator '{code}': {problem}.",
    ),
    "catalog-rule-ref": (
        "Quy tắc nhắc tới chỉ tiêu «{code}» không có trong danh mục.",
        "A rule names indicator '{code}', which is not in the catalog.",
    ),
    "unit-not-found": (
        "Không có đơn vị mã «{unit}» trong units.yaml.",
        "No unit with code '{unit}' in units.yaml.",
    ),
    "bad-period-option": (
        "Kỳ báo cáo «{value}» không hợp lệ: {reason}. Ví dụ: 2012, 2012H1, 2012Q1, 2012M03, 2012Q1..2012Q3.",
        "Invalid period '{value}': {reason}. E.g. 2012, 2012H1, 2012Q1, 2012M03, 2012Q1..2012Q3.",
    ),
    "init-exists": (
        "Thư mục {path} đã có doanreport.yaml; không ghi đè.",
        "{path} already has a doanreport.yaml; not overwriting.",
    ),
    "output-exists": (
        "Tệp {path} đã có; không ghi đè để khỏi mất số liệu. Chọn tên khác hoặc thêm --force.",
        "{path} already exists; not overwriting it. Choose another name or add --force.",
    ),
    "binary-needs-output": (
        "Dạng {format} là tệp nhị phân; hãy ghi ra tệp bằng -o, ví dụ -o tong-hop.{format}.",
        "Format {format} is binary; write it to a file with -o, e.g. -o summary.{format}.",
    ),
    "template-not-found": (
        "Không có mẫu báo cáo «{name}». Xem danh sách bằng `doanreport templates`.",
        "No template '{name}'. List them with `doanreport templates`.",
    ),
    "template-error": ("Lỗi trong mẫu báo cáo {where}: {detail}", "Error in template {where}: {detail}"),
    "bad-date-option": (
        "Ngày «{value}» không hợp lệ; viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2013-05-08.",
        "Invalid date '{value}'; write it as YYYY-MM-DD, e.g. 2013-05-08.",
    ),
    "output-failed": ("Không ghi được tệp {path}: {reason}.", "Cannot write {path}: {reason}."),
    "no-paths": ("Không tìm thấy tệp nào: {path}.", "No such file: {path}."),
}

# Short phrases used inside messages and by the CLI.
PHRASES: dict[str, tuple[str, str]] = {
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "info": ("ghi chú", "note"),
    "a-list": ("một danh sách", "a list"),
    "a-text": ("một dòng chữ", "a single value"),
    "hint-decimal-comma": (" Dùng dấu chấm cho phần thập phân: {fixed}.", " Use a dot for decimals: {fixed}."),
    "hint-thousands": (
        " Viết liền, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn: {fixed}.",
        " Write digits only, without thousands separators: {fixed}.",
    ),
    "hint-thousands-dot": (
        " Nếu ý bạn là {fixed}, hãy viết liền, không dùng dấu chấm ngăn cách hàng nghìn.",
        " If you meant {fixed}, write the digits without a thousands separator.",
    ),
    "not-established": ("thành lập ngày {date}", "established on {date}"),
    "dissolved": ("giải thể ngày {date}", "dissolved on {date}"),
    "weight-missing": ("chỉ tiêu tính trung bình (mean) cần có weight", "a mean needs a weight"),
    "weight-unknown": ("weight «{weight}» không có trong danh mục", "weight '{weight}' is not in the catalog"),
    "weight-not-mean": ("weight chỉ dùng với aggregate: mean", "weight goes only with aggregate: mean"),
    "summary": (
        "{errors} lỗi, {warnings} cảnh báo trong {files} tệp.",
        "Errors: {errors}, warnings: {warnings}, files checked: {files}.",
    ),
    "all-good": ("Không có lỗi: {files} tệp hợp lệ.", "No problems: {files} files are valid."),
    "built-in": ("danh mục có sẵn", "built-in catalog"),
    "written": ("Đã ghi {path}", "Wrote {path}"),
    "tree-established": ("thành lập {date}", "established {date}"),
    "tree-dissolved": ("đã giải thể {date}", "dissolved {date}"),
    "tree-dissolving": ("giải thể {date}", "to be dissolved {date}"),
    "tree-no-report": ("không nộp báo cáo", "does not report"),
    "tree-no-units": ("Chưa có đơn vị trực thuộc.", "No units below."),
    "tree-counts": ("{n} đơn vị trực thuộc ({parts}).", "{n} units below ({parts})."),
    "col-indicator": ("Chỉ tiêu", "Indicator"),
    "col-measure": ("Đơn vị tính", "Unit of measure"),
    "col-value": ("Số liệu", "Value"),
    "col-reporters": ("Đơn vị báo cáo", "Units reporting"),
    "col-unit": ("Đơn vị", "Unit"),
    "col-code": ("Mã", "Code"),
    "col-state": ("Tình trạng", "State"),
    "col-months": ("Số tháng", "Months"),
    "col-submitted": ("Ngày nộp", "Submitted"),
    "col-files": ("Tệp", "Files"),
    "status-title": ("Tình hình nộp báo cáo {period} — {unit}", "Reports for {period} — {unit}"),
    "done-summary": (
        "Đơn vị phải báo cáo: {expected}; đã nộp: {reported} (trễ hạn: {late}); chưa nộp: {missing}.",
        "Units expected to report: {expected}; reported: {reported} (late: {late}); missing: {missing}.",
    ),
    "state-missing": ("Chưa nộp", "Missing"),
    "state-late": ("Trễ hạn", "Late"),
    "state-partial": ("Thiếu tháng", "Months missing"),
    "state-undated": ("Đã nộp (không ghi ngày)", "Reported (no date)"),
    "state-ok": ("Đã nộp", "Reported"),
    "months": ("tháng", "months"),
    "builtin-template": ("có sẵn", "built in"),
    "workspace-template": ("không gian làm việc: {name}", "workspace: {name}"),
    "created": ("Đã tạo {path}", "Created {path}"),
    "init-next": (
        "Tiếp theo: sửa units.yaml theo tổ chức của đơn vị, rồi chạy `doanreport validate`.",
        "Next: edit units.yaml to match your organisation, then run `doanreport validate`.",
    ),
    "what-config": ("tệp cấu hình", "configuration file"),
    "what-catalog": ("tệp danh mục chỉ tiêu", "catalog file"),
    "what-units": ("tệp cây tổ chức", "organisation tree file"),
    # --- template problems: the `detail` of "template-error" -------------------
    "template-unknown-indicator": ("chỉ tiêu «{code}» không có trong danh mục chỉ tiêu", "indicator '{code}' is not in the catalog"),
    "template-missing": ("không tìm thấy {name}", "{name} not found"),
    "template-change-not-text": (
        "kết quả change(...) là số liệu, không phải lời văn: viết {write} với {macros}",
        "change(...) gives figures, not words: write {write} with {macros}",
    ),
    "template-not-utf8": ("tệp mẫu không phải UTF-8", "the template file is not UTF-8"),
    "template-extends-itself": (
        "mẫu tự kế thừa chính nó; muốn mở rộng mẫu có sẵn, viết {extends}",
        "the template extends itself; to extend the built-in one, write {extends}",
    ),
    "template-unreadable": ("(không đọc được tệp mẫu)", "(the template file cannot be read)"),
    # --- written files ----------------------------------------------------------
    # Vietnamese documents by nature: looked up with "vi" whatever --lang says.
    # The English texts keep the table whole and say what each entry is for.
    "docx-title": ("Báo cáo {period}", "Report {period}"),
    "rollup-header": (
        "Số liệu tổng hợp của {unit}, {period}, do doanreport lập.\n"
        "Đặt tệp này vào thư mục data của cấp trên; không sửa tay các con số.",
        "Aggregate figures of {unit}, {period}, made by doanreport.\n"
        "Put this file in the data folder of the level above; do not change the figures by hand.",
    ),
    "sheet-name": ("Tổng hợp", "Summary"),
    "sheet-title": ("{unit}: số liệu tổng hợp {period}", "{unit}: aggregate figures, {period}"),
    "col-unit-code": ("Mã đơn vị", "Unit code"),
    "own-figures": ("{name} (trực tiếp)", "{name} (directly)"),
    "total": ("Tổng cộng", "Total"),
    "form-title": ("Báo cáo số liệu của {name} ({code})", "Figures reported by {name} ({code})"),
    "form-period": ("Kỳ báo cáo: {label} ({period})", "Period: {label} ({period})"),
    "form-howto": (
        "Cách điền:\n"
        "  - Ghi số vào sau dấu hai chấm, ví dụ `cuoc: 5`. Viết số liền, không dấu chấm\n"
        "    ngăn cách hàng nghìn (2145, không phải 2.145); tỷ lệ % dùng dấu chấm thập\n"
        "    phân (85.5).\n"
        "  - Để trống = không báo cáo chỉ tiêu đó; ghi 0 = có báo cáo, kết quả là không có.\n"
        "  - Số liệu \"cuối kỳ\" là số tại thời điểm cuối kỳ (không cộng dồn).\n"
        "  - Kiểm tra bằng lệnh: doanreport validate <tệp này>",
        "How to fill it in:\n"
        "  - Write the figure after the colon, e.g. `cuoc: 5`. Write digits only, without\n"
        "    thousands separators (2145, not 2.145); percentages take a decimal dot (85.5).\n"
        "  - Empty = the indicator is not reported; 0 = reported, and there was none.\n"
        "  - An \"end of period\" figure is the count at the end of the period (not a sum).\n"
        "  - Check it with: doanreport validate <this file>",
    ),
    "form-submitted": ("ngày nộp, dạng NĂM-THÁNG-NGÀY, ví dụ 2012-03-14", "date submitted, as YYYY-MM-DD, e.g. 2012-03-14"),
    "form-prepared-by": ("người lập báo cáo", "who prepared the report"),
    "form-last": ("số cuối kỳ", "end of period"),
    "form-percent": ("từ 0 đến 100", "from 0 to 100"),
    "form-highlights": (
        "Điển hình (mô hình, công trình, phần việc, cá nhân, tập thể), mỗi mục một khối:",
        "Highlights (models, projects, tasks, persons, collectives), one block each:",
    ),
    "form-highlight-name": ("Tên mô hình", "Name of the model"),
    "form-highlight-optional": ("không bắt buộc", "optional"),
    "form-highlight-role": ("Chức vụ (với cá nhân)", "Position (for a person)"),
    "form-highlight-description": ("Mô tả ngắn", "Short description"),
    "form-narrative": (
        "Thuyết minh: một đoạn văn, hoặc danh sách các ý (mỗi ý một dòng `- `).",
        "Narrative: a paragraph, or a list of points (one line `- ` each).",
    ),
    "narrative-chi_dao": ("Công tác chỉ đạo", "Direction"),
    "narrative-trien_khai": ("Công tác triển khai, tổ chức thực hiện", "Carrying out and organisation"),
    "narrative-danh_gia_chung": ("Đánh giá chung", "Overall assessment"),
    "narrative-thuan_loi": ("Thuận lợi", "Advantages"),
    "narrative-kho_khan": ("Khó khăn", "Difficulties"),
    "narrative-han_che": ("Hạn chế", "Shortcomings"),
    "narrative-nguyen_nhan": ("Nguyên nhân", "Causes"),
    "narrative-kinh_nghiem": ("Bài học kinh nghiệm", "Lessons learned"),
    "narrative-kien_nghi": ("Kiến nghị, đề xuất", "Proposals"),
    "narrative-phuong_huong": ("Phương hướng, nhiệm vụ kỳ tới", "Directions and tasks for the next period"),
    "init-config-title": (
        "Cấu hình không gian làm việc doanreport. Mọi mục đều có thể sửa.",
        "Configuration of a doanreport workspace. Every entry can be changed.",
    ),
    "init-config-root": ("đơn vị được báo cáo khi không ghi --unit", "the unit reported on when --unit is not given"),
    "init-config-units": ("cây tổ chức", "the organisation tree"),
    "init-config-data": ("các tệp số liệu: mọi *.yaml / *.yml trong thư mục này", "the data files: every *.yaml / *.yml in this folder"),
    "init-config-catalog": ("tệp danh mục chỉ tiêu bổ sung, ví dụ [catalog.yaml]", "more indicator catalogs, e.g. [catalog.yaml]"),
    "init-config-templates": ("mẫu báo cáo riêng (ghi đè mẫu có sẵn cùng tên)", "own report templates (replacing built-in ones of the same name)"),
    "init-config-deadline": ("hạn nộp: ngày {day} của tháng sau khi hết kỳ", "deadline: day {day} of the month after the period"),
    "init-config-document": ("khung văn bản", "the document frame"),
    "init-config-symbol": ("dùng trong \"{example}\"", "used in \"{example}\""),
    "init-config-place": ("địa danh ở dòng ngày tháng", "the place on the date line"),
    "init-units-title": ("Cây tổ chức. kind: {kinds}", "Organisation tree. kind: {kinds}"),
    "init-units-dates": (
        "Ngày thành lập / giải thể (không bắt buộc): {example}",
        "Dates established / dissolved (optional): {example}",
    ),
    "init-sample-title": (
        "Tệp số liệu mẫu. Tạo mẫu trống cho đơn vị khác bằng:",
        "A sample data file. Make a blank one for another unit with:",
    ),
    "init-is-a-file": ("đó là một tệp, không phải thư mục", "it is a file, not a folder"),
    "did-you-mean": (" Có phải ý bạn là «{suggestion}»?", " Did you mean '{suggestion}'?"),
    # --- file-system errors by errno (os_reason) -------------------------------
    "errno-2": ("không tìm thấy tệp hoặc thư mục", "no such file or folder"),
    "errno-13": ("không có quyền truy cập", "permission denied"),
    "errno-17": ("đã có tệp cùng tên", "a file of that name exists"),
    "errno-20": ("một phần của đường dẫn là tệp, không phải thư mục", "part of the path is a file, not a folder"),
    "errno-21": ("đó là một thư mục", "it is a folder"),
    "errno-28": ("hết chỗ trống trên đĩa", "no space left on the disk"),
    "errno-30": ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
}


@dataclass(frozen=True)
class Phrase:
    """A phrase used as a message argument, put in the reader's language late."""

    key: str
    args: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def text(self, lang: str) -> str:
        return phrase(self.key, lang, **self.args)


@dataclass(frozen=True)
class Bilingual:
    """A message argument that is itself text, given in both languages."""

    vi: str
    en: str


def render(code: str, args: Mapping[str, Any], lang: str = "vi") -> str:
    """The message for `code` in `lang`, filled with `args`."""
    index = _index(lang)
    pair = MESSAGES.get(code)
    if pair is None:
        return f"{code}: {dict(args)}"
    values = {k: _arg(v, lang) for k, v in args.items()}
    values.setdefault("hint", "")
    text = pair[index].format(**values)
    if args.get("suggestion"):
        text += phrase("did-you-mean", LANGS[index], suggestion=args["suggestion"])
    return text


def _arg(value: Any, lang: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, Bilingual):
        return value.en if lang == "en" else value.vi
    return value


def phrase(key: str, lang: str = "vi", **args: Any) -> str:
    return PHRASES[key][_index(lang)].format(**args)


def severity_label(severity: str, lang: str = "vi") -> str:
    return phrase(severity, lang)


def os_reason(exc: OSError) -> Phrase | str:
    """The reason of a file-system error in the reader's language where known
    (`errno-N` phrases), else the system's own words."""
    key = f"errno-{exc.errno}"
    return Phrase(key) if key in PHRASES else (exc.strerror or str(exc))


def _index(lang: str) -> int:
    return 1 if lang == "en" else 0
