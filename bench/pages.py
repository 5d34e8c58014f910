"""Page speed: a member site's home page and an article, cached and uncached, next to ping.

Usage:
    .venv/bin/python bench/pages.py                          # 50,000 articles over 40 sites
    .venv/bin/python bench/pages.py --articles 5000 --duration 5
    .venv/bin/python bench/pages.py --var-dir /tmp/pagesvar  # keep the site; a second run reuses it

The site is the demo plus the member sites and articles of bench/generate_articles.py (through
bench/search.py's `generator`), served twice from the same database by gunicorn (2 sync workers,
DEBUG off): once with the page cache as production runs it, once with `LOA_PAGE_CACHE_SECONDS=0`.
Each server is measured against its own ping, interleaved as bench/README.md explains, on:

- `home`: the home page of the first bench member site (by its `Host:`);
- `article`: that site's most recent article, asked with a browser's User-Agent so that the view
  is counted as a reader's would be;
- `wagtail`: a bare `wagtailcore.Page` (Wagtail's own `wagtailcore/page.html`, a title and
  nothing else) at a host of its own, added to the benchmark's database only: what Wagtail itself
  costs on this stack (middleware, site and page lookup, a template), standing in for a stock
  Wagtail home page;
- `articles` (uncached server only): the 5,000 most recent articles of all sites, one after the
  other, so that nearly every request meets an address its process has not kept yet (a crawler,
  or readers spread over the archive): Wagtail routes it and its fragments are built, only the
  site's frame is kept.

Before serving, each page is asked in a Django shell, once to warm the process and then, with the
page cache emptied, to count the database queries of a miss with nothing kept, of a hit, and of a
page built while its route, its site's frame and its fragments are kept (what the uncached server
serves once warm).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    BASELINE,
    RESULTS_DIR,
    Endpoint,
    Row,
    check_endpoint,
    interleave,
    machine_info,
    parse_args,
    render_notes,
    render_table,
)
from load import measure  # noqa: E402
from search import generator  # noqa: E402
from server import Site, production_server  # noqa: E402

READER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
"""A browser's User-Agent: without one, the article's view would not be counted (loa.reading)."""
WAGTAIL_HOST = "wagtail-page.localhost"
NAMES = ("home", "article", "wagtail")
IN_TURN = 5_000  # the `articles` endpoint's addresses

# Run by `manage.py shell` inside the prepared site: add the bare Wagtail page (once), find the
# pages to measure, count their queries on a miss and on a hit (after a first request, as
# tests/portal/test_pages.py counts them), and write it all to PAGES_FILE.
SURVEY = """
import json, os
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from loa.portal.caching import clear_pages
from loa.portal.pages import ArticlePage

host = json.loads(open(os.environ["SITES_FILE"]).read())[0]
if not Site.objects.filter(hostname=os.environ["WAGTAIL_HOST"]).exists():
    bare = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="wagtail-page"))
    Site.objects.create(hostname=os.environ["WAGTAIL_HOST"], root_page=bare)
home = Site.objects.get(hostname=host).root_page
article = (ArticlePage.objects.live().descendant_of(home)
           .order_by("-first_published_at").first())
pages = {"home": [host, "/"], "article": [host, article.relative_url(home.get_site())],
         "wagtail": [os.environ["WAGTAIL_HOST"], "/"]}
client = Client(HTTP_USER_AGENT=os.environ["READER"])
queries = {}
for name, (page_host, path) in pages.items():
    client.get(path, HTTP_HOST=page_host)  # once, for the process's lookups and the renditions
    clear_pages()
    counts = []
    # A miss with nothing kept, a hit, then a page built with its route, the site's frame and the
    # fragments kept (what the uncached server does once warm).
    for whole_pages in (True, True, False):
        with override_settings(WAGTAIL_CACHE=whole_pages), CaptureQueriesContext(connection) as captured:
            status = client.get(path, HTTP_HOST=page_host).status_code
        assert status == 200, (name, path, status)
        counts.append(len(captured))
    queries[name] = counts
clear_pages()
hosts = dict(Site.objects.values_list("pk", "hostname"))
in_turn = []
for each in ArticlePage.objects.live().order_by("-first_published_at")[:int(os.environ["IN_TURN"])]:
    site_id, _root, path = each.get_url_parts()
    in_turn.append([hosts[site_id], path])
open(os.environ["PAGES_FILE"], "w").write(
    json.dumps({"pages": pages, "queries": queries, "in_turn": in_turn}))
"""


def surveyed(articles: int, sites: int, pages_file: Path) -> Callable[[Site], None]:
    """`prepare`: the articles (search.py's generator), then the pages to measure and their queries."""
    sites_file = pages_file.with_name("sites.json")
    generate = generator(articles, sites, sites_file)

    def prepare(site: Site) -> None:
        generate(site)
        env = {"SITES_FILE": str(sites_file), "PAGES_FILE": str(pages_file),
               "WAGTAIL_HOST": WAGTAIL_HOST, "READER": READER, "IN_TURN": str(IN_TURN)}
        Site(site.var_dir, {**site.env, **env}).manage("shell", "-c", SURVEY)

    return prepare


def endpoints(survey: dict, *, in_turn: bool) -> list[Endpoint]:
    """The pages to measure; with `in_turn`, also the articles asked one after the other."""
    chosen = [
        Endpoint(name, path, headers=(("Host", host), ("User-Agent", READER)))
        for name, (host, path) in survey["pages"].items()
    ]
    if in_turn:
        addresses = [(path, (("Host", host), ("User-Agent", READER)))
                     for host, path in survey["in_turn"]]
        chosen.append(Endpoint("articles", f"({len(addresses):,} articles in turn)",
                               variants=lambda var_dir: addresses))
    return chosen


def cache_header(url: str, path: str, headers: dict[str, str]) -> str:
    """The page cache's verdict on one request (X-Loa-Cache: hit, miss or skip; "-" if none)."""
    request = urllib.request.Request(url + path, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.headers.get("X-Loa-Cache", "-")


def measured(
    url: str, var_dir: Path, label: str, chosen: Sequence[Endpoint], args: argparse.Namespace
) -> tuple[list[Row], dict[str, str]]:
    """Every endpoint of `chosen` against this server's ping; and each one's X-Loa-Cache."""
    requests = {endpoint: endpoint.requests(var_dir) for endpoint in [BASELINE, *chosen]}
    rows = {endpoint: Row(endpoint, [], check_endpoint(url + requests[endpoint][0][0],
                                                       requests[endpoint][0][1]))
            for endpoint in requests}
    # check_endpoint was the warm-up request; this one says whether the cache answered.
    verdicts = {endpoint.name: cache_header(url, *requests[endpoint][0]) for endpoint in chosen}
    if label == "cached" and set(verdicts.values()) != {"hit"}:
        raise SystemExit(f"The cached pages are not served from the cache: {verdicts}")
    order = interleave(chosen)
    for step, endpoint in enumerate(order, 1):
        result = measure(url, concurrency=args.concurrency, duration=args.duration,
                         warmup=args.warmup, processes=args.client_processes,
                         variants=requests[endpoint])
        rows[endpoint].results.append(result)
        print(f"[{label} {step}/{len(order)}] {endpoint.name:<8} {result.rps:8,.0f} rps  "
              f"p50 {result.p50_ms:6.1f} ms  p99 {result.p99_ms:6.1f} ms  "
              f"errors {result.errors}  client CPU {result.client_cpu_share:.2f}",
              file=sys.stderr, flush=True)
    return list(rows.values()), verdicts


def query_table(survey: dict) -> str:
    lines = ["| Page | Path | Queries, nothing kept | Queries, page cache hit | Queries, page built "
             "from kept route, frame and fragments |", "|---|---|---:|---:|---:|"]
    for name, (host, path) in survey["pages"].items():
        miss, hit, built = survey["queries"][name]
        lines.append(f"| {name} | `{host}{path}` | {miss} | {hit} | {built} |")
    return "\n".join(lines)


def main() -> int:
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--articles", type=int, default=50_000)
    own.add_argument("--sites", type=int, default=40)
    own.add_argument("--results", default="pages.md")
    own.add_argument("--var-dir", type=Path,
                     help="build the site here and keep it; a second run reuses its articles")
    options, rest = own.parse_known_args()
    args = parse_args([Endpoint(name, "/") for name in NAMES], rest)
    load_before = os.getloadavg()
    started = time.monotonic()
    sections = []
    with contextlib.ExitStack() as stack:
        var_dir = Path(options.var_dir or stack.enter_context(
            tempfile.TemporaryDirectory(prefix="loa-bench-")
        ))
        pages_file = var_dir / "pages.json"
        for label, env, prepare in (
            ("cached", None, surveyed(options.articles, options.sites, pages_file)),
            ("uncached", {"LOA_PAGE_CACHE_SECONDS": "0"}, None),
        ):
            with production_server(var_dir, workers=args.workers, env=env,
                                   prepare=prepare) as url:
                survey = json.loads(pages_file.read_text())
                chosen = [e for e in endpoints(survey, in_turn=label == "uncached")
                          if not args.only or e.name in args.only]
                rows, verdicts = measured(url, var_dir, label, chosen, args)
            cache = ", ".join(f"{name} {verdict}" for name, verdict in verdicts.items())
            sections.append((label, rows, f"X-Loa-Cache after the warm-up request: {cache}."))
    title = f"Loa page speed: {options.articles:,} articles over {options.sites} member sites"
    parts = [f"# {title}", machine_info(args, load_before),
             "## Database queries per page (Django test client, before serving)",
             query_table(survey)]
    for label, rows, verdict in sections:
        heading = f"## {label.capitalize()} ({args.concurrency} clients, against this server's ping)"
        parts += [heading, render_table(rows), f"- {verdict}\n{render_notes(rows, args)}"]
    report = "\n\n".join(parts) + "\n"
    print(report)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / options.results).write_text(report)
    print(f"Written to bench/results/{options.results} ({time.monotonic() - started:.0f} s "
          "in all).", file=sys.stderr)
    return 1 if any(row.errors for _, rows, _ in sections for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
