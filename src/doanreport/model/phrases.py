"""The short texts of the message table, in Vietnamese and in English.

Parts of messages, terminal labels, and the words of the files that are
Vietnamese documents whatever `--lang` says (a blank form, a rollup file's
header, CSV/XLSX labels, the `init` sample's comments). Looked up with
`messages.phrase(key, lang)`.
"""

# Short phrases used inside messages and by the CLI.
PHRASES: dict[str, tuple[str, str]] = {
    "unit-months": ("{name} ({covered}/{months} tháng)", "{name} ({covered}/{months} months)"),
    "nearby-files": ("kỳ khác: {files}", "other periods: {files}"),
    "and-more": ("và {count} đơn vị khác (xem `doanreport status`)", "and {count} more (see `doanreport status`)"),
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
    "template-change-against": (
        "change(..., \"{against}\"): so sánh với \"last_year\" (cùng kỳ năm trước) hoặc \"previous\" (kỳ trước)",
        "change(..., \"{against}\"): compare with \"last_year\" (the same period a year earlier) or \"previous\"",
    ),
    "template-narrative-scope": (
        "narrative(..., scope=\"{scope}\"): scope là \"own\" (của đơn vị) hoặc \"children\" (của các đơn vị trực thuộc)",
        "narrative(..., scope=\"{scope}\"): scope is \"own\" (the unit's) or \"children\" (the units below it)",
    ),
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
    "empty-value": ("(để trống)", "(empty)"),
    "kind-rate": ("một tỷ lệ", "a rate"),
    "kind-money": ("một số tiền", "a sum of money"),
    "kind-count": ("một số đếm", "a count"),
    "init-config-wording": ("cách viết của báo cáo", "how the reports write things"),
    "init-config-money": ("tiền: dong (14.236.000 đồng) hoặc trieu (14 triệu đồng)", "money: dong (in full) or trieu (in millions)"),
    "init-config-pad": ("số nhỏ viết hai chữ số: 08 đoàn cơ sở, 01 lớp", "small counts with two digits: 08, 01"),
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
