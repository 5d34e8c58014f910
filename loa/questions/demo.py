"""Demo questions and answers for the Department of Justice's site and Trấn Biên ward's site.

Citizens' questions on civil status, certification, land and residence, answered by the unit in
charge; one question on each site still waits for its answer. The askers are invented. A question
already there (same site and title) is left as it is, so a second run creates nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from loa.portal.models import MemberSite

from .models import Question

# (title, field, asker, email, question, answerer, answer as HTML or "" while pending, days ago)
Item = tuple[str, str, str, str, str, str, str, int]

JUSTICE: list[Item] = [
    (
        "Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn",
        "Hộ tịch",
        "Nguyễn Thị Thu Trang",
        "thutrang.demo@example.vn",
        "Tôi và chồng sống chung nhưng chưa đăng ký kết hôn, nay sinh con được hai tháng. Xin hỏi tôi đăng"
        " ký khai sinh cho con ở đâu, có ghi được tên cha vào giấy khai sinh không?",
        "Phòng Hành chính tư pháp, Sở Tư pháp",
        "<p>Chào bà,</p><p>Theo Luật Hộ tịch, bà đăng ký khai sinh cho con tại Ủy ban nhân dân xã, phường"
        " nơi bà hoặc người cha cư trú. Vì cha mẹ chưa đăng ký kết hôn, muốn ghi tên cha vào giấy khai"
        " sinh thì kết hợp thủ tục đăng ký khai sinh với <b>đăng ký nhận cha, con</b>: người cha có mặt,"
        " nộp tờ khai và chứng cứ chứng minh quan hệ cha con (văn bản giám định ADN hoặc văn bản cam đoan"
        " có ít nhất hai người làm chứng).</p><p>Bà cũng có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ"
        " công quốc gia qua tài khoản định danh điện tử VNeID.</p>",
        9,
    ),
    (
        "Chứng thực bản sao từ bản chính có cần mang theo bản chính không?",
        "Chứng thực",
        "Trần Văn Lộc",
        "tranvanloc.demo@example.vn",
        "Tôi cần chứng thực bản sao bằng tốt nghiệp để nộp hồ sơ xin việc. Xin hỏi có bắt buộc mang bản"
        " chính đến không, và chứng thực ở xã có được không?",
        "Phòng Hành chính tư pháp, Sở Tư pháp",
        "<p>Chào ông,</p><p>Khi chứng thực bản sao từ bản chính, ông phải xuất trình <b>bản chính</b> để"
        " người thực hiện chứng thực đối chiếu. Ông có thể chứng thực tại Ủy ban nhân dân bất kỳ xã,"
        " phường nào hoặc tại tổ chức hành nghề công chứng, không phụ thuộc nơi cư trú.</p><p>Lệ phí là"
        " 2.000 đồng mỗi trang; từ trang thứ ba trở đi là 1.000 đồng mỗi trang.</p>",
        6,
    ),
    (
        "Cấp Phiếu lý lịch tư pháp trực tuyến",
        "Lý lịch tư pháp",
        "Phạm Minh Tuấn",
        "minhtuan.demo@example.vn",
        "Tôi đang làm việc ở Thành phố Hồ Chí Minh, thường trú ở Đồng Nai. Tôi có thể xin Phiếu lý lịch tư"
        " pháp số 1 trực tuyến mà không phải về Đồng Nai không?",
        "Sở Tư pháp tỉnh Đồng Nai",
        "<p>Chào ông,</p><p>Ông có thể nộp yêu cầu cấp Phiếu lý lịch tư pháp trực tuyến trên ứng dụng"
        " VNeID (mục Dịch vụ khác – Cấp phiếu lý lịch tư pháp) hoặc trên Cổng Dịch vụ công quốc gia. Khi"
        " dùng tài khoản định danh điện tử mức độ 2, ông không phải nộp bản chụp giấy tờ tùy thân.</p>"
        "<p>Phiếu được trả qua bưu chính hoặc bản điện tử theo lựa chọn của ông, trong thời hạn 10 ngày"
        " làm việc.</p>",
        3,
    ),
    (
        "Thủ tục công nhận hòa giải viên ở khu phố",
        "Hòa giải ở cơ sở",
        "Lê Thị Bích",
        "lethibich.demo@example.vn",
        "Tôi là hội viên Hội Phụ nữ, muốn tham gia tổ hòa giải ở khu phố. Xin hỏi cần điều kiện gì và"
        " thủ tục công nhận hòa giải viên như thế nào?",
        "",
        "",
        1,
    ),
]

WARD: list[Item] = [
    (
        "Đăng ký thường trú khi mua nhà chung cư",
        "Cư trú",
        "Võ Thanh Hải",
        "thanhhai.demo@example.vn",
        "Gia đình tôi vừa nhận bàn giao căn hộ chung cư trên địa bàn phường nhưng chưa có giấy chứng nhận"
        " quyền sở hữu. Xin hỏi có đăng ký thường trú được không, cần giấy tờ gì?",
        "Ủy ban nhân dân phường Trấn Biên",
        "<p>Chào ông,</p><p>Việc đăng ký thường trú do Công an phường thực hiện. Khi chưa có giấy chứng"
        " nhận, ông có thể dùng hợp đồng mua bán căn hộ kèm biên bản bàn giao nhà làm giấy tờ chứng minh"
        " chỗ ở hợp pháp.</p><p>Ông nộp hồ sơ trực tuyến trên ứng dụng VNeID hoặc tại trụ sở Công an"
        " phường trong giờ hành chính.</p>",
        12,
    ),
    (
        "Xin xác nhận tình trạng hôn nhân để làm hồ sơ vay vốn",
        "Hộ tịch",
        "Huỳnh Ngọc Mai",
        "ngocmai.demo@example.vn",
        "Ngân hàng yêu cầu tôi nộp giấy xác nhận tình trạng hôn nhân. Tôi đã ly hôn năm 2022. Xin hỏi thủ"
        " tục và thời gian giải quyết?",
        "Bộ phận Tư pháp – Hộ tịch, UBND phường Trấn Biên",
        "<p>Chào bà,</p><p>Bà nộp tờ khai cấp Giấy xác nhận tình trạng hôn nhân tại Bộ phận một cửa của"
        " phường hoặc trực tuyến, kèm bản án hoặc quyết định ly hôn đã có hiệu lực pháp luật. Thời hạn"
        " giải quyết là 03 ngày làm việc.</p><p>Giấy xác nhận có giá trị 06 tháng kể từ ngày cấp.</p>",
        7,
    ),
    (
        "Tách thửa đất ở có diện tích nhỏ",
        "Đất đai",
        "Đặng Văn Sơn",
        "dangvanson.demo@example.vn",
        "Tôi có thửa đất ở 120 m² trong khu dân cư, muốn tách cho con 50 m². Xin hỏi diện tích tối thiểu"
        " được tách thửa ở phường là bao nhiêu?",
        "Phòng Kinh tế, Hạ tầng và Đô thị, UBND phường Trấn Biên",
        "<p>Chào ông,</p><p>Điều kiện và diện tích tối thiểu được tách thửa đất ở áp dụng theo quyết định"
        " của Ủy ban nhân dân tỉnh. Tại các phường, thửa đất hình thành sau khi tách phải có diện tích"
        " tối thiểu và chiều rộng mặt tiền theo quy định đó, đồng thời phải tiếp giáp lối đi.</p><p>Ông"
        " mang giấy chứng nhận quyền sử dụng đất đến Bộ phận một cửa để được hướng dẫn cụ thể theo vị trí"
        " thửa đất.</p>",
        4,
    ),
    (
        "Hỗ trợ học phí cho con hộ cận nghèo",
        "Chính sách xã hội",
        "Nguyễn Văn Tâm",
        "vantam.demo@example.vn",
        "Gia đình tôi thuộc hộ cận nghèo, con đang học lớp 7. Xin hỏi con tôi có được miễn, giảm học phí"
        " không và nộp hồ sơ ở đâu?",
        "",
        "",
        0,
    ),
]

SITES = {"stp.localhost": JUSTICE, "tranbien.localhost": WARD}


@transaction.atomic
def load_questions_demo() -> int:
    """Put the demo questions on the demo sites, answered but one; returns how many were made."""
    editor = get_user_model().objects.filter(username="quantri").first()
    now = timezone.now()
    created = 0
    for hostname, items in SITES.items():
        site = MemberSite.objects.filter(site__hostname=hostname).first()
        if site is None:
            continue
        for title, field, asker, email, content, answerer, answer, days_ago in items:
            if Question.objects.filter(site=site, title=title).exists():
                continue
            question = Question.objects.create(
                site=site,
                title=title,
                field=field,
                asker_name=asker,
                email=email,
                content=content,
                answerer=answerer,
                answer=answer,
                submitted_at=now - datetime.timedelta(days=days_ago + 2, hours=3),
            )
            if answer:
                question.publish(editor)
                question.answered_at = now - datetime.timedelta(days=days_ago)
                question.save(update_fields=["answered_at"])
            created += 1
    return created
