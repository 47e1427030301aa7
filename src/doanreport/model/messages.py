"""Every sentence a user reads, in Vietnamese and in English.

Messages are looked up by code and filled with `str.format` arguments. A
diagnostic keeps only the code and the arguments; the language is chosen when
it is printed (`--lang`). Each message says what is wrong and how to fix it.

`MESSAGES` are whole messages (diagnostics, errors); `PHRASES` (in
`model/phrases.py`) are shorter texts: parts of messages, terminal labels, and the words of the files that
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

from doanreport.model.phrases import PHRASES

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
    "yaml-syntax-flow": (
        "Lỗi cú pháp YAML ({problem}) trong dấu ngoặc {{…}} hoặc […], hoặc trong một chữ có dấu ngoặc kép. Một chữ có dấu phẩy, hai chấm, «#», ngoặc hay dấu ngoặc kép phải nằm trong dấu ngoặc kép, ví dụ name: \"Mô hình A, B và C\"; bên trong dấu ngoặc kép, viết \\\" cho dấu ngoặc kép, hoặc dùng dấu nháy đơn: tien('trieu').",
        "YAML syntax error ({problem}) inside {{…}} or […], or in a quoted text. A text holding a comma, colon, '#', brackets or quotes must be in double quotes, e.g. name: \"Model A, B and C\"; inside double quotes write \\\" for a quote, or use single quotes: tien('trieu').",
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
    "unknown-key-comma": (
        "Mục «{key}» không có trong mẫu: dấu phẩy trong {{…}} ngăn cách các mục, nên dòng chữ «{text}» đã bị tách ra. Hãy đặt dòng chữ trong dấu ngoặc kép: `{fixed}`.",
        "Unknown key '{key}': a comma inside {{…}} separates entries, so the text '{text}' was split. Put the text in quotes: `{fixed}`.",
    ),
    "number-comma-split": (
        "Mục «{key}» không có trong mẫu: dấu phẩy trong {{…}} ngăn cách các mục, nên số «{text}» đã bị tách làm hai. Dùng dấu chấm cho phần thập phân, không dùng dấu ngăn cách hàng nghìn: `{fixed}`.",
        "Unknown key '{key}': a comma inside {{…}} separates entries, so the number '{text}' was split in two. Use a dot for decimals and no thousands separator: `{fixed}`.",
    ),
    "expected-number": ("«{value}» không phải là số.{hint}", "'{value}' is not a number.{hint}"),
    "number-percent": (
        "«{value}» không phải là số. Bỏ dấu %, chỉ viết số: {fixed}.",
        "'{value}' is not a number. Leave out the % sign and write {fixed}.",
    ),
    "number-quoted": (
        "«{value}» là chữ, không phải số, vì nằm trong dấu ngoặc. Bỏ dấu ngoặc: viết {fixed}, không phải {written}.",
        "'{value}' is text, not a number, because it is in quotes. Remove the quotes: write {fixed}, not {written}.",
    ),
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
    "set-aside-overlap-items": (
        "Không dùng tệp này cho {period} ở các mục {items}: các mục đó đã lấy từ {instead} (kỳ dài hơn); các mục khác của tệp vẫn được dùng.",
        "Not used for {period} for {items}: those are taken from {instead} (a longer period); the file's other items are still used.",
    ),
    "set-aside-rollup-part": (
        "Không cộng tệp này vào {period}: một phần các tháng của kỳ {file_period} nằm trong tệp tổng hợp (rollup) kỳ {instead} của cấp trên, và tệp tổng hợp đó phủ nhiều tháng của các đơn vị hơn.",
        "Not added to {period}: part of its months ({file_period}) lie in a rollup for {instead} above it, which covers more of the units' months.",
    ),
    "set-aside-rollup-fewer-months": (
        "Không dùng tệp tổng hợp này cho {period}: nó chỉ có kỳ {file_period}, còn tệp của các đơn vị trực thuộc ({instead}) phủ nhiều tháng hơn nên được dùng thay.",
        "Rollup not used for {period}: it gives only {file_period}, while the files below it ({instead}) cover more months and are used instead.",
    ),
    "units-missing": (
        "{period}: chưa có báo cáo của {count}/{expected} đơn vị: {units}.",
        "{period}: no report yet from {count} of {expected} units: {units}.",
    ),
    "units-partial": (
        "{period}: {count} đơn vị báo cáo chưa đủ các tháng: {units}.",
        "{period}: {count} units reported for only part of the period: {units}.",
    ),
    "months-short": (
        "Các tệp số liệu chỉ phủ {covered}/{months} tháng của {period}.",
        "The files cover only {covered}/{months} months of {period}.",
    ),
    "strict-incomplete": (
        "Số liệu chưa đầy đủ (xem các cảnh báo trên); với --strict, lệnh dừng mà không ghi gì.",
        "The figures are incomplete (see the warnings above); with --strict the command stops without writing anything.",
    ),
    "narrative-left-out": (
        "Báo cáo chưa có mục «{key}» của {unit}: «{text}». Mẫu báo cáo không đặt mục này; thêm vào mẫu, hoặc chép vào báo cáo nếu cần.",
        "The report leaves out '{key}' from {unit}: '{text}'. The template does not place this section; add it to the template, or copy it in if needed.",
    ),
    "figure-left-out": (
        "Báo cáo chưa nêu số liệu «{label}» ({value}, mã {code}): mẫu báo cáo không có câu cho số liệu này. Viết nó vào đoạn văn của đơn vị bằng {{{{ {code} }}}}, hoặc thêm vào mẫu.",
        "The report does not state '{label}' ({value}, code {code}): the template has no sentence for it. Write it into the unit's text as {{{{ {code} }}}}, or add it to the template.",
    ),
    "highlight-left-out": (
        "Báo cáo chưa nêu điển hình «{name}» của {unit}; mẫu báo cáo không đặt loại điển hình này.",
        "The report does not mention the highlight '{name}' of {unit}; the template does not place this kind.",
    ),
    "stock-mixed": (
        "«{label}» ({code}) cho {period}: tệp tổng hợp này và các tệp sau nó của nhánh không cùng các đơn vị, nên số liệu lấy theo các tệp sau (tệp tổng hợp không tách được theo đơn vị). Gửi tệp tổng hợp cho cả kỳ báo cáo để số liệu chính xác.",
        "'{label}' ({code}) for {period}: this rollup and the later files of its branch do not cover the same units, so the later files' figure is used (a rollup cannot be split by unit). Send a rollup for the whole report period for an exact figure.",
    ),
    "rollup-double-count": (
        "Đơn vị «{unit}» bị tính hai lần cho {period}: tệp tổng hợp {rollup} vẫn kê đơn vị này (theo cây tổ chức cũ), trong khi tệp {file} của đơn vị đã được tính ở nhánh hiện tại của nó. Lập lại tệp tổng hợp theo units.yaml hiện tại, hoặc bỏ tệp cũ.",
        "Unit '{unit}' is counted twice for {period}: rollup {rollup} still lists it (an old tree), while its file {file} is counted in its current branch. Make the rollup again from the current units.yaml, or remove the old one.",
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
        "Số đơn vị báo cáo «{code}» là {value}, nhiều hơn số đơn vị của nhánh này hoạt động trong kỳ ({most}).",
        "'{code}' is said to be reported by {value} units, more than the {most} units of this branch active in the period.",
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
    "period-name-mismatch": (
        "Tên tệp «{name}» ghi {named}, nhưng trong tệp period là {period}. Kiểm tra lại kỳ báo cáo (có thể tệp được chép từ kỳ khác mà chưa sửa period), hoặc đổi tên tệp.",
        "The file name '{name}' says {named}, but the file's period is {period}. Check the period (the file may be a copy of another period's), or rename the file.",
    ),
    "catalog-phrase": (
        "Cách nói «phrase» của chỉ tiêu {code} phải có đúng một chỗ ghi số {figure} cùng lời đi kèm (tối đa 200 ký tự), không có dấu ngoặc nhọn nào khác, và không viết thêm «%» hay «đồng» sau {figure} (số đã kèm sẵn), ví dụ \"tổ chức {figure} cuộc tuyên truyền\".",
        "The phrase of indicator {code} must hold exactly one {figure} with words beside it (at most 200 characters), no other braces, and no '%' or currency after {figure} (the figure carries them), e.g. \"to hold {figure} meetings\".",
    ),
    "placeholder-malformed": (
        "Chỗ điền số liệu «{text}» viết chưa đúng. Viết {{{{ nhóm.chỉ_tiêu }}}} hoặc {{{{ nhóm.chỉ_tiêu | bộ_lọc }}}}, "
        "ví dụ {{{{ tuyen_truyen.cuoc }}}}: mã chỉ tiêu viết thường, không dấu; đối số trong dấu nháy, như tien(\"trieu\"); bộ lọc: {filters}. Nếu không định điền số liệu, đừng viết «{{{{» hay «}}}}».",
        "Placeholder '{text}' is malformed. Write {{{{ group.name }}}} or {{{{ group.name | filter }}}}, "
        "for example {{{{ tuyen_truyen.cuoc }}}}: codes in lower case without diacritics; an argument in quotes, as tien(\"trieu\"); filters: {filters}. If no figure is meant, do not write '{{{{' or '}}}}'.",
    ),
    "template-tag-in-text": (
        "Đoạn văn có «{{%»: đoạn văn của đơn vị không chạy lệnh mẫu báo cáo, chữ sẽ được in nguyên như vậy. Chỉ số liệu mới điền được, bằng {{{{ nhóm.chỉ_tiêu }}}}.",
        "The text holds '{{%': a unit's text runs no template code, it will be printed as written. Only figures are filled in, with {{{{ group.name }}}}.",
    ),
    "placeholder-filter": (
        "Chỗ điền số liệu «{text}» dùng bộ lọc không có. Các bộ lọc: {filters}.",
        "Placeholder '{text}' uses an unknown filter. The filters are: {filters}.",
    ),
    "placeholder-argument": (
        "Chỗ điền số liệu «{text}» ghi đối số không dùng được: chỉ có tien(\"dong\"), tien(\"trieu\") hoặc tien(\"ty\"); các bộ lọc khác không có đối số.",
        "Placeholder '{text}' has an argument that cannot be used: only tien(\"dong\"), tien(\"trieu\") or tien(\"ty\"); other filters take none.",
    ),
    "placeholder-unknown-code": (
        "Chỗ điền số liệu nêu chỉ tiêu «{code}», không có trong danh mục.",
        "A placeholder names indicator '{code}', which is not in the catalog.",
    ),
    "placeholder-sum": (
        "Chỗ điền số liệu «{text}» cộng những chỉ tiêu không cộng được với nhau (tỷ lệ, hoặc tiền với số đếm). Chỉ cộng các số đếm với nhau, hoặc tiền với tiền, ví dụ {{{{ cong_viec.cong_trinh + cong_viec.phan_viec }}}}.",
        "Placeholder '{text}' adds indicators that do not add up (rates, or money with counts). Add counts to counts or money to money, e.g. {{{{ cong_viec.cong_trinh + cong_viec.phan_viec }}}}.",
    ),
    "placeholder-too-many": (
        "Đoạn văn này có {count} chỗ điền số liệu (tối đa {limit}). Một đoạn báo cáo chỉ cần vài chục; hãy chia đoạn hoặc kiểm tra lại tệp.",
        "This text holds {count} placeholders (at most {limit}). A report paragraph needs a few dozen; split it or check the file.",
    ),
    "placeholder-filter-kind": (
        "Chỗ điền số liệu «{text}» dùng bộ lọc không hợp với {kind}: viết nó bằng {filters}, hoặc bỏ bộ lọc.",
        "Placeholder '{text}' uses a filter that does not suit {kind}: write it with {filters}, or leave the filter out.",
    ),
    "placeholder-not-here": (
        "Mục «{key}» của điển hình có «{{{{» hoặc «{{%»: chỉ đoạn văn (narrative) mới điền số liệu, ở đây chữ sẽ được in nguyên như vậy. Viết số liệu vào đoạn văn.",
        "The highlight's '{key}' holds '{{{{' or '{{%': placeholders are filled in narrative only, here the text would be printed as written. Put the figure in the narrative.",
    ),
    "placeholder-sum-twice": (
        "Chỗ điền số liệu «{text}» cộng một chỉ tiêu hai lần. Mỗi chỉ tiêu chỉ viết một lần trong tổng.",
        "Placeholder '{text}' adds one indicator twice. Write each indicator once in a sum.",
    ),
    "placeholder-no-figure": (
        "Đoạn văn của {unit} cần số liệu «{code}», nhưng {unit} chưa có số liệu này (của mình hoặc của các đơn vị trực thuộc); báo cáo để trống chỗ này («……»). Bổ sung số liệu, hoặc sửa câu.",
        "{unit}'s text needs figure '{code}', which {unit} has not got (of its own or of its units); the report leaves a gap there ('……'). Add the figure, or change the sentence.",
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
    # --- the document frame (doanreport.yaml) -------------------------------
    "issuer-lines": (
        "`issuer` là tên cơ quan ban hành, hoặc hai dòng: cơ quan cấp trên rồi cơ quan ban hành, ví dụ "
        "[TỈNH ĐOÀN SÓC TRĂNG, BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH]; danh sách này có {count} dòng.",
        "`issuer` is the issuing body, or two lines: the superior body, then the issuing body "
        "([superior body, issuing body]); this list has {count} lines.",
    ),
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
    if isinstance(value, tuple):  # several names or phrases: a list in the sentence
        return "; ".join(str(_arg(v, lang)) for v in value)
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
