//! Output file names: deterministic, readable, ASCII — the ký hiệu, the
//! number (or `du-thao` while blank) and a slug of the trích yếu:
//! `KH-STP-45-thuc-hien-phong-trao-thi-dua-nganh-tu-phap-tinh-lang-son-nam-2025.pdf`.

use std::collections::HashSet;

use crate::format;
use crate::markup::plain_text;
use crate::model::Plan;
use crate::vietnamese::unaccent;

/// Longest slug of the trích yếu, in characters (cut at a word).
const SLUG_MAX: usize = 70;

/// The base name (without `.pdf`) of a plan's output.
pub fn base_name(plan: &Plan) -> String {
    let (symbol, number, _) = plan.registered();
    let number = number.map_or("du-thao".to_owned(), format::pad_number);
    let mut name = format!("{}-{number}", ascii(&symbol, false));
    let slug = slug(&plain_text(&plan.title));
    if !slug.is_empty() {
        name.push('-');
        name.push_str(&slug);
    }
    name
}

/// The file name of a plan's PDF, as the web form offers it.
pub fn file_name(plan: &Plan) -> String {
    format!("{}.pdf", base_name(plan))
}

/// `Thực hiện phong trào … năm 2025` → `thuc-hien-phong-trao-…-nam-2025`.
pub fn slug(text: &str) -> String {
    let full = ascii(text, true);
    if full.len() <= SLUG_MAX {
        return full;
    }
    let cut = full[..SLUG_MAX].rfind('-').unwrap_or(SLUG_MAX);
    full[..cut].to_owned()
}

/// Diacritics removed (`đ` → `d`), every other run of characters a `-`.
fn ascii(text: &str, lower: bool) -> String {
    let mut out = String::new();
    for c in unaccent(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(if lower { c.to_ascii_lowercase() } else { c });
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Gives each name a suffix (`-2`, `-3` …) where an earlier one took it.
pub fn unique(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    names
        .into_iter()
        .map(|name| {
            let mut candidate = name.clone();
            let mut n = 1;
            while !seen.insert(candidate.to_lowercase()) {
                n += 1;
                candidate = format!("{name}-{n}");
            }
            candidate
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_drop_diacritics() {
        assert_eq!(
            slug("Thực hiện phong trào thi đua ngành Tư pháp tỉnh Lạng Sơn năm 2025"),
            "thuc-hien-phong-trao-thi-dua-nganh-tu-phap-tinh-lang-son-nam-2025"
        );
        assert_eq!(slug("Đoàn kết, “đổi mới”!"), "doan-ket-doi-moi");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let s = slug(
            "Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ và Chương trình hành động số 150-CTr/TU",
        );
        assert!(s.len() <= SLUG_MAX && !s.ends_with('-'), "{s}");
        assert!(s.starts_with("thuc-hien-nghi-quyet-so-03-nq-cp"));
    }

    #[test]
    fn names_are_unique_in_input_order() {
        let names = unique([
            "a".to_owned(),
            "b".to_owned(),
            "A".to_owned(),
            "a".to_owned(),
        ]);
        assert_eq!(names, ["a", "b", "A-2", "a-3"]);
    }
}
