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
   database). Prints min/median/max of wall and CPU seconds (the tick and every process
   under it: this process adopts the orphaned forkserver to count it). Goal (issue 13):
   half of the 4 s measured before, so a median of at most 2 s. With ``--before DIR`` (a
   checkout of an older commit) each round also runs that code's tick, the same way,
   alternating, and prints the ratio.

Before measuring, the project's packages (and those of ``--before DIR``) are byte-compiled,
as an installed package is: under ``PYTHONDONTWRITEBYTECODE`` an editable checkout would
otherwise compile every module it imports from source on every run, which no installation does
and which the baseline (click, compiled at install) does not pay either.
"""

from __future__ import annotations

import argparse
import ctypes
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


PR_SET_CHILD_SUBREAPER = 36


def adopt_orphans() -> None:
    """Become the parent of descendants whose parent exits (Linux), so that waiting for them
    adds their CPU time to this process's children's rusage."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of ``argv`` and every process under it."""
    before, began = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env,
                          text=True)
    wall = time.monotonic() - began
    reap()  # a forkserver outlives the command by a moment
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
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


def tick(rounds: int, before: Path | None) -> bool:
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
        sides = {"this code": env}
        if before is not None:
            sides["before"] = {**env, "PYTHONPATH": str(before.resolve())}
        walls: dict[str, list[float]] = {side: [] for side in sides}
        cpus: dict[str, list[float]] = {side: [] for side in sides}
        argvs = {side: [str(BIN), "--config", str(config), "--db", f"sqlite:///{folder}/tick-{i}.db", "tick"]
                 for i, side in enumerate(sides)}
        for side, argv in argvs.items():
            run_child(argv, sides[side])  # the first crawl stores the five articles
        for _ in range(rounds):
            for side, argv in argvs.items():
                time.sleep(1.0)  # the source's "1s" schedule: due again
                wall, cpu = run_child(argv, sides[side])
                walls[side].append(wall)
                cpus[side].append(cpu)
    alternating = ", alternating with the older code" if before else ""
    print(f"tick, one unchanged source: {rounds} rounds{alternating}")
    for side in sides:
        shown = spread(walls[side], "s", digits=2), spread(cpus[side], "s", digits=2)
        print(f"  {side:<10} wall {shown[0]}, CPU {shown[1]}")
    if before is not None:
        ratios = [new / old for new, old in zip(walls["this code"], walls["before"], strict=True)]
        print(f"  wall ratio this code / before: {spread(ratios, '', digits=2)}")
    median = statistics.median(walls["this code"])
    verdict = "ok" if median <= GOAL_TICK_SECONDS else "over the goal"
    print(f"  goal: median wall of this code <= {GOAL_TICK_SECONDS:g} s: {verdict}")
    return median <= GOAL_TICK_SECONDS


PACKAGES = ("core", "crawler", "jobs", "notifier")


def byte_compile(root: Path) -> None:
    """Write the ``__pycache__`` files of the project's packages under ``root``."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", *PACKAGES], cwd=root, check=True,
                   stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tick-rounds", type=int, default=5)
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="a checkout of an older commit, to run its tick alternately with this one's")
    args = parser.parse_args()
    adopt_orphans()
    for root in [ROOT] + ([args.before] if args.before else []):
        byte_compile(root)
    met = commands(args.rounds)
    if args.tick_rounds > 0:
        met &= tick(args.tick_rounds, args.before)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
