import pytest

pytestmark = pytest.mark.django_db


def test_provinces(client):
    response = client.get("/api/v1/units", {"level": "province"})
    assert response.status_code == 200
    body = response.json()
    assert len(body) == 34
    assert {"code": "75", "name": "Đồng Nai", "level": "province", "kind": "tinh", "parent": None} in body


def test_communes_of_a_province(client):
    body = client.get("/api/v1/units", {"level": "commune", "parent": "75"}).json()
    assert len(body) == 95
    assert {unit["parent"] for unit in body} == {"75"}


def test_unknown_parent_is_a_vietnamese_422(client):
    response = client.get("/api/v1/units", {"parent": "999"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "parent"
    assert "999" in error["msg"] and "Không" in error["msg"]


def test_unknown_level_is_a_vietnamese_422(client):
    response = client.get("/api/v1/units", {"level": "village"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "level"
    assert "Chọn" in response.json()["detail"][0]["msg"]


def test_health(client):
    assert client.get("/api/v1/health").json() == {"status": "ok", "database": "ok"}


def test_answers_are_cached_and_invalidated_by_changes(client, django_assert_num_queries):
    from loa.units.models import AdminUnit

    client.get("/api/v1/units", {"level": "province"})
    with django_assert_num_queries(0):
        response = client.get("/api/v1/units", {"level": "province"})
    assert response["Cache-Control"].startswith("public")
    hanoi = AdminUnit.objects.get(code="01")
    hanoi.name = "Thủ đô Hà Nội"
    hanoi.save()
    body = client.get("/api/v1/units", {"level": "province"}).json()
    assert {"code": "01", "name": "Thủ đô Hà Nội"}.items() <= next(u for u in body if u["code"] == "01").items()


@pytest.mark.parametrize("parent", ["7\x005", "75; DROP TABLE", "x" * 11])
def test_malformed_parent_codes_are_a_422(client, parent):
    response = client.get("/api/v1/units", {"parent": parent})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "parent"
