import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_public_media_is_served_and_attachments_are_not(client):
    image = default_storage.save("original_images/anh.png", ContentFile(b"\x89PNG data"))
    attachment = default_storage.save("loa/attachments/2026/03/cong-van.pdf", ContentFile(b"%PDF-1.4"))
    assert client.get(f"/media/{image}").status_code == 200
    assert client.get(f"/media/{attachment}").status_code == 404
