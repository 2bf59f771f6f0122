"""Start-up: the command line loads a command's modules only when that command runs, and a
database already at the newest migration opens without Alembic. (Speed goals are measured in
benchmarks/startup.py; these tests check what is imported, not how long it takes.)"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from jobs.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent


def imported_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(done.stdout.split())


def test_help_lists_every_command_without_importing_them() -> None:
    run_help = "try:\n    cli(['--help'], prog_name='inspectwatch')\nexcept SystemExit:\n    pass"
    modules = imported_after(f"from jobs.cli import cli\n{run_help}")
    assert not {"scrapy", "sqlalchemy", "alembic", "pydantic", "jobs.commands.crawl"} & modules
    result = CliRunner().invoke(cli, ["--help"])
    rows = result.output.split("Commands:")[1].splitlines()
    listed = [match[1] for line in rows if (match := re.match(r"  (\S+)", line))]
    assert listed == sorted(COMMANDS)


def test_a_database_at_the_newest_migration_opens_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'iw.db'}"
    opening = f"from core.db.engine import Database\nDatabase({url!r}).close()"
    assert "alembic" in imported_after(opening)  # a new database: migrated
    assert "alembic" not in imported_after(opening)  # the same one again: nothing due


def run_cli(*args: str) -> str:
    """Python code that runs ``inspectwatch ARGS`` in this process (its output put aside)."""
    lines = ["import contextlib, io", "from jobs.cli import cli",
             "with contextlib.redirect_stdout(io.StringIO()):", "    try:",
             f"        cli({list(args)!r}, prog_name='inspectwatch')",
             "    except SystemExit:", "        pass"]
    return "\n".join(lines)


def test_check_config_skips_the_scheduler_and_the_database() -> None:
    """The shipped config's schedules are intervals: no cron line to check, so no APScheduler."""
    modules = imported_after(run_cli("--config", str(ROOT / "config"), "check-config"))
    assert "core.config" in modules  # it did validate
    assert not {"apscheduler", "sqlalchemy", "alembic", "rich", "scrapy"} & modules
    assert "email_validator" not in modules  # the shipped addresses are plain: core.addresses checks them
    assert "logging" not in modules  # nothing to log without -v
    assert "logging" in imported_after(run_cli("-v", "--config", str(ROOT / "config"), "check-config"))


def test_records_with_a_database_url_reads_no_config_and_json_needs_no_rich(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'iw.db'}"
    imported_after(f"from core.db.engine import Database\nDatabase({url!r}).close()")
    modules = imported_after(run_cli("--db", url, "records", "--format", "json"))
    assert "core.stored_visits" in modules  # it did read the database
    assert not {"pydantic", "core.config", "apscheduler", "email_validator", "rich", "alembic"} & modules


def test_records_reads_through_core_tables_without_the_orm(tmp_path: Path) -> None:
    """Reading visits needs the tables of core.db.tables, not the ORM classes and their mappers."""
    url = f"sqlite:///{tmp_path / 'iw.db'}"
    imported_after(f"from core.db.engine import Database\nDatabase({url!r}).close()")
    modules = imported_after(run_cli("--db", url, "records"))
    assert {"core.stored_visits", "core.db.tables", "rich"} <= modules  # it read the database, drew the table
    assert not {"sqlalchemy.orm", "core.db.models", "core.store", "scrapy", "alembic"} & modules


def test_starting_a_crawl_loads_no_scrapy_and_the_crawl_process_preloads_no_extraction() -> None:
    assert not {"scrapy", "twisted"} & imported_after("import crawler.runner")
    preloaded = imported_after("import crawler.preload")
    assert {"scrapy.crawler", "crawler.pipelines", "crawler.spider"} <= preloaded
    # visit extraction (pypinyin's tables) comes with the first new article; aiohttp came only
    # with Scrapy's remote-control extension, which is off
    assert not {"crawler.visits", "pypinyin", "aiohttp"} & preloaded


CRAWL_SCRIPT = """
import sys
from pathlib import Path

sys.path.insert(0, {tests!r})
with Path({mark!r}).open("a") as mark:
    mark.write(__name__ + "\\n")

if __name__ == "__main__":
    from sites import generic
    from sites.server import serve

    from jobs.cli import main

    with serve(lambda base: generic.build(base, count=2, per_page=2)) as site:
        config = Path({config!r})
        fields = generic.SELECTORS.model_dump(exclude_none=True).items()
        selectors = "\\n".join(f'{{k}} = "{{v}}"' for k, v in fields)
        url = generic.start_url(site.base)
        source = f'[[sources]]\\nname = "s"\\ncms = "generic"\\nstart_urls = ["{{url}}"]\\n'
        (config / "sources.toml").write_text(f"{{source}}[sources.selectors]\\n{{selectors}}\\n")
        sys.argv = ["inspectwatch", "--config", str(config), "--db", {db!r}, "crawl"]
        main()
"""


def test_the_crawl_process_does_not_run_the_main_script_again(tmp_path: Path) -> None:
    """multiprocessing runs the parent's main module again in each child unless told otherwise: for
    the console script, the whole command line."""
    config, mark = tmp_path / "config", tmp_path / "ran-as.txt"
    config.mkdir()
    (config / "inspectwatch.toml").write_text("[crawl]\nallow_private_networks = true\ndelay = 0.0\n")
    script = tmp_path / "crawl_script.py"
    script.write_text(CRAWL_SCRIPT.format(tests=str(ROOT / "tests"), mark=str(mark), config=str(config),
                                          db=f"sqlite:///{tmp_path / 'iw.db'}"))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^\s+s\s+ok\s+1\s+2\s+2\s", done.stdout, re.MULTILINE), done.stdout  # both articles new
    assert mark.read_text().split() == ["__main__"]  # the crawl process never ran it as __mp_main__


def test_the_crawl_server_starts_ahead_of_the_crawl_with_the_collector_on() -> None:
    """A tick starts the forkserver as soon as it knows a crawl is due; the forkserver imports with
    the garbage collector paused and hands its crawl processes a running one, the preloaded
    objects frozen."""
    import multiprocessing.forkserver

    from core.config import Config, Settings
    from crawler.runner import _context, start_crawl_server

    def server_pid() -> int | None:
        return getattr(getattr(multiprocessing.forkserver, "_forkserver", None), "_forkserver_pid", None)

    scrapyd = Settings.model_validate({"crawl": {"backend": "scrapyd", "scrapyd_urls": ["http://127.0.0.1:9"]}})
    if server_pid() is None:  # not started by an earlier test in this process
        start_crawl_server(Config(ROOT / "config", scrapyd, [], {}, []))
        assert server_pid() is None  # crawls on Scrapyd nodes need no local server
    start_crawl_server(Config(ROOT / "config", Settings(), [], {}, []))
    assert server_pid() is not None
    check = "import gc, sys; sys.exit(0 if gc.isenabled() and gc.get_freeze_count() > 10000 else 3)"
    process = _context().Process(target=exec, args=(check,))
    process.start()
    process.join(120)
    assert process.exitcode == 0


def collector_after(*args: str) -> bool:
    """Whether Python's cycle collector is on once the console script's ``main`` ran ``ARGS``."""
    probe = ("import gc, sys\nfrom jobs.cli import main\n"
             f"sys.argv = ['inspectwatch', *{list(args)!r}]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\nprint(gc.isenabled())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return done.stdout.split()[-1] == "True"


def test_quick_commands_run_without_the_cycle_collector_and_the_others_with_it() -> None:
    assert not collector_after("--config", str(ROOT / "config"), "check-config")
    assert not collector_after("records", "--help")
    assert not collector_after("status", "--help")
    for command in ("run", "serve", "digest", "tick", "crawl"):
        assert collector_after(command, "--help"), command
