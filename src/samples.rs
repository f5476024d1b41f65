//! The project's own sample plans, built into the program.

/// The sample plans, by file stem: the form offers them, and their text
/// is what the importer knows of Vietnamese administrative words.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "000-thi-dua-doi-moi-sang-tao-lang-son",
        include_str!("../samples/000-thi-dua-doi-moi-sang-tao-lang-son.json"),
    ),
    (
        "001-thi-dua-doi-moi-sang-tao-ha-tinh",
        include_str!("../samples/001-thi-dua-doi-moi-sang-tao-ha-tinh.json"),
    ),
    (
        "002-nghi-quyet-57-chuyen-doi-so",
        include_str!("../samples/002-nghi-quyet-57-chuyen-doi-so.json"),
    ),
    (
        "003-thi-dua-nganh-tu-phap-2025",
        include_str!("../samples/003-thi-dua-nganh-tu-phap-2025.json"),
    ),
    (
        "004-thi-dua-nganh-tu-phap-2026",
        include_str!("../samples/004-thi-dua-nganh-tu-phap-2026.json"),
    ),
    (
        "005-qd-chuyen-doi-so-lang-son-2026",
        include_str!("../samples/005-qd-chuyen-doi-so-lang-son-2026.json"),
    ),
];
