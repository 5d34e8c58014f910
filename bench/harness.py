"""The shared driver of Loa's benchmarks: serve, measure interleaved with a baseline, report ratios.

These machines are shared and noisy, so an absolute requests-per-second figure says little on its
own. Every benchmark therefore measures the trivial endpoint `/api/v1/ping` in the same run,
alternating with the endpoints under test (ping, A, ping, B, ..., ping) so that a burst of noise
hits both sides of a comparison, and reports each endpoint as a ratio against ping.

A benchmark script is a list of `Endpoint`s plus, optionally, a `prepare(site)` callable that adds
data before the server starts; `main()` does the rest. See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

from load import Result, Variant, measure
from server import ROOT, Site, production_server

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
CLIENT_BUSY_SHARE = 0.8
"""Client CPU share (of one core) above which one Python process may be what limits throughput."""
FEW_SAMPLES = 200
"""Below this many answers a p99 is the second-slowest request or so: worth flagging."""


Headers = tuple[tuple[str, str], ...]  # e.g. (("Authorization", "Bearer …"),)


@dataclass(frozen=True)
class Endpoint:
    """One thing to measure: a short name for --only and the table, and a GET path.

    `variants`, for an endpoint whose answer depends on who asks, makes the requests once the site
    is prepared: given the site's folder it returns (path, headers) pairs, and the load takes them
    in turn, one per request (say one citizen's token each). `path` then names them in the table.
    """

    name: str
    path: str
    note: str = ""
    headers: Headers = ()
    variants: Callable[[Path], Sequence[tuple[str, Headers]]] | None = None

    def requests(self, var_dir: Path) -> list[Variant]:
        """The (path, headers) pairs to send, in turn."""
        if self.variants is None:
            return [(self.path, dict(self.headers))]
        return [(path, dict(headers)) for path, headers in self.variants(var_dir)]


BASELINE = Endpoint("ping", "/api/v1/ping", "trivial endpoint, the baseline")


@dataclass
class Row:
    """An endpoint's measurements in this run (the baseline has several, the others one)."""

    endpoint: Endpoint
    results: list[Result]
    body_bytes: int

    @property
    def rps(self) -> float:
        return statistics.fmean(result.rps for result in self.results)

    @property
    def p50_ms(self) -> float:
        return statistics.fmean(result.p50_ms for result in self.results)

    @property
    def p99_ms(self) -> float:
        return statistics.fmean(result.p99_ms for result in self.results)

    @property
    def errors(self) -> int:
        return sum(result.errors for result in self.results)


def parse_args(
    endpoints: Sequence[Endpoint], argv: Sequence[str] | None = None
) -> argparse.Namespace:
    """The options every benchmark script takes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0,
                        help="measured seconds per endpoint and pass (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0,
                        help="unmeasured seconds before each measurement (default 2)")
    parser.add_argument("--concurrency", type=int, default=8,
                        help="concurrent closed-loop clients (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--client-processes", type=int, default=1,
                        help="spread the clients over this many processes (default 1; see README)")
    parser.add_argument("--only", action="append", metavar="NAME",
                        choices=[endpoint.name for endpoint in endpoints],
                        help="measure only this endpoint (and the baseline); repeatable")
    return parser.parse_args(argv)


def check_endpoint(url: str, headers: dict[str, str] | None = None) -> int:
    """GET `url` once; return the body size, or fail now rather than after a minute of errors."""
    try:
        request = urllib.request.Request(url, headers=headers or {})
        with urllib.request.urlopen(request, timeout=30) as response:
            return len(response.read())
    except OSError as error:
        raise SystemExit(f"{url} does not answer 2xx before the benchmark: {error}") from error


def interleave(endpoints: Sequence[Endpoint]) -> list[Endpoint]:
    """ping, A, ping, B, ..., ping: every endpoint sits between two baseline measurements."""
    order = [BASELINE]
    for endpoint in endpoints:
        if endpoint != BASELINE:
            order += [endpoint, BASELINE]
    return order


def _ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}×" if baseline else "n/a"


def _cell(number: float) -> str:
    return f"{number:,.0f}" if number >= 100 else f"{number:.1f}"


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KiB" if n >= 10_240 else f"{n:,} B"


def render_table(rows: Sequence[Row]) -> str:
    """The Markdown table: absolute figures, then ratios against the baseline of the same run."""
    base = rows[0]
    lines = [
        "| Endpoint | Path | Body | rps | p50 ms | p99 ms | rps vs ping | p99 vs ping | Errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        name = row.endpoint.name
        if row is base and len(row.results) > 1:
            name += f" (baseline, mean of {len(row.results)})"
        lines.append(
            f"| {name} | `{row.endpoint.path}` | {_size(row.body_bytes)} | {_cell(row.rps)} "
            f"| {row.p50_ms:.1f} | {row.p99_ms:.1f} | {_ratio(row.rps, base.rps)} "
            f"| {_ratio(row.p99_ms, base.p99_ms)} | {row.errors} |"
        )
    return "\n".join(lines)


def render_notes(rows: Sequence[Row], args: argparse.Namespace) -> str:
    """What the reader needs to trust (or distrust) the table: noise, client load, errors."""
    base = rows[0]
    notes = []
    rates = [result.rps for result in base.results]
    if len(rates) > 1:
        spread = (max(rates) - min(rates)) / statistics.fmean(rates) * 100
        notes.append(
            f"- Baseline noise: ping measured {len(rates)} times, "
            f"{min(rates):,.0f}–{max(rates):,.0f} rps ({spread:.0f}% spread). "
            "Ratios closer to each other than this spread are not a difference."
        )
    busiest = max((result for row in rows for result in row.results),
                  key=lambda result: result.client_cpu_share)
    per_process = busiest.client_cpu_share / args.client_processes
    verdict = (
        "the client may be what limits throughput; try --client-processes 2"
        if per_process > CLIENT_BUSY_SHARE
        else "the client did not cap throughput"
    )
    notes.append(
        f"- Client: {args.client_processes} process{'es' if args.client_processes > 1 else ''}, "
        f"{args.concurrency} threads in all. "
        f"At its busiest ({busiest.rps:,.0f} rps) it used {busiest.client_cpu_share:.2f} of a core "
        f"(about {busiest.client_ceiling_rps:,.0f} rps per core of client CPU): {verdict}. "
        f"That CPU is taken from the server on this {os.cpu_count()}-core machine."
    )
    for row in rows:
        kinds: dict[str, int] = {}
        for result in row.results:
            for kind, count in result.error_kinds.items():
                kinds[kind] = kinds.get(kind, 0) + count
        if kinds:
            detail = ", ".join(f"{kind}: {count}" for kind, count in sorted(kinds.items()))
            notes.append(
                f"- **Errors on {row.endpoint.name}**: {detail}. Its figures are not valid."
            )
        answered = min(result.requests - result.errors for result in row.results)
        if answered < FEW_SAMPLES:
            notes.append(f"- {row.endpoint.name}: p99 rests on only {answered} requests; "
                         "a longer --duration makes it firmer.")
        if any(result.capped for result in row.results):
            notes.append(f"- {row.endpoint.name} hit max_requests before the time was up.")
    return "\n".join(notes)


def _git_revision() -> str:
    try:
        revision = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return revision + (" with uncommitted changes" if dirty else "")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def machine_info(args: argparse.Namespace, load_before: tuple[float, ...]) -> str:
    """Enough context to tell whether two result files are comparable at all."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load_after = os.getloadavg()
    return "\n".join([
        f"- Date: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- Machine: {cpus} usable CPUs (nproc), {platform.machine()}, {platform.platform()}",
        (f"- Python {platform.python_version()}; Django {_version('django')}, "
         f"Wagtail {_version('wagtail')}, gunicorn {_version('gunicorn')}"),
        f"- Revision: {_git_revision()}",
        f"- Server: gunicorn, {args.workers} sync workers, DEBUG off, SQLite, on 127.0.0.1",
        (f"- Load: {args.concurrency} closed-loop clients, {args.warmup:g} s warm-up + "
         f"{args.duration:g} s measured per pass"),
        f"- Load average (1 min) before / after: {load_before[0]:.2f} / {load_after[0]:.2f}",
    ])


def run(
    endpoints: Sequence[Endpoint],
    args: argparse.Namespace,
    prepare: Callable[[Site], None] | None = None,
    title: str = "Loa benchmark",
    results_file: str = "latest.md",
) -> int:
    """Serve a fresh site, measure `endpoints` interleaved with ping, print and save the table.

    Returns the exit status: 1 when any request failed, because figures that include failures
    are not a benchmark of the endpoint.
    """
    chosen = [e for e in endpoints if not args.only or e.name in args.only]
    order = interleave(chosen)
    load_before = os.getloadavg()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="loa-bench-") as var_dir:
        print(f"Preparing a throwaway site in {var_dir} …", file=sys.stderr, flush=True)
        with production_server(Path(var_dir), workers=args.workers, prepare=prepare) as url:
            rows: dict[Endpoint, Row] = {}
            requests: dict[Endpoint, list[Variant]] = {}
            for endpoint in [BASELINE, *chosen]:
                requests[endpoint] = endpoint.requests(Path(var_dir))
                path, headers = requests[endpoint][0]
                rows.setdefault(endpoint, Row(endpoint, [], check_endpoint(url + path, headers)))
            for step, endpoint in enumerate(order, 1):
                result = measure(url, concurrency=args.concurrency, duration=args.duration,
                                 warmup=args.warmup, processes=args.client_processes,
                                 variants=requests[endpoint])
                rows[endpoint].results.append(result)
                print(f"[{step}/{len(order)}] {endpoint.name:<18} {result.rps:8,.0f} rps  "
                      f"p50 {result.p50_ms:6.1f} ms  p99 {result.p99_ms:6.1f} ms  "
                      f"errors {result.errors}  client CPU {result.client_cpu_share:.2f}",
                      file=sys.stderr, flush=True)

    ordered = list(rows.values())
    table = render_table(ordered)
    notes = render_notes(ordered, args)
    info = machine_info(args, load_before)
    print(f"\n{table}\n\n{notes}\n", flush=True)

    RESULTS_DIR.mkdir(exist_ok=True)
    target = RESULTS_DIR / results_file
    target.write_text(f"# {title}\n\n{info}\n\n{table}\n\n{notes}\n")
    print(f"Written to {target.relative_to(ROOT)} ({time.monotonic() - started:.0f} s in all).",
          file=sys.stderr)
    return 1 if any(row.errors for row in ordered) else 0


def main(
    endpoints: Sequence[Endpoint],
    prepare: Callable[[Site], None] | None = None,
    title: str = "Loa benchmark",
    results_file: str = "latest.md",
    argv: Sequence[str] | None = None,
) -> int:
    """Parse the common options and run: the whole body of a benchmark script."""
    return run(endpoints, parse_args(endpoints, argv), prepare, title, results_file)
