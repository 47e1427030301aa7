"""The example workspace examples/kcq-quy1-2012 gives the seed report's figures.

The seed is shared/seeds/kcq-baocao-quy1-2012.txt (Đoàn Khối các cơ quan tỉnh,
quý I/2012). The `quy` template prints these figures from `aggregate`, so the
example's files must add up to exactly what the seed states.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

WS = Path(__file__).parents[1] / "examples" / "kcq-quy1-2012"
ROOT = "dk-ccq-soc-trang"

LATE = {"cd-so-tu-phap", "cd-bv-khoa-san"}
MISSING = {"cd-dai-ky-thuat", "cd-gtvt-thanh-tra"}

# seed figure -> indicator code(s) -> value
SEED_VALUES = {
    "tuyen_truyen.cuoc": 219,  # "Kết quả có 219 cuộc"
    "tuyen_truyen.luot_tham_gia": 2000,  # "với hơn 2.000 ĐVTN tham gia"
    "tuyen_truyen.an_toan_giao_thong_luot": 200,  # "huy động 200 Đoàn viên tham gia diễu hành"
    "van_nghe_tdtt.hoat_dong": 52,  # "Tổng số có 52 cuộc"
    "van_nghe_tdtt.luot_tham_gia": 1500,  # "với sự tham gia 1.500 lượt"
    "cong_viec.luot_tham_gia": 1000,  # "huy động được trên 1.000 ĐVTN"
    "tinh_nguyen.qua_tang": 87,  # "87 phần quà"
    "tinh_nguyen.qua_gia_tri": 20_000_000,  # "trị giá trên 20 triệu đồng"
    "tinh_nguyen.luot_tham_gia": 5,  # "cử 5 Đoàn viên ưu tú tham gia chiến dịch tình nguyện xanh"
    "tinh_nguyen.may_tinh": 1,  # "tặng 01 bộ máy vi tính"
    "tinh_nguyen.tap_vo": 1000,  # "1.000 quyển tập"
    "tinh_nguyen.but_viet": 500,  # "500 cây viết"
    "tinh_nguyen.doi_hinh_thanh_vien": 494,  # "gần 500 đoàn viên, thanh niên"
    "hien_mau.luot_tham_gia": 200,  # "huy động 200 Đoàn viên thanh niên ... hiến máu"
    "hien_mau.don_vi": 114,  # "hiến được 114 đơn vị máu"
    "to_chuc.lop_cam_tinh": 1,  # "đã mở một lớp cảm tình Đoàn"
    "to_chuc.hoc_vien_cam_tinh": 89,  # "cho 89 thanh niên ưu tú"
    "to_chuc.doan_vien": 2145,  # "số lượng đoàn viên 2.145 đ/c"
    "to_chuc.dang_vien_sinh_hoat_doan": 446,  # "đảng viên đang sinh hoạt đoàn 446 đ/c"
    "to_chuc.da_dai_hoi": 34,  # "đã có 34/40 cơ sở đại hội"
}


@pytest.fixture(scope="module")
def agg():
    from typer.testing import CliRunner

    from doanreport.cli import app

    result = CliRunner().invoke(
        app, ["aggregate", "--workspace", str(WS), "--period", "2012Q1", "--format", "json", "--no-cache"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def kinds() -> dict[str, str]:
    """unit code -> kind, read from the example's units.yaml."""
    out: dict[str, str] = {}

    def walk(node: dict) -> None:
        out[node["code"]] = node["kind"]
        for child in node.get("children", []):
            walk(child)

    walk(yaml.safe_load((WS / "units.yaml").read_text(encoding="utf-8")))
    return out


def test_validate_is_clean(run):
    result = run("validate", "--workspace", WS, "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []  # no errors, no warnings


@pytest.mark.parametrize("code, expected", sorted(SEED_VALUES.items()))
def test_seed_figure(agg, code, expected):
    assert agg["values"].get(code) == expected


def test_cong_trinh_phan_viec_33_of_41(agg):
    v = agg["values"]
    assert v["cong_viec.cong_trinh"] + v["cong_viec.phan_viec"] == 33
    assert v["cong_viec.cong_trinh_dang_ky"] + v["cong_viec.phan_viec_dang_ky"] == 41


def test_participation_rate_is_exactly_95(agg):
    rate = agg["values"]["sinh_hoat.ty_le_tham_gia"]
    assert rate == 95
    assert float(rate) == 95.0


def test_forty_co_so_eleven_doan_co_so_29_chi_doan_co_so(agg, kinds, run):
    children = agg["children"]
    by_kind = {k: [c for c in children if kinds[c["unit"]] == k] for k in ("doan_co_so", "chi_doan_co_so")}
    assert len(children) == 40
    assert len(by_kind["doan_co_so"]) == 11
    assert len(by_kind["chi_doan_co_so"]) == 29
    for dcs in by_kind["doan_co_so"]:
        assert 2 <= len(dcs["children"]) <= 4
        assert {kinds[c["unit"]] for c in dcs["children"]} == {"chi_doan"}
    # The dissolved chi đoàn (giải thể) is in the tree but not among the 40.
    assert "cd-chi-cuc-van-thu" in kinds
    assert "cd-chi-cuc-van-thu" not in {c["unit"] for c in children}

    result = run("units", "--workspace", WS)
    assert result.exit_code == 0, result.output
    summary = " ".join(result.stdout.split())
    assert re.search(r"\b11 đoàn cơ sở\b", summary)
    assert re.search(r"\b29 chi đoàn cơ sở\b", summary)


def test_da_dai_hoi_is_given_by_each_of_the_40_co_so(agg, kinds):
    assert agg["coverage"]["to_chuc.da_dai_hoi"] == 40
    flags = [c["values"]["to_chuc.da_dai_hoi"] for c in agg["children"]]
    assert sorted(set(flags)) == [0, 1]
    assert sum(flags) == 34
    # Only cơ sở report it, never the chi đoàn below a đoàn cơ sở.
    for child in agg["children"]:
        for cd in child["children"]:
            assert "to_chuc.da_dai_hoi" not in cd["values"]


def test_completeness_shows_late_and_missing_units(agg, run):
    c = agg["completeness"]
    assert set(c["late"]) == LATE
    assert set(c["missing"]) == MISSING
    assert c["partial"] == []
    assert len(c["expected"]) == 72  # 11 đoàn cơ sở + 29 chi đoàn cơ sở + 32 chi đoàn
    assert len(c["reported"]) == 70
    assert agg["set_aside"] == []

    result = run("status", "--workspace", WS, "--period", "2012Q1", "--no-cache")
    text = " ".join(result.stdout.split())
    for name in ("Chi đoàn Phòng Kỹ thuật", "Chi đoàn Thanh tra Sở Giao thông vận tải",
                 "Chi đoàn Sở Tư pháp", "Chi đoàn Khoa Sản"):
        assert name in text


def test_root_narrative_carries_the_report_text_but_no_computed_figures(agg):
    narrative = agg["narrative"]
    for key in ("chi_dao", "tuyen_truyen", "ban_than", "van_nghe_tdtt", "cong_viec",
                "cai_cach_hanh_chinh", "sinh_hoat", "to_chuc", "xay_dung_dang"):
        assert narrative.get(key), key
    assert narrative["chi_dao"][0].startswith("Thực hiện Chương trình công tác Đoàn")
    text = " ".join(item for items in narrative.values() for item in items)
    for figure in ("219", "2.000", "1.500", "52 cuộc", "33/41", "1.000", "87 ", "114", "95%", "89 ",
                   "2.145", "446", "34/40", "200 "):
        assert figure not in text, figure


def test_highlights_name_the_seed_campaign(agg):
    names = {(h["unit"], h["name"]) for h in agg["highlights"]}
    assert (ROOT, "Chiến dịch tình nguyện xanh tại xã Nam Thái – An Biên") in names
