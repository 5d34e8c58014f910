"""Identity tokens: the provider's signature, for this service, unexpired, with sound claims."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import threading
from datetime import timedelta
from io import StringIO

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from loa.bulletins.models import ScopeLevel
from loa.citizens import tokens
from loa.citizens.models import Comment, Reaction
from loa.orgs.models import Kind
from tests.citizens.conftest import SUB, make_bulletin, token_for
from tests.factories import make_org

pytestmark = pytest.mark.django_db

FEED = "/api/v1/feed"


def claims(commune, **overrides) -> dict:
    now = timezone.now()
    values = {
        "iss": "loa-dev-identity",
        "aud": "loa",
        "iat": now,
        "exp": now + timedelta(hours=1),
        "sub": SUB,
        "birthdate": "1990-05-01",
        "gender": "male",
        "residence": [commune.code],
    }
    values.update(overrides)
    return {key: value for key, value in values.items() if value is not None}


def dev_signed(payload: dict) -> str:
    tokens.ensure_dev_key()
    return jwt.encode(
        payload, tokens.dev_signing_key(), algorithm="ES256", headers={"kid": "loa-dev"}
    )


def get_feed(token: str | None, scheme: str = "Bearer"):
    headers = {"Authorization": f"{scheme} {token}"} if token is not None else {}
    return Client(headers=headers).get(FEED)


def assert_refused(response) -> None:
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and detail != "Unauthorized"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_a_dev_token_is_accepted(commune):
    assert get_feed(dev_signed(claims(commune))).status_code == 200


def test_missing_header():
    assert_refused(get_feed(None))


def test_other_scheme(commune):
    assert_refused(get_feed(dev_signed(claims(commune)), scheme="Basic"))


def test_empty_bearer():
    assert_refused(get_feed(""))


@pytest.mark.parametrize("garbage", ["garbage", "a.b.c", "eyJhbGciOiJFUzI1NiJ9.e30.", "é.é.é"])
def test_garbage(garbage):
    assert_refused(get_feed(garbage))


def test_signed_by_another_key_with_the_same_kid(commune):
    stranger = ec.generate_private_key(ec.SECP256R1())
    token = jwt.encode(claims(commune), stranger, algorithm="ES256", headers={"kid": "loa-dev"})
    assert_refused(get_feed(token))


def test_unknown_kid(commune):
    token = jwt.encode(
        claims(commune), tokens.dev_signing_key(), algorithm="ES256", headers={"kid": "other"}
    )
    assert_refused(get_feed(token))


@pytest.mark.parametrize("kid", [["loa-dev"], 7, {"id": "loa-dev"}])
def test_a_kid_that_is_not_a_string(commune, kid):
    tokens.ensure_dev_key()
    header = b64(json.dumps({"alg": "ES256", "typ": "JWT", "kid": kid}).encode())
    payload = b64(json.dumps(claims(commune), default=lambda m: int(m.timestamp())).encode())
    signing_input = f"{header}.{payload}".encode()
    signer = jwt.algorithms.ECAlgorithm(jwt.algorithms.ECAlgorithm.SHA256)
    signature = b64(signer.sign(signing_input, tokens.dev_signing_key()))
    assert_refused(get_feed(f"{signing_input.decode()}.{signature}"))


def test_hs256_signed_with_the_public_key_material(commune):
    """The classic confusion: an HMAC keyed with the public key the server trusts."""
    tokens.ensure_dev_key()
    public_pem = (
        tokens.dev_signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    jwks_json = tokens.dev_jwks_path().read_bytes()
    payload = json.dumps(claims(commune), default=lambda moment: int(moment.timestamp())).encode()
    for secret in (public_pem, jwks_json):
        header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "loa-dev"}).encode())
        signing_input = f"{header}.{b64(payload)}".encode()
        signature = b64(hmac.new(secret, signing_input, hashlib.sha256).digest())
        assert_refused(get_feed(f"{signing_input.decode()}.{signature}"))


def test_unsigned_alg_none(commune):
    header = b64(json.dumps({"alg": "none", "typ": "JWT", "kid": "loa-dev"}).encode())
    payload = b64(json.dumps(claims(commune), default=lambda m: int(m.timestamp())).encode())
    assert_refused(get_feed(f"{header}.{payload}."))


def test_expired(commune):
    past = timezone.now() - timedelta(hours=1)
    assert_refused(get_feed(dev_signed(claims(commune, iat=past, exp=past))))


def test_without_expiry(commune):
    assert_refused(get_feed(dev_signed(claims(commune, exp=None))))


@pytest.mark.parametrize(
    "override",
    [
        {"aud": "someone-else"},
        {"iss": "https://evil.example"},
        {"sub": "12345678901"},
        {"sub": "1234567890123"},
        {"sub": "01234567890a"},
        {"sub": 12345678901},
        {"birthdate": "1990-5-1"},
        {"birthdate": "1990-02-30"},
        {"birthdate": "19900501"},
        {"birthdate": (timezone.localdate() + timedelta(days=1)).isoformat()},
        {"gender": "other"},
        {"residence": []},
        {"residence": "26041"},
        {"residence": [7]},
    ],
    ids=lambda override: json.dumps(override),
)
def test_bad_claims(commune, override):
    assert_refused(get_feed(dev_signed(claims(commune, **override))))


@pytest.mark.parametrize("missing", ["sub", "birthdate", "gender", "residence", "aud", "iss"])
def test_missing_claim(commune, missing):
    payload = {key: value for key, value in claims(commune).items() if key != missing}
    assert_refused(get_feed(dev_signed(payload)))


def test_unknown_residence_codes_are_ignored(commune, province):
    """The provider's word stands; a citizen of communes unknown here reads national bulletins."""
    sender = make_org(Kind.DEPARTMENT, province)
    national = make_bulletin(sender, scope_level=ScopeLevel.NATIONAL)
    local = make_bulletin(sender, scope_level=ScopeLevel.COMMUNE, units=[commune])

    unknown_only = get_feed(dev_signed(claims(commune, residence=["99999"])))
    assert [item["id"] for item in unknown_only.json()["items"]] == [national.pk]

    mixed = get_feed(dev_signed(claims(commune, residence=["99999", commune.code])))
    assert {item["id"] for item in mixed.json()["items"]} == {national.pk, local.pk}


def test_verified_citizen(commune, other_commune):
    citizen = tokens.verify_token(
        dev_signed(claims(commune, residence=["99999", other_commune.code, commune.code]))
    )
    assert citizen.pseudonym == tokens.pseudonym(SUB)
    assert citizen.residence == (other_commune.code, commune.code)
    assert [unit.pk for unit in citizen.communes] == [other_commune.pk, commune.pk]
    assert citizen.gender == "male" and citizen.birthdate.isoformat() == "1990-05-01"


def test_pseudonym_is_a_keyed_hmac(settings):
    settings.LOA_PSEUDONYM_KEY = "khoa-bi-mat"
    expected = hmac.new(b"khoa-bi-mat", SUB.encode(), hashlib.sha256).hexdigest()
    assert tokens.pseudonym(SUB) == expected
    settings.LOA_PSEUDONYM_KEY = "khoa-khac"
    assert tokens.pseudonym(SUB) != expected


def test_identity_number_is_never_stored(commune, province):
    bulletin = make_bulletin(make_org(Kind.DEPARTMENT, province))
    client = Client(headers={"Authorization": f"Bearer {token_for(residence=[commune.code])}"})
    client.get(f"/api/v1/bulletins/{bulletin.pk}")
    client.put(
        f"/api/v1/bulletins/{bulletin.pk}/reaction",
        {"kind": "like"},
        content_type="application/json",
    )
    client.post(
        f"/api/v1/bulletins/{bulletin.pk}/comments",
        {"body": "Cảm ơn"},
        content_type="application/json",
    )
    for model in (Reaction, Comment):
        row = model.objects.get()
        assert row.citizen == tokens.pseudonym(SUB)
        assert SUB not in json.dumps(list(model.objects.values()), default=str)


# A production JWKS.


@pytest.fixture
def provider(settings, tmp_path):
    """An identity provider with an RSA key, whose JWKS file the settings name."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps({"keys": [{**jwk, "kid": "vneid-1", "use": "sig"}]}))
    settings.LOA_CITIZEN_JWKS = str(path)
    settings.LOA_CITIZEN_ISSUER = "https://vneid.example"
    settings.LOA_CITIZEN_AUDIENCE = "loa-dong-nai"
    return key, path


def test_rs256_with_a_configured_jwks(provider, commune):
    key, _path = provider
    payload = claims(commune, iss="https://vneid.example", aud="loa-dong-nai")
    token = jwt.encode(payload, key, algorithm="RS256", headers={"kid": "vneid-1"})
    assert get_feed(token).status_code == 200
    # The development key is no longer trusted once the provider's keys are configured.
    assert_refused(get_feed(dev_signed(payload)))


def test_rs256_key_used_with_another_rsa_algorithm(provider, commune):
    key, _path = provider
    payload = claims(commune, iss="https://vneid.example", aud="loa-dong-nai")
    token = jwt.encode(payload, key, algorithm="RS512", headers={"kid": "vneid-1"})
    assert_refused(get_feed(token))


def test_symmetric_keys_in_the_jwks_are_never_trusted(provider, commune):
    key, path = provider
    keys = json.loads(path.read_text())["keys"]
    secret = b"a-shared-secret-that-must-not-sign"
    keys.append({"kty": "oct", "kid": "shared", "k": b64(secret), "alg": "HS256"})
    path.write_text(json.dumps({"keys": keys}))
    payload = claims(commune, iss="https://vneid.example", aud="loa-dong-nai")
    token = jwt.encode(payload, secret, algorithm="HS256", headers={"kid": "shared"})
    assert_refused(get_feed(token))


def test_key_rotation_needs_no_restart(provider, commune):
    key, path = provider
    payload = claims(commune, iss="https://vneid.example", aud="loa-dong-nai")
    old_token = jwt.encode(payload, key, algorithm="RS256", headers={"kid": "vneid-1"})
    assert get_feed(old_token).status_code == 200
    new_key = ec.generate_private_key(ec.SECP256R1())
    jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(new_key.public_key()))
    path.write_text(json.dumps({"keys": [{**jwk, "kid": "vneid-2"}]}))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    new_token = jwt.encode(payload, new_key, algorithm="ES256", headers={"kid": "vneid-2"})
    assert get_feed(new_token).status_code == 200
    assert_refused(get_feed(old_token))


# Development keys and the citizen_token command.


def test_dev_key_is_generated_once(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    jwks_path = tokens.ensure_dev_key()
    assert jwks_path == tmp_path / "citizen-dev-jwks.json"
    key_pem = (tmp_path / "citizen-dev-key.pem").read_bytes()
    [jwk] = json.loads(jwks_path.read_text())["keys"]
    assert jwk["kid"] == "loa-dev" and jwk["crv"] == "P-256" and "d" not in jwk
    tokens.ensure_dev_key()
    assert (tmp_path / "citizen-dev-key.pem").read_bytes() == key_pem


def test_concurrent_first_generation_agrees_on_one_key(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    start = threading.Barrier(6)
    errors = []

    def generate():
        start.wait()
        try:
            tokens.ensure_dev_key()
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    workers = [threading.Thread(target=generate) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors
    [jwk] = json.loads((tmp_path / "citizen-dev-jwks.json").read_text())["keys"]
    public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(tokens.dev_signing_key().public_key()))
    assert (jwk["x"], jwk["y"]) == (public["x"], public["y"])
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "citizen-dev-jwks.json",
        "citizen-dev-key.pem",
    ]


def test_jwks_is_derived_again_from_a_lone_key(settings, tmp_path):
    """A worker that died between writing the key and the JWKS leaves a key the next one reuses."""
    settings.VAR_DIR = tmp_path
    tokens.ensure_dev_key()
    key_pem = (tmp_path / "citizen-dev-key.pem").read_bytes()
    (tmp_path / "citizen-dev-jwks.json").unlink()
    tokens.ensure_dev_key()
    assert (tmp_path / "citizen-dev-key.pem").read_bytes() == key_pem
    assert (tmp_path / "citizen-dev-jwks.json").exists()


def test_citizen_token_command_prints_a_token_that_verifies(commune, other_commune):
    out = StringIO()
    call_command(
        "citizen_token",
        "--sub", SUB,
        "--birthdate", "1990-05-01",
        "--gender", "female",
        "--residence", f"{commune.code},{other_commune.code}",
        "--expires-in", "600",
        stdout=out,
    )  # fmt: skip
    token = out.getvalue().strip()
    citizen = tokens.verify_token(token)
    assert citizen.pseudonym == tokens.pseudonym(SUB)
    assert citizen.residence == (commune.code, other_commune.code)
    assert citizen.gender == "female"
    expires = jwt.decode(token, options={"verify_signature": False})["exp"]
    assert 590 <= expires - timezone.now().timestamp() <= 600
    assert get_feed(token).status_code == 200


def test_citizen_token_command_refuses_without_a_dev_key_in_production(
    settings, tmp_path, provider
):
    settings.VAR_DIR = tmp_path  # no development key here
    with pytest.raises(CommandError):
        call_command(
            "citizen_token", "--sub", SUB, "--birthdate", "1990-05-01", "--gender", "male",
            "--residence", "26041",
        )  # fmt: skip
    assert not (tmp_path / "citizen-dev-key.pem").exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ["--sub", "123", "--birthdate", "1990-05-01", "--gender", "male", "--residence", "26041"],
        ["--sub", SUB, "--birthdate", "01/05/1990", "--gender", "male", "--residence", "26041"],
        ["--sub", SUB, "--birthdate", "1990-05-01", "--gender", "male", "--residence", ","],
    ],
)
def test_citizen_token_command_checks_its_input(arguments):
    with pytest.raises(CommandError):
        call_command("citizen_token", *arguments)
