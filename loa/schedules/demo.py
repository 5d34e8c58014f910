"""Demo work schedules: this week's and next week's, of the province's and the Justice Department's
leaders.

Dates are counted from today's Monday, so the demo always shows the current week. A week already
there is left as it is, so a second run creates nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from loa.portal.models import MemberSite

from .models import ScheduleEntry, WeeklySchedule
from .weeks import monday_of

CHAIR = "Chủ tịch UBND tỉnh Trương Minh Khoa"
VICE_CHAIR = "Phó Chủ tịch UBND tỉnh Đỗ Thị Ngọc Hân"
DIRECTOR = "Giám đốc Sở Hoàng Văn Nam"
DEPUTY = "Phó Giám đốc Sở Lưu Thị Hồng Nhung"

# (day of the week from 0, start, end, leaders, content, participants, prepared by, location, notes)
Entry = tuple[int, str, str, str, str, str, str, str, str]

PROVINCE_WEEKS: list[list[Entry]] = [
    [
        (0, "07:30", "09:00", f"{CHAIR}; {VICE_CHAIR}", "Giao ban lãnh đạo Ủy ban nhân dân tỉnh đầu tuần.",
         "Chánh Văn phòng, các Phó Chánh Văn phòng UBND tỉnh.", "Văn phòng UBND tỉnh",
         "Phòng họp số 1, trụ sở UBND tỉnh", ""),
        (0, "14:00", "17:00", CHAIR,
         "Họp nghe báo cáo tiến độ giải ngân vốn đầu tư công năm 2026 và giải pháp đẩy nhanh giải ngân"
         " các tháng cuối năm.",
         "Giám đốc các Sở: Tài chính, Xây dựng, Nông nghiệp và Môi trường; Ban Quản lý dự án đầu tư xây"
         " dựng tỉnh.", "Sở Tài chính", "Phòng họp số 1, trụ sở UBND tỉnh", ""),
        (1, "08:00", "11:30", VICE_CHAIR,
         "Dự Hội nghị tổng kết công tác chuyển đổi số và thực hiện Đề án 06 của tỉnh.",
         "Theo giấy mời của Công an tỉnh.", "Công an tỉnh", "Hội trường Công an tỉnh", ""),
        (1, "14:00", "16:30", CHAIR,
         "Kiểm tra tiến độ thi công các tuyến giao thông kết nối Cảng hàng không quốc tế Long Thành.",
         "Lãnh đạo Sở Xây dựng, Ban Quản lý dự án, UBND các xã liên quan.", "Sở Xây dựng",
         "Xã Long Thành", "Xe xuất phát lúc 13:15 tại trụ sở UBND tỉnh."),
        (2, "08:00", "", f"{CHAIR}; {VICE_CHAIR}",
         "Phiên họp thường kỳ tháng của Ủy ban nhân dân tỉnh.",
         "Thành viên UBND tỉnh; đại biểu mời theo giấy mời.", "Văn phòng UBND tỉnh",
         "Hội trường UBND tỉnh", "Cả ngày."),
        (3, "08:00", "10:00", VICE_CHAIR,
         "Làm việc với Sở Giáo dục và Đào tạo về chuẩn bị kỳ thi học sinh giỏi cấp tỉnh.",
         "Lãnh đạo Sở Giáo dục và Đào tạo, Sở Tài chính.", "Sở Giáo dục và Đào tạo",
         "Phòng họp số 2, trụ sở UBND tỉnh", ""),
        (3, "14:00", "17:00", CHAIR, "Tiếp công dân định kỳ tháng.",
         "Ban Tiếp công dân tỉnh, Thanh tra tỉnh và các sở, ngành liên quan.", "Ban Tiếp công dân tỉnh",
         "Trụ sở Tiếp công dân tỉnh", ""),
        (4, "08:00", "11:00", VICE_CHAIR,
         "Dự Lễ phát động Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở"
         " giới năm 2026.", "Theo chương trình của Sở Y tế.", "Sở Y tế",
         "Quảng trường tỉnh, phường Trấn Biên", ""),
        (4, "14:00", "16:00", CHAIR, "Làm việc với Hiệp hội doanh nghiệp tỉnh về tình hình sản xuất, kinh doanh cuối năm.",
         "Giám đốc các Sở: Tài chính, Công Thương; Ban Quản lý các khu công nghiệp.", "Sở Tài chính",
         "Phòng họp số 1, trụ sở UBND tỉnh", ""),
    ],
    [
        (0, "07:30", "09:00", f"{CHAIR}; {VICE_CHAIR}", "Giao ban lãnh đạo Ủy ban nhân dân tỉnh đầu tuần.",
         "Chánh Văn phòng, các Phó Chánh Văn phòng UBND tỉnh.", "Văn phòng UBND tỉnh",
         "Phòng họp số 1, trụ sở UBND tỉnh", ""),
        (1, "08:00", "11:30", CHAIR, "Dự Kỳ họp chuyên đề của Hội đồng nhân dân tỉnh.",
         "Theo giấy mời của Thường trực HĐND tỉnh.", "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
         "Hội trường HĐND tỉnh", ""),
        (2, "14:00", "16:30", VICE_CHAIR,
         "Kiểm tra công tác chuẩn bị hàng hóa, bình ổn thị trường dịp Tết Nguyên đán.",
         "Lãnh đạo Sở Công Thương, Sở Tài chính, các doanh nghiệp tham gia bình ổn thị trường.",
         "Sở Công Thương", "Phường Trấn Biên", ""),
        (3, "08:00", "11:00", CHAIR, "Làm việc với Ban Quản lý các khu công nghiệp về thu hút đầu tư năm 2027.",
         "Ban Quản lý các khu công nghiệp; Sở Tài chính.", "Ban Quản lý các khu công nghiệp",
         "Phòng họp số 1, trụ sở UBND tỉnh", ""),
        (4, "08:00", "10:00", f"{CHAIR}; {VICE_CHAIR}", "Đối thoại với thanh niên về khởi nghiệp, đổi mới sáng tạo.",
         "Tỉnh Đoàn; Sở Khoa học và Công nghệ; đại diện thanh niên các xã, phường.", "Tỉnh Đoàn",
         "Nhà Văn hóa Thanh niên tỉnh", ""),
    ],
]

JUSTICE_WEEKS: list[list[Entry]] = [
    [
        (0, "07:30", "08:30", f"{DIRECTOR}; {DEPUTY}", "Giao ban Ban Giám đốc Sở.",
         "Trưởng các phòng, đơn vị thuộc Sở.", "Văn phòng Sở", "Phòng họp Sở Tư pháp", ""),
        (1, "08:00", "11:00", DEPUTY,
         "Tập huấn nghiệp vụ hộ tịch, chứng thực cho công chức tư pháp – hộ tịch cấp xã.",
         "Công chức tư pháp – hộ tịch các xã, phường.", "Phòng Hành chính tư pháp",
         "Hội trường Sở Tư pháp", ""),
        (2, "14:00", "16:00", DIRECTOR,
         "Thẩm định dự thảo Nghị quyết của HĐND tỉnh quy định mức chi hỗ trợ hòa giải ở cơ sở.",
         "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật; đại diện Sở Tài chính.",
         "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật", "Phòng họp Sở Tư pháp", ""),
        (3, "08:00", "11:30", DIRECTOR, "Tiếp công dân định kỳ.", "Thanh tra Sở.", "Thanh tra Sở",
         "Phòng tiếp công dân Sở Tư pháp", ""),
        (4, "08:00", "10:30", DEPUTY, "Trợ giúp pháp lý lưu động tại xã Phú Lý.",
         "Trung tâm Trợ giúp pháp lý nhà nước tỉnh; UBND xã Phú Lý.", "Trung tâm Trợ giúp pháp lý",
         "Hội trường UBND xã Phú Lý", ""),
    ],
    [
        (0, "07:30", "08:30", f"{DIRECTOR}; {DEPUTY}", "Giao ban Ban Giám đốc Sở.",
         "Trưởng các phòng, đơn vị thuộc Sở.", "Văn phòng Sở", "Phòng họp Sở Tư pháp", ""),
        (1, "14:00", "16:30", DIRECTOR,
         "Họp Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh: đánh giá kết quả năm 2026.",
         "Thành viên Hội đồng.", "Phòng Phổ biến, giáo dục pháp luật", "Phòng họp số 2, trụ sở UBND tỉnh", ""),
        (3, "08:00", "11:00", DEPUTY, "Kiểm tra công tác đăng ký, quản lý hộ tịch tại phường Trấn Biên.",
         "Phòng Hành chính tư pháp.", "Phòng Hành chính tư pháp", "UBND phường Trấn Biên", ""),
    ],
]

SITES = {"localhost": PROVINCE_WEEKS, "stp.localhost": JUSTICE_WEEKS}


def _time(text: str) -> datetime.time | None:
    return datetime.time.fromisoformat(text) if text else None


@transaction.atomic
def load_schedules_demo() -> int:
    """Publish this week's and next week's schedules on the demo sites; returns how many weeks were made."""
    publisher = get_user_model().objects.filter(username="quantri").first()
    this_monday = monday_of(timezone.localdate())
    created = 0
    for hostname, weeks in SITES.items():
        site = MemberSite.objects.filter(site__hostname=hostname).first()
        if site is None:
            continue
        for offset, entries in enumerate(weeks):
            monday = this_monday + datetime.timedelta(weeks=offset)
            schedule, made = WeeklySchedule.objects.get_or_create(site=site, week_start=monday)
            if not made:
                continue
            ScheduleEntry.objects.bulk_create(
                ScheduleEntry(
                    schedule=schedule,
                    date=monday + datetime.timedelta(days=day),
                    start_time=_time(start),
                    end_time=_time(end),
                    leaders=leaders,
                    content=content,
                    participants=participants,
                    preparation=preparation,
                    location=location,
                    notes=notes,
                )
                for day, start, end, leaders, content, participants, preparation, location, notes in entries
            )
            schedule.publish(publisher)
            created += 1
    return created
