"""Search over fifty thousand articles: each query's latency, and throughput next to ping.

Usage:
    .venv/bin/python bench/search.py                      # 50,000 articles over 40 sites
    .venv/bin/python bench/search.py --articles 5000 --rounds 10 --duration 5

The site is the demo plus the member sites and articles of bench/generate_articles.py, served by
gunicorn (2 sync workers, DEBUG off) on SQLite. Two measurements, on the same server:

1. Latency: one client asks every query of `QUERIES` in turn, `--rounds` times, and the p50 and
   p95 of each query and of all of them together are reported. One client means no request
   waits for another, so these are the times a person searching gets on an idle server: the
   figure the goal "p95 under 200 ms" is about.
2. Load: `--concurrency` clients on the heaviest queries, interleaved with the ping baseline as
   the other benchmarks do (bench/README.md), for rps and p99 against ping.

Queries cover a member site's own search and the whole portal's, typed with and without
diacritics, words found in most articles ("Đồng Nai") and in few, filters, a later page, and a
query that finds nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    BASELINE,
    RESULTS_DIR,
    Endpoint,
    Row,
    check_endpoint,
    interleave,
    machine_info,
    render_notes,
    render_table,
)
from load import measure, percentile  # noqa: E402
from server import ROOT, Site, production_server  # noqa: E402

PORTAL = {"pham-vi": "tat-ca"}


@dataclass(frozen=True)
class Query:
    name: str
    params: dict[str, str]

    def path(self, extra: dict[str, str] | None = None) -> str:
        return "/tim-kiem/?" + urlencode({**self.params, **(extra or {})})


QUERIES = [
    Query("common, folded", {"q": "dong nai"}),
    Query("common, diacritics", {"q": "Đồng Nai"}),
    Query("phrase, folded", {"q": "chuyen doi so"}),
    Query("phrase, diacritics", {"q": "chuyển đổi số"}),
    Query("two subjects", {"q": "lễ hội văn hóa"}),
    Query("rare words", {"q": "sau rieng hop tac xa"}),
    Query("type and dates", {"q": "cai cach hanh chinh", "loai": "article",
                             "tu-ngay": "2025-01-01", "den-ngay": "2025-12-31"}),
    Query("page 5", {"q": "triển khai", "page": "5"}),
    Query("nothing found", {"q": "khong co tu nay xyz"}),
]
HEAVIEST = ["common, folded", "common, diacritics"]


def generator(articles: int, sites: int, sites_file: Path):
    def prepare(site: Site) -> None:
        started = time.monotonic()
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate_articles.py"), "--articles",
             str(articles), "--sites", str(sites), "--sites-file", str(sites_file)],
            env=site.env, cwd=ROOT, check=True,
        )
        print(f"Generated {articles:,} articles over {sites} sites in "
              f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return prepare


def timed_get(url: str, host: str, path: str) -> tuple[float, int]:
    """One request on a fresh connection, as gunicorn's sync workers serve them.

    Returns (seconds, body bytes)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    began = time.perf_counter()
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - began
    connection.close()
    if response.status != 200:
        raise SystemExit(f"{host}{path} answered {response.status}")
    return elapsed, len(body)


def latencies(url: str, host: str, rounds: int) -> list[tuple[str, str, list[float]]]:
    """Every query, site and portal-wide, asked `rounds` times in turn by one client."""
    cases = [(scope, query.name, {**query.params, **extra})
             for query in QUERIES for scope, extra in (("site", {}), ("portal", PORTAL))]
    samples: dict[tuple[str, str], list[float]] = {(scope, name): [] for scope, name, _ in cases}
    for round_number in range(rounds + 1):
        for scope, name, params in cases:
            seconds, _ = timed_get(url, host, "/tim-kiem/?" + urlencode(params))
            if round_number:  # the first round warms the workers' caches
                samples[(scope, name)].append(seconds)
    return [(scope, name, sorted(values)) for (scope, name), values in samples.items()]


def latency_table(rows: list[tuple[str, str, list[float]]]) -> str:
    lines = ["| Query | Scope | p50 ms | p95 ms | max ms |", "|---|---|---:|---:|---:|"]
    for scope, name, values in rows:
        lines.append(f"| {name} | {scope} | {percentile(values, 50) * 1000:.1f} "
                     f"| {percentile(values, 95) * 1000:.1f} | {values[-1] * 1000:.1f} |")
    every = sorted(value for _, _, values in rows for value in values)
    for scope in ("site", "portal"):
        scoped = sorted(value for s, _, values in rows if s == scope for value in values)
        lines.append(f"| **all {scope} queries** | {scope} | {percentile(scoped, 50) * 1000:.1f} "
                     f"| {percentile(scoped, 95) * 1000:.1f} | {scoped[-1] * 1000:.1f} |")
    lines.append(f"| **all queries** | both | {percentile(every, 50) * 1000:.1f} "
                 f"| {percentile(every, 95) * 1000:.1f} | {every[-1] * 1000:.1f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--sites", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=20,
                        help="times each query is asked (default 20)")
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--client-processes", type=int, default=1)
    parser.add_argument("--results", default="search.md")
    parser.add_argument("--var-dir", type=Path,
                        help="build the site here and keep it; a second run reuses its articles")
    args = parser.parse_args()
    load_before = os.getloadavg()
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        var_dir = args.var_dir or stack.enter_context(
            tempfile.TemporaryDirectory(prefix="loa-bench-")
        )
        sites_file = Path(var_dir) / "sites.json"
        prepare = generator(args.articles, args.sites, sites_file)
        with production_server(Path(var_dir), workers=args.workers, prepare=prepare) as url:
            host = json.loads(sites_file.read_text())[0]
            print(f"Asking {len(QUERIES) * 2} queries {args.rounds} times on {host} …",
                  file=sys.stderr, flush=True)
            latency = latency_table(latencies(url, host, args.rounds))
            chosen = [
                Endpoint(f"{query.name} ({scope})",
                         query.path() if scope == "site" else query.path(PORTAL),
                         headers=(("Host", host),))
                for query in QUERIES if query.name in HEAVIEST for scope in ("site", "portal")
            ]
            rows = {endpoint: Row(endpoint, [], check_endpoint(url + endpoint.path,
                                                               dict(endpoint.headers)))
                    for endpoint in [BASELINE, *chosen]}
            for step, endpoint in enumerate(interleave(chosen), 1):
                result = measure(url + endpoint.path, concurrency=args.concurrency,
                                 duration=args.duration, warmup=args.warmup,
                                 processes=args.client_processes, headers=dict(endpoint.headers))
                rows[endpoint].results.append(result)
                print(f"[{step}/{len(chosen) * 2 + 1}] {endpoint.name:<28} {result.rps:7,.1f} rps  "
                      f"p50 {result.p50_ms:6.1f} ms  p99 {result.p99_ms:6.1f} ms  "
                      f"errors {result.errors}", file=sys.stderr, flush=True)
    ordered = list(rows.values())
    table, notes = render_table(ordered), render_notes(ordered, args)
    info = machine_info(args, load_before)
    title = f"Loa search benchmark: {args.articles:,} articles over {args.sites} member sites"
    report = (
        f"# {title}\n\n{info}\n\n## Latency, one client ({args.rounds} rounds, fresh connection "
        f"per request)\n\nSite scope is {host}'s own search (about {args.articles // args.sites:,} "
        f"articles); portal scope searches every site of the province.\n\n{latency}\n\n"
        f"## Under load ({args.concurrency} clients, against ping)\n\n{table}\n\n{notes}\n"
    )
    print(report)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / args.results).write_text(report)
    print(f"Written to bench/results/{args.results} ({time.monotonic() - started:.0f} s in all).",
          file=sys.stderr)
    errors = sum(row.errors for row in ordered)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
