"""The Bạc Liêu example workspace reproduces its seed report.

examples/baclieu-3tn rebuilds shared/seeds/baclieu-3tn-soket-2009-2013.txt
(sơ kết 04 năm phong trào "3 trách nhiệm", 06/2009 – 05/2013) from per-unit
files. The Tỉnh Đoàn's own file holds the seed's sentences, with a
placeholder wherever the seed has a figure: the data must give the seed's
numbers, make its hedges ("hơn 1.400", "trên 110 triệu đồng") true, and the
report must state each figure once, in the seed's words.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

WS = Path(__file__).parents[1] / "examples" / "baclieu-3tn"
PERIOD = "2009M06..2013M05"

# Every figure the seed states, by indicator code.
SEED_FIGURES = {
    "ban_than.giao_vien_gioi": 1300,          # 1.300 đoàn viên giáo viên dạy giỏi các cấp
    "van_nghe_tdtt.hoat_dong": 710,           # trên 710 hoạt động văn hóa, văn nghệ, TDTT
    "van_nghe_tdtt.luot_tham_gia": 9100,      # gần 9.100 ĐVTN tham gia và cổ vũ
    "sinh_hoat.buoi": 4900,                   # 4.900 buổi sinh hoạt chi đoàn
    "sinh_hoat.luot_tham_gia": 80300,         # trên 80.300 ĐVTN tham gia
    "ban_than.pho_cap_tin_hoc": 1450,         # phổ cập tin học cho 1.450 ĐVTN
    "to_chuc.chi_doan_cung_co": 35,           # củng cố kiện toàn 35 chi đoàn hoạt động kém
    "to_chuc.tap_huan_lop": 48,               # 48 lớp tập huấn thanh vận
    "to_chuc.tap_huan_luot": 2100,            # 2.100 cán bộ Đoàn - Hội - Đội
    "tinh_nguyen.kham_benh_dot": 70,          # hơn 70 đợt khám, cấp thuốc
    "tinh_nguyen.kham_benh_luot": 6900,       # hơn 6.900 lượt người
    "tinh_nguyen.mung_tam": 21000,            # tẩm 21.000 cái mùng (workspace catalog)
    "tinh_nguyen.qua_tang": 1426,             # hơn 1.400 suất quà
    "tinh_nguyen.qua_gia_tri": 110_450_000,   # trị giá trên 110 triệu đồng
    "tinh_nguyen.nha_sua_chua": 45,           # sửa chữa được 45 căn nhà
    "tinh_nguyen.nha_xay_moi": 30,            # 30 căn nhà nhân ái
    "tinh_nguyen.nha_gia_tri": 500_400_000,   # trị giá trên 500 triệu đồng
    "hien_mau.don_vi": 1350,                  # hơn 1.350 đơn vị máu
    "ban_than.vi_pham_ky_luat": 0,            # không có cán bộ ĐVTN vi phạm quy định
    "ban_than.ty_le_trinh_do_dai_hoc": 80,    # trình độ đại học, đang học đại học khoảng 80%
    "ban_than.ty_le_can_bo_doan_boi_duong": 85,  # 85% cán bộ Đoàn được bồi dưỡng
    "ban_than.ty_le_chung_chi_doan_truc_thuoc": 100,  # 100% ... Đoàn trực thuộc (workspace catalog)
    "ban_than.ty_le_chung_chi_xa_phuong": 90,  # và 90% ngành xã, phường, thị trấn (workspace catalog)
}


@pytest.fixture(scope="module")
def agg():
    from typer.testing import CliRunner

    from doanreport.cli import app

    result = CliRunner().invoke(
        app, ["aggregate", "--workspace", str(WS), "--period", PERIOD, "--format", "json", "--no-cache"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _units(node: dict) -> list[dict]:
    out = [node]
    for child in node.get("children", []):
        out += _units(child)
    return out


@pytest.fixture(scope="module")
def tree() -> list[dict]:
    return _units(yaml.safe_load((WS / "units.yaml").read_text(encoding="utf-8")))


def test_validate_is_clean(run):
    result = run("validate", "--workspace", WS, "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("code", sorted(SEED_FIGURES))
def test_seed_figure(agg, code):
    assert code in agg["values"], f"{code} is not reported by any unit"
    assert agg["values"][code] == SEED_FIGURES[code]


def test_workspace_catalog_adds_the_seeds_own_indicators():
    config = yaml.safe_load((WS / "doanreport.yaml").read_text(encoding="utf-8"))
    assert config["catalog"] == ["catalog.yaml"]
    catalog = yaml.safe_load((WS / "catalog.yaml").read_text(encoding="utf-8"))
    assert [i["code"] for i in catalog["indicators"]] == [
        "tinh_nguyen.mung_tam", "ban_than.ty_le_chung_chi_doan_truc_thuoc", "ban_than.ty_le_chung_chi_xa_phuong"]


def test_certificate_rate_by_branch(agg):
    """100% in the Đoàn trực thuộc, 90% in the xã, phường, thị trấn (huyện đoàn):
    each branch reports its own indicator, so the Tỉnh Đoàn's prose can name both."""
    children = {c["unit"]: c["values"] for c in agg["children"]}
    assert len(children) == 12
    for unit, values in children.items():
        huyen = unit.startswith(("hd-", "thanh-doan"))
        assert values.get("ban_than.ty_le_chung_chi_xa_phuong") == (90 if huyen else None), unit
        assert values.get("ban_than.ty_le_chung_chi_doan_truc_thuoc") == (None if huyen else 100), unit
    assert "ban_than.ty_le_chung_chi_tin_hoc_ngoai_ngu" not in agg["values"]  # the mix of both: 92,2%, which the seed never says


def test_hedges_are_true(agg):
    """The seed's hedges hold for the data: "hơn 1.400 suất quà", "trị giá trên
    110 triệu đồng", "trị giá trên 500 triệu đồng" (each rounds to the figure named)."""
    values = agg["values"]
    assert 1400 < values["tinh_nguyen.qua_tang"] < 1500
    assert 110_000_000 < values["tinh_nguyen.qua_gia_tri"] < 110_500_000
    assert 500_000_000 < values["tinh_nguyen.nha_gia_tri"] < 500_500_000


def test_hundred_percent_figures_match_the_tree(agg, tree):
    """'100% tổ chức Đoàn đăng ký', '100% cơ sở vững mạnh, xuất sắc', '100% Chi đoàn văn minh'."""
    kinds = [u["kind"] for u in tree]
    co_so = kinds.count("doan_co_so") + kinds.count("chi_doan_co_so")
    chi_doan = kinds.count("chi_doan") + kinds.count("chi_doan_co_so")
    values = agg["values"]
    assert co_so == 38
    assert values["cong_viec.co_so_dang_ky_vung_manh"] == co_so
    assert values["phan_loai_co_so.vung_manh_xuat_sac"] + values["phan_loai_co_so.vung_manh"] == co_so
    assert values.get("phan_loai_co_so.kha", 0) == 0
    assert values["to_chuc.chi_doan_van_minh"] == chi_doan


def test_every_unit_reported_nothing_set_aside(agg):
    done = agg["completeness"]
    assert done["missing"] == []
    assert done["partial"] == []
    assert len(done["expected"]) == 48
    assert agg["set_aside"] == []


def test_dong_hai_sends_only_rollups(agg):
    files = sorted((WS / "data" / "dong-hai").glob("*.yaml"))
    assert len(files) == 5
    for path in files:
        sub = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert sub["unit"] == "hd-dong-hai" and sub["scope"] == "rollup", path.name
    dong_hai_codes = {"hd-dong-hai", "dhai-tt-ganh-hao", "dhai-xa-long-dien", "dhai-xa-dien-hai", "dhai-xa-an-trach"}
    for path in (WS / "data").rglob("*.yaml"):
        if path.parent.name != "dong-hai":
            assert yaml.safe_load(path.read_text(encoding="utf-8"))["unit"] not in dong_hai_codes, path
    child = next(c for c in agg["children"] if c["unit"] == "hd-dong-hai")
    assert child["values"]["ban_than.ty_le_can_bo_doan_boi_duong"] == 85
    assert set(child["completeness"]["reported"]) == dong_hai_codes


def test_root_narrative_and_highlights(agg):
    narrative = agg["narrative"]
    for key in ("chi_dao", "ban_than", "cong_viec", "nhan_dan", "danh_gia_chung",
                "thuan_loi", "kho_khan", "kien_nghi", "phuong_huong"):
        assert narrative.get(key), key
    assert len(narrative["chi_dao"]) == 2
    assert len(narrative["phuong_huong"]) == 4
    names = {h["name"] for h in agg["highlights"] if h["program"] == "3tn"}
    assert "Rút ngắn thời gian đăng ký biển số xe" in names
    assert "Đường dây tư vấn kỹ thuật trực tiếp" in names
    assert "Ngày chủ nhật xanh" in names  # one of them comes through Đông Hải's rollup
    assert any(h["unit"] == "dhai-xa-long-dien" for h in agg["highlights"])


def test_document_frame():
    doc = yaml.safe_load((WS / "doanreport.yaml").read_text(encoding="utf-8"))["document"]
    assert doc["issuer"] == "BCH TỈNH ĐOÀN BẠC LIÊU"
    assert doc["symbol"] == "ĐTN"
    assert doc["signer"]["name"] == "Phạm Thành Phước"
    assert doc["recipients"][-1].startswith("Lưu VP")


# --- the report -------------------------------------------------------------------

# The seed's sentences as the report must print them: the Tỉnh Đoàn's prose with
# its placeholders filled from the units' figures (typing slips of the seed corrected).
SEED_SENTENCES = [
    "thì đến nay theo thống kê đã có 100% cán bộ, đoàn viên, công chức, viên chức Đoàn trực thuộc"
    " và 90% ngành xã, phường, thị trấn có chứng chỉ ngoại ngữ, tin học và biết sử dụng máy vi tính;"
    " 85% cán bộ Đoàn được bồi dưỡng về kiến thức kinh tế, pháp luật, chính trị xã hội…",
    "là đoàn viên có trình độ chuyên môn đại học, đang học đại học chiếm khoảng 80%).",
    "từ năm 2009 đến nay có tổng số 1.300 đoàn viên giáo viên đạt danh hiệu giáo viên dạy giỏi các cấp.",
    "Việc đăng ký xây dựng cơ quan đơn vị vững mạnh đã được 100% tổ chức Đoàn trong tỉnh (38 cơ sở)"
    " đăng ký và thực hiện nghiêm túc.",
    "100% Chi đoàn (09 chi đoàn) xây dựng “Chi đoàn văn minh” và 100% cơ sở Đoàn (38 cơ sở)"
    " đạt danh hiệu vững mạnh, xuất sắc.",
    "các đơn vị đã tổ chức 710 hoạt động giao lưu văn hóa, văn nghệ, thể dục thể thao giữa các đơn vị,"
    " thu hút 9.100 ĐVTN tham gia và cổ vũ.",
    "Tổ chức được 4.900 buổi sinh hoạt chi đoàn, hướng dẫn tham gia các trò chơi tập thể thu hút"
    " 80.300 ĐVTN tham gia; tổ chức phổ cập tin học cho 1.450 đoàn viên thanh niên.",
    "Củng cố kiện toàn được 35 chi đoàn hoạt động kém hiệu quả, tổ chức 48 lớp tập huấn thanh vận"
    " tại các huyện, thành phố cho 2.100 cán bộ Đoàn - Hội - Đội tham gia.",
    "Từ năm 2009 đến nay đã tổ chức 70 đợt khám, cấp thuốc cho người dân ở các xã, đã khám"
    " 6.900 lượt người; tẩm 21.000 cái mùng; thăm và tặng hơn 1.400 suất quà cho các gia đình"
    " chính sách, trị giá trên 110 triệu đồng; sửa chữa được 45 căn nhà cho gia đình thương binh"
    " liệt sỹ, trẻ em nghèo; vận động xây dựng 30 căn nhà nhân ái trị giá trên 500 triệu đồng.",
    "từ năm 2009 đến nay cán bộ, đoàn viên thanh niên trong toàn tỉnh đã tham gia hoạt động"
    " hiến máu tình nguyện được 1.350 đơn vị máu.",
    "Hàng năm, không có cán bộ ĐVTN vi phạm quy định về những điều cán bộ công chức không được làm,",
    "Nay Ban Thường vụ Tỉnh Đoàn Bạc Liêu xây dựng báo cáo kết quả 04 năm triển khai thực hiện"
    " phong trào “3 trách nhiệm” (giai đoạn 2009 – 2013), với nội dung cụ thể sau:",
]

# Each computed figure of the seed, as the report writes it: said once, by the prose.
FIGURES_ONCE = ["1.300", "710", "9.100", "4.900", "80.300", "1.450", "35", "48", "2.100", "70", "6.900",
                "21.000", "1.400", "110 triệu", "45", "30", "500 triệu", "1.350", "85%", "80%", "90%"]


@pytest.fixture(scope="module")
def report():
    from typer.testing import CliRunner

    from doanreport.cli import app

    result = CliRunner().invoke(
        app, ["render", "--workspace", str(WS), "--template", "soket", "--period", PERIOD, "--no-cache"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result


def _body(md: str) -> str:
    return md.split("<!-- /doanreport:header -->")[1].split("<!-- doanreport:signature -->")[0]


@pytest.mark.parametrize("sentence", SEED_SENTENCES, ids=lambda s: s[:40])
def test_seed_sentence_with_its_computed_figure(report, sentence):
    assert sentence in report.stdout


@pytest.mark.parametrize("figure", FIGURES_ONCE)
def test_each_figure_is_stated_once(report, figure):
    found = re.findall(rf"(?<![\d.,]){re.escape(figure)}(?![\d%]|[.,]\d)", _body(report.stdout))
    assert len(found) == 1, (figure, len(found))


def test_no_sentence_twice(report):
    sentences = []
    for line in _body(report.stdout).splitlines():
        line = line.strip().lstrip("-+#").strip()
        sentences += [s for s in re.split(r"(?<=[.;!?…])\s+", line) if len(s) > 15]
    twice = [s for s, n in Counter(sentences).items() if n > 1]
    assert twice == []


def test_no_gap_and_no_warning(report):
    assert "……" not in report.stdout
    assert "{{" not in report.stdout and "}}" not in report.stdout
    assert report.stderr.strip() == ""


def test_tasks_ahead_and_the_closing_sentence(report):
    md = report.stdout
    assert "## IV. PHƯƠNG HƯỚNG TRONG NĂM 2013 – 2014" in md
    assert "Trên đây là báo cáo kết quả 04 năm thực hiện phong trào “3 trách nhiệm” (giai đoạn 2009 – 2013)" in md


def test_highlights_named_by_the_prose_are_not_listed_again(report):
    """Each project and model of the seed is a highlight named in the seed's words:
    the prose names them all, so the report does not list them a second time."""
    body = _body(report.stdout)
    assert "Công trình, phần việc “" not in body and "Mô hình “" not in body
    for name in ("rút ngắn thời gian đăng ký biển số xe", "đường dây tư vấn kỹ thuật trực tiếp",
                 "thanh niên công nhân đi đầu trong nghiên cứu cải tiến kỹ thuật nâng cao năng suất lao động",
                 "hoạt động đền ơn đáp nghĩa", "treo bảng hướng dẫn, chỉ dẫn nơi tiếp nhận hồ sơ",
                 "trồng và bảo vệ cây xanh trên các tuyến đường, trong khuôn viên",
                 "ngày chủ nhật xanh, thứ bảy tình nguyện"):
        assert body.casefold().count(name) == 1, name
