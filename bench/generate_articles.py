"""Fill a site with member sites and articles, for the search and page-speed benchmarks.

Usage (inside a site prepared by bench/server.py, i.e. with its LOA_VAR_DIR, or with DATABASE_URL):
    python bench/generate_articles.py --articles 50000 --sites 40

or, from Python (another benchmark's `prepare`, a shell)::

    from generate_articles import generate
    generate(n_articles=50_000, n_sites=40)

Member sites belong to the People's Committees of communes of the demo province (Đồng Nai), at
`bench-<commune code>.localhost`, and are made by the real `provision_member_site`, so they have
their standard sections, groups and workflow. Articles are Vietnamese-like text drawn from a word
list with a long-tailed frequency (a few words in most articles, most words in few), spread over
the sites' sections and the last three years, each with one of a dozen shared pictures whose
renditions are made in advance.

Fifty thousand `add_child` calls would take an hour, so pages go in with bulk inserts: tree paths
are computed as treebeard would (`Page._get_path`), the page rows are inserted, then the article
rows that extend them; no revisions are written (the pages are live, as if published by a
script). The search index is then rebuilt by the search app's own `rebuild()`.

Idempotent-ish: sites that exist are kept, and a second run only adds the articles missing to
reach `n_articles` bench articles.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.settings")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Page  # noqa: E402

from loa.orgs.models import Kind, Organization  # noqa: E402
from loa.portal.models import MemberSite  # noqa: E402
from loa.portal.pages import (  # noqa: E402
    CARD_SPEC,
    LEAD_SPEC,
    SMALL_CARD_SPEC,
    ArticlePage,
    PortalHomePage,
    SectionPage,
)
from loa.portal.provisioning import provision_member_site  # noqa: E402
from loa.search.index import rebuild  # noqa: E402
from loa.search.text import fold  # noqa: E402
from loa.units.models import AdminUnit  # noqa: E402

PROVINCE_CODE = "75"  # Đồng Nai, the demo's province
SLUG_PREFIX = "bench-"
BATCH = 1000
IMAGES = 12
RENDITIONS = (CARD_SPEC, LEAD_SPEC, SMALL_CARD_SPEC, "width-480", "width-800", "width-1200")
YEARS = 3

# Common words first: they get the highest weights. Place names and subjects of local news follow.
COMMON = (
    "các những được của cho với trong trên tại về đã đang sẽ có không là một nhiều để theo từ đến"
    " và người dân năm ngày tháng công tác thực hiện triển khai tổ chức"
).split()
PHRASES = [
    "Đồng Nai", "Biên Hòa", "Long Khánh", "Trấn Biên", "Tam Hiệp", "Long Bình", "Phước Tân",
    "Nhơn Trạch", "Trảng Bom", "Xuân Lộc", "Định Quán", "Tân Phú", "Bình Phước", "Đồng Xoài",
    "hội nghị", "kế hoạch", "chuyển đổi số", "dịch vụ công", "trực tuyến", "doanh nghiệp",
    "an ninh trật tự", "giao thông", "đường giao thông", "khởi công", "hoàn thành", "nông thôn mới",
    "văn hóa", "thể thao", "du lịch", "giáo dục", "y tế", "tiêm chủng", "vắc xin", "môi trường",
    "rác thải", "kênh rạch", "ngập úng", "phòng chống thiên tai", "mùa mưa bão",
    "cải cách hành chính", "thủ tục hành chính", "hồ sơ", "đất đai", "xây dựng", "quy hoạch",
    "đầu tư", "khu công nghiệp", "lao động", "việc làm", "bảo hiểm xã hội", "an sinh xã hội",
    "hộ nghèo", "người có công", "thương binh liệt sĩ", "Tết Nguyên đán", "lễ hội",
    "di tích lịch sử", "bảo tàng", "thanh niên", "phụ nữ", "hội nông dân", "cựu chiến binh",
    "Mặt trận Tổ quốc", "đại hội", "nghị quyết", "chỉ thị", "công văn", "báo cáo", "tổng kết",
    "sơ kết", "khen thưởng", "thi đua", "phường", "xã", "khu phố", "ấp", "tổ dân phố",
    "Ủy ban nhân dân", "Công an", "Sở Tư pháp", "tư pháp", "hộ tịch", "chứng thực",
    "lý lịch tư pháp", "phổ biến pháp luật", "hòa giải", "trẻ em", "học sinh", "trường học",
    "khai giảng", "tốt nghiệp", "bệnh viện", "trạm y tế", "sốt xuất huyết", "dịch bệnh", "cây xanh",
    "chiếu sáng", "nước sạch", "điện lực", "cầu", "đường vành đai", "cao tốc", "sân bay Long Thành",
    "cảng", "xuất khẩu", "nông nghiệp", "cây ăn trái", "sầu riêng", "chăn nuôi", "hợp tác xã",
    "chợ", "an toàn thực phẩm", "phòng cháy chữa cháy", "cứu nạn", "tai nạn giao thông", "ma túy",
    "tội phạm", "tuần tra", "kiểm tra", "giám sát", "tiếp công dân", "phản ánh", "kiến nghị",
    "đối thoại", "lấy ý kiến", "dự thảo", "ngân sách", "thu ngân sách", "thuế", "kho bạc",
    "ngân hàng", "tín dụng chính sách", "nhà ở xã hội", "tái định cư", "bồi thường",
    "giải phóng mặt bằng", "chính quyền hai cấp", "sáp nhập", "bộ máy", "cán bộ", "công chức",
    "viên chức", "tuyển dụng", "đào tạo", "bồi dưỡng", "hội thi", "giải bóng đá", "chạy bộ",
    "văn nghệ", "thư viện", "đọc sách", "Đề án 06", "VNeID", "định danh điện tử", "căn cước",
    "cư trú", "thanh toán không dùng tiền mặt", "khởi nghiệp", "đổi mới sáng tạo", "hội chợ",
    "triển lãm", "OCOP", "làng nghề", "mưa lớn", "triều cường", "sạt lở", "nắng nóng", "hạn hán",
    "tiết kiệm điện", "năng lượng mặt trời",
]
AUTHORS = ["Minh Anh", "Thu Hà", "Quốc Bảo", "Ngọc Lan", "Văn Hùng"]
VERBS = [
    "ra quân", "phát động", "tổ chức", "triển khai", "hướng dẫn", "kiểm tra", "đẩy mạnh",
    "tăng cường", "nâng cao", "hỗ trợ", "trao tặng", "thăm hỏi", "tiếp nhận", "giải quyết",
    "công bố", "ký kết", "khánh thành", "bàn giao", "tuyên truyền", "vận động", "xử lý",
]


class Words:
    """Draws words with a long-tailed frequency, so that some queries match most articles (the
    province's name, common verbs) and others only a handful, as in real news."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        tail = PHRASES[:]
        rng.shuffle(tail)
        self.words = COMMON + VERBS + tail
        self.weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.words))]
        self.subjects = VERBS + PHRASES

    def run(self, count: int) -> str:
        return " ".join(self.rng.choices(self.words, self.weights, k=count))

    def title(self) -> str:
        parts = [
            self.rng.choice(PHRASES),
            self.rng.choice(VERBS),
            *self.rng.sample(self.subjects, self.rng.randint(2, 4)),
        ]
        self.rng.shuffle(parts)
        title = " ".join(parts)
        return title[0].upper() + title[1:]

    def sentence(self) -> str:
        text = self.run(self.rng.randint(10, 20))
        return text[0].upper() + text[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 6)))


def pictures() -> list:
    """A dozen shared representative images, with the renditions the pages use made in advance."""
    model = get_image_model()
    made = list(model.objects.filter(title__startswith="Ảnh đo hiệu năng").order_by("pk"))
    for index in range(len(made), IMAGES):
        buffer = io.BytesIO()
        colour = (30 + index * 15, 80, 150 - index * 8)
        PILImage.new("RGB", (1200, 675), colour).save(buffer, "JPEG")
        image = model.objects.create(
            title=f"Ảnh đo hiệu năng {index}",
            file=ImageFile(buffer, name=f"bench-article-{index}.jpg"),
        )
        made.append(image)
    for image in made:
        for spec in RENDITIONS:
            image.get_rendition(spec)
    return made


def _communes(n_sites: int) -> list[AdminUnit]:
    province = AdminUnit.objects.get(code=PROVINCE_CODE)
    return list(AdminUnit.objects.communes_of(province).order_by("code")[:n_sites])


def hostname(commune: AdminUnit) -> str:
    return f"bench-{commune.code}.localhost"


def hostnames(n_sites: int) -> list[str]:
    """The host names of the bench sites, in the order `generate` fills them."""
    return [hostname(commune) for commune in _communes(n_sites)]


def member_sites(n_sites: int) -> list[PortalHomePage]:
    """The home pages of `n_sites` commune sites of the province, provisioned when missing."""
    province = AdminUnit.objects.get(code=PROVINCE_CODE)
    committee = Organization.objects.filter(kind=Kind.PEOPLES_COMMITTEE, unit=province).first()
    homes = []
    for commune in _communes(n_sites):
        organization, _ = Organization.objects.get_or_create(
            code=f"BENCH-{commune.code}",
            defaults={
                "name": f"Ủy ban nhân dân {commune.name}",
                "kind": Kind.PEOPLES_COMMITTEE,
                "unit": commune,
                "parent": committee,
            },
        )
        member = MemberSite.objects.filter(organization=organization).select_related("site").first()
        if member is None:
            homes.append(provision_member_site(organization, hostname(commune)))
        else:
            homes.append(member.site.root_page.specific)
    return homes


def _article_rows(
    parent: Page, first_step: int, count: int, words: Words, images: list, numbers: range, now
) -> tuple[list[Page], list[dict]]:
    content_type = ContentType.objects.get_for_model(ArticlePage)
    pages, fields = [], []
    for offset, number in zip(range(count), numbers, strict=True):
        title = words.title()
        slug = f"{SLUG_PREFIX}{number}-{slugify(fold(title))[:60]}"
        published = now - timedelta(seconds=words.rng.uniform(0, YEARS * 365 * 86400))
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(parent.path, parent.depth + 1, first_step + offset),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
        picture = words.rng.choice(images)
        fields.append(
            {
                "lead": words.paragraph()[:600],
                "image": picture,
                "image_alt": f"Ảnh minh họa: {title}"[:255],
                "body": [
                    {"type": "paragraph", "value": f"<p>{words.paragraph()}</p>",
                     "id": str(uuid.uuid4())}
                    for _ in range(words.rng.randint(3, 6))
                ],
                "author": words.rng.choice(AUTHORS),
            }
        )
    return pages, fields


def _insert_articles(
    parent: Page, count: int, words: Words, images: list, numbers: range, now
) -> None:
    """`count` live articles as the last children of `parent`, in two bulk inserts per batch."""
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen:]) + 1 if last else 1
    local_fields = ArticlePage._meta.local_concrete_fields
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        pages, fields = _article_rows(
            parent, first_step + start, size, words, images, numbers[start:start + size], now
        )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            articles = [
                ArticlePage(page_ptr_id=page.pk, **values)
                for page, values in zip(pages, fields, strict=True)
            ]
            ArticlePage._base_manager._insert(articles, fields=local_fields)
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + size)
            parent.numchild += size


def generate(n_articles: int = 50_000, n_sites: int = 40, seed: int = 2026) -> int:
    """Make sure `n_sites` bench member sites hold `n_articles` bench articles between them.

    Returns the number of articles created by this call.
    """
    started = time.monotonic()
    rng = random.Random(seed)
    words = Words(rng)
    homes = member_sites(n_sites)
    images = pictures()
    print(f"{len(homes)} member sites ready ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    sections = [
        section
        for home in homes
        for section in SectionPage.objects.child_of(home).order_by("path")
    ]
    existing = ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    missing = max(0, n_articles - existing)
    now = timezone.now()
    per_section, extra = divmod(missing, len(sections))
    number = existing
    for index, section in enumerate(sections):
        count = per_section + (1 if index < extra else 0)
        if count:
            _insert_articles(section, count, words, images, range(number, number + count), now)
            number += count
    print(f"{missing:,} articles inserted ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    if missing:
        entries = rebuild()
        print(f"search index rebuilt: {entries:,} entries ({time.monotonic() - started:.0f} s)",
              file=sys.stderr)
    return missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--sites", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sites-file", type=Path, help="write the sites' host names here (JSON)")
    args = parser.parse_args()
    generate(args.articles, args.sites, args.seed)
    if args.sites_file:
        args.sites_file.write_text(json.dumps(hostnames(args.sites)))


if __name__ == "__main__":
    main()
