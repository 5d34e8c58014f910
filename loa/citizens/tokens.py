"""Citizens' identity tokens: JWTs signed by the identity provider (VNeID), verified here.

Only asymmetric signatures are accepted (ES256, RS256), with keys from the provider's JWKS file,
so that nothing this server holds can mint a token; the algorithm must match the key the `kid`
names, which rules out `none` and the HS256-with-a-public-key confusion. The identity number in
`sub` is turned into a keyed pseudonym at once and never kept.

Residence codes the token carries but this install does not know (another province's new commune,
a code retired by a merger) are ignored rather than refused: the token is the provider's word, and a
citizen whose communes are all unknown here still sees the bulletins addressed to the whole nation.

Without a configured JWKS a development key pair is generated once under `VAR_DIR` and trusted,
so that `manage.py citizen_token` can sign demo tokens.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext as _

from loa.bulletins.audience import Citizen
from loa.bulletins.models import Gender
from loa.process_cache import ProcessCache
from loa.units.cache import CACHE_SECONDS as UNITS_CACHE_SECONDS
from loa.units.cache import cache_key as units_cache_key
from loa.units.models import AdminUnit, Level

ALGORITHMS = ("ES256", "RS256")
DEV_KEY_ID = "loa-dev"
DEV_ALGORITHM = "ES256"
# Clocks of the provider and of this server disagree a little.
LEEWAY = timedelta(seconds=30)
# How long a process remembers a verified token at most (it is not used past its expiry).
# Replacing the JWKS file forgets them all at once.
TOKEN_MEMORY_SECONDS = 300
_verified = ProcessCache(maxsize=20_000, seconds=TOKEN_MEMORY_SECONDS)  # ~1.5 kB each

_SUB = re.compile(r"[0-9]{12}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class InvalidIdentityToken(Exception):
    """The token cannot be trusted; the message, in the user's language, says why."""


@dataclass(frozen=True)
class VerifiedCitizen(Citizen):
    """A citizen from a verified token, with the residence communes already loaded."""

    communes: tuple[AdminUnit, ...] = field(default=(), compare=False, repr=False)


def pseudonym(sub: str) -> str:
    """The keyed pseudonym under which a citizen's interactions are kept (Decree 13/2023)."""
    return hmac.new(settings.LOA_PSEUDONYM_KEY.encode(), sub.encode(), hashlib.sha256).hexdigest()


def verify_token(token: str) -> VerifiedCitizen:
    """The citizen a token speaks for, or `InvalidIdentityToken`.

    The app sends the same token with every call until it expires; a token verified once is
    remembered (by its digest, never the token itself) until its expiry or until the trusted keys
    change, so the signature is checked once per token and process instead of once per call.
    """
    source = "|".join(map(str, keys_source()))
    key = hashlib.sha256(f"{source}|{token}".encode()).digest()
    remembered = _verified.get(key)
    if remembered is not None:
        citizen, expires = remembered
        if time.time() < expires:
            return citizen
    citizen, expires = _verify(token)
    _verified.set(key, (citizen, expires))
    return citizen


def _verify(token: str) -> tuple[VerifiedCitizen, float]:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise InvalidIdentityToken(_("The identity token is malformed.")) from exc
    if header.get("alg") not in ALGORITHMS:
        raise InvalidIdentityToken(_("The identity token is not signed by the identity provider."))
    key = _signing_key(header.get("kid"))
    try:
        claims = jwt.decode(
            token,
            key=key,
            algorithms=[header["alg"]],
            audience=settings.LOA_CITIZEN_AUDIENCE,
            issuer=settings.LOA_CITIZEN_ISSUER,
            leeway=LEEWAY,
            options={"require": ["exp", "iss", "aud", "sub"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise InvalidIdentityToken(_("The identity token has expired.")) from exc
    except (jwt.InvalidAudienceError, jwt.InvalidIssuerError) as exc:
        raise InvalidIdentityToken(
            _("The identity token was not issued for this service.")
        ) from exc
    except jwt.PyJWTError as exc:
        raise InvalidIdentityToken(
            _("The identity token is not signed by the identity provider.")
        ) from exc
    return citizen_from_claims(claims), float(claims["exp"])


def communes_by_code(codes: list[str]) -> dict[str, AdminUnit]:
    """The communes of these codes that the install knows, each cached on its own.

    Nearly every token names a set of communes no earlier token named: cached by the set, each new
    citizen would cost a query. By commune, a new citizen costs none once anybody from the same
    communes was served.
    """
    keys = {code: units_cache_key("commune", code) for code in codes}
    cached = cache.get_many(keys.values())
    known = {code: cached[key] for code, key in keys.items() if key in cached}
    missing = [code for code in codes if code not in known]
    if missing:
        read = {
            unit.code: unit
            for unit in AdminUnit.objects.filter(level=Level.COMMUNE, code__in=missing).only(
                "pk", "code", "name", "level", "province_id", "district_id"
            )
        }
        cache.set_many({keys[code]: unit for code, unit in read.items()}, UNITS_CACHE_SECONDS)
        known.update(read)
    return known


def citizen_from_claims(claims: dict) -> VerifiedCitizen:
    """Check the identity claims and load the residence communes this install knows."""
    sub = claims.get("sub")
    birthdate = claims.get("birthdate")
    gender = claims.get("gender")
    residence = claims.get("residence")
    if not isinstance(sub, str) or not _SUB.fullmatch(sub):
        raise InvalidIdentityToken(_("The identity token carries an invalid identity number."))
    try:
        born = date.fromisoformat(birthdate) if _DATE.fullmatch(str(birthdate)) else None
    except ValueError:
        born = None
    if born is None or born > timezone.localdate():
        raise InvalidIdentityToken(_("The identity token carries an invalid date of birth."))
    if gender not in Gender.values:
        raise InvalidIdentityToken(_("The identity token carries an invalid gender."))
    if (
        not isinstance(residence, list)
        or not residence
        or not all(isinstance(code, str) and code for code in residence)
    ):
        raise InvalidIdentityToken(_("The identity token carries no valid place of residence."))
    codes = list(dict.fromkeys(residence))
    known = communes_by_code(codes)
    communes = tuple(known[code] for code in codes if code in known)
    return VerifiedCitizen(
        pseudonym=pseudonym(sub),
        birthdate=born,
        gender=gender,
        residence=tuple(unit.code for unit in communes),
        communes=communes,
    )


def _signing_key(kid: object) -> jwt.PyJWK:
    keys = trusted_keys()
    if kid is None and len(keys) == 1:
        # A provider with a single key may leave `kid` out; the signature still decides.
        return next(iter(keys.values()))
    if not isinstance(kid, str) or kid not in keys:
        raise InvalidIdentityToken(_("The identity token is not signed by the identity provider."))
    return keys[kid]


def keys_source() -> tuple[str, int]:
    """The JWKS file in force and its modification time: what identifies the trusted keys."""
    path = Path(settings.LOA_CITIZEN_JWKS) if settings.LOA_CITIZEN_JWKS else ensure_dev_key()
    try:
        return str(path), path.stat().st_mtime_ns
    except OSError as exc:
        raise ImproperlyConfigured(f"LOA_CITIZEN_JWKS: cannot read {path}: {exc}") from exc


def trusted_keys() -> dict[str | None, jwt.PyJWK]:
    """The provider's public keys by `kid`: the configured JWKS, or the development one."""
    # Keyed by modification time, so that replacing the file (key rotation) needs no restart.
    return _load_jwks(*keys_source())


@lru_cache(maxsize=4)
def _load_jwks(path: str, modified: int) -> dict[str | None, jwt.PyJWK]:
    try:
        keyset = jwt.PyJWKSet.from_json(Path(path).read_text())
    except (OSError, ValueError, jwt.PyJWTError) as exc:
        raise ImproperlyConfigured(f"LOA_CITIZEN_JWKS: {path} is not a usable JWKS: {exc}") from exc
    # Only asymmetric keys of the accepted algorithms: a symmetric key here would let anyone who
    # reads the file sign tokens.
    keys = {key.key_id: key for key in keyset if key.algorithm_name in ALGORITHMS}
    if not keys:
        raise ImproperlyConfigured(f"LOA_CITIZEN_JWKS: {path} holds no ES256 or RS256 key.")
    return keys


# Development keys.


def dev_key_path() -> Path:
    return Path(settings.VAR_DIR) / "citizen-dev-key.pem"


def dev_jwks_path() -> Path:
    return Path(settings.VAR_DIR) / "citizen-dev-jwks.json"


def ensure_dev_key() -> Path:
    """Generate the development key pair once, and return the path of its JWKS.

    Several workers may start at once. The private key is the single source of truth: it is
    written to a temporary file and linked into place, which fails for all but the first writer;
    everyone then derives the same JWKS from whichever key won, so the JWKS written by each is
    identical and replacing it is harmless.
    """
    key_path, jwks_path = dev_key_path(), dev_jwks_path()
    if jwks_path.exists() and key_path.exists():
        return jwks_path
    if not key_path.exists():
        pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        temporary = _write_temporary(key_path.parent, pem)
        try:
            os.link(temporary, key_path)
        except FileExistsError:
            pass  # another worker won; use its key
        finally:
            os.unlink(temporary)
    jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(dev_signing_key().public_key()))
    jwk.update({"kid": DEV_KEY_ID, "alg": DEV_ALGORITHM, "use": "sig"})
    temporary = _write_temporary(jwks_path.parent, json.dumps({"keys": [jwk]}, indent=2).encode())
    os.replace(temporary, jwks_path)
    return jwks_path


def _write_temporary(directory: Path, content: bytes) -> str:
    """A new file readable by this user only (mkstemp's mode), holding `content`."""
    directory.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=directory, prefix=".citizen-dev-")
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(content)
    return name


def dev_signing_key() -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(dev_key_path().read_bytes(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ImproperlyConfigured(f"{dev_key_path()} is not an EC private key.")
    return key


def issue_dev_token(
    *, sub: str, birthdate: str, gender: str, residence: list[str], expires_in: int = 3600
) -> str:
    """A token signed by the development key, as the identity provider would issue it."""
    now = timezone.now()
    claims = {
        "iss": settings.LOA_CITIZEN_ISSUER,
        "aud": settings.LOA_CITIZEN_AUDIENCE,
        "iat": now,
        "exp": now + timedelta(seconds=expires_in),
        "sub": sub,
        "birthdate": birthdate,
        "gender": gender,
        "residence": residence,
    }
    return jwt.encode(
        claims, dev_signing_key(), algorithm=DEV_ALGORITHM, headers={"kid": DEV_KEY_ID}
    )
