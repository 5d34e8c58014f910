"""The citizen feed and bulletin detail under load, next to the trivial endpoint.

Usage:
    .venv/bin/python bench/feed.py --bulletins 100000 --live 10000 --results feed-100k.md
    .venv/bin/python bench/feed.py --bulletins 10000 --live 1000 --results feed-10k.md

The site is filled by bench/generate_bulletins.py (bulletins over several years, all provinces and
communes) with sample citizens spread over all communes, each with a live bulletin targeted at
them. Each request of a pass is the next citizen's, with that citizen's token: the feed's first
page, or the detail of their bulletin. Tokens are signed by a key made for the run; the site trusts
it through LOA_CITIZEN_JWKS, as production trusts the identity provider's keys.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import jwt  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from harness import BASELINE, Endpoint, Headers, main  # noqa: E402
from server import ROOT, Site  # noqa: E402

ISSUER = "loa-bench-identity"
AUDIENCE = "loa"
KEY_ID = "loa-bench"
CITIZENS_FILE = "citizens.json"
CLAIMS = ("sub", "birthdate", "gender", "residence")


def signing_key(key_dir: Path) -> ec.EllipticCurvePrivateKey:
    """A key pair for this run: the private half signs, the public half goes in the site's JWKS."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(private_key.public_key()))
    jwk.update({"kid": KEY_ID, "alg": "ES256", "use": "sig"})
    jwks = key_dir / "jwks.json"
    jwks.write_text(json.dumps({"keys": [jwk]}))
    os.environ.update(
        LOA_CITIZEN_JWKS=str(jwks), LOA_CITIZEN_ISSUER=ISSUER, LOA_CITIZEN_AUDIENCE=AUDIENCE
    )
    return private_key


def citizen_requests(
    key: ec.EllipticCurvePrivateKey, path: Callable[[dict], str]
) -> Callable[[Path], list[tuple[str, Headers]]]:
    """One request per sample citizen of the prepared site: `path(citizen)` with their token."""

    def requests(var_dir: Path) -> list[tuple[str, Headers]]:
        citizens = json.loads((var_dir / CITIZENS_FILE).read_text())
        expires = int(time.time()) + 6 * 3600
        made = []
        for citizen in citizens:
            claims = {name: citizen[name] for name in CLAIMS}
            token = jwt.encode(
                {**claims, "iss": ISSUER, "aud": AUDIENCE, "exp": expires},
                key, algorithm="ES256", headers={"kid": KEY_ID},
            )  # fmt: skip
            made.append((path(citizen), (("Authorization", f"Bearer {token}"),)))
        return made

    return requests


def generator(bulletins: int, live: int, citizens: int) -> Callable[[Site], None]:
    def prepare(site: Site) -> None:
        started = time.monotonic()
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate_bulletins.py"), "--count",
             str(bulletins), "--live", str(live), "--citizens", str(citizens),
             "--citizens-file", str(site.var_dir / CITIZENS_FILE)],
            env=site.env, cwd=ROOT, check=True,
        )  # fmt: skip
        print(f"Generated {bulletins:,} bulletins ({live:,} live) and {citizens:,} citizens in "
              f"{time.monotonic() - started:.0f} s", file=sys.stderr)  # fmt: skip

    return prepare


if __name__ == "__main__":
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--bulletins", type=int, default=100_000)
    own.add_argument("--live", type=int, default=10_000)
    own.add_argument("--citizens", type=int, default=2_000)
    own.add_argument("--results", default="feed.md")
    options, rest = own.parse_known_args()
    with tempfile.TemporaryDirectory(prefix="loa-bench-keys-") as key_dir:
        key = signing_key(Path(key_dir))
        endpoints = [
            BASELINE,
            Endpoint(
                "feed", "/api/v1/feed?limit=20",
                f"first page of the feed, each request the next of {options.citizens:,} citizens",
                variants=citizen_requests(key, lambda citizen: "/api/v1/feed?limit=20"),
            ),
            Endpoint(
                "bulletin", "/api/v1/bulletins/{id}",
                "a live bulletin targeted at the citizen, in full; counts a view",
                variants=citizen_requests(
                    key, lambda citizen: f"/api/v1/bulletins/{citizen['bulletin']}"
                ),
            ),
        ]  # fmt: skip
        sys.exit(main(
            endpoints, prepare=generator(options.bulletins, options.live, options.citizens),
            title=f"Loa feed benchmark: {options.bulletins:,} bulletins, {options.live:,} live, "
            f"{options.citizens:,} citizens",
            results_file=options.results, argv=rest,
        ))  # fmt: skip
