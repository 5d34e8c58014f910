"""Start Loa the way production runs it, on a throwaway SQLite site, for benchmarks.

A benchmark is only worth reading if it measures what users get: gunicorn with DEBUG off and
WhiteNoise serving collected static files, not `runserver`. So this module builds a fresh site in a
scratch directory (migrations, the real administrative units, the demo data, collected static
files), starts gunicorn on a free loopback port, and tears it all down afterwards. It never touches
the developer's own `var/` or the database named by DATABASE_URL.

The steps repeat what tests/browser/conftest.py does for the browser tests; they are copied rather
than imported because bench/ must not depend on the test suite's layout.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The repository root: manage.py lives here and gunicorn must run from here to import `loa`."""

HEALTH_PATH = "/api/v1/health"
START_TIMEOUT = 30.0
"""Seconds to wait for the first healthy answer. Two workers import Django and Wagtail in a few
seconds even on a busy 2-core machine; beyond this something is wrong, and waiting longer only
hides it."""
STOP_TIMEOUT = 10.0


@dataclass(frozen=True)
class Site:
    """The prepared site handed to a `prepare` callable, so it can add data before serving."""

    var_dir: Path
    env: dict[str, str]

    def manage(self, *args: str) -> None:
        """Run `manage.py ARGS` against this site's database (e.g. a data generator command).

        ORM code without a command of its own can go through `manage("shell", "-c", code)`.
        """
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args], env=self.env, cwd=ROOT, check=True
        )


def site_env(var_dir: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for the site's commands and server.

    DATABASE_URL is dropped from the inherited environment so that a developer who has one set
    (say, for the PostgreSQL test pass) does not have the demo loaded into it; a caller passing it
    explicitly is refused for the same reason. The settings module, the var directory and DEBUG are
    fixed because the point is to measure production settings on this scratch site.
    """
    extra = dict(env or {})
    if "DATABASE_URL" in extra:
        raise ValueError("production_server always runs on a throwaway SQLite database; "
                         "DATABASE_URL is not accepted")
    result = {**os.environ, **extra}
    result.pop("DATABASE_URL", None)
    result.update(
        {"DJANGO_SETTINGS_MODULE": "loa.settings", "LOA_VAR_DIR": str(var_dir), "DEBUG": "0"}
    )
    return result


def free_port() -> int:
    """A loopback port that is free right now (gunicorn binds it a moment later)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log written)"


def _wait_healthy(url: str, server: subprocess.Popen, log: Path, timeout: float) -> None:
    """Poll the health endpoint until it answers 200; fail fast if gunicorn has already died."""
    deadline = time.monotonic() + timeout
    last_error = "no answer yet"
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                f"gunicorn exited with status {server.returncode} before answering.\n"
                f"Last lines of {log}:\n{_log_tail(log)}"
            )
        try:
            with urllib.request.urlopen(url + HEALTH_PATH, timeout=1) as response:
                if response.status == 200:
                    return
                last_error = f"HTTP {response.status}"
        except urllib.error.HTTPError as error:
            last_error = f"HTTP {error.code}"
        except OSError as error:
            last_error = str(error)
        time.sleep(0.2)
    raise RuntimeError(
        f"{url}{HEALTH_PATH} did not answer 200 within {timeout:.0f} s ({last_error}).\n"
        f"Last lines of {log}:\n{_log_tail(log)}"
    )


@contextlib.contextmanager
def production_server(
    var_dir: Path,
    workers: int = 2,
    env: dict[str, str] | None = None,
    prepare: Callable[[Site], None] | None = None,
) -> Iterator[str]:
    """Build a demo site in `var_dir`, serve it with gunicorn, and yield its base URL.

    `prepare(site)` runs after the units and demo data are loaded and before the server starts, so
    a benchmark can generate its own data (say, 100k bulletins) with `site.manage(...)`. The server
    binds 127.0.0.1 only and is terminated when the block exits, even on error.
    """
    var_dir = Path(var_dir).resolve()
    var_dir.mkdir(parents=True, exist_ok=True)
    site = Site(var_dir=var_dir, env=site_env(var_dir, env))
    for command in (
        ["migrate", "--noinput"],
        ["load_units"],
        ["load_demo"],
        ["collectstatic", "--noinput"],
    ):
        site.manage(*command, "-v0")
    if prepare is not None:
        prepare(site)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = var_dir / "gunicorn.log"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    # No --access-logfile: writing a line per request would be part of what we measure.
    command = [str(gunicorn), "loa.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    with log.open("w") as log_file:
        server = subprocess.Popen(
            command, env=site.env, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            _wait_healthy(url, server, log, START_TIMEOUT)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
