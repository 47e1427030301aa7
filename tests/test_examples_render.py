"""The three bundled examples render the seed reports' figures, to .md and .docx.

Each figure below is a phrase of the seed report; it must come out of the
unit files through aggregation and the built-in template, in both outputs.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

CASES = {
    "kcq-quy1-2012": ("quy", "2012Q1", [
        "Kết quả có 219 cuộc với hơn 2.000 ĐVTN tham gia.",
        "Tổng số có 52 cuộc với sự tham gia của 1.500 lượt đoàn viên thanh niên",
        "huy động 200 đoàn viên tham gia diễu hành",
        "đã có 33/41 công trình, phần việc được đăng ký và triển khai thực hiện, huy động được hơn 1.000 ĐVTN tham gia",
        "87 phần quà trị giá trên 20 triệu đồng",
        "tặng 01 bộ máy vi tính cho Xã đoàn, 1.000 quyển tập và 500 cây viết",
        "huy động 200 đoàn viên thanh niên trong Khối tham gia hiến máu, kết quả hiến được 114 đơn vị máu",
        "01 lớp cảm tình Đoàn cho 89 thanh niên ưu tú",
        "với sự tham gia của gần 500 đoàn viên, thanh niên",
        "40 cơ sở đoàn trực thuộc (11 đoàn cơ sở, 29 chi đoàn cơ sở)",
        "2.145 đoàn viên", "446 đảng viên",
        "34/40 cơ sở",
        "bình quân 95%",
        "Kết quả công tác Đoàn và phong trào thanh niên quý I/2012",
    ]),
    "soctrang-ct03": ("ct03", "2011M05..2013M04", [
        "kết quả đã có 6.028 CB - ĐVTN tham dự",
        "30 mô hình làm theo của tập thể và 98 nội dung làm theo của các cá nhân",
        "được 13 cuộc với 3.422 lượt CB - ĐVTN tham gia",
        "8.552 lượt tham gia và 2.422 thí sinh dự thi",
        "được 15 cuộc, có 5.260 CB - ĐVTN, HS - SV tham gia",
        "đăng nộp về 14.236.000 đồng, có hơn 1.400 CB - ĐVTN, HS - SV tham dự",
        "đã xuất hiện 30 mô hình, 14 công trình, 92 phần việc thanh niên làm theo lời Bác",
        "giới thiệu 468 đoàn viên ưu tú cho Đảng xem xét", "281 đồng chí vinh dự được kết nạp",
        "xuất sắc (chiếm 85,5%), khá (chiếm 13,2%), trung bình (chiếm 1,3%)",
        "100% đơn vị xếp loại vững mạnh (trong đó 29% đơn vị vững mạnh xuất sắc)",
        "Mô hình “Đưa chuyên đề về Bác vào sinh hoạt lệ Chi đoàn” của Chi đoàn Văn phòng Tỉnh ủy, Chi đoàn Sở Kế hoạch và Đầu tư",
        "Sơ kết 02 năm thực hiện Chỉ thị số 03-CT/TW",
    ]),
    "baclieu-3tn": ("soket", "2009M06..2013M05", [
        "1.300 đoàn viên giáo viên",
        "100% cán bộ, đoàn viên, công chức, viên chức Đoàn trực thuộc và 90% ngành xã, phường, thị trấn",
        "85% cán bộ Đoàn", "chiếm khoảng 80%",
        "710 hoạt động", "9.100 ĐVTN tham gia và cổ vũ",
        "4.900 buổi sinh hoạt chi đoàn", "80.300 ĐVTN tham gia",
        "phổ cập tin học cho 1.450",
        "35 chi đoàn hoạt động kém",
        "48 lớp tập huấn thanh vận tại các huyện, thành phố cho 2.100",
        "70 đợt khám", "6.900 lượt người",
        "tẩm 21.000 cái mùng",
        "hơn 1.400 suất quà", "trị giá trên 110 triệu đồng",
        "sửa chữa được 45 căn nhà",
        "30 căn nhà nhân ái trị giá trên 500 triệu đồng",
        "1.350 đơn vị máu",
        "Kết quả 04 năm triển khai thực hiện phong trào “3 trách nhiệm” của Tỉnh Đoàn Bạc Liêu (giai đoạn 2009 – 2013)",
    ]),
}

SECTIONS = {
    "kcq-quy1-2012": ["I. CÔNG TÁC TUYÊN TRUYỀN, GIÁO DỤC", "II. CÁC PHONG TRÀO HÀNH ĐỘNG CỦA ĐOÀN",
                      "III. CÔNG TÁC XÂY DỰNG ĐOÀN VÀ ĐOÀN THAM GIA XÂY DỰNG ĐẢNG, CHÍNH QUYỀN"],
    "soctrang-ct03": ["I. CÔNG TÁC TỔ CHỨC TRIỂN KHAI", "II. THIẾT KẾ MÔ HÌNH LÀM THEO", "III. KẾT QUẢ ĐẠT ĐƯỢC",
                      "IV. HẠN CHẾ, NGUYÊN NHÂN VÀ KINH NGHIỆM QUA 02 NĂM THỰC HIỆN CHỈ THỊ 03-CT/TW",
                      "V. MỘT SỐ CÔNG VIỆC THỰC HIỆN TRONG NĂM 2013 – 2014"],  # seed: "… TRONG THỜI GIAN TỚI"
    "baclieu-3tn": ["I. CÔNG TÁC CHỈ ĐẠO", "II. KẾT QUẢ THỰC HIỆN", "1. Trách nhiệm đối với bản thân",
                    "2. Trách nhiệm với cơ quan, đơn vị", "3. Trách nhiệm đối với nhân dân",
                    "III. ĐÁNH GIÁ CHUNG", "1. Thuận lợi", "2. Khó khăn", "3. Kiến nghị, đề xuất",
                    "IV. PHƯƠNG HƯỚNG TRONG NĂM 2013 – 2014"],
}


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(CASES))
def test_example_validates_and_renders_every_seed_figure(run, tmp_path, name):
    template, period, figures = CASES[name]
    ws = EXAMPLES / name
    check = run("validate", "--workspace", ws, "--no-cache")
    assert check.exit_code == 0 and "Không có lỗi" in check.stdout, check.stdout
    args = ("render", "--workspace", ws, "--template", template, "--period", period, "--no-cache")
    md = run(*args).stdout
    out = tmp_path / f"{name}.docx"
    assert run(*args, "-o", out).exit_code == 0
    text = _docx_text(out)
    for figure in figures:
        assert figure in md, (name, figure)
        assert figure in text, (name, figure)
    headings = [line.lstrip("#").strip() for line in md.splitlines() if line.startswith("#")]
    positions = [headings.index(h) for h in SECTIONS[name]]
    assert positions == sorted(positions), headings
