"""Start-up cost of the command line, as CPU time relative to ``python -c "import click"``.

    python benchmarks/startup.py [--rounds N]

Runs each command N times (default 5) in a fresh process and keeps the least CPU
time (user + system, from the children's rusage), so a busy machine disturbs the
figure little. Goals (issue 13): ``--help`` and ``check-config`` at most 3x the
baseline, ``records`` (an empty database) at most 5x.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent / "inspectwatch"
GOALS = {"--help": 3.0, "check-config": 3.0, "records": 5.0}


def cpu_seconds(argv: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'empty.db'}"
        create = f"from core.db.engine import Database; Database({db!r}).close()"
        subprocess.run([sys.executable, "-c", create], check=True, cwd=ROOT)
        baseline = cpu_seconds([sys.executable, "-c", "import click"], args.rounds)
        commands = {"--help": [str(BIN), "--help"],
                    "check-config": [str(BIN), "--config", str(ROOT / "config"), "check-config"],
                    "records": [str(BIN), "--db", db, "records"]}
        label = 'python -c "import click"'
        print(f"{label:<26} {baseline * 1000:7.0f} ms CPU  (baseline)")
        met = True
        for name, argv in commands.items():
            seconds = cpu_seconds(argv, args.rounds)
            ratio, goal = seconds / baseline, GOALS[name]
            met &= ratio <= goal
            verdict = "ok" if ratio <= goal else "over the goal"
            print(f"inspectwatch {name:<13} {seconds * 1000:7.0f} ms CPU  {ratio:5.1f}x  (goal <= {goal:g}x: "
                  f"{verdict})")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
