"""Start-up cost of the command line, and the fixed cost of a one-source ``tick``.

    python benchmarks/startup.py [--rounds N] [--tick-rounds N]

1. Commands: each runs N times (default 5) in a fresh process, interleaved with the
   baseline ``python -c "import click"``; the figure is CPU time (user + system, from the
   children's rusage), and each round's ratio to the baseline run next to it. Prints
   min/median/max of the CPU time and of the ratio. Goals (issue 13), on the median ratio:
   ``--help`` and ``check-config`` at most 3x, ``records`` (an empty database) at most 5x.
2. ``tick``: a one-source re-crawl of an unchanged loopback site (one list page, five
   articles, all stored by a first tick), with nothing to mail: what a cron tick costs
   when nothing changed, which is nearly all fixed cost (processes, imports, settings,
   database). Prints min/median/max of wall and CPU seconds (the tick and its crawl
   process). Goal (issue 13): half of the 4 s measured before, so a median of at most 2 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sites import generic  # noqa: E402
from sites.server import serve  # noqa: E402

BIN = Path(sys.executable).parent / "inspectwatch"
GOALS = {"--help": 3.0, "check-config": 3.0, "records": 5.0}
GOAL_TICK_SECONDS = 2.0
SOURCES = """[[sources]]
name = "bench"
cms = "generic"
language = "zh"
schedule = "1s"
start_urls = ["{url}"]
[sources.selectors]
{selectors}
"""


def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of ``argv`` and its children."""
    before, began = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env,
                          text=True)
    wall, after = time.monotonic() - began, resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def spread(values: list[float], unit: str, scale: float = 1.0, digits: int = 0) -> str:
    low, mid, high = (v * scale for v in (min(values), statistics.median(values), max(values)))
    return f"{low:.{digits}f}/{mid:.{digits}f}/{high:.{digits}f} {unit}"


def commands(rounds: int) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'empty.db'}"
        create = f"from core.db.engine import Database; Database({db!r}).close()"
        subprocess.run([sys.executable, "-c", create], check=True, cwd=ROOT)
        baseline_argv = [sys.executable, "-c", "import click"]
        argvs = {"--help": [str(BIN), "--help"],
                 "check-config": [str(BIN), "--config", str(ROOT / "config"), "check-config"],
                 "records": [str(BIN), "--db", db, "records"]}
        base: list[float] = []
        cpu: dict[str, list[float]] = {name: [] for name in argvs}
        ratios: dict[str, list[float]] = {name: [] for name in argvs}
        for _ in range(rounds):
            for name, argv in argvs.items():
                base.append(run_child(baseline_argv)[1])
                cpu[name].append(run_child(argv)[1])
                ratios[name].append(cpu[name][-1] / base[-1])
    print(f"commands: {rounds} rounds, each interleaved with the baseline; CPU min/median/max")
    label = 'python -c "import click"'
    print(f"  {label:<26} {spread(base, 'ms', 1000)}")
    met = True
    for name in argvs:
        ratio, goal = statistics.median(ratios[name]), GOALS[name]
        met &= ratio <= goal
        print(f"  inspectwatch {name:<13} {spread(cpu[name], 'ms', 1000)}  "
              f"ratio {spread(ratios[name], 'x', digits=1)}  "
              f"(goal: median <= {goal:g}x: {'ok' if ratio <= goal else 'over the goal'})")
    return met


def tick(rounds: int) -> bool:
    small_site = lambda base: generic.build(base, count=5, per_page=5)  # noqa: E731
    with tempfile.TemporaryDirectory() as folder, serve(small_site) as site:
        config = Path(folder) / "config"
        config.mkdir()
        (config / "inspectwatch.toml").write_text("[crawl]\nallow_private_networks = true\ndelay = 0.0\n")
        selectors = "\n".join(f'{key} = "{value}"' for key, value in
                              generic.SELECTORS.model_dump(exclude_none=True).items())
        url = generic.start_url(site.base)
        (config / "sources.toml").write_text(SOURCES.format(url=url, selectors=selectors))
        env = {**os.environ, "INSPECTWATCH_SECRET": "bench-secret"}
        argv = [str(BIN), "--config", str(config), "--db", f"sqlite:///{folder}/tick.db", "tick"]
        run_child(argv, env)  # the first crawl stores the five articles
        walls, cpus = [], []
        for _ in range(rounds):
            time.sleep(1.0)  # the source's "1s" schedule: due again
            wall, cpu = run_child(argv, env)
            walls.append(wall)
            cpus.append(cpu)
    median = statistics.median(walls)
    print(f"tick, one unchanged source: {rounds} rounds; wall {spread(walls, 's', digits=2)}, "
          f"CPU {spread(cpus, 's', digits=2)}  (goal: median wall <= {GOAL_TICK_SECONDS:g} s: "
          f"{'ok' if median <= GOAL_TICK_SECONDS else 'over the goal'})")
    return median <= GOAL_TICK_SECONDS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tick-rounds", type=int, default=5)
    args = parser.parse_args()
    met = commands(args.rounds)
    met &= tick(args.tick_rounds)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
