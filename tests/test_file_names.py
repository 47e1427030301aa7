"""validate warns when a file's name names a period its `period:` does not touch."""

from __future__ import annotations

import json

import pytest

BODY = "unit: cd-vp-tinh-uy\nperiod: {period}\nvalues: {{tuyen_truyen: {{cuoc: 1}}}}\n"


def warnings(run, ws) -> list[tuple[str, int, str]]:
    result = run("validate", "--workspace", ws, "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.stdout
    return [(d["file"], d["line"], d["message"]) for d in json.loads(result.stdout) if d["code"] == "period-name-mismatch"]


def test_a_name_saying_another_year_is_a_warning_at_the_period(make_ws, run):
    ws = make_ws({"data/vp-2024q2.yaml": BODY.format(period="2023Q2")})
    assert warnings(run, ws) == [(
        "data/vp-2024q2.yaml", 2,
        "Tên tệp «vp-2024q2.yaml» ghi quý II/2024, nhưng trong tệp period là quý II/2023. Kiểm tra lại kỳ báo cáo "
        "(có thể tệp được chép từ kỳ khác mà chưa sửa period), hoặc đổi tên tệp.",
    )]


@pytest.mark.parametrize(("name", "period"), [
    ("vp-2012q1.yaml", "2012Q1"),
    ("vp-2012.yaml", "2012Q3"),
    ("vp-2012-03.yaml", "2012M03"),
    ("vp-2013m01-05-tong-hop.yaml", "2013M01..2013M05"),
    ("vp_2024-H1.yaml", "2024Q2"),
    ("vp-bao-cao.yaml", "2012Q1"),
    ("vp-12345.yaml", "2012Q1"),
])
def test_names_that_fit_their_period_or_name_none_are_quiet(make_ws, run, name, period):
    ws = make_ws({f"data/{name}": BODY.format(period=period)})
    assert warnings(run, ws) == []


def test_another_quarter_of_the_same_year_is_a_warning_too(make_ws, run):
    ws = make_ws({"data/vp-2012q3.yaml": BODY.format(period="2012Q1")})
    assert [w[1] for w in warnings(run, ws)] == [2]


def test_any_period_named_in_the_name_may_be_the_one(make_ws, run):
    ws = make_ws({"data/cd-k2019-2024q1.yaml": BODY.format(period="2024Q1")})
    assert warnings(run, ws) == []
