"""A small client for Scrapyd's JSON API, over the standard library's urllib.

One :class:`Node` per Scrapyd server: ``daemonstatus.json`` (is it up, how busy),
``listversions.json`` and ``addversion.json`` (deploying the project egg),
``schedule.json``, ``listjobs.json`` and ``cancel.json``. A node that cannot be reached,
answers with an HTTP error or answers ``"status": "error"`` raises :class:`NodeError`,
whose message names the node and what went wrong.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

TIMEOUT = 10.0  # seconds for one call; an egg upload gets four times as long


class NodeError(Exception):
    """A Scrapyd node is down or refused a call; the message names the node and the reason."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"Scrapyd node {url}: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class NodeStatus:
    """What ``daemonstatus.json`` says: jobs waiting, running and finished on the node."""

    pending: int
    running: int
    finished: int


@dataclass(frozen=True)
class Jobs:
    """Job ids by state, as ``listjobs.json`` lists them; ``log_urls`` for the finished ones."""

    pending: set[str]
    running: set[str]
    finished: set[str]
    log_urls: dict[str, str]


def _multipart(fields: dict[str, str], name: str, filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
             for key, value in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Node:
    """One Scrapyd server, by its base URL (``http://host:6800``)."""

    def __init__(self, url: str, timeout: float = TIMEOUT, auth: tuple[str, str] | None = None) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.authorization = None
        if auth is not None:
            self.authorization = "Basic " + base64.b64encode(":".join(auth).encode("utf-8")).decode("ascii")

    def __repr__(self) -> str:
        return f"Node({self.url!r})"

    def call(self, endpoint: str, *, query: dict[str, str] | None = None, body: bytes | None = None,
             content_type: str | None = None, timeout: float | None = None) -> dict[str, Any]:
        """GET (or POST ``body``) ``endpoint``; its JSON answer, or NodeError."""
        url = f"{self.url}/{endpoint}" + (f"?{urlencode(query)}" if query else "")
        request = Request(url, data=body, method="POST" if body is not None else "GET")
        if content_type:
            request.add_header("Content-Type", content_type)
        if self.authorization:
            request.add_header("Authorization", self.authorization)
        try:
            with urlopen(request, timeout=timeout or self.timeout) as response:  # noqa: S310 (http(s) only)
                answer = json.loads(response.read().decode("utf-8"))
        except HTTPError as exc:
            hint = " (check crawl.scrapyd_username and its password)" if exc.code == 401 else ""
            raise NodeError(self.url, f"{endpoint} answered HTTP {exc.code}{hint}") from None
        except (URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise NodeError(self.url, f"cannot be reached: {reason}") from None
        except ValueError:
            raise NodeError(self.url, f"{endpoint} did not answer JSON") from None
        if not isinstance(answer, dict) or answer.get("status") != "ok":
            message = answer.get("message") if isinstance(answer, dict) else answer
            raise NodeError(self.url, f"{endpoint} failed: {message}")
        return answer

    def post(self, endpoint: str, fields: dict[str, str]) -> dict[str, Any]:
        body = urlencode(fields).encode("ascii")
        return self.call(endpoint, body=body, content_type="application/x-www-form-urlencoded")

    def status(self) -> NodeStatus:
        answer = self.call("daemonstatus.json")
        return NodeStatus(int(answer.get("pending", 0)), int(answer.get("running", 0)),
                          int(answer.get("finished", 0)))

    def versions(self, project: str) -> list[str]:
        answer = self.call("listversions.json", query={"project": project})
        return [str(v) for v in answer.get("versions", [])]

    def add_version(self, project: str, version: str, egg: bytes) -> int:
        """Upload the project egg; the number of spiders the node found in it."""
        body, content_type = _multipart({"project": project, "version": version}, "egg",
                                        f"{project}-{version}.egg", egg)
        answer = self.call("addversion.json", body=body, content_type=content_type, timeout=self.timeout * 4)
        return int(answer.get("spiders", 0))

    def schedule(self, project: str, spider: str, version: str, *, job: str, settings: dict[str, str],
                 args: dict[str, str]) -> str:
        """Queue job ``job`` (its id); the id the node confirms."""
        fields = {"project": project, "spider": spider, "_version": version, "jobid": job, **args}
        body = urlencode([*fields.items(), *(("setting", f"{k}={v}") for k, v in settings.items())])
        answer = self.call("schedule.json", body=body.encode("ascii"),
                           content_type="application/x-www-form-urlencoded")
        return str(answer["jobid"])

    def jobs(self, project: str) -> Jobs:
        """``project``'s jobs (asked for every project's: a node that lost the project answers too)."""
        answer = self.call("listjobs.json")

        def mine(state: str) -> list[dict[str, Any]]:
            return [job for job in answer.get(state, []) if job.get("project") == project]

        def ids(state: str) -> set[str]:
            return {str(job["id"]) for job in mine(state)}

        logs = {str(job["id"]): str(job.get("log_url") or "") for job in mine("finished")}
        return Jobs(ids("pending"), ids("running"), ids("finished"), logs)

    def cancel(self, project: str, job: str) -> None:
        self.post("cancel.json", {"project": project, "job": job})
