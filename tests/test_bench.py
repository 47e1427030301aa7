"""The benchmark still runs: a tiny province, every command, totals checked.

Times are printed, never asserted (they are measured by `bench/province.py`
itself, as whole processes); this only keeps the script working as the code
moves.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "province.py"


def test_a_tiny_province_runs_and_its_totals_check_out():
    proc = subprocess.run([sys.executable, str(BENCH), "--huyen", "1", "--co-so", "2", "--chi-doan", "2",
                           "--quarters", "2", "--json"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)
