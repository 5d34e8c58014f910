"""A small closed-loop HTTP load generator in pure Python, for loopback benchmarks only.

Why not wrk or ab: they are not installed everywhere this project runs, and a benchmark that needs a
separate install tends not to be run. The standard library is enough for the request rates a Django
app reaches on a small machine, provided we check the client is not the bottleneck; every Result
therefore carries the CPU time the client itself spent (see `client_cpu_share`).

Closed loop: each virtual client sends a request, waits for the whole answer, and sends the next.
Throughput and latency are measured over a window that follows a warm-up (so worker start-up,
first-query caches and TCP slow start are not counted), and every loop is bounded both by time and
by a request count, so a run always stops by itself.

Only loopback hosts are accepted: these benchmarks must never send traffic off the machine.
"""

from __future__ import annotations

import http.client
import ipaddress
import itertools
import math
import multiprocessing
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from queue import Empty
from typing import Any
from urllib.parse import urlsplit

REQUEST_TIMEOUT = 10.0
"""Socket timeout per request: a hung server turns into counted errors, not a hung benchmark."""

RECONNECT_ERRORS = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
"""What a reused keep-alive connection raises when the server closed it between our requests."""

Variant = tuple[str, dict[str, str]]
"""A request's path (with its query) and headers, for loads that rotate through many requests."""


@dataclass
class Result:
    """The outcome of one `measure` call.

    `requests` counts answered requests of the window, `errors` the subset that was not 2xx or
    failed outright. `rps` and the percentiles count successful requests only, so an endpoint that
    fails fast cannot look fast. `client_cpu_seconds` is the CPU the load generator used during the
    window (all its threads and processes).
    """

    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    client_cpu_seconds: float = 0.0
    error_kinds: dict[str, int] = field(default_factory=dict)
    capped: bool = False
    """True when max_requests ended the window before `duration` did."""

    @property
    def client_cpu_share(self) -> float:
        """CPU cores the client kept busy on average (1.0 = one full core)."""
        return self.client_cpu_seconds / self.seconds if self.seconds else 0.0

    @property
    def client_ceiling_rps(self) -> float:
        """Requests per second the client could send if it had one core to itself.

        Close to `rps` means the client, not the server, set the pace.
        """
        return self.requests / self.client_cpu_seconds if self.client_cpu_seconds else math.inf


def loopback_target(url: str) -> tuple[str, int, str, str]:
    """Split `url` into (address to connect to, port, Host header, path with query).

    Raises ValueError for anything but plain HTTP to a loopback address: 127.0.0.0/8, ::1 or
    "localhost" (which we connect to as 127.0.0.1 rather than trusting name resolution).
    """
    parts = urlsplit(url)
    if parts.scheme != "http":
        raise ValueError(f"Only http:// URLs are supported, not {url!r}")
    host = parts.hostname or ""
    if host == "localhost":
        address = "127.0.0.1"
    else:
        try:
            is_loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            is_loopback = False
        if not is_loopback:
            raise ValueError(f"Refusing to send load to {host!r}: only loopback hosts are allowed")
        address = host
    port = parts.port or 80
    host_header = parts.netloc.rsplit("@", 1)[-1]
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return address, port, host_header, path


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list (0.0 for an empty one)."""
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class _Sample:
    """Raw numbers from one client process, merged by `measure`."""

    latencies: list[float]
    errors: int
    error_kinds: dict[str, int]
    window: float
    cpu_seconds: float
    capped: bool


class _Budget:
    """A request counter shared by the threads of one process, so max_requests is a hard bound."""

    def __init__(self, limit: int) -> None:
        self._left = limit
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            if self._left <= 0:
                return False
            self._left -= 1
            return True

    @property
    def exhausted(self) -> bool:
        return self._left <= 0


@dataclass
class _ThreadTally:
    """What one virtual client saw; each thread owns one, so recording needs no lock."""

    latencies: list[float] = field(default_factory=list)
    error_kinds: dict[str, int] = field(default_factory=dict)
    last_end: float = 0.0


def _client_thread(
    target: tuple[str, int, str, str],
    requests: Iterator[Variant],
    measure_from: float,
    deadline: float,
    budget: _Budget,
    tally: _ThreadTally,
) -> None:
    """One virtual client: a persistent connection, requests back to back until time or budget.

    gunicorn's sync workers answer with "Connection: close"; http.client then drops the socket and
    opens a new one on the next request by itself. If a connection we reuse turns out to have been
    closed by the server in between, the request is retried once on a fresh connection: that is the
    transport's business, not a server error. The retry stays inside the measured latency.
    """
    address, port, host_header, _path = target
    connection = http.client.HTTPConnection(address, port, timeout=REQUEST_TIMEOUT)
    clock = time.perf_counter
    tally.last_end = measure_from
    try:
        while clock() < deadline and budget.take():
            path, headers = next(requests)
            send_headers = {"Host": host_header, **headers}
            began = clock()
            kind: str | None = None
            for attempt in (1, 2):
                reused = connection.sock is not None
                try:
                    connection.request("GET", path, headers=send_headers)
                    response = connection.getresponse()
                    response.read()
                    if not 200 <= response.status < 300:
                        kind = f"HTTP {response.status}"
                    break
                except RECONNECT_ERRORS as error:
                    connection.close()
                    if reused and attempt == 1:
                        continue
                    kind = type(error).__name__
                    break
                except (OSError, http.client.HTTPException) as error:
                    connection.close()
                    kind = type(error).__name__
                    break
            ended = clock()
            if began < measure_from:
                continue  # warm-up: exercised, not recorded
            tally.last_end = ended
            if kind is None:
                tally.latencies.append(ended - began)
            else:
                tally.error_kinds[kind] = tally.error_kinds.get(kind, 0) + 1
    finally:
        connection.close()


def _run_process(
    url: str,
    threads: int,
    warmup: float,
    duration: float,
    max_requests: int,
    variants: Sequence[Variant],
    go: Any = None,
) -> _Sample:
    """Run `threads` virtual clients in this process and return their raw numbers.

    The clients take `variants` in turn, each request the next one. `go`, an Event, lets several
    client processes start their clocks together.
    """
    target = loopback_target(url)
    requests = itertools.cycle(variants)  # next() on it is atomic under the GIL
    if go is not None:
        go.wait(timeout=30)
    measure_from = time.perf_counter() + warmup
    deadline = measure_from + duration
    budget = _Budget(max_requests)
    tallies = [_ThreadTally() for _ in range(threads)]
    workers = [
        threading.Thread(
            target=_client_thread,
            args=(target, requests, measure_from, deadline, budget, tally),
            daemon=True,
        )
        for tally in tallies
    ]
    for worker in workers:
        worker.start()
    # Count the client's CPU over the measured window only, like its requests.
    time.sleep(max(0.0, measure_from - time.perf_counter()))
    cpu_before = time.process_time()
    for worker in workers:
        worker.join(timeout=max(0.0, deadline - time.perf_counter()) + REQUEST_TIMEOUT * 3)
    cpu_seconds = time.process_time() - cpu_before
    error_kinds: dict[str, int] = {}
    for tally in tallies:
        for kind, count in tally.error_kinds.items():
            error_kinds[kind] = error_kinds.get(kind, 0) + count
    window = max(tally.last_end for tally in tallies) - measure_from
    return _Sample(
        latencies=[latency for tally in tallies for latency in tally.latencies],
        errors=sum(error_kinds.values()),
        error_kinds=error_kinds,
        window=window,
        cpu_seconds=cpu_seconds,
        capped=budget.exhausted and window < duration * 0.99,
    )


def _process_entry(queue: Any, go: Any, args: tuple) -> None:
    """Entry point of a client process: run, then hand the raw sample back to the parent."""
    queue.put(_run_process(*args, go=go))


def _run_processes(
    url: str,
    concurrency: int,
    warmup: float,
    duration: float,
    max_requests: int,
    variants: Sequence[Variant],
    processes: int,
) -> list[_Sample]:
    """Spread the clients over `processes` forked processes and collect their samples.

    fork, not spawn: spawn re-runs the calling script's top level in every child, which would start
    a second server in a benchmark script that forgot its `if __name__ == "__main__"` guard. The
    parent runs no threads of its own at this point, so forking is safe.
    """
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    go = context.Event()
    children = []
    for index in range(processes):
        threads = concurrency // processes + (index < concurrency % processes)
        budget = max_requests // processes + (index < max_requests % processes)
        # Each process starts at its own place in the rotation.
        start = len(variants) * index // processes
        args = (url, threads, warmup, duration, budget, [*variants[start:], *variants[:start]])
        child = context.Process(target=_process_entry, args=(queue, go, args), daemon=True)
        child.start()
        children.append(child)
    go.set()
    samples: list[_Sample] = []
    deadline = time.monotonic() + warmup + duration + REQUEST_TIMEOUT * 3 + 10
    try:
        while len(samples) < processes:
            if time.monotonic() > deadline:
                raise RuntimeError("client processes did not report in time")
            try:
                samples.append(queue.get(timeout=0.5))
            except Empty:
                dead = [c for c in children if c.exitcode not in (None, 0)]
                if dead:
                    raise RuntimeError(f"a client process died (exit code {dead[0].exitcode})")
    finally:
        for child in children:
            child.join(timeout=5)
            if child.is_alive():
                child.terminate()
    return samples


def measure(
    url: str,
    concurrency: int = 8,
    duration: float = 10.0,
    warmup: float = 2.0,
    max_requests: int = 200_000,
    headers: dict[str, str] | None = None,
    processes: int = 1,
    variants: Sequence[Variant] = (),
) -> Result:
    """Load `url` with `concurrency` closed-loop clients for `warmup` + `duration` seconds.

    Every request is a GET of `url` with `headers`; with `variants`, (path, headers) pairs, each
    request takes the next pair instead, in turn across all clients, on `url`'s host (say one
    citizen's token each, so that a cache shared by identical requests is not all that is
    measured). `processes` > 1 spreads the clients over that many processes, each with its share of threads,
    for when one Python process (one GIL) cannot keep up; bench/README.md explains the choice.
    `max_requests` bounds the requests of the whole call, warm-up included.
    """
    loopback_target(url)  # refuse a non-loopback URL before starting anything
    if concurrency < 1 or processes < 1 or duration <= 0 or warmup < 0 or max_requests < 1:
        raise ValueError("concurrency, processes, duration and max_requests must be positive")
    processes = min(processes, concurrency)
    variants = list(variants) or [(loopback_target(url)[3], dict(headers or {}))]

    if processes == 1:
        samples = [_run_process(url, concurrency, warmup, duration, max_requests, variants)]
    else:
        samples = _run_processes(url, concurrency, warmup, duration, max_requests, variants,
                                 processes)

    latencies = sorted(latency for sample in samples for latency in sample.latencies)
    errors = sum(sample.errors for sample in samples)
    kinds: dict[str, int] = {}
    for sample in samples:
        for kind, count in sample.error_kinds.items():
            kinds[kind] = kinds.get(kind, 0) + count
    seconds = max((sample.window for sample in samples), default=0.0)
    return Result(
        requests=len(latencies) + errors,
        errors=errors,
        seconds=seconds,
        rps=len(latencies) / seconds if seconds else 0.0,
        p50_ms=percentile(latencies, 50) * 1000,
        p90_ms=percentile(latencies, 90) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
        client_cpu_seconds=sum(sample.cpu_seconds for sample in samples),
        error_kinds=kinds,
        capped=any(sample.capped for sample in samples),
    )

