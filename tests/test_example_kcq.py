"""The example workspace examples/kcq-quy1-2012 gives the seed report's figures
and reads as the seed does.

The seed is shared/seeds/kcq-baocao-quy1-2012.txt (Đoàn Khối các cơ quan tỉnh,
quý I/2012). The Đoàn Khối's narrative holds the seed's sentences with
placeholders where the seed has figures, so the example's files must add up to
figures that make the seed's words true ("hơn 2.000" is 2.036, "gần 500" is 494).
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
    "tuyen_truyen.luot_tham_gia": 2036,  # "với hơn 2.000 ĐVTN tham gia"
    "tuyen_truyen.an_toan_giao_thong_luot": 200,  # "huy động 200 Đoàn viên tham gia diễu hành"
    "van_nghe_tdtt.hoat_dong": 52,  # "Tổng số có 52 cuộc"
    "van_nghe_tdtt.luot_tham_gia": 1500,  # "với sự tham gia 1.500 lượt"
    "cong_viec.luot_tham_gia": 1046,  # "huy động được trên 1.000 ĐVTN"
    "tinh_nguyen.qua_tang": 87,  # "87 phần quà"
    "tinh_nguyen.qua_gia_tri": 20_400_000,  # "trị giá trên 20 triệu đồng"
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


def test_root_narrative_carries_the_seed_text_with_placeholders_for_its_figures(agg):
    narrative = agg["narrative"]
    for key in ("chi_dao", "tuyen_truyen", "ban_than", "van_nghe_tdtt", "cong_viec", "tinh_nguyen",
                "cai_cach_hanh_chinh", "to_chuc", "xay_dung_dang"):
        assert narrative.get(key), key
    assert narrative["chi_dao"][0].startswith("Thực hiện Chương trình công tác Đoàn")
    text = " ".join(item for items in narrative.values() for item in items)
    # every figure the data can compute is a placeholder, none is typed in
    for figure in ("219", "2.000", "1.500", "52 cuộc", "33/41", "1.000", "87 ", "114", "95%", "89 ",
                   "2.145", "446", "34/40", "200 ", "500"):
        assert figure not in text, figure
    for placeholder in ("{{ tuyen_truyen.luot_tham_gia | xap_xi }}", "{{ tinh_nguyen.doi_hinh_thanh_vien | xap_xi }}",
                        '{{ tinh_nguyen.qua_gia_tri | tien("trieu") }}', "{{ cong_viec.cong_trinh + cong_viec.phan_viec }}"):
        assert placeholder in text, placeholder


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The report as Markdown (one line per paragraph) and what render said on stderr."""
    from typer.testing import CliRunner

    from doanreport.cli import app

    out = tmp_path_factory.mktemp("kcq") / "bao-cao.md"
    result = CliRunner().invoke(
        app, ["render", "--workspace", str(WS), "--template", "quy", "--period", "2012Q1", "--no-cache", "-o", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8"), result.output


# The seed's sentences with the figures the files add up to (typing slips corrected).
SEED_SENTENCES = [
    "Kết quả có 219 cuộc với hơn 2.000 ĐVTN tham gia.",
    "cũng nhân dịp này Đoàn ủy cử 05 đảng viên trẻ và 05 đoàn viên ưu tú tham dự lễ trao Huy hiệu Đảng",
    "Tổng số có 52 cuộc với sự tham gia của 1.500 lượt đoàn viên thanh niên; thăm và tặng quà",
    "Hưởng ứng Năm An toàn giao thông 2012, Đoàn ủy Khối huy động 200 đoàn viên tham gia diễu hành.",
    "đã có 33/41 công trình, phần việc được đăng ký và triển khai thực hiện, huy động được hơn 1.000 ĐVTN tham gia.",
    "qua các thời kỳ với 87 phần quà trị giá trên 20 triệu đồng.",
    "Đoàn ủy đã cử 05 đoàn viên ưu tú tham gia Chiến dịch tình nguyện xanh tại xã Nam Thái – An Biên.",
    "tặng 01 bộ máy vi tính cho Xã đoàn, 1.000 quyển tập và 500 cây viết cho học sinh...",
    "Đoàn ủy huy động 200 đoàn viên thanh niên trong Khối tham gia hiến máu, kết quả hiến được 114 đơn vị máu.",
    "tỷ lệ tham gia sinh hoạt của đoàn viên bình quân 95%.",
    "Quý I năm 2012 đã mở 01 lớp cảm tình Đoàn cho 89 thanh niên ưu tú.",
    "với sự tham gia của gần 500 đoàn viên, thanh niên.",
    "Quý I/2012 Đoàn ủy giải thể 01 chi đoàn, thành lập mới 01 chi đoàn.",
    # the organisation and the đại hội are the template's sentences, from the tree
    "40 cơ sở đoàn trực thuộc (11 đoàn cơ sở, 29 chi đoàn cơ sở)",
    "2.145 đoàn viên (trong đó 446 đảng viên đang sinh hoạt Đoàn)",
    "34/40 cơ sở",
]


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_report_has_the_seed_sentence_with_its_computed_figures(rendered, sentence):
    md, _ = rendered
    assert md.count(sentence) == 1, sentence


def _body_sentences(md: str) -> list[str]:
    body = md.split("-----", 1)[1].split("<!-- doanreport:signature -->", 1)[0]
    lines = [line.lstrip("- ").strip() for line in body.splitlines() if not line.startswith("#")]
    text = " ".join(line for line in lines if line)
    return [s for s in re.split(r"(?<=[.;!?])\s+", text) if len(s) > 15]


def test_report_says_no_sentence_twice_and_leaves_no_gap(rendered):
    md, _ = rendered
    sentences = _body_sentences(md)
    assert len(sentences) > 40
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert not repeated, repeated
    assert "……" not in md and "None" not in md and "{{" not in md


def test_each_figure_is_stated_once(rendered):
    """The template does not state again a figure the prose states."""
    md, _ = rendered
    for figure in ("219", "2.036", "hơn 2.000", "52 ", "1.500", "33/41", "87 ", "114 ", "95%", "89 ",
                   "gần 500", "494", "2.145", "446"):
        assert md.count(figure) <= 1, figure
    assert md.count("2.036") == md.count("494") == md.count("20.400.000") == 0


def test_render_warns_only_about_the_missing_units(rendered):
    _, said = rendered
    assert "placeholder" not in said
    assert "……" not in said
    warnings = [line for line in said.splitlines() if "cảnh báo" in line]
    assert len(warnings) == 1 and "[units-missing]" in warnings[0], said


def test_the_seed_campaign_is_told_once(agg, rendered):
    md, _ = rendered
    assert md.count("Chiến dịch tình nguyện xanh tại xã Nam Thái – An Biên") == 1
    # the Đoàn Khối tells it in its prose; the units' highlights remain
    assert {h["unit"] for h in agg["highlights"]} >= {"cd-vp-ubnd", "dcs-so-y-te", "dcs-so-nn-ptnt"}
    assert ROOT not in {h["unit"] for h in agg["highlights"]}
