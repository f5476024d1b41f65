//! The words generated plans are made of: issuing bodies, signers, names,
//! nơi nhận, titles and body text, modelled on the shapes real plans take
//! (the shared corpus and the bodies the issue names). All invented; none
//! is copied from a real document.

/// An issuing body as its header prints it, with what a plan of it needs.
pub struct Body {
    /// Cơ quan chủ quản; `\n` where it takes two lines.
    pub parent: Option<&'static str>,
    /// Tên cơ quan ban hành; `\n` where the name breaks.
    pub name: &'static str,
    pub abbreviation: &'static str,
    pub in_text: &'static str,
    pub place: &'static str,
    /// Who issues the decision of a plan issued by one.
    pub authority: &'static str,
}

pub const BODIES: &[Body] = &[
    Body {
        parent: Some("UBND TỈNH LẠNG SƠN"),
        name: "SỞ TƯ PHÁP",
        abbreviation: "STP",
        in_text: "Sở Tư pháp",
        place: "Lạng Sơn",
        authority: "GIÁM ĐỐC SỞ TƯ PHÁP",
    },
    Body {
        parent: None,
        name: "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG",
        abbreviation: "UBND",
        in_text: "UBND tỉnh",
        place: "Lâm Đồng",
        authority: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
    },
    Body {
        parent: None,
        name: "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
        abbreviation: "UBND",
        in_text: "UBND Thành phố",
        place: "Hà Nội",
        authority: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
    },
    Body {
        parent: None,
        name: "BỘ Y TẾ",
        abbreviation: "BYT",
        in_text: "Bộ Y tế",
        place: "Hà Nội",
        authority: "BỘ TRƯỞNG BỘ Y TẾ",
    },
    Body {
        parent: None,
        name: "BỘ CÔNG AN",
        abbreviation: "BCA",
        in_text: "Bộ Công an",
        place: "Hà Nội",
        authority: "BỘ TRƯỞNG BỘ CÔNG AN",
    },
    Body {
        parent: None,
        name: "THỦ TƯỚNG CHÍNH PHỦ",
        abbreviation: "TTg",
        in_text: "Thủ tướng Chính phủ",
        place: "Hà Nội",
        authority: "THỦ TƯỚNG CHÍNH PHỦ",
    },
    Body {
        parent: Some("SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
        name: "TRƯỜNG THPT PHƯỚC BỬU",
        abbreviation: "THPT.PB",
        in_text: "Trường THPT Phước Bửu",
        place: "Xuyên Mộc",
        authority: "HIỆU TRƯỞNG TRƯỜNG THPT PHƯỚC BỬU",
    },
    Body {
        parent: Some("UBND TỈNH BÀ RỊA - VŨNG TÀU\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"),
        name: "TRƯỜNG THPT PHƯỚC BỬU",
        abbreviation: "THPT.PB",
        in_text: "Trường THPT Phước Bửu",
        place: "Xuyên Mộc",
        authority: "HIỆU TRƯỞNG TRƯỜNG THPT PHƯỚC BỬU",
    },
    Body {
        parent: Some("UBND TỈNH TUYÊN QUANG"),
        name: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        abbreviation: "SGDĐT",
        in_text: "Sở Giáo dục và Đào tạo",
        place: "Tuyên Quang",
        authority: "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    },
    Body {
        parent: Some("SỞ CÔNG THƯƠNG"),
        name: "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH\nSỐ 1050/QĐ-SCT",
        abbreviation: "ĐKT",
        in_text: "Đoàn kiểm tra",
        place: "Lào Cai",
        authority: "GIÁM ĐỐC SỞ CÔNG THƯƠNG",
    },
    Body {
        parent: None,
        name: "BAN CHỈ ĐẠO QUỐC GIA\nPHÒNG, CHỐNG THIÊN TAI",
        abbreviation: "BCĐQG",
        in_text: "Ban Chỉ đạo quốc gia",
        place: "Hà Nội",
        authority: "TRƯỞNG BAN CHỈ ĐẠO QUỐC GIA PHÒNG, CHỐNG THIÊN TAI",
    },
    Body {
        parent: None,
        name: "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH",
        abbreviation: "UBND",
        in_text: "UBND xã",
        place: "An Bình",
        authority: "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
    },
];

/// Ký hiệu of a plan.
pub const PLAN_SYMBOLS: &[&str] = &[
    "KH-UBND",
    "KH-STP",
    "KH-THPT.PB",
    "KH-BCĐQG1237",
    "KH-SGDĐT",
    "KH-BCA-C04",
];

/// Ký hiệu of a decision issuing a plan.
pub const DECISION_SYMBOLS: &[&str] = &["QĐ-TTg", "QĐ-UBND", "QĐ-SGDĐT", "QĐ-BCA-C04"];

/// A signer's authority lines (prefix, of) and title, under a label for
/// the table.
pub struct SignerForm {
    pub label: &'static str,
    pub authority: &'static [(&'static str, &'static str)],
    pub title: Option<&'static str>,
}

const fn form(
    label: &'static str,
    authority: &'static [(&'static str, &'static str)],
    title: Option<&'static str>,
) -> SignerForm {
    SignerForm {
        label,
        authority,
        title,
    }
}

pub const SIGNERS: &[SignerForm] = &[
    form("leader, no prefix", &[], Some("THỦ TƯỚNG")),
    form("leader, no prefix", &[], Some("CHỦ TỊCH")),
    form("leader, no prefix", &[], Some("GIÁM ĐỐC")),
    form("leader, no prefix", &[], Some("TRƯỞNG BAN")),
    form("leader, no prefix", &[], Some("HIỆU TRƯỞNG")),
    form(
        "KT. + deputy",
        &[("KT", "THỦ TƯỚNG")],
        Some("PHÓ THỦ TƯỚNG"),
    ),
    form("KT. + deputy", &[("KT", "CHỦ TỊCH")], Some("PHÓ CHỦ TỊCH")),
    form("KT. + deputy", &[("KT", "GIÁM ĐỐC")], Some("PHÓ GIÁM ĐỐC")),
    form("KT. + deputy", &[("KT", "BỘ TRƯỞNG")], Some("THỨ TRƯỞNG")),
    form(
        "KT. + deputy",
        &[("KT", "TRƯỞNG BAN")],
        Some("PHÓ TRƯỞNG BAN"),
    ),
    form(
        "KT. + 2-line title",
        &[("KT", "TỔ TRƯỞNG")],
        Some("PHÓ TỔ TRƯỞNG THƯỜNG TRỰC\nPHÓ CỤC TRƯỞNG CỤC CẢNH SÁT ĐTTP VỀ MA TÚY"),
    ),
    form("TM.", &[("TM", "ỦY BAN NHÂN DÂN")], Some("CHỦ TỊCH")),
    form("TM.", &[("TM", "BAN CHỈ ĐẠO")], Some("TRƯỞNG BAN")),
    form("TM.", &[("TM", "ĐOÀN KIỂM TRA")], Some("TRƯỞNG ĐOÀN")),
    form(
        "TM. + KT. (stacked)",
        &[("TM", "ỦY BAN NHÂN DÂN"), ("KT", "CHỦ TỊCH")],
        Some("PHÓ CHỦ TỊCH"),
    ),
    form(
        "TM. + KT. (stacked)",
        &[("TM", "BAN CHỈ ĐẠO"), ("KT", "TRƯỞNG BAN")],
        Some("PHÓ TRƯỞNG BAN"),
    ),
    form("Q., no title", &[("Q", "GIÁM ĐỐC")], None),
    form("Q., no title", &[("Q", "HIỆU TRƯỞNG")], None),
    form("Q. + title", &[("Q", "CHỦ TỊCH")], Some("PHÓ CHỦ TỊCH")),
    form("TL.", &[("TL", "GIÁM ĐỐC")], Some("CHÁNH VĂN PHÒNG")),
    form("TL.", &[("TL", "BỘ TRƯỞNG")], Some("VỤ TRƯỞNG VỤ PHÁP CHẾ")),
    form("TUQ.", &[("TUQ", "CHỦ TỊCH")], Some("GIÁM ĐỐC SỞ NỘI VỤ")),
    form("TUQ.", &[("TUQ", "BỘ TRƯỞNG")], Some("CHÁNH VĂN PHÒNG")),
];

pub const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Trương",
];
/// Two-syllable surnames, for five-syllable names.
pub const DOUBLE_SURNAMES: &[&str] = &["Tôn Nữ", "Tôn Thất", "Âu Dương", "Nguyễn Phước"];
pub const MIDDLES: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Thu", "Xuân", "Việt",
];
pub const GIVEN: &[&str] = &[
    "An", "Hà", "Hưng", "Tín", "Dũng", "Phương", "Châu", "Long", "Hùng", "Thắng", "Trà", "Phúc",
    "Hải", "Yến", "Nghĩa",
];
/// Ranks printed before a name in the armed forces' documents.
pub const RANKS: &[&str] = &[
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tướng",
    "Thượng tướng",
];

pub const RECIPIENTS: &[&str] = &[
    "Như trên",
    "Thường trực Tỉnh ủy",
    "Chủ tịch, các PCT UBND tỉnh",
    "Lãnh đạo Sở",
    "Các phòng, đơn vị thuộc Sở",
    "Văn phòng UBND tỉnh",
    "Cổng Thông tin điện tử tỉnh",
    "Các sở, ban, ngành tỉnh",
    "UBND các xã, phường",
    "Bộ Tư pháp",
    "Các Bộ, cơ quan ngang Bộ",
    "Thành viên Ban Chỉ đạo",
    "Công an tỉnh",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Ban Giám hiệu",
    "Các tổ chuyên môn",
    "Đ/c Bí thư Thành ủy",
];
/// Entries that wrap in the nơi nhận column.
pub const LONG_RECIPIENTS: &[&str] = &[
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh",
    "Các cơ quan, đơn vị, doanh nghiệp có hoạt động liên quan đến vật liệu nổ công nghiệp trên địa bàn tỉnh",
    "Văn phòng Chính phủ: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT, các Vụ, Cục",
    "Thủ trưởng các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh và các đơn vị sự nghiệp",
];
pub const REPORT_TO: &[&str] = &["Bộ Tư pháp", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh"];

pub const ARCHIVES: &[&str] = &[
    "VT, VP",
    "VT",
    "VT, NC",
    "VT, VP (CTH)",
    "VT, KGVX (Hùng)",
    "VT, ĐTDG",
];

pub const TOPICS: &[&str] = &[
    "Triển khai công tác cải cách hành chính năm {y}",
    "Kiểm tra việc cấp giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp năm {y}",
    "Tổ chức các hoạt động hưởng ứng Ngày Pháp luật Việt Nam năm {y}",
    "Phòng, chống thiên tai và tìm kiếm cứu nạn năm {y}",
    "Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/{y} của Chính phủ",
    "Tuyên truyền, phổ biến giáo dục pháp luật\ntrong trường học năm học {y} - {y1}",
    "Bảo đảm thoát nước, chống úng ngập khu vực nội thành mùa mưa năm {y}",
];

pub const SECTION_TITLES: &[&str] = &[
    "MỤC ĐÍCH, YÊU CẦU",
    "NỘI DUNG THỰC HIỆN",
    "NHIỆM VỤ VÀ GIẢI PHÁP",
    "KINH PHÍ THỰC HIỆN",
    "TỔ CHỨC THỰC HIỆN",
];
pub const KHOAN_TITLES: &[&str] = &["Mục đích", "Yêu cầu", "Thời gian, địa điểm", "Thành phần"];

pub const SENTENCES: &[&str] = &[
    "Quán triệt đầy đủ các chủ trương, chính sách của Đảng và pháp luật của Nhà nước đến cán bộ, công chức, viên chức.",
    "Phân công cụ thể, rõ trách nhiệm của từng cơ quan, đơn vị trong việc tổ chức thực hiện.",
    "Bảo đảm tiết kiệm, hiệu quả, đúng quy định, phù hợp với tình hình thực tế của địa phương.",
    "Kịp thời phát hiện, xử lý các khó khăn, vướng mắc phát sinh trong quá trình triển khai.",
    "Tổng hợp kết quả thực hiện, báo cáo định kỳ hằng quý và đột xuất khi có yêu cầu.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành.",
    "Tăng cường phối hợp giữa các cơ quan, đơn vị và chính quyền địa phương các cấp.",
];
pub const ITEMS: &[&str] = &[
    "Tổ chức hội nghị quán triệt, triển khai kế hoạch",
    "Kiểm tra, đôn đốc việc thực hiện tại cơ sở",
    "Sơ kết, đánh giá kết quả thực hiện sáu tháng đầu năm",
    "Tuyên truyền trên Cổng Thông tin điện tử và các phương tiện thông tin đại chúng",
    "Rà soát, cập nhật danh sách các đơn vị có liên quan",
];
pub const UNITS: &[&str] = &[
    "Văn phòng",
    "Phòng Nghiệp vụ",
    "Thanh tra",
    "Công an tỉnh",
    "Sở Tài chính",
];
pub const DEADLINES: &[&str] = &["Quý I/{y}", "Quý II/{y}", "Tháng 6/{y}", "Thường xuyên"];

pub const APPENDIX_TITLES: &[&str] = &[
    "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH",
    "DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC KIỂM TRA",
    "ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ THỰC HIỆN",
    "LỊCH TRÌNH TRIỂN KHAI CÁC HOẠT ĐỘNG",
];

pub const DECISION_BASES: &[&str] = &[
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
    "Căn cứ Quyết định số 1050/QĐ-UBND ngày 12 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh",
    "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019",
];
pub const PROPOSALS: &[&str] = &[
    "Theo đề nghị của Giám đốc Sở Nội vụ",
    "Theo đề nghị của Chánh Văn phòng",
];
