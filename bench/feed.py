"""The citizen feed and bulletin detail under load, next to the trivial endpoint.

Usage:
    .venv/bin/python bench/feed.py --bulletins 100000 --live 10000 [harness options]
    .venv/bin/python bench/feed.py --bulletins 10000 --live 1000 --results feed-10k.md

The site is filled by bench/generate_bulletins.py (bulletins over several years, all provinces and
communes). The citizen lives in Phường Trấn Biên (Đồng Nai); the detail call asks for the demo's
live bulletin of that ward, which the demo loader creates first (id 1 on a fresh site). Tokens are
signed by a key made for the run; the site trusts it through LOA_CITIZEN_JWKS, as production
trusts the identity provider's keys.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import jwt  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from harness import BASELINE, Endpoint, main  # noqa: E402
from server import ROOT, Site  # noqa: E402

ISSUER = "loa-bench-identity"
AUDIENCE = "loa"
KEY_ID = "loa-bench"
CITIZEN = {"sub": "075185000123", "birthdate": "1985-04-12", "gender": "female",
           "residence": ["26041"]}


def signed_token(key_dir: Path) -> str:
    """A key pair for this run: the private half signs, the public half goes in the site's JWKS."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(private_key.public_key()))
    jwk.update({"kid": KEY_ID, "alg": "ES256", "use": "sig"})
    jwks = key_dir / "jwks.json"
    jwks.write_text(json.dumps({"keys": [jwk]}))
    os.environ.update(
        LOA_CITIZEN_JWKS=str(jwks), LOA_CITIZEN_ISSUER=ISSUER, LOA_CITIZEN_AUDIENCE=AUDIENCE
    )
    claims = {**CITIZEN, "iss": ISSUER, "aud": AUDIENCE, "exp": int(time.time()) + 6 * 3600}
    return jwt.encode(claims, private_key, algorithm="ES256", headers={"kid": KEY_ID})


def generator(bulletins: int, live: int):
    def prepare(site: Site) -> None:
        started = time.monotonic()
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate_bulletins.py"), "--count",
             str(bulletins), "--live", str(live), "--citizens", "10",
             "--citizens-file", str(site.var_dir / "citizens.json")],
            env=site.env, cwd=ROOT, check=True,
        )
        print(f"Generated {bulletins:,} bulletins ({live:,} live) in "
              f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return prepare


if __name__ == "__main__":
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--bulletins", type=int, default=100_000)
    own.add_argument("--live", type=int, default=10_000)
    own.add_argument("--results", default="feed.md")
    options, rest = own.parse_known_args()
    with tempfile.TemporaryDirectory(prefix="loa-bench-keys-") as key_dir:
        auth = (("Authorization", f"Bearer {signed_token(Path(key_dir))}"),)
        endpoints = [
            BASELINE,
            Endpoint("feed", "/api/v1/feed?limit=20", "first page of the citizen's feed", auth),
            Endpoint("bulletin", "/api/v1/bulletins/1", "a live bulletin in full; counts a view",
                     auth),
        ]
        sys.exit(main(
            endpoints, prepare=generator(options.bulletins, options.live),
            title=f"Loa feed benchmark: {options.bulletins:,} bulletins, {options.live:,} live",
            results_file=options.results, argv=rest,
        ))
