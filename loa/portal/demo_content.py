"""The words of the portal demo: sample content written for this project, in Vietnamese.

Plausible local-government news about a fictional-but-typical year in Đồng Nai; people's names are
the demo accounts' or invented, figures, addresses and telephone numbers are illustrative (e-mail
addresses end in the reserved ".example"). Every site carries a notice saying so.
Body blocks are written in StreamField's raw form; "@name" stands for a picture that `demo`
draws and files in the site's collection.
"""

from __future__ import annotations

NOTICE = "Trang minh họa: nội dung do dự án Loa soạn để trình diễn, không phải thông tin chính thức."

OFFICE_HOURS = (
    "Sáng: 7 giờ 00 – 11 giờ 30, từ thứ Hai đến thứ Sáu\n"
    "Chiều: 13 giờ 00 – 16 giờ 30, từ thứ Hai đến thứ Sáu"
)


def p(*paragraphs: str) -> dict:
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def image(name: str, alt: str, caption: str = "", credit: str = "") -> dict:
    return {"type": "image", "value": {"image": f"@{name}", "alt": alt, "caption": caption, "credit": credit}}


def quote(text: str, attribution: str) -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def table(caption: str, rows: list[list[str]]) -> dict:
    return {
        "type": "table",
        "value": {
            "data": rows,
            "table_caption": caption,
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "cell": [],
            "mergeCells": [],
        },
    }


def infographic(name: str, alt: str, caption: str, text_version: str) -> dict:
    return {
        "type": "infographic",
        "value": {"image": f"@{name}", "alt": alt, "caption": caption, "text_version": text_version},
    }


def chapter(heading: str, text: str, picture: str = "", alt: str = "", caption: str = "") -> dict:
    return {
        "type": "longform_section",
        "value": {
            "heading": heading,
            "text": text,
            "image": f"@{picture}" if picture else None,
            "alt": alt,
            "caption": caption,
        },
    }


# Each site: its pictures (name → the title drawn on it; for an infographic, an organization chart
# or a map, also the lines it shows), then its pages. -----------------------

PROVINCE = {
    "organization": "DNI-UBND",
    "hostname": "localhost",
    "default": True,
    "colours": ((164, 22, 26), (229, 115, 45)),
    "contact": ("Trụ sở Ủy ban nhân dân tỉnh Đồng Nai (địa chỉ minh họa)", "0251 0000 001",
                "congthongtin@dongnai.example"),
    "intro": "Kênh thông tin chính thống của Ủy ban nhân dân tỉnh Đồng Nai trên môi trường mạng:"
    " chỉ đạo, điều hành, chính sách mới và dịch vụ công cho người dân, doanh nghiệp.",
    "pictures": {
        "dvc": "Dịch vụ công trực tuyến toàn trình",
        "dvc-quay": "Bộ phận một cửa hướng dẫn nộp hồ sơ trực tuyến",
        "cds": "Tuần lễ Chuyển đổi số tỉnh Đồng Nai",
        "cds-gianhang": "Gian trưng bày giải pháp số",
        "cds-info": ("4 bước nộp hồ sơ trực tuyến", [
            "Đăng nhập bằng tài khoản định danh điện tử", "Chọn thủ tục, điền tờ khai",
            "Đính kèm giấy tờ, nộp phí, lệ phí", "Theo dõi tiến độ, nhận kết quả"]),
        "tiem": "Tiêm chủng mở rộng cho trẻ dưới 5 tuổi",
        "taphuan": "Tập huấn vận hành trang thông tin điện tử cấp xã",
        "cds-banner": "Chuyên trang Chuyển đổi số",
        "anh-1": "Khai mạc Tuần lễ Chuyển đổi số",
        "anh-2": "Người dân trải nghiệm dịch vụ công",
        "anh-3": "Học sinh tham quan gian hàng công nghệ",
        "anh-4": "Tọa đàm chính quyền số",
        "ban-do": "Bản đồ minh họa tỉnh Đồng Nai",
    },
    "articles": [
        {
            "section": "tin-tuc",
            "slug": "day-manh-dich-vu-cong-truc-tuyen-toan-trinh",
            "days_ago": 1,
            "title": "Đồng Nai đẩy mạnh dịch vụ công trực tuyến toàn trình, giảm thời gian đi lại của người dân",
            "lead": "Từ đầu năm, các sở, ngành và Ủy ban nhân dân cấp xã trên địa bàn tỉnh tiếp tục rà"
            " soát, đưa thêm thủ tục hành chính lên dịch vụ công trực tuyến toàn trình; người dân có"
            " thể nộp hồ sơ, theo dõi tiến độ và nhận kết quả mà không phải đến trụ sở.",
            "image": "dvc",
            "image_alt": "Cán bộ bộ phận một cửa hướng dẫn người dân nộp hồ sơ trên máy tính bảng",
            "author": "Thanh Bình",
            "tags": ["Dịch vụ công", "Cải cách hành chính"],
            "body": [
                p(
                    "Theo Văn phòng Ủy ban nhân dân tỉnh, việc cung cấp dịch vụ công trực tuyến toàn"
                    " trình được xác định là nhiệm vụ trọng tâm của cải cách hành chính trong năm."
                    " Các cơ quan được giao rà soát quy trình nội bộ, số hóa hồ sơ, kết quả giải quyết"
                    " và bảo đảm người dân được hướng dẫn tận tình khi lần đầu sử dụng.",
                    "Tại bộ phận một cửa các cấp, công chức được bố trí hỗ trợ người dân đăng nhập bằng"
                    " tài khoản định danh điện tử, chụp ảnh giấy tờ và thanh toán phí, lệ phí trực tuyến.",
                ),
                image(
                    "dvc-quay",
                    "Người dân ngồi trước quầy một cửa, công chức chỉ dẫn trên màn hình",
                    "Công chức bộ phận một cửa hướng dẫn người dân nộp hồ sơ trực tuyến.",
                ),
                quote(
                    "Mục tiêu không chỉ là tăng số hồ sơ trực tuyến, mà là để người dân thấy làm thủ"
                    " tục trên mạng nhanh hơn, rõ ràng hơn và không phải đi lại nhiều lần.",
                    "Lãnh đạo Văn phòng Ủy ban nhân dân tỉnh",
                ),
                table(
                    "Các cách nộp hồ sơ thủ tục hành chính",
                    [
                        ["Cách nộp", "Thực hiện", "Nhận kết quả"],
                        ["Trực tuyến", "Cổng Dịch vụ công, ứng dụng VNeID", "Bản điện tử hoặc qua bưu chính"],
                        ["Qua bưu chính", "Gửi hồ sơ giấy qua bưu điện", "Qua bưu chính"],
                        ["Trực tiếp", "Bộ phận một cửa các cấp", "Tại bộ phận một cửa"],
                    ],
                ),
                p(
                    "Người dân, doanh nghiệp cần hỗ trợ có thể liên hệ bộ phận một cửa nơi gần nhất"
                    " hoặc gửi câu hỏi qua chuyên mục Hỏi đáp trên Cổng thông tin điện tử tỉnh."
                ),
            ],
        },
        {
            "section": "chuyen-trang-chuyen-doi-so",
            "slug": "khai-mac-tuan-le-chuyen-doi-so",
            "days_ago": 3,
            "title": "Khai mạc Tuần lễ Chuyển đổi số tỉnh Đồng Nai",
            "lead": "Tuần lễ diễn ra với chuỗi hội thảo, gian trưng bày và hoạt động trải nghiệm, giúp"
            " người dân, doanh nghiệp làm quen với dịch vụ số của chính quyền các cấp.",
            "image": "cds",
            "image_alt": "Sân khấu khai mạc với phông nền Tuần lễ Chuyển đổi số",
            "author": "Minh Khôi",
            "tags": ["Chuyển đổi số"],
            "body": [
                chapter(
                    "Đưa dịch vụ số đến gần người dân",
                    "<p>Trong khuôn khổ Tuần lễ, các sở, ngành giới thiệu những dịch vụ công được"
                    " dùng nhiều nhất, hướng dẫn cài đặt và sử dụng ứng dụng định danh điện tử,"
                    " tra cứu hồ sơ và phản ánh, kiến nghị trực tuyến.</p>",
                    "cds-gianhang",
                    "Khách tham quan đứng quanh gian trưng bày có màn hình lớn",
                    "Gian trưng bày giải pháp số thu hút đông đảo khách tham quan.",
                ),
                chapter(
                    "Hội thảo về chính quyền số cấp xã",
                    "<p>Hội thảo chuyên đề tập trung vào việc vận hành trang thông tin điện tử cấp xã"
                    " như một phần của Cổng thông tin điện tử tỉnh: cập nhật tin, bài đúng quy trình"
                    " biên tập, công khai thủ tục hành chính và trả lời câu hỏi của người dân.</p>",
                ),
                infographic(
                    "cds-info",
                    "Đồ họa bốn bước nộp hồ sơ trực tuyến",
                    "Bốn bước nộp hồ sơ trực tuyến.",
                    "<ol><li>Đăng nhập bằng tài khoản định danh điện tử.</li>"
                    "<li>Chọn thủ tục và điền tờ khai.</li>"
                    "<li>Đính kèm giấy tờ, thanh toán phí, lệ phí.</li>"
                    "<li>Theo dõi tiến độ và nhận kết quả.</li></ol>",
                ),
                chapter(
                    "Lắng nghe người dùng",
                    "<p>Ban tổ chức bố trí khu vực tiếp nhận góp ý, để người dân chia sẻ những khó"
                    " khăn khi sử dụng dịch vụ số; các ý kiến được tổng hợp, chuyển đến cơ quan chủ"
                    " trì thủ tục để cải tiến.</p>",
                ),
            ],
            "related": ["day-manh-dich-vu-cong-truc-tuyen-toan-trinh"],
        },
        {
            "section": "tin-tuc",
            "slug": "tiem-chung-mo-rong-tre-duoi-5-tuoi",
            "days_ago": 5,
            "title": "Triển khai đợt tiêm chủng mở rộng cho trẻ dưới 5 tuổi trên toàn tỉnh",
            "lead": "Ngành y tế phối hợp với chính quyền cấp xã rà soát, lập danh sách trẻ chưa tiêm"
            " hoặc tiêm chưa đủ mũi để tiêm bù, tiêm vét trong tháng này.",
            "image": "tiem",
            "image_alt": "Nhân viên y tế tiêm vắc xin cho một em bé trong vòng tay mẹ",
            "author": "Thu Trang",
            "tags": ["Y tế", "Tiêm chủng"],
            "body": [
                p(
                    "Các trạm y tế xã, phường tổ chức điểm tiêm cố định và điểm tiêm lưu động tại khu"
                    " dân cư đông trẻ nhỏ. Phụ huynh được nhắn lịch tiêm qua tin nhắn và qua tổ dân cư.",
                    "Phụ huynh mang theo sổ tiêm chủng hoặc tra cứu lịch sử tiêm của trẻ trên ứng dụng"
                    " định danh điện tử; theo dõi trẻ 30 phút sau tiêm tại điểm tiêm và 24 giờ tại nhà.",
                ),
                table(
                    "Lịch tiêm tại trạm y tế",
                    [
                        ["Nhóm tuổi", "Vắc xin", "Thời gian"],
                        ["Từ 2 đến 24 tháng", "Tiêm bù các mũi còn thiếu", "Thứ Ba, thứ Năm hằng tuần"],
                        ["Từ 1 đến 5 tuổi", "Sởi, sởi – rubella", "Thứ Bảy hằng tuần"],
                    ],
                ),
            ],
        },
        {
            "section": "tin-tuc",
            "slug": "tap-huan-trang-thong-tin-dien-tu-cap-xa",
            "days_ago": 8,
            "title": "Tập huấn vận hành trang thông tin điện tử cho cán bộ cấp xã",
            "lead": "Hơn một trăm cán bộ, công chức phụ trách trang thông tin điện tử của các xã,"
            " phường được hướng dẫn quy trình biên tập, đăng tải tin, bài và yêu cầu về tiếp cận"
            " thông tin cho người khuyết tật.",
            "image": "taphuan",
            "image_alt": "Hội trường với học viên đang theo dõi bài giảng trên màn chiếu",
            "author": "Ban Biên tập",
            "source": "Cổng Thông tin điện tử Chính phủ",
            "source_url": "https://chinhphu.vn/",
            "tags": ["Chuyển đổi số", "Cổng thông tin điện tử"],
            "body": [
                p(
                    "Nội dung tập huấn gồm quy trình ba bước: phóng viên viết bài, biên tập viên rà"
                    " soát, trưởng ban biên tập phê duyệt và xuất bản; cách chọn ảnh đại diện, viết"
                    " lời thay thế cho ảnh và trích dẫn nguồn tin đúng quy định về sở hữu trí tuệ.",
                    "Học viên cũng được hướng dẫn cập nhật các nội dung bắt buộc: giới thiệu cơ quan,"
                    " sơ đồ tổ chức, tiểu sử lãnh đạo, thủ tục hành chính và thông tin liên hệ.",
                ),
                quote(
                    "Trang thông tin của xã, phường là nơi người dân tìm thông tin chính thống gần"
                    " mình nhất, nên phải cập nhật thường xuyên và dễ đọc trên điện thoại.",
                    "Giảng viên lớp tập huấn",
                ),
            ],
        },
    ],
    "topic": {
        "parent": "",
        "slug": "chuyen-trang-chuyen-doi-so",
        "title": "Chuyên trang Chuyển đổi số",
        "intro": "<p>Tin tức, hướng dẫn và hoạt động chuyển đổi số của tỉnh: chính quyền số, kinh tế"
        " số, xã hội số.</p>",
        "banner": "cds-banner",
        "banner_alt": "Biểu tượng mạch điện tử trên nền đỏ cam",
        "featured": ["day-manh-dich-vu-cong-truc-tuyen-toan-trinh"],
    },
    "gallery": {
        "parent": "chuyen-trang-chuyen-doi-so",
        "slug": "hinh-anh-tuan-le-chuyen-doi-so",
        "title": "Hình ảnh Tuần lễ Chuyển đổi số",
        "intro": "<p>Một số hình ảnh tại Tuần lễ Chuyển đổi số của tỉnh.</p>",
        "photos": [
            ("anh-1", "Đại biểu cắt băng khai mạc trước sân khấu", "Lễ khai mạc Tuần lễ."),
            ("anh-2", "Người cao tuổi được hướng dẫn dùng điện thoại", "Người dân trải nghiệm dịch vụ công."),
            ("anh-3", "Nhóm học sinh mặc đồng phục trước màn hình tương tác", "Học sinh tham quan gian hàng."),
            ("anh-4", "Các diễn giả ngồi trên sân khấu tọa đàm", "Tọa đàm về chính quyền số."),
        ],
    },
    "organization_page": {
        "functions": "<p>Ủy ban nhân dân tỉnh do Hội đồng nhân dân tỉnh bầu, là cơ quan chấp hành"
        " của Hội đồng nhân dân tỉnh, cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm"
        " trước Nhân dân địa phương, Hội đồng nhân dân tỉnh và cơ quan hành chính nhà nước cấp trên.</p>"
        "<ul><li>Tổ chức thi hành Hiến pháp, pháp luật và các nghị quyết của Hội đồng nhân dân tỉnh.</li>"
        "<li>Quản lý nhà nước về kinh tế, văn hóa, xã hội, quốc phòng, an ninh trên địa bàn.</li>"
        "<li>Chỉ đạo, điều hành các sở, ngành và Ủy ban nhân dân cấp xã.</li></ul>",
        "structure": "<ul><li>Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân tỉnh</li>"
        "<li>Văn phòng Ủy ban nhân dân tỉnh</li><li>Các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh</li>"
        "<li>Ủy ban nhân dân các xã, phường</li></ul>",
        "history": "<p>Trang này giới thiệu quá trình hình thành và phát triển của tỉnh qua các thời"
        " kỳ. Nội dung chính thức do Văn phòng Ủy ban nhân dân tỉnh cung cấp.</p>",
        "leaders": [
            ("Trương Minh Khoa", "Chủ tịch Ủy ban nhân dân tỉnh", "Lãnh đạo, điều hành chung."),
            ("Đỗ Thị Ngọc Hân", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Phụ trách văn hóa – xã hội."),
        ],
    },
    "locality": {
        "ban-do-dia-gioi-hanh-chinh": [
            p("Bản đồ dưới đây chỉ để minh họa cách trình bày; bản đồ địa giới hành chính chính thức"
              " do cơ quan có thẩm quyền ban hành."),
            image("ban-do", "Bản đồ minh họa với các vùng màu và chú giải", "Bản đồ minh họa."),
        ],
        "dieu-kien-tu-nhien": [
            p("Đồng Nai thuộc vùng Đông Nam Bộ, có khí hậu nhiệt đới gió mùa với hai mùa mưa, khô rõ"
              " rệt. Trang này giới thiệu vị trí địa lý, địa hình, khí hậu, sông ngòi và tài nguyên"
              " thiên nhiên của tỉnh."),
        ],
        "van-hoa": [p("Trang này giới thiệu đời sống văn hóa, lễ hội truyền thống và di sản của tỉnh.")],
        "danh-lam-thang-canh": [p("Trang này giới thiệu các di tích, danh lam thắng cảnh và điểm du lịch của tỉnh.")],
    },
}

DEPARTMENT = {
    "organization": "DNI-STP",
    "hostname": "stp.localhost",
    "default": False,
    "colours": ((21, 67, 128), (44, 140, 170)),
    "contact": ("Trụ sở Sở Tư pháp tỉnh Đồng Nai (địa chỉ minh họa)", "0251 0000 002",
                "sotuphap@dongnai.example"),
    "intro": "Thông tin về hoạt động tư pháp, phổ biến, giáo dục pháp luật và trợ giúp pháp lý"
    " của Sở Tư pháp tỉnh Đồng Nai.",
    "pictures": {
        "ngay-phap-luat": "Ngày Pháp luật Việt Nam",
        "tu-van": "Tư vấn pháp luật miễn phí",
        "tgpl": "Trợ giúp pháp lý lưu động",
        "khai-sinh": "Đăng ký khai sinh trực tuyến",
        "khai-sinh-info": ("3 bước đăng ký khai sinh trực tuyến", [
            "Đăng nhập Cổng Dịch vụ công", "Điền tờ khai, đính kèm giấy chứng sinh",
            "Nhận giấy khai sinh bản điện tử"]),
        "tgpl-banner": "Chuyên trang Trợ giúp pháp lý",
        "npl-1": "Khai mạc Ngày Pháp luật",
        "npl-2": "Bàn tư vấn pháp luật",
        "npl-3": "Phát tài liệu pháp luật",
        "so-do": ("Sơ đồ tổ chức Sở Tư pháp", [
            "Ban Giám đốc", "Văn phòng Sở", "Thanh tra Sở", "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật",
            "Phòng Phổ biến, giáo dục pháp luật", "Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp",
            "Trung tâm Trợ giúp pháp lý nhà nước"]),
    },
    "articles": [
        {
            "section": "tin-tuc",
            "slug": "ngay-phap-luat-tu-van-mien-phi",
            "days_ago": 2,
            "title": "Hưởng ứng Ngày Pháp luật Việt Nam: tư vấn pháp luật miễn phí cho người dân",
            "lead": "Sở Tư pháp tổ chức ngày hội tư vấn pháp luật miễn phí về đất đai, hôn nhân và gia"
            " đình, lao động; đồng thời phát tài liệu phổ biến các luật mới có hiệu lực.",
            "image": "ngay-phap-luat",
            "image_alt": "Băng rôn Ngày Pháp luật Việt Nam trước hội trường Sở Tư pháp",
            "author": "Bùi Ngọc Lan",
            "tags": ["Ngày Pháp luật", "Phổ biến pháp luật"],
            "body": [
                p(
                    "Ngày hội do Sở Tư pháp phối hợp với Đoàn Luật sư tỉnh và Trung tâm Trợ giúp pháp"
                    " lý nhà nước tổ chức. Người dân được luật sư, trợ giúp viên pháp lý trực tiếp giải"
                    " đáp và hướng dẫn chuẩn bị hồ sơ.",
                ),
                image(
                    "tu-van",
                    "Luật sư ngồi đối diện người dân tại bàn tư vấn, trên bàn có tài liệu",
                    "Luật sư tư vấn cho người dân về thủ tục thừa kế.",
                ),
                quote(
                    "Nhiều vướng mắc của người dân được gỡ ngay tại chỗ; những vụ việc phức tạp được"
                    " hướng dẫn đến đúng cơ quan có thẩm quyền.",
                    "Hoàng Văn Nam, Giám đốc Sở Tư pháp",
                ),
                p("Sở Tư pháp tiếp tục tiếp nhận câu hỏi pháp luật qua chuyên mục Hỏi đáp của trang này."),
            ],
        },
        {
            "section": "chuyen-trang-tro-giup-phap-ly",
            "slug": "tro-giup-phap-ly-luu-dong",
            "days_ago": 6,
            "title": "Trợ giúp pháp lý lưu động đến với người dân các xã vùng xa",
            "lead": "Đoàn trợ giúp pháp lý lưu động đến các xã vùng xa để tư vấn, hướng dẫn người có"
            " công, người thuộc hộ nghèo, đồng bào dân tộc thiểu số về quyền được trợ giúp pháp lý.",
            "image": "tgpl",
            "image_alt": "Trợ giúp viên pháp lý nói chuyện với người dân tại nhà văn hóa ấp",
            "author": "Bùi Ngọc Lan",
            "source": "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Nai",
            "tags": ["Trợ giúp pháp lý"],
            "body": [
                p(
                    "Tại mỗi điểm, trợ giúp viên pháp lý giới thiệu đối tượng được trợ giúp pháp lý,"
                    " cách yêu cầu trợ giúp và tiếp nhận vụ việc. Người dân không phải trả bất kỳ"
                    " khoản phí nào.",
                    "Các vụ việc cần tham gia tố tụng được Trung tâm cử trợ giúp viên hoặc luật sư"
                    " cộng tác viên thực hiện theo quy định.",
                ),
            ],
            "related": ["ngay-phap-luat-tu-van-mien-phi"],
        },
        {
            "section": "tin-tuc",
            "slug": "huong-dan-dang-ky-khai-sinh-truc-tuyen",
            "days_ago": 9,
            "title": "Hướng dẫn đăng ký khai sinh trực tuyến",
            "lead": "Cha, mẹ có thể đăng ký khai sinh cho con trên Cổng Dịch vụ công mà không phải đến"
            " Ủy ban nhân dân cấp xã; giấy khai sinh bản điện tử có giá trị như bản giấy.",
            "image": "khai-sinh",
            "image_alt": "Điện thoại hiển thị màn hình đăng ký khai sinh bên cạnh giấy chứng sinh",
            "author": "Phòng Hành chính tư pháp",
            "tags": ["Hộ tịch", "Dịch vụ công"],
            "body": [
                p("Người yêu cầu chuẩn bị giấy chứng sinh và giấy tờ tùy thân, sau đó thực hiện theo"
                  " các bước sau."),
                infographic(
                    "khai-sinh-info",
                    "Đồ họa ba bước đăng ký khai sinh trực tuyến",
                    "Ba bước đăng ký khai sinh trực tuyến.",
                    "<ol><li>Đăng nhập Cổng Dịch vụ công bằng tài khoản định danh điện tử.</li>"
                    "<li>Chọn thủ tục đăng ký khai sinh, điền tờ khai và đính kèm giấy chứng sinh.</li>"
                    "<li>Nhận giấy khai sinh bản điện tử; nhận bản giấy nếu có yêu cầu.</li></ol>",
                ),
                table(
                    "Thông tin về thủ tục",
                    [
                        ["Nội dung", "Quy định"],
                        ["Cơ quan thực hiện", "Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ"],
                        ["Lệ phí", "Miễn lệ phí khi đăng ký đúng hạn"],
                        ["Thời hạn giải quyết", "Ngay trong ngày làm việc khi hồ sơ hợp lệ"],
                    ],
                ),
            ],
        },
    ],
    "topic": {
        "parent": "",
        "slug": "chuyen-trang-tro-giup-phap-ly",
        "title": "Chuyên trang Trợ giúp pháp lý",
        "intro": "<p>Ai được trợ giúp pháp lý, yêu cầu ở đâu và hoạt động của Trung tâm Trợ giúp"
        " pháp lý nhà nước tỉnh.</p>",
        "banner": "tgpl-banner",
        "banner_alt": "Biểu tượng cán cân công lý trên nền xanh",
        "featured": ["ngay-phap-luat-tu-van-mien-phi"],
    },
    "gallery": {
        "parent": "",
        "slug": "thu-vien-anh",
        "title": "Thư viện ảnh",
        "intro": "<p>Hình ảnh hoạt động của Sở Tư pháp.</p>",
        "photos": [
            ("npl-1", "Đại biểu phát biểu tại lễ khai mạc Ngày Pháp luật", "Khai mạc Ngày Pháp luật."),
            ("npl-2", "Người dân xếp hàng chờ tại bàn tư vấn", "Bàn tư vấn pháp luật miễn phí."),
            ("npl-3", "Đoàn viên thanh niên phát tờ gấp pháp luật cho người dân", "Phát tài liệu pháp luật."),
        ],
    },
    "organization_page": {
        "functions": "<p>Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu,"
        " giúp Ủy ban nhân dân tỉnh quản lý nhà nước về:</p>"
        "<ul><li>Xây dựng, kiểm tra, rà soát văn bản quy phạm pháp luật; theo dõi thi hành pháp luật.</li>"
        "<li>Phổ biến, giáo dục pháp luật; hòa giải ở cơ sở.</li>"
        "<li>Hộ tịch, quốc tịch, chứng thực, lý lịch tư pháp, bồi thường nhà nước.</li>"
        "<li>Trợ giúp pháp lý, luật sư, công chứng, giám định tư pháp, đấu giá tài sản.</li></ul>",
        "chart": "so-do",
        "chart_alt": "Sơ đồ tổ chức: Ban Giám đốc ở trên, các phòng chuyên môn và đơn vị sự nghiệp ở dưới",
        "structure": "<ul><li>Ban Giám đốc: Giám đốc và các Phó Giám đốc</li>"
        "<li>Văn phòng Sở; Thanh tra Sở</li>"
        "<li>Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật</li>"
        "<li>Phòng Phổ biến, giáo dục pháp luật</li><li>Phòng Hành chính tư pháp</li>"
        "<li>Phòng Bổ trợ tư pháp</li><li>Trung tâm Trợ giúp pháp lý nhà nước</li></ul>",
        "history": "<p>Trang này giới thiệu quá trình thành lập và phát triển của ngành Tư pháp tỉnh"
        " Đồng Nai. Nội dung chính thức do Văn phòng Sở cung cấp.</p>",
        "leaders": [
            ("Hoàng Văn Nam", "Giám đốc Sở Tư pháp", "Lãnh đạo, điều hành chung; phụ trách tổ chức cán bộ."),
            ("Lưu Thị Hồng Nhung", "Phó Giám đốc Sở Tư pháp", "Phụ trách phổ biến, giáo dục pháp luật và trợ giúp pháp lý."),
        ],
    },
    "locality": {},
}

COMMUNE = {
    "organization": "UBND-26041",
    "hostname": "tranbien.localhost",
    "default": False,
    "colours": ((22, 110, 90), (120, 170, 60)),
    "contact": ("Trụ sở Ủy ban nhân dân phường Trấn Biên (địa chỉ minh họa)", "0251 0000 003",
                "tranbien@dongnai.example"),
    "intro": "Thông tin chỉ đạo, điều hành và hoạt động của chính quyền phường Trấn Biên;"
    " thủ tục hành chính và hỏi đáp cho người dân.",
    "pictures": {
        "soi": "Tiêm vắc xin sởi cho trẻ từ 1 đến 5 tuổi",
        "le-hoi": "Ngày hội Văn hóa các khu phố",
        "le-hoi-2": "Hội thi ẩm thực khu phố",
        "le-hoi-info": ("Ngày hội trong một trang", [
            "Đồng diễn áo dài", "Hội thi ẩm thực", "Văn nghệ khu phố", "Trò chơi dân gian"]),
        "kenh": "Ra quân làm sạch kênh rạch",
        "vm-banner": "Phường văn minh, sạch đẹp",
        "vh-1": "Đồng diễn áo dài",
        "vh-2": "Hội thi ẩm thực",
        "vh-3": "Văn nghệ khu phố",
        "vh-4": "Trò chơi dân gian",
        "ban-do": "Bản đồ minh họa phường Trấn Biên",
    },
    "articles": [
        {
            "section": "tin-tuc",
            "slug": "tiem-vac-xin-soi-tre-1-den-5-tuoi",
            "days_ago": 1,
            "title": "Phường Trấn Biên tổ chức tiêm vắc xin sởi cho trẻ từ 1 đến 5 tuổi",
            "lead": "Trạm Y tế phường phối hợp với các khu phố rà soát, mời trẻ chưa tiêm đủ mũi vắc"
            " xin sởi đến tiêm miễn phí vào sáng thứ Bảy hằng tuần trong tháng.",
            "image": "soi",
            "image_alt": "Điều dưỡng chuẩn bị mũi tiêm, người mẹ bế con ngồi chờ",
            "author": "Tạ Minh Châu",
            "tags": ["Y tế", "Tiêm chủng"],
            "body": [
                p(
                    "Trưởng các khu phố thông báo lịch tiêm qua loa truyền thanh và nhóm tin nhắn của"
                    " khu phố. Phụ huynh mang theo sổ tiêm chủng và không cho trẻ ăn quá no trước khi tiêm.",
                    "Sau tiêm, trẻ được theo dõi 30 phút tại điểm tiêm. Nếu trẻ sốt cao, phát ban hoặc"
                    " quấy khóc kéo dài, phụ huynh đưa trẻ đến ngay cơ sở y tế gần nhất.",
                ),
                quote(
                    "Tiêm đủ mũi là cách bảo vệ trẻ tốt nhất trước mùa dịch sởi.",
                    "Trạm Y tế phường Trấn Biên",
                ),
            ],
        },
        {
            "section": "tin-tuc",
            "slug": "ngay-hoi-van-hoa-cac-khu-pho",
            "days_ago": 4,
            "title": "Rộn ràng Ngày hội Văn hóa các khu phố phường Trấn Biên",
            "lead": "Đồng diễn áo dài, hội thi ẩm thực, văn nghệ và trò chơi dân gian đã mang lại một"
            " ngày Chủ nhật vui tươi cho người dân các khu phố.",
            "image": "le-hoi",
            "image_alt": "Đoàn đồng diễn áo dài nhiều màu sắc trên sân nhà văn hóa",
            "author": "Tạ Minh Châu",
            "tags": ["Văn hóa", "Khu phố"],
            "body": [
                chapter(
                    "Sắc áo dài trên sân nhà văn hóa",
                    "<p>Mở đầu ngày hội là màn đồng diễn áo dài của các chị em phụ nữ đến từ các khu"
                    " phố, trong tiếng nhạc những bài hát về quê hương Đồng Nai.</p>",
                ),
                chapter(
                    "Hương vị các khu phố",
                    "<p>Hội thi ẩm thực quy tụ những món ăn quen thuộc của người dân địa phương; ban"
                    " giám khảo chấm điểm theo hương vị, cách trình bày và an toàn thực phẩm.</p>",
                    "le-hoi-2",
                    "Bàn trưng bày các món ăn truyền thống với bảng tên khu phố",
                    "Các gian hàng tham gia hội thi ẩm thực.",
                ),
                infographic(
                    "le-hoi-info",
                    "Đồ họa tóm tắt các hoạt động của ngày hội",
                    "Ngày hội trong một trang.",
                    "<ul><li>Đồng diễn áo dài</li><li>Hội thi ẩm thực</li>"
                    "<li>Văn nghệ khu phố</li><li>Trò chơi dân gian cho thiếu nhi</li></ul>",
                ),
                chapter(
                    "Gắn kết tình làng nghĩa xóm",
                    "<p>Ngày hội là dịp để các gia đình gặp gỡ, chung tay xây dựng khu phố văn hóa,"
                    " văn minh đô thị.</p>",
                ),
            ],
        },
        {
            "section": "chuyen-trang-phuong-van-minh",
            "slug": "ra-quan-lam-sach-kenh-rach",
            "days_ago": 7,
            "title": "Ra quân làm sạch kênh rạch, phòng chống sốt xuất huyết",
            "lead": "Đoàn viên, hội viên và người dân các khu phố cùng thu gom rác, khơi thông dòng"
            " chảy và diệt lăng quăng dọc các tuyến kênh trên địa bàn phường.",
            "image": "kenh",
            "image_alt": "Người dân mặc áo xanh vớt rác dọc bờ kênh",
            "author": "Tạ Minh Châu",
            "tags": ["Môi trường", "Y tế"],
            "body": [
                p(
                    "Hưởng ứng chiến dịch vệ sinh môi trường, Ủy ban nhân dân phường phối hợp với Ủy"
                    " ban Mặt trận Tổ quốc phường tổ chức ra quân làm sạch kênh rạch.",
                    "Người dân được hướng dẫn lật úp vật dụng chứa nước, thay nước bình hoa hằng tuần"
                    " và đến ngay cơ sở y tế khi có biểu hiện sốt cao.",
                ),
            ],
            "related": ["tiem-vac-xin-soi-tre-1-den-5-tuoi"],
        },
    ],
    "topic": {
        "parent": "",
        "slug": "chuyen-trang-phuong-van-minh",
        "title": "Chuyên trang Phường văn minh, sạch đẹp",
        "intro": "<p>Các phong trào xây dựng khu phố văn hóa, giữ gìn vệ sinh môi trường và trật tự"
        " đô thị trên địa bàn phường.</p>",
        "banner": "vm-banner",
        "banner_alt": "Hình cây xanh và mái nhà trên nền xanh lá",
        "featured": ["ngay-hoi-van-hoa-cac-khu-pho"],
    },
    "gallery": {
        "parent": "",
        "slug": "thu-vien-anh",
        "title": "Thư viện ảnh",
        "intro": "<p>Hình ảnh Ngày hội Văn hóa các khu phố.</p>",
        "photos": [
            ("vh-1", "Các chị em phụ nữ đồng diễn áo dài", "Đồng diễn áo dài."),
            ("vh-2", "Ban giám khảo nếm thử món ăn tại hội thi", "Hội thi ẩm thực."),
            ("vh-3", "Tiết mục múa của thiếu nhi trên sân khấu", "Văn nghệ khu phố."),
            ("vh-4", "Thiếu nhi chơi kéo co trên sân", "Trò chơi dân gian."),
        ],
    },
    "organization_page": {
        "functions": "<p>Ủy ban nhân dân phường là cơ quan hành chính nhà nước ở địa phương, tổ"
        " chức thi hành pháp luật và nghị quyết của Hội đồng nhân dân phường; quản lý nhà nước trên"
        " các lĩnh vực kinh tế, văn hóa, xã hội, quốc phòng, an ninh trên địa bàn phường; giải quyết"
        " thủ tục hành chính cho người dân, doanh nghiệp.</p>",
        "structure": "<ul><li>Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân phường</li>"
        "<li>Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường</li>"
        "<li>Phòng Kinh tế, Hạ tầng và Đô thị</li><li>Phòng Văn hóa – Xã hội</li>"
        "<li>Trung tâm Phục vụ hành chính công phường</li></ul>",
        "history": "<p>Phường Trấn Biên được thành lập khi sắp xếp đơn vị hành chính cấp xã năm"
        " 2025. Trang này giới thiệu quá trình hình thành và truyền thống của địa phương.</p>",
        "leaders": [
            ("Dương Văn Phúc", "Chủ tịch Ủy ban nhân dân phường", "Lãnh đạo, điều hành chung."),
            ("Lê Thị Thu Hà", "Phó Chủ tịch Ủy ban nhân dân phường", "Phụ trách văn hóa – xã hội."),
        ],
    },
    "locality": {
        "ban-do-dia-gioi-hanh-chinh": [
            p("Bản đồ dưới đây chỉ để minh họa cách trình bày; bản đồ địa giới hành chính chính thức"
              " do cơ quan có thẩm quyền ban hành."),
            image("ban-do", "Bản đồ minh họa với ranh giới các khu phố", "Bản đồ minh họa."),
        ],
        "dieu-kien-tu-nhien": [
            p("Trang này giới thiệu vị trí địa lý, địa hình, khí hậu và sông ngòi của phường. Phường"
              " nằm trong vùng khí hậu nhiệt đới gió mùa, có hai mùa mưa, khô rõ rệt."),
        ],
        "van-hoa": [p("Trang này giới thiệu đời sống văn hóa, các câu lạc bộ và lễ hội của người dân trong phường.")],
        "danh-lam-thang-canh": [p("Trang này giới thiệu các di tích, công trình và địa điểm tham quan trên địa bàn phường.")],
    },
}

SITES = [PROVINCE, DEPARTMENT, COMMUNE]


# The English pages of the province's portal and of the Department of Justice: translations of some
# of their Vietnamese pages (the home page, "About us", "Contact", the news section and a few news
# items), keyed by the organization's code. Articles are keyed by their Vietnamese slug; leaders
# come in the order of the Vietnamese page, whose names and portraits they keep.

ENGLISH_NOTICE = (
    "Demonstration site: the content was written by the Loa project to show how the portal works;"
    " it is not official information."
)

ENGLISH_OFFICE_HOURS = (
    "Morning: 7:00 a.m. – 11:30 a.m., Monday to Friday\n"
    "Afternoon: 1:00 p.m. – 4:30 p.m., Monday to Friday"
)

ENGLISH = {
    "DNI-UBND": {
        "organization": "People's Committee of Dong Nai Province",
        "board": "Editorial Board of the Dong Nai Provincial Portal",
        "home": {
            "title": "Dong Nai Provincial Portal",
            "intro": "The official online channel of the People's Committee of Dong Nai Province:"
            " the province's decisions, new policies, and public services for residents, businesses"
            " and investors.",
        },
        "about": {
            "title": "About us",
            "slug": "about-us",
            "functions": "<p>The Provincial People's Committee is elected by the Provincial People's"
            " Council. It is the Council's executive body and the state administrative authority of"
            " the province, accountable to the local people, to the Provincial People's Council and"
            " to the state administrative authorities above it.</p>"
            "<ul><li>It enforces the Constitution, the law and the resolutions of the Provincial"
            " People's Council.</li>"
            "<li>It manages the economy, culture, society, defence and security of the province.</li>"
            "<li>It directs the provincial departments and agencies and the People's Committees of"
            " the communes and wards.</li></ul>",
            "structure": "<ul><li>The Chairman and the Vice Chairpersons of the Provincial People's"
            " Committee</li><li>The Office of the Provincial People's Committee</li>"
            "<li>The departments and agencies under the Provincial People's Committee</li>"
            "<li>The People's Committees of the communes and wards</li></ul>",
            "history": "<p>This section tells the story of the province's founding and development."
            " Its official content is provided by the Office of the Provincial People's"
            " Committee.</p>",
            "leaders": [
                ("Chairman of the Provincial People's Committee",
                 "Leads and directs the committee's work as a whole."),
                ("Vice Chairwoman of the Provincial People's Committee",
                 "In charge of culture and social affairs."),
            ],
        },
        "contact": {
            "title": "Contact",
            "slug": "contact",
            "intro": "<p>Residents and organizations may contact us during office hours or write to"
            " us by e-mail.</p>",
            "address": "Head office of the People's Committee of Dong Nai Province (illustrative"
            " address)",
        },
        "news": {"title": "News", "slug": "news"},
        "articles": {
            "day-manh-dich-vu-cong-truc-tuyen-toan-trinh": {
                "slug": "end-to-end-online-public-services",
                "title": "Dong Nai expands end-to-end online public services, sparing residents"
                " trips to the office",
                "lead": "Since the start of the year, provincial departments and commune People's"
                " Committees have kept moving administrative procedures fully online: residents can"
                " file an application, follow its progress and receive the result without visiting"
                " an office.",
                "image_alt": "A one-stop-shop officer helps a resident file an application on a"
                " tablet",
                "tags": ["Public services", "Administrative reform"],
                "body": [
                    p(
                        "According to the Office of the Provincial People's Committee, end-to-end"
                        " online public services are this year's priority for administrative reform."
                        " Agencies are reviewing their internal procedures, digitizing their records"
                        " and results, and making sure that first-time users get patient guidance.",
                        "At the one-stop shops of every level, officers help residents sign in with"
                        " their electronic identity account, photograph their documents and pay fees"
                        " online.",
                    ),
                    quote(
                        "The goal is not just more online applications, but for people to find that"
                        " an online procedure is faster and clearer and spares them repeated trips.",
                        "A leader of the Office of the Provincial People's Committee",
                    ),
                    table(
                        "Ways to file an application",
                        [
                            ["Channel", "How", "Result delivered"],
                            ["Online", "National Public Service Portal, VNeID app",
                             "Electronic copy, or by post"],
                            ["By post", "Send the paper file by post", "By post"],
                            ["In person", "One-stop shop of any level", "At the one-stop shop"],
                        ],
                    ),
                    p(
                        "Residents and businesses who need help can visit their nearest one-stop shop"
                        " or send a question through the Questions and Answers section of the"
                        " provincial portal."
                    ),
                ],
            },
            "tiem-chung-mo-rong-tre-duoi-5-tuoi": {
                "slug": "immunization-drive-for-children-under-five",
                "title": "Province-wide immunization drive for children under five",
                "lead": "The health sector is working with commune authorities to list every child"
                " who has missed a vaccine dose, so that each can catch up this month.",
                "image_alt": "A health worker vaccinates a baby held in its mother's arms",
                "tags": ["Health", "Immunization"],
                "body": [
                    p(
                        "Commune and ward health stations run fixed vaccination points, and mobile"
                        " teams visit neighbourhoods with many young children. Parents are told the"
                        " schedule by text message and through their residential groups.",
                        "Parents should bring the child's vaccination record, or look up the child's"
                        " vaccination history in the electronic identity app. Children are watched"
                        " for 30 minutes at the vaccination point and for 24 hours at home.",
                    ),
                    table(
                        "Vaccination days at health stations",
                        [
                            ["Age group", "Vaccine", "When"],
                            ["2 to 24 months", "Missed doses", "Every Tuesday and Thursday"],
                            ["1 to 5 years", "Measles, measles–rubella", "Every Saturday"],
                        ],
                    ),
                ],
            },
            "tap-huan-trang-thong-tin-dien-tu-cap-xa": {
                "slug": "training-for-commune-website-editors",
                "title": "Commune officials trained to run their websites",
                "lead": "More than a hundred commune and ward officials in charge of their local"
                " websites learned the editorial process, how to publish news, and how to make pages"
                " accessible to people with disabilities.",
                "image_alt": "Trainees in a hall follow a presentation on a projection screen",
                "tags": ["Digital transformation", "Government portals"],
                "body": [
                    p(
                        "The course covered the three-step editorial process: a reporter writes, an"
                        " editor reviews, and the head of the editorial board approves and publishes."
                        " It also covered choosing a representative picture, writing its text"
                        " alternative, and citing sources as intellectual property law requires.",
                        "Trainees learned to keep the required content up to date: the agency's"
                        " introduction, organization chart, leaders' biographies, administrative"
                        " procedures and contact details.",
                    ),
                    quote(
                        "A commune's website is where people look first for official information"
                        " about where they live, so it has to be kept current and easy to read on a"
                        " phone.",
                        "Course trainer",
                    ),
                ],
            },
        },
    },
    "DNI-STP": {
        "organization": "Dong Nai Department of Justice",
        "board": "Editorial Board of the Dong Nai Department of Justice Website",
        "home": {
            "title": "Dong Nai Department of Justice",
            "intro": "News of the justice sector in Dong Nai: legal education and dissemination,"
            " civil status, and free legal aid for those entitled to it.",
        },
        "about": {
            "title": "About us",
            "slug": "about-us",
            "functions": "<p>The Department of Justice is a specialized agency of the Provincial"
            " People's Committee. It advises and assists the committee in the state management"
            " of:</p>"
            "<ul><li>drafting, checking and reviewing legal documents, and monitoring how the law is"
            " applied;</li>"
            "<li>legal education and dissemination, and grassroots mediation;</li>"
            "<li>civil status, nationality, certification, judicial records and state"
            " compensation;</li>"
            "<li>legal aid, lawyers, notaries, judicial expertise and property auctions.</li></ul>",
            "chart_alt": "Organization chart: the Board of Directors at the top, the specialized"
            " divisions and the Legal Aid Center below",
            "structure": "<ul><li>Board of Directors: the Director and the Deputy Directors</li>"
            "<li>Department Office; Department Inspectorate</li>"
            "<li>Division of Legislation, Review and Law Enforcement Monitoring</li>"
            "<li>Division of Legal Education and Dissemination</li>"
            "<li>Division of Administrative Justice</li><li>Division of Judicial Support</li>"
            "<li>State Legal Aid Center</li></ul>",
            "history": "<p>This section tells the story of the founding and development of the"
            " justice sector in Dong Nai. Its official content is provided by the Department"
            " Office.</p>",
            "leaders": [
                ("Director of the Department of Justice",
                 "Leads and directs the department as a whole; in charge of personnel."),
                ("Deputy Director of the Department of Justice",
                 "In charge of legal education and dissemination, and of legal aid."),
            ],
        },
        "contact": {
            "title": "Contact",
            "slug": "contact",
            "intro": "<p>Residents and organizations may contact us during office hours or write to"
            " us by e-mail.</p>",
            "address": "Head office of the Dong Nai Department of Justice (illustrative address)",
        },
        "news": {"title": "News", "slug": "news"},
        "articles": {
            "ngay-phap-luat-tu-van-mien-phi": {
                "slug": "vietnam-law-day-free-legal-advice",
                "title": "Vietnam Law Day: free legal advice for residents",
                "lead": "The Department of Justice held a day of free legal advice on land, marriage"
                " and family, and employment, and handed out leaflets on the new laws now in force.",
                "image_alt": "A Vietnam Law Day banner in front of the Department of Justice's hall",
                "tags": ["Vietnam Law Day", "Legal education"],
                "body": [
                    p(
                        "The event was organized by the Department of Justice with the Provincial Bar"
                        " Association and the State Legal Aid Center. Lawyers and legal aid officers"
                        " answered residents' questions in person and explained how to prepare their"
                        " files."
                    ),
                    quote(
                        "Many residents had their problems solved on the spot; the more complex cases"
                        " were referred to the competent authority.",
                        "Hoàng Văn Nam, Director of the Department of Justice",
                    ),
                    p(
                        "The department continues to answer legal questions through the Questions and"
                        " Answers section of this site."
                    ),
                ],
            },
            "huong-dan-dang-ky-khai-sinh-truc-tuyen": {
                "slug": "registering-a-birth-online",
                "title": "How to register a birth online",
                "lead": "Parents can register their child's birth on the National Public Service"
                " Portal without going to the commune People's Committee; the electronic birth"
                " certificate is as valid as the paper one.",
                "image_alt": "A phone showing the birth registration form next to a certificate of"
                " birth",
                "tags": ["Civil status", "Public services"],
                "body": [
                    p("Have the certificate of birth from the hospital and an identity document at"
                      " hand, then follow these steps."),
                    {
                        "type": "paragraph",
                        "value": "<ol><li>Sign in to the National Public Service Portal with your"
                        " electronic identity account.</li><li>Choose the birth registration"
                        " procedure, fill in the form and attach the certificate of birth.</li>"
                        "<li>Receive the electronic birth certificate, and a paper copy if you ask"
                        " for one.</li></ol>",
                    },
                    table(
                        "The procedure at a glance",
                        [
                            ["Item", "Rule"],
                            ["Handled by",
                             "The People's Committee of the commune where the father or mother lives"],
                            ["Fee", "None when registered on time"],
                            ["Time limit", "Within the working day when the file is complete"],
                        ],
                    ),
                ],
            },
        },
    },
}
