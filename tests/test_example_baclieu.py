"""The Bạc Liêu example workspace reproduces the figures of its seed report.

examples/baclieu-3tn rebuilds shared/seeds/baclieu-3tn-soket-2009-2013.txt
(sơ kết 04 năm phong trào "3 trách nhiệm", 06/2009 – 05/2013) from per-unit
files; the `soket` template prints these aggregates, so the data must give
exactly the seed's numbers.
"""

from __future__ import annotations

import json
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
    "tinh_nguyen.qua_tang": 1400,             # hơn 1.400 suất quà
    "tinh_nguyen.qua_gia_tri": 110_000_000,   # trị giá trên 110 triệu đồng
    "tinh_nguyen.nha_sua_chua": 45,           # sửa chữa được 45 căn nhà
    "tinh_nguyen.nha_xay_moi": 30,            # 30 căn nhà nhân ái
    "tinh_nguyen.nha_gia_tri": 500_000_000,   # trị giá trên 500 triệu đồng
    "hien_mau.don_vi": 1350,                  # hơn 1.350 đơn vị máu
    "ban_than.vi_pham_ky_luat": 0,            # không có cán bộ ĐVTN vi phạm quy định
    "ban_than.ty_le_trinh_do_dai_hoc": 80,    # trình độ đại học, đang học đại học khoảng 80%
    "ban_than.ty_le_can_bo_doan_boi_duong": 85,  # 85% cán bộ Đoàn được bồi dưỡng
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


def test_mung_tam_comes_from_the_workspace_catalog():
    config = yaml.safe_load((WS / "doanreport.yaml").read_text(encoding="utf-8"))
    assert config["catalog"] == ["catalog.yaml"]
    catalog = yaml.safe_load((WS / "catalog.yaml").read_text(encoding="utf-8"))
    assert [i["code"] for i in catalog["indicators"]] == ["tinh_nguyen.mung_tam"]


def test_certificate_rate_by_branch(agg):
    """100% in the Đoàn trực thuộc, 90% in the xã, phường, thị trấn (huyện đoàn)."""
    rates = {c["unit"]: (c["values"].get("ban_than.ty_le_chung_chi_tin_hoc_ngoai_ngu"), c) for c in agg["children"]}
    assert len(rates) == 12
    for unit, (rate, _child) in rates.items():
        assert rate == (90 if unit.startswith(("hd-", "thanh-doan")) else 100), unit


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
