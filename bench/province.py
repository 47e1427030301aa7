"""Benchmark: a province-sized workspace, timed and measured.

Generates a synthetic Tỉnh Đoàn (default: 10 huyện đoàn × 10 đoàn cơ sở × 10
chi đoàn, each chi đoàn with 16 quarterly files = 16,000 files), then times,
each in a fresh process, cold (no cache) and warm (cache filled):

  validate, aggregate over the whole term, render --appendix all to .docx

and, in the same run, the plain single-process `yaml.load(..., CSafeLoader)`
of the same files, printing each command's time as a ratio to that parse,
and the peak memory of each command (its own process and any workers).

    python bench/province.py                 # default size
    python bench/province.py --huyen 3 --quarters 4   # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GROUPS = {
    "to_chuc": ["doan_vien", "dang_vien_sinh_hoat_doan", "ket_nap_doan_vien"],
    "sinh_hoat": ["buoi", "luot_tham_gia", "ty_le_tham_gia"],
    "tuyen_truyen": ["cuoc", "luot_tham_gia", "toa_dam_cuoc", "toa_dam_luot"],
    "van_nghe_tdtt": ["hoat_dong", "luot_tham_gia"],
    "tinh_nguyen": ["hoat_dong", "qua_tang", "qua_gia_tri"],
    "hien_mau": ["luot_tham_gia", "don_vi"],
    "cong_viec": ["cong_trinh", "phan_viec", "sang_kien"],
}
FIRST_YEAR = 2009


def generate(root: Path, huyen: int, co_so: int, chi_doan: int, quarters: int, indicators: int, seed: int) -> int:
    rnd = random.Random(seed)
    (root / "data").mkdir(parents=True)
    (root / "doanreport.yaml").write_text(
        "root: td\ndeadline_day: 20\ndocument:\n  issuer: BCH TỈNH ĐOÀN\n  symbol: TĐTN\n  place: Cần Thơ\n"
        "  signer: {on_behalf: TM. BAN THƯỜNG VỤ, title: BÍ THƯ, name: Nguyễn Văn A}\n"
        "  recipients: [Trung ương Đoàn, Lưu VP]\n", encoding="utf-8")
    lines = ["code: td", "name: Tỉnh Đoàn", "kind: tinh_doan", "children:"]
    leaves = []
    for h in range(huyen):
        lines += [f"  - code: h{h}", f"    name: Huyện Đoàn số {h + 1}", "    kind: huyen_doan", "    children:"]
        for c in range(co_so):
            lines += [f"      - code: h{h}-c{c}", f"        name: Đoàn cơ sở {h + 1}.{c + 1}",
                      "        kind: doan_co_so", "        children:"]
            for d in range(chi_doan):
                code = f"h{h}-c{c}-d{d}"
                lines.append(f"          - {{code: {code}, name: Chi đoàn {h + 1}.{c + 1}.{d + 1}, kind: chi_doan}}")
                leaves.append(code)
    (root / "units.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    codes = [f"{g}.{n}" for g, names in GROUPS.items() for n in names][:indicators]
    count = 0
    for code in leaves:
        folder = root / "data" / code.rsplit("-", 1)[0]
        folder.mkdir(parents=True, exist_ok=True)
        for q in range(quarters):
            year, quarter = FIRST_YEAR + q // 4, q % 4 + 1
            values: dict[str, dict[str, int]] = {}
            for full in codes:
                g, n = full.split(".")
                value = rnd.randint(0, 100) if n.startswith("ty_le") else rnd.randint(0, 60)
                if n == "doan_vien":
                    value = rnd.randint(10, 60)
                if n == "dang_vien_sinh_hoat_doan":
                    value = rnd.randint(0, 9)
                values.setdefault(g, {})[n] = value
            body = "\n".join(f"  {g}: {{{', '.join(f'{n}: {v}' for n, v in items.items())}}}" for g, items in values.items())
            month = quarter * 3 + 1
            submitted = f"{year + (month > 12)}-{(month - 1) % 12 + 1:02d}-{rnd.randint(1, 28):02d}"
            (folder / f"{code}-{year}q{quarter}.yaml").write_text(
                f"unit: {code}\nperiod: {year}Q{quarter}\nsubmitted: {submitted}\nprepared_by: Trần Văn B\n"
                f"values:\n{body}\n", encoding="utf-8")
            count += 1
    return count


def plain_parse(root: Path) -> tuple[float, list]:
    """The baseline: libyaml's C loader over every file, in one process."""
    import yaml

    files = sorted(p for p in (root / "data").rglob("*.yaml"))
    start = time.perf_counter()
    docs = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            docs.append(yaml.load(handle.read(), Loader=yaml.CSafeLoader))
    return time.perf_counter() - start, docs


def expected_totals(docs: list) -> dict[str, int]:
    """Sums and stocks worked out independently of doanreport, from the parsed files."""
    from doanreport.load.catalog_file import build_catalog, builtin_document

    catalog, _ = build_catalog([builtin_document()])
    sums: dict[str, int] = {}
    latest: dict[tuple[str, str], tuple[str, int]] = {}
    for doc in docs:
        for group, items in doc["values"].items():
            for name, value in items.items():
                code = f"{group}.{name}"
                rule = catalog[code].aggregate
                if rule == "sum":
                    sums[code] = sums.get(code, 0) + value
                elif rule == "last":
                    key = (doc["unit"], code)
                    if key not in latest or doc["period"] > latest[key][0]:
                        latest[key] = (doc["period"], value)
    for (_, code), (_, value) in latest.items():
        sums[code] = sums.get(code, 0) + value
    return sums


RUNNER = """
import resource, sys, time
from doanreport.cli import app
start = time.perf_counter()
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
elapsed = time.perf_counter() - start
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("BENCH", elapsed, me, kids, file=sys.stderr)
"""


def run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak MiB (largest of the process and its workers) of one command."""
    proc = subprocess.run([sys.executable, "-c", RUNNER, *args], capture_output=True, text=True)
    line = next((l for l in proc.stderr.splitlines() if l.startswith("BENCH")), None)
    if line is None:
        raise SystemExit(f"command failed: {' '.join(args)}\n{proc.stderr[-2000:]}")
    _, elapsed, me, kids = line.split()
    return float(elapsed), max(int(me), int(kids)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--huyen", type=int, default=10)
    parser.add_argument("--co-so", type=int, default=10)
    parser.add_argument("--chi-doan", type=int, default=10)
    parser.add_argument("--quarters", type=int, default=16)
    parser.add_argument("--indicators", type=int, default=20, help="indicators per file (at most 20)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="generate here and keep the workspace")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    opts = parser.parse_args()

    root = opts.keep or Path(tempfile.mkdtemp(prefix="doanreport-bench-"))
    if root.exists() and any(root.iterdir()):
        shutil.rmtree(root)
    files = generate(root, opts.huyen, opts.co_so, opts.chi_doan, opts.quarters, opts.indicators, opts.seed)
    last = FIRST_YEAR + (opts.quarters - 1) // 4
    term = f"{FIRST_YEAR}Q1..{last}Q{(opts.quarters - 1) % 4 + 1}"
    ws = ["--workspace", str(root)]
    out = root / "bao-cao.docx"
    commands = {
        "validate": ["validate", *ws],
        "aggregate": ["aggregate", *ws, "--period", term, "--format", "json", "-o", str(root / "agg.json")],
        "render": ["render", *ws, "--template", "quy", "--period", term, "--appendix", "all", "-o", str(out)],
    }
    baseline, docs = plain_parse(root)
    expected = expected_totals(docs)
    del docs
    results = {"files": files, "term": term, "cpus": os.cpu_count(), "yaml_plain_seconds": baseline, "commands": {}}
    for name, args in commands.items():
        shutil.rmtree(root / ".doanreport", ignore_errors=True)
        no_cache, mem1 = run([*args, "--no-cache"])
        cold, mem2 = run(args)  # fills the cache
        warm, mem3 = run(args)
        results["commands"][name] = {
            "no_cache": no_cache, "cold": cold, "warm": warm, "peak_mib": max(mem1, mem2, mem3),
            "ratio_no_cache": no_cache / baseline, "ratio_warm": warm / baseline,
        }
    got = json.loads((root / "agg.json").read_text(encoding="utf-8"))["values"]
    wrong = {c: (got.get(c), v) for c, v in expected.items() if got.get(c) != v}
    results["totals_exact"] = not wrong
    if opts.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{files} files, term {term}, {os.cpu_count()} CPUs")
        print(f"plain yaml.load(CSafeLoader), one process: {baseline:.2f} s  (= 1.00)")
        print("totals: " + ("exact (every sum and stock equals an independent count)" if not wrong else f"WRONG {wrong}"))
        print(f"{'command':<10} {'--no-cache':>12} {'cold':>12} {'warm':>12} {'peak MiB':>9}")
        for name, r in results["commands"].items():
            print(f"{name:<10} {r['no_cache']:6.2f}s {r['ratio_no_cache']:4.2f}  {r['cold']:6.2f}s      "
                  f"{r['warm']:6.2f}s {r['ratio_warm']:4.2f}  {r['peak_mib']:8.0f}")
    if not opts.keep:
        shutil.rmtree(root, ignore_errors=True)
    if wrong:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
