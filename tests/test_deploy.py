"""The deploy files agree with each other and with what a container needs.

No Docker engine runs in the test setup, so these read the files: the image's user is a
numeric UID that Kubernetes can check against ``runAsNonRoot``, the CronJob names that UID,
and the Compose file points the daemon at its database by service name, never at loopback.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parents[1] / "config" / "deploy"


def _image_uid() -> int:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
    assert users, "the Dockerfile sets no USER"
    uid, _, gid = users[-1].partition(":")
    assert uid.isdigit(), f"USER {users[-1]}: Kubernetes' runAsNonRoot needs a numeric UID"
    created = re.search(r"useradd\b[^\n]*--uid\s+(\d+)", dockerfile)
    assert created and created.group(1) == uid, "USER is not the UID the image creates"
    assert not gid or gid.isdigit()
    return int(uid)


def test_image_runs_as_a_numeric_non_root_uid() -> None:
    assert _image_uid() > 0


def test_cronjob_runs_as_the_image_uid() -> None:
    job = yaml.safe_load((DEPLOY / "k8s-cronjob.yaml").read_text())
    security = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["securityContext"]
    assert security["runAsNonRoot"] is True
    assert security["runAsUser"] == _image_uid()


def test_compose_reaches_postgres_by_service_name() -> None:
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    services = compose["services"]
    daemon = services["inspectwatch"]
    url = daemon["environment"]["INSPECTWATCH_DB"]
    host = re.search(r"@([^:/]+)", url)
    assert host and host.group(1) in services, f"{url}: the database host is not a service"
    assert daemon["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert (DEPLOY / daemon["build"]["context"] / daemon["build"]["dockerfile"]).exists()
    assert daemon["environment"]["INSPECTWATCH_HTTP_HOST"] == "0.0.0.0"
    assert (DEPLOY / "env.example").exists()


def test_container_examples_never_point_at_loopback() -> None:
    for name in ("Dockerfile", "docker-compose.yml", "env.example", "k8s-cronjob.yaml"):
        text = (DEPLOY / name).read_text()
        for url in re.findall(r"postgresql\+psycopg://\S+", text):
            assert "127.0.0.1" not in url and "localhost" not in url, f"{name}: {url}"
