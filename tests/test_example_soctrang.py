"""The example workspace examples/soctrang-ct03 reproduces the figures of the
seed report soctrang-ct03-2nam-2013 (sơ kết 02 năm thực hiện Chỉ thị 03-CT/TW)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WS = Path(__file__).parents[1] / "examples" / "soctrang-ct03"
PERIOD = "2011M05..2013M04"
SHARED_MODEL = "Đưa chuyên đề về Bác vào sinh hoạt lệ Chi đoàn"


@pytest.fixture(scope="module")
def agg():
    from typer.testing import CliRunner

    from doanreport.cli import app

    result = CliRunner().invoke(
        app, ["aggregate", "--workspace", str(WS), "--period", PERIOD, "--format", "json", "--no-cache"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_validate_is_clean(run):
    result = run("validate", "--workspace", WS, "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.output
    problems = json.loads(result.stdout)
    assert [p for p in problems if p["severity"] in ("error", "warning")] == []


def test_tree_has_43_direct_co_so(agg):
    assert agg["unit"] == "dk-ccq-soc-trang"
    assert agg["period"] == PERIOD
    kids = agg["children"]
    assert len(kids) == 43
    codes = [c["unit"] for c in kids]
    assert len(set(codes)) == 43


def test_tree_kinds():
    import yaml

    tree = yaml.safe_load((WS / "units.yaml").read_text(encoding="utf-8"))
    assert tree["kind"] == "doan_khoi"
    kinds = [c["kind"] for c in tree["children"]]
    assert len(kinds) == 43
    assert set(kinds) == {"doan_co_so", "chi_doan_co_so"}
    for c in tree["children"]:
        if c["kind"] == "doan_co_so":
            assert 2 <= len(c["children"]) <= 4
            assert {k["kind"] for k in c["children"]} == {"chi_doan"}


SEED_FIGURES = {
    "ct03.hoc_tap_luot": 6028,
    "tuyen_truyen.toa_dam_cuoc": 13,
    "tuyen_truyen.toa_dam_luot": 3422,
    "ct03.cuoc_thi_luot": 8552,
    "ct03.cuoc_thi_thi_sinh": 2422,
    "ct03.chuyen_de_cuoc": 15,
    "ct03.chuyen_de_luot": 5260,
    "tinh_nguyen.ung_ho_truong_sa": 14_236_000,
    "tinh_nguyen.ung_ho_truong_sa_luot": 1400,
    "ct03.mo_hinh_tap_the": 30,
    "ct03.cong_trinh": 14,
    "ct03.phan_viec": 92,
    "ct03.noi_dung_ca_nhan": 98,
    "xay_dung_dang.gioi_thieu": 468,
    "xay_dung_dang.ket_nap": 281,
}


@pytest.mark.parametrize("code", sorted(SEED_FIGURES))
def test_seed_figure(agg, code):
    assert agg["values"].get(code) == SEED_FIGURES[code]


def test_all_members_registered(agg):
    v = agg["values"]
    assert v["to_chuc.doan_vien"] > 0
    assert v["to_chuc.dang_ky_ren_luyen"] == v["to_chuc.doan_vien"]


def test_member_classification_shares(agg):
    v = agg["values"]
    parts = {k: v.get(f"phan_loai_doan_vien.{k}", 0) for k in ("xuat_sac", "kha", "trung_binh", "yeu")}
    assert parts["yeu"] == 0
    total = sum(parts.values())
    assert total > 0
    shares = [round(100 * parts[k] / total, 1) for k in ("xuat_sac", "kha", "trung_binh")]
    assert shares == [85.5, 13.2, 1.3]


def test_co_so_classification(agg):
    v = agg["values"]
    levels = ("vung_manh_xuat_sac", "vung_manh", "kha", "trung_binh", "yeu")
    parts = {k: v.get(f"phan_loai_co_so.{k}", 0) for k in levels}
    total = sum(parts.values())
    assert total == 42  # the cơ sở set up in October 2012 was not classified
    assert 100 * (parts["vung_manh_xuat_sac"] + parts["vung_manh"]) / total == 100
    share = 100 * parts["vung_manh_xuat_sac"] / total
    assert round(share) == 29 and abs(share - round(share)) != 0.5


def test_each_co_so_is_classified_once(agg):
    levels = ("vung_manh_xuat_sac", "vung_manh", "kha", "trung_binh", "yeu")
    counts = [sum(c["values"].get(f"phan_loai_co_so.{k}", 0) for k in levels) for c in agg["children"]]
    assert sorted(counts) == [0] + [1] * 42


def test_shared_model_listed_for_both_units(agg):
    units = {h["unit_name"] for h in agg["highlights"] if h["name"] == SHARED_MODEL}
    assert units == {"Chi đoàn Văn phòng Tỉnh ủy", "Chi đoàn Sở Kế hoạch và Đầu tư"}
    for h in agg["highlights"]:
        assert h["program"] == "ct03" and h["unit"]


def test_named_people_and_models(agg):
    by_name: dict[str, set[str]] = {}
    for h in agg["highlights"]:
        by_name.setdefault(h["name"], set()).add(h["unit_name"])
    assert by_name["Đặng Quốc Hưng"] == {"Đoàn Trường Trung cấp Y tế"}
    assert by_name["Lý Minh Toàn"] == {"Chi đoàn Kho bạc Nhà nước"}
    assert by_name["Chi đoàn chủ động công tác"] == {"Chi đoàn Bảo hiểm xã hội"}
    assert len(by_name["Cải cách hành chính qua công tác giao dịch một cửa"]) == 5
    assert len(by_name["Tiết kiệm điện, nước, trong sinh hoạt, họp hành đúng thời gian qui định"]) == 4
    assert by_name["Sổ nhật ký làm theo lời Bác"] == {"Đoàn Khối các cơ quan tỉnh Sóc Trăng"}
    people = [h for h in agg["highlights"] if h["kind"] == "ca_nhan"]
    assert len(people) == 8 and all(h["role"] and h["description"] for h in people)


def test_root_narrative(agg):
    narrative = agg["narrative"]
    for key in ("chi_dao", "trien_khai", "han_che", "nguyen_nhan", "kinh_nghiem", "phuong_huong"):
        assert narrative.get(key), key
    assert len(narrative["han_che"]) == 4
    assert len(narrative["nguyen_nhan"]) == 3
    assert len(narrative["kinh_nghiem"]) == 5
    assert len(narrative["phuong_huong"]) == 6


def test_everyone_covers_the_period(agg):
    done = agg["completeness"]
    assert done["missing"] == [] and done.get("partial", []) == []
    assert len(done["expected"]) == 77
    assert agg.get("set_aside", []) == []
