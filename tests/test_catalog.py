"""Unit tests of `doanreport.catalog`: the indicator catalog (SPEC section 4)."""

from __future__ import annotations

import textwrap

import pytest

from doanreport.load.catalog_file import BUILTIN_NAME, build_catalog, builtin_document
from doanreport.load.source import parse_yaml
from doanreport.model.catalog import Catalog

# SPEC section 4: code -> (unit, aggregate, weight). Labels may be refined.
SPEC_TABLE: dict[str, tuple[str, str, str | None]] = {
    "to_chuc.doan_vien": ("đoàn viên", "last", None),
    "to_chuc.dang_vien_sinh_hoat_doan": ("đồng chí", "last", None),
    "to_chuc.ket_nap_doan_vien": ("đoàn viên", "sum", None),
    "to_chuc.lop_cam_tinh": ("lớp", "sum", None),
    "to_chuc.hoc_vien_cam_tinh": ("thanh niên", "sum", None),
    "to_chuc.chi_doan_cung_co": ("chi đoàn", "sum", None),
    "to_chuc.da_dai_hoi": ("cơ sở", "last", None),
    "to_chuc.tap_huan_lop": ("lớp", "sum", None),
    "to_chuc.tap_huan_luot": ("lượt", "sum", None),
    "sinh_hoat.buoi": ("buổi", "sum", None),
    "sinh_hoat.luot_tham_gia": ("lượt", "sum", None),
    "sinh_hoat.ty_le_tham_gia": ("%", "mean", "to_chuc.doan_vien"),
    "phan_loai_doan_vien.xuat_sac": ("đoàn viên", "last", None),
    "phan_loai_doan_vien.kha": ("đoàn viên", "last", None),
    "phan_loai_doan_vien.trung_binh": ("đoàn viên", "last", None),
    "phan_loai_doan_vien.yeu": ("đoàn viên", "last", None),
    "phan_loai_co_so.vung_manh_xuat_sac": ("cơ sở", "last", None),
    "phan_loai_co_so.vung_manh": ("cơ sở", "last", None),
    "phan_loai_co_so.kha": ("cơ sở", "last", None),
    "phan_loai_co_so.trung_binh": ("cơ sở", "last", None),
    "phan_loai_co_so.yeu": ("cơ sở", "last", None),
    "tuyen_truyen.cuoc": ("cuộc", "sum", None),
    "tuyen_truyen.luot_tham_gia": ("lượt", "sum", None),
    "tuyen_truyen.toa_dam_cuoc": ("cuộc", "sum", None),
    "tuyen_truyen.toa_dam_luot": ("lượt", "sum", None),
    "ban_than.boi_duong_chuyen_mon": ("đoàn viên", "sum", None),
    "ban_than.ly_luan_chinh_tri": ("đoàn viên", "sum", None),
    "ban_than.pho_cap_tin_hoc": ("đoàn viên", "sum", None),
    "ban_than.giao_vien_gioi": ("đoàn viên", "sum", None),
    "ban_than.vi_pham_ky_luat": ("người", "sum", None),
    "cong_viec.sang_kien": ("sáng kiến", "sum", None),
    "cong_viec.cong_trinh": ("công trình", "sum", None),
    "cong_viec.phan_viec": ("phần việc", "sum", None),
    "cong_viec.gia_tri": ("đồng", "sum", None),
    "cong_viec.luot_tham_gia": ("lượt", "sum", None),
    "cong_viec.mo_hinh": ("mô hình", "sum", None),
    "van_nghe_tdtt.hoat_dong": ("hoạt động", "sum", None),
    "van_nghe_tdtt.luot_tham_gia": ("lượt", "sum", None),
    "tinh_nguyen.hoat_dong": ("hoạt động", "sum", None),
    "tinh_nguyen.kham_benh_dot": ("đợt", "sum", None),
    "tinh_nguyen.kham_benh_luot": ("lượt người", "sum", None),
    "tinh_nguyen.qua_tang": ("suất", "sum", None),
    "tinh_nguyen.qua_gia_tri": ("đồng", "sum", None),
    "tinh_nguyen.nha_sua_chua": ("căn", "sum", None),
    "tinh_nguyen.nha_xay_moi": ("căn", "sum", None),
    "tinh_nguyen.nha_gia_tri": ("đồng", "sum", None),
    "hien_mau.luot_tham_gia": ("lượt", "sum", None),
    "hien_mau.don_vi": ("đơn vị", "sum", None),
    "xay_dung_dang.gioi_thieu": ("đoàn viên", "sum", None),
    "xay_dung_dang.ket_nap": ("đoàn viên", "sum", None),
    "ct03.hoc_tap_luot": ("lượt", "sum", None),
    "ct03.mo_hinh_tap_the": ("mô hình", "sum", None),
    "ct03.noi_dung_ca_nhan": ("nội dung", "sum", None),
    "ct03.cong_trinh": ("công trình", "sum", None),
    "ct03.phan_viec": ("phần việc", "sum", None),
    "ct03.chi_doan_dua_chuyen_de": ("chi đoàn", "last", None),
}


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    catalog, diags = build_catalog([builtin_document()])
    assert diags == []
    return catalog


def workspace(text: str, name: str = "catalog.yaml"):
    """Build the built-in catalog plus one workspace catalog given inline."""
    doc, diags = parse_yaml(textwrap.dedent(text), name)
    assert doc is not None and diags == [], diags
    return build_catalog([builtin_document(), doc])


def only(diags, code: str):
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, [(d.code, d.line, d.column) for d in diags]
    assert found[0].severity == "error"
    return found[0]


# --- the shipped catalog ------------------------------------------------------------


def test_builtin_catalog_loads_without_diagnostics() -> None:
    doc = builtin_document()
    assert doc.file == BUILTIN_NAME
    catalog, diags = build_catalog([doc])
    assert diags == []
    assert len(catalog.indicators) >= len(SPEC_TABLE)


@pytest.mark.parametrize("code", sorted(SPEC_TABLE))
def test_spec_table_code_present(builtin: Catalog, code: str) -> None:
    unit, aggregate, weight = SPEC_TABLE[code]
    assert code in builtin
    indicator = builtin[code]
    assert indicator.code == code
    assert indicator.unit == unit
    assert indicator.aggregate == aggregate
    assert indicator.weight == weight
    assert indicator.label.strip()
    assert indicator.source == BUILTIN_NAME


def test_every_builtin_indicator_is_well_formed(builtin: Catalog) -> None:
    for code, ind in builtin.indicators.items():
        assert ind.group in builtin.groups, f"{code}: group {ind.group} has no heading"
        assert ind.aggregate in ("sum", "last", "mean")
        assert (ind.aggregate == "mean") == (ind.weight is not None), code
        if ind.weight:
            assert ind.weight in builtin


def test_indicator_properties(builtin: Catalog) -> None:
    rate = builtin["sinh_hoat.ty_le_tham_gia"]
    assert rate.group == "sinh_hoat"
    assert rate.name == "ty_le_tham_gia"
    assert rate.is_percent
    assert not builtin["to_chuc.doan_vien"].is_percent
    assert builtin.group_heading("hien_mau")
    assert builtin.group_heading("khong_co") == "khong_co"
    assert "to_chuc.doan_vien" in builtin.codes_in("to_chuc")
    assert all(c.startswith("hien_mau.") for c in builtin.codes_in("hien_mau"))
    groups = builtin.all_groups()
    assert groups[0] == "to_chuc"
    assert {c.split(".")[0] for c in SPEC_TABLE} <= set(groups)


@pytest.mark.parametrize(
    ("left", "op", "right", "severity"),
    [
        ("to_chuc.dang_vien_sinh_hoat_doan", "<=", "to_chuc.doan_vien", "error"),
        ("xay_dung_dang.ket_nap", "<=", "xay_dung_dang.gioi_thieu", "warning"),
    ],
)
def test_required_rules_exist(builtin: Catalog, left: str, op: str, right: str, severity: str) -> None:
    found = [r for r in builtin.rules if (r.left, r.op, r.right) == (left, op, right)]
    assert len(found) == 1
    rule = found[0]
    assert rule.severity == severity
    assert rule.message.strip()
    assert rule.holds(3, 3) and rule.holds(2, 3)
    assert not rule.holds(4, 3)


def test_every_builtin_rule_refers_to_known_codes(builtin: Catalog) -> None:
    for rule in builtin.rules:
        assert rule.left in builtin and rule.right in builtin


# --- workspace catalogs ---------------------------------------------------------------


def test_workspace_adds_codes_and_rules() -> None:
    catalog, diags = workspace(
        """\
        indicators:
          - {code: tinh_nguyen.mung_tam, label: Mùng được tẩm hóa chất, unit: cái, aggregate: sum}
          - {code: to_chuc.ty_le_dong_doan_phi, label: Tỷ lệ đoàn viên đóng đoàn phí đúng quy định,
             unit: "%", aggregate: mean, weight: to_chuc.doan_vien}
        rules:
          - {left: tinh_nguyen.mung_tam, op: ">=", right: tinh_nguyen.hoat_dong, severity: warning,
             message: Số mùng ít hơn số hoạt động}
        """
    )
    assert diags == []
    mung = catalog["tinh_nguyen.mung_tam"]
    assert (mung.label, mung.unit, mung.aggregate, mung.weight) == ("Mùng được tẩm hóa chất", "cái", "sum", None)
    assert mung.source == "catalog.yaml"
    rate = catalog["to_chuc.ty_le_dong_doan_phi"]
    assert (rate.aggregate, rate.weight) == ("mean", "to_chuc.doan_vien")
    assert rate.is_percent
    # the built-ins are all still there, in their order, before the additions
    codes = list(catalog.indicators)
    assert codes.index("tinh_nguyen.mung_tam") > codes.index("to_chuc.doan_vien")
    assert set(SPEC_TABLE) <= set(codes)
    rule = catalog.rules[-1]
    assert (rule.left, rule.op, rule.right, rule.severity) == (
        "tinh_nguyen.mung_tam", ">=", "tinh_nguyen.hoat_dong", "warning",
    )
    assert rule.message == "Số mùng ít hơn số hoạt động"
    assert "tinh_nguyen.mung_tam" in catalog.codes_in("tinh_nguyen")


def test_workspace_may_add_a_new_group_with_heading() -> None:
    catalog, diags = workspace(
        """\
        groups:
          chuyen_doi_so: Chuyển đổi số
        indicators:
          - {code: chuyen_doi_so.mo_hinh, label: Mô hình chuyển đổi số, unit: mô hình, aggregate: sum}
        """
    )
    assert diags == []
    assert catalog.group_heading("chuyen_doi_so") == "Chuyển đổi số"
    assert catalog.all_groups()[-1] == "chuyen_doi_so"


def test_redefining_a_builtin_code() -> None:
    catalog, diags = workspace(
        """\
        indicators:
          - {code: to_chuc.doan_vien, label: Số đoàn viên, unit: người, aggregate: sum}
        """
    )
    dup = only(diags, "catalog-duplicate")
    assert dup.file == "catalog.yaml"
    assert (dup.line, dup.column) == (2, 12)
    assert dup.args["code"] == "to_chuc.doan_vien"
    assert "to_chuc.doan_vien" in dup.message("vi")
    assert "danh mục có sẵn" in dup.message("vi")
    assert "built-in catalog" in dup.message("en") and "redefine" in dup.message("en")
    # the built-in definition is kept
    assert catalog["to_chuc.doan_vien"].aggregate == "last"
    assert catalog["to_chuc.doan_vien"].unit == "đoàn viên"


def test_code_defined_twice_in_a_workspace_file() -> None:
    catalog, diags = workspace(
        """\
        indicators:
          - {code: a_moi.b, label: Lần một, unit: cái, aggregate: sum}
          - {code: a_moi.b, label: Lần hai, unit: cái, aggregate: sum}
        """
    )
    dup = only(diags, "catalog-duplicate")
    assert dup.line == 3
    assert "catalog.yaml" in dup.message("en")
    assert catalog["a_moi.b"].label == "Lần một"


def test_weight_problems() -> None:
    _, diags = workspace(
        """\
        indicators:
          - {code: moi.ty_le, label: Tỷ lệ, unit: "%", aggregate: mean}
          - {code: moi.luot, label: Lượt, unit: lượt, aggregate: sum, weight: to_chuc.doan_vien}
          - {code: moi.ty_le_khac, label: Tỷ lệ khác, unit: "%", aggregate: mean, weight: moi.khong_co}
        """
    )
    weights = [d for d in diags if d.code == "catalog-weight"]
    assert [(d.line, d.column, d.args["code"]) for d in weights] == [
        (2, 5, "moi.ty_le"),
        (3, 5, "moi.luot"),
        (4, 5, "moi.ty_le_khac"),
    ]
    assert all(d.file == "catalog.yaml" and d.severity == "error" for d in weights)
    missing, not_mean, unknown = weights
    assert "weight" in missing.message("vi") and "trung bình" in missing.message("vi")
    assert "a mean needs a weight" in missing.message("en")
    assert "aggregate: mean" in not_mean.message("vi")
    assert "only with aggregate: mean" in not_mean.message("en")
    assert "moi.khong_co" in unknown.message("vi") and "không có trong danh mục" in unknown.message("vi")
    assert "moi.khong_co" in unknown.message("en")
    assert len(diags) == 3


def test_weight_on_a_code_added_later_in_the_same_file_is_fine() -> None:
    catalog, diags = workspace(
        """\
        indicators:
          - {code: moi.ty_le, label: Tỷ lệ, unit: "%", aggregate: mean, weight: moi.so_nguoi}
          - {code: moi.so_nguoi, label: Số người, unit: người, aggregate: last}
        """
    )
    assert diags == []
    assert catalog["moi.ty_le"].weight == "moi.so_nguoi"


def test_rule_naming_an_unknown_code() -> None:
    catalog, diags = workspace(
        """\
        rules:
          - {left: to_chuc.doan_vien, op: ">=", right: to_chuc.dang_vien_sinh_hoat_doan, message: Đúng}
          - {left: moi.khong_co, op: "<=", right: to_chuc.doan_vien, message: Sai bên trái}
          - {left: to_chuc.doan_vien, op: "<=", right: moi.cung_khong_co, message: Sai bên phải}
        """
    )
    refs = [d for d in diags if d.code == "catalog-rule-ref"]
    assert [(d.line, d.column, d.args["code"]) for d in refs] == [
        (3, 12, "moi.khong_co"),
        (4, 48, "moi.cung_khong_co"),
    ]
    assert len(diags) == 2
    assert "moi.khong_co" in refs[0].message("vi") and "Quy tắc" in refs[0].message("vi")
    assert "rule" in refs[0].message("en")
    # only the good rule is kept; a rule with a missing side is never checked
    added = [r for r in catalog.rules if r.message in ("Đúng", "Sai bên trái", "Sai bên phải")]
    assert [r.message for r in added] == ["Đúng"]


def test_rule_severity_defaults_to_error() -> None:
    catalog, diags = workspace(
        """\
        rules:
          - {left: hien_mau.don_vi, op: "<=", right: hien_mau.luot_tham_gia, message: Nhiều đơn vị máu hơn lượt hiến}
        """
    )
    assert diags == []
    assert catalog.rules[-1].severity == "error"


def test_unknown_key_in_an_indicator() -> None:
    _, diags = workspace(
        """\
        indicators:
          - {code: moi.a, label: A, unit: cái, aggregate: sum, lable: B}
          - code: moi.b
            label: B
            unit: cái
            agregate: sum
        """
    )
    unknown = [d for d in diags if d.code == "unknown-key"]
    assert [(d.line, d.column, d.args["key"], d.args["suggestion"]) for d in unknown] == [
        (2, 56, "lable", "label"),
        (6, 5, "agregate", "aggregate"),
    ]
    assert "«label»" in unknown[0].message("vi")
    assert "Did you mean 'label'?" in unknown[0].message("en")


def test_unknown_top_level_key() -> None:
    _, diags = workspace(
        """\
        indicator:
          - {code: moi.a, label: A, unit: cái, aggregate: sum}
        """
    )
    bad = only(diags, "unknown-key")
    assert (bad.line, bad.column) == (1, 1)
    assert bad.args["suggestion"] == "indicators"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("- {code: moi.a, label: A, unit: cái, aggregate: median}", "invalid-choice"),
        ("- {code: Moi.A, label: A, unit: cái, aggregate: sum}", "invalid-slug"),
        ("- {code: khong_co_cham, label: A, unit: cái, aggregate: sum}", "invalid-slug"),
        ("- {code: moi.a, label: '', unit: cái, aggregate: sum}", "too-short"),
        ("- {code: moi.a, unit: cái, aggregate: sum}", "missing-field"),
    ],
)
def test_invalid_indicator_fields(line: str, code: str) -> None:
    _, diags = workspace(f"indicators:\n  {line}\n")
    bad = only(diags, code)
    assert bad.line == 2
    assert bad.file == "catalog.yaml"


def test_workspace_catalog_that_is_a_list() -> None:
    doc, _ = parse_yaml("- {code: moi.a, label: A, unit: cái, aggregate: sum}\n", "catalog.yaml")
    catalog, diags = build_catalog([builtin_document(), doc])
    assert [(d.code, d.file, d.line) for d in diags] == [("not-mapping", "catalog.yaml", 1)]
    assert "moi.a" not in catalog
    assert "to_chuc.doan_vien" in catalog


# --- the catalog as values (model.catalog) -------------------------------------------------


def _small_catalog() -> Catalog:
    from doanreport.model.catalog import Indicator, Rule

    def ind(code: str, aggregate: str = "sum", unit: str = "lượt") -> Indicator:
        return Indicator(code=code, label=f"Nhãn {code}", unit=unit, aggregate=aggregate, weight=None, help=None, source="t")

    indicators = {c.code: c for c in (ind("b.x"), ind("a.y", "last"), ind("b.z", "mean", " % "), ind("c.w"))}
    rules = [Rule("b.x", op, "a.y", "error", f"x {op} y") for op in ("<=", "<", ">=", ">", "==")]
    return Catalog(indicators, {"a": "Nhóm A", "b": "Nhóm B"}, rules)


@pytest.mark.parametrize(("x", "y", "broken"), [
    (1, 2, [">=", ">", "=="]),
    (2, 2, ["<", ">"]),
    (3, 2, ["<=", "<", "=="]),
])
def test_broken_rules_with_every_operator(x, y, broken) -> None:
    catalog = _small_catalog()
    found = catalog.broken_rules({"b.x": x, "a.y": y})
    assert [(r.op, left, right) for r, left, right in found] == [(op, x, y) for op in broken]


def test_a_rule_with_a_side_not_given_is_not_checked() -> None:
    catalog = _small_catalog()
    assert catalog.broken_rules({"b.x": 5}) == [] and catalog.broken_rules({"a.y": 5}) == []
    assert catalog.broken_rules({}) == []
    assert [r.op for r, _, _ in catalog.broken_rules({"b.x": 0, "a.y": 1})] == [">=", ">", "=="]  # zero is a value


def test_rule_args() -> None:
    catalog = _small_catalog()
    rule = catalog.rules[0]
    assert catalog.rule_args(rule, 3, 2) == {
        "message": "x <= y", "op": "<=", "left_value": 3, "right_value": 2, "left_label": "Nhãn b.x", "right_label": "Nhãn a.y"}


def test_groups_codes_and_methods_in_catalog_order() -> None:
    catalog = _small_catalog()
    assert catalog.all_groups() == ["a", "b", "c"]  # declared headings first, then the others as met
    assert catalog.codes_in("b") == ["b.x", "b.z"] and catalog.codes_in("a") == ["a.y"] and catalog.codes_in("zz") == []
    catalog.codes_in("b").append("b.q")  # a copy: the catalog is not changed through it
    assert catalog.codes_in("b") == ["b.x", "b.z"]
    catalog.all_groups().append("q")
    assert catalog.all_groups() == ["a", "b", "c"]
    assert catalog.methods == {"b.x": "sum", "a.y": "last", "b.z": "mean", "c.w": "sum"}
    assert catalog.group_heading("a") == "Nhóm A" and catalog.group_heading("c") == "c"
    assert "b.x" in catalog and "b.q" not in catalog and catalog["a.y"].aggregate == "last"
    assert catalog["b.z"].is_percent and not catalog["b.x"].is_percent
    assert (catalog["b.z"].group, catalog["b.z"].name) == ("b", "z")


@pytest.mark.parametrize(("phrase", "unit", "fits"), [
    ("tổ chức {n} buổi", "buổi", True),
    ("{n} buổi {n}", "buổi", False),
    ("tổ chức buổi", "buổi", False),
    ("{n}", "buổi", False),
    ("tổ chức {n} {buổi}", "buổi", False),
    ("đạt {n}%", "%", False),
    ("tỷ lệ đạt {n}", "%", True),
    ("ủng hộ {n} đồng", "đồng", False),
    ("ủng hộ {n}", "đồng", True),
    ("tổ chức {n} buổi " + "x" * 200, "buổi", False),
])
def test_a_workspace_phrase_holds_its_figure_once_and_reads(phrase, unit, fits):
    _, diags = workspace(f'indicators:\n  - {{code: moi.a, label: A, phrase: "{phrase}", unit: "{unit}", aggregate: sum}}\n')
    phrase_errors = [d for d in diags if d.code == "catalog-phrase"]
    assert (not phrase_errors) is fits
    if not fits:
        assert (phrase_errors[0].file, phrase_errors[0].line) == ("catalog.yaml", 2)


def test_every_builtin_phrase_holds_its_figure_once(builtin: Catalog) -> None:
    for ind in builtin.indicators.values():
        assert ind.phrase.count("{n}") == 1 and ind.phrase == ind.phrase.strip(), ind.code
        assert "đvtn" not in ind.phrase and ind.phrase[:1].islower() or ind.phrase.startswith("{n}"), ind.code
        if ind.unit.startswith("lượt"):
            assert "lượt" in ind.phrase, ind.code
