//! The end of a plan: the closing (`Trên đây là …`), then `Nơi nhận:`
//! and its entries, `Lưu: …`, and the signer.

use std::sync::LazyLock;

use super::fields::{authority_line, one_line_block, person_name, unspaced};
use super::{Findings, bare, text_of};
use crate::import::source::Piece;
use crate::import::text::{MARKER, is_caps};
use crate::model::{Authority, Block, Section, Signer};
use regex::Regex;

/// Where the closing starts in the body: at `Trên đây là …`, or a last
/// unnumbered paragraph ending `./.`; the body's end when there is none.
pub(super) fn closing_start(body: &[Piece]) -> usize {
    body.iter()
        .rposition(|p| text_of(p).is_some_and(|t| t.starts_with("Trên đây")))
        .or_else(|| {
            let last = body.len().checked_sub(1)?;
            let t = text_of(&body[last])?;
            // Under a heading (`VI. KINH PHÍ`) it is that mục's text.
            // Word's bold heading (`**2. Chế độ báo cáo**`) is read bare.
            let under_heading = last
                .checked_sub(1)
                .and_then(|i| text_of(&body[i]))
                .map(bare)
                .is_some_and(|h| is_caps(&h) || MARKER.is_match(&h) && !h.ends_with(['.', ';']));
            (t.ends_with("./.") && !MARKER.is_match(t) && !under_heading).then_some(last)
        })
        .unwrap_or(body.len())
}

/// The `./.` the renderer prints after the last paragraph of the content
/// (the closing's, or the last khoản's when there is no closing) is not
/// part of its text: typed, it would be flagged inside the content once a
/// paragraph is added after it (R-END). The renderer drops the full stop
/// before it, so which was typed cannot be told; `stop` is put back: a
/// khoản's sentence ends with one, so that a paragraph added after it
/// leaves it right, and the closing, which always ends the content, goes
/// without (the samples' own choices).
pub(super) fn without_end_mark(blocks: &mut [Block], stop: &str) {
    let last = match blocks.last_mut() {
        Some(Block::List(list)) => list.list.last_mut(),
        other => other,
    };
    if let Some(Block::Paragraph(text)) = last
        && let Some(kept) = text.trim_end().strip_suffix("./.")
    {
        *text = format!("{}{stop}", kept.trim_end());
    }
}

/// The blocks that end a section tree: its last section's `after`, or
/// the end of its last subsection, or its own content.
pub(super) fn last_blocks(sections: &mut [Section]) -> Option<&mut Vec<Block>> {
    let last = sections.last_mut()?;
    if !last.after.is_empty() {
        return Some(&mut last.after);
    }
    if !last.sections.is_empty() {
        return last_blocks(&mut last.sections);
    }
    Some(&mut last.content)
}

/// What the end of a plan gives: the nơi nhận, the lưu line and the signer.
#[derive(Debug)]
pub(super) struct Ending {
    pub(super) recipients: Vec<String>,
    pub(super) archive: String,
    pub(super) signer: Signer,
    /// Lines that are none of these (after `Lưu`, not the signer's): kept
    /// as text, never made a recipient.
    pub(super) stray: Vec<String>,
}

impl Ending {
    /// A plan without `Nơi nhận`: no recipients, lưu or signer, as the
    /// report says.
    pub(super) fn missing(out: &mut Findings) -> Ending {
        out.guessed
            .push("không thấy \"Nơi nhận\": để trống nơi nhận, nơi lưu và người ký".into());
        Ending {
            recipients: Vec::new(),
            archive: String::new(),
            signer: Signer::default(),
            stray: Vec::new(),
        }
    }
}

/// `Nơi nhận:` and its entries, `Lưu: …`, then the signer: authority
/// lines, the title in capitals and the name — in whatever order two
/// columns extracted side by side interleave them. The nơi nhận ends at
/// `Lưu`; a signer line is one the field readers take (an authority, a
/// title in capitals, a person's name), above or below the name.
pub(super) fn ending_block(pieces: &[Piece], out: &mut Findings) -> Ending {
    let mut recipients: Vec<String> = Vec::new();
    let mut archive = None;
    let mut authority = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    let mut name: Option<String> = None;
    let mut stray = Vec::new();
    // Whether the last entry was left open (`- VP UBTP: CVP, các PCVP,`):
    // the next line goes on it; or a line ended with the dash of the
    // next entry (`…; -`).
    let mut open = false;
    let mut dash_before = false;
    let mut lines: Vec<(usize, String)> = Vec::new();
    for piece in pieces {
        let Some(text) = text_of(piece) else {
            out.unplaced
                .push((piece.at(), "một bảng sau \"Nơi nhận\"".into()));
            continue;
        };
        let text = bare(text).replace('|', "  ");
        let text = text.trim_start();
        let text = text
            .strip_prefix("Nơi nhận")
            .map_or(text, |rest| rest.trim_start().trim_start_matches(':'));
        // Two columns run together: `- Lãnh đạo Sở;   PHÓ GIÁM ĐỐC`.
        for part in unspaced(text)
            .split("  ")
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            for entry in entries(part) {
                lines.extend(by_authority(&entry).into_iter().map(|l| (piece.at(), l)));
            }
        }
    }
    for (at, line) in lines {
        if line.trim_start_matches(DASHES).trim().is_empty() {
            dash_before = true;
            continue;
        }
        let signer_like =
            authority_line(&line).is_some() || is_title(&line) || person_name(&line).is_some();
        let line = if !signer_like
            && std::mem::take(&mut dash_before)
            && archive.is_none()
            && !line.starts_with(DASHES)
        {
            format!("- {line}")
        } else {
            line
        };
        let entry = line.trim_start_matches(DASHES).trim();
        if let Some(rest) = entry
            .strip_prefix("Lưu")
            .map(|r| r.trim_start_matches([':', ' ']))
        {
            archive = Some(rest.trim_end_matches(['.', ';']).trim().to_owned());
        } else if line.starts_with(DASHES) && archive.is_none() {
            open = !entry.ends_with([';', '.']);
            recipients.push(entry.trim_end_matches([';', '.', ',']).trim().to_owned());
        } else if let Some((prefix, of)) = authority_line(&line) {
            // One line for the whole block: `KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng
            // Việt Phương`.
            let block = one_line_block(&of);
            authority.push(Authority {
                prefix,
                of: block.of,
            });
            titles.extend(block.title);
            if block.name.is_some() {
                name = block.name;
            }
        } else if line.starts_with('(')
            && archive.is_none()
            && let Some(last) = recipients.last_mut()
        {
            // `(để b/c)` beside a group of entries: said of the last one.
            *last = format!("{last} {}", line.trim_end_matches([';', '.']));
        } else if is_title(&line) && (name.is_none() || titles.is_empty()) {
            titles.push(line);
        } else if name.is_none()
            && let Some(person) = person_name(without_glyphs(&line))
        {
            name = Some(person);
        } else if name.is_none()
            && !(titles.is_empty() && authority.is_empty())
            && let Some((person, rest)) = name_then_text(&line)
        {
            // The name, and what a reader ran into it (the next page's
            // first words): those stay text.
            name = Some(person);
            out.unplaced
                .push((at, format!("\"{rest}\" (để lại thành đoạn văn)")));
            stray.push(rest);
        } else if let Some((title, person)) = title_and_name(&line).filter(|_| name.is_none()) {
            // A leader's block run into one line: `THỦ TƯỚNG Lê An`.
            titles.push(title);
            name = Some(person);
        } else if archive.is_none()
            && (open || line.ends_with(';') || line.starts_with(char::is_lowercase))
            && let Some(last) = recipients.last_mut()
        {
            // An entry wrapped onto the next lines.
            open = !line.ends_with([';', '.']);
            *last = format!("{last} {}", line.trim_end_matches([';', '.']));
        } else {
            out.unplaced
                .push((at, format!("\"{line}\" (để lại thành đoạn văn)")));
            stray.push(line);
        }
    }
    out.found
        .push(format!("nơi nhận: {} mục", recipients.len()));
    if archive.is_none() {
        out.guessed
            .push("không thấy dòng \"Lưu:\": để trống".into());
    }
    if name.is_none() {
        out.guessed
            .push("không thấy họ tên người ký: để trống".into());
    }
    let title = (!titles.is_empty()).then(|| titles.join("\n"));
    out.found.push(format!(
        "người ký: {} {}",
        title.as_deref().unwrap_or("(không rõ chức vụ)"),
        name.as_deref().unwrap_or("")
    ));
    Ending {
        recipients,
        archive: archive.unwrap_or_default(),
        signer: Signer {
            authority,
            title,
            name,
            ..Signer::default()
        },
        stray,
    }
}

/// A block a reader ran into one line, at each authority prefix:
/// `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH …` → `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH …`.
fn by_authority(line: &str) -> Vec<String> {
    static INNER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s(?:KT|TM|T/M|TL|T/L|TUQ|Q)\s?\.\s").unwrap());
    if authority_line(line).is_none() {
        return vec![line.to_owned()];
    }
    let mut parts = Vec::new();
    let mut from = 0;
    for m in INNER.find_iter(line) {
        parts.push(line[from..m.start()].trim().to_owned());
        from = m.start();
    }
    parts.push(line[from..].trim().to_owned());
    parts
}

/// A line without the stray glyphs a signing stamp or a scan left before
/// it (`[ Phạm Thị Thanh Trà`).
fn without_glyphs(line: &str) -> &str {
    line.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != '-')
}

/// `Trần Văn Minh (Đã ký)`: a signer's name, the longest that opens the
/// line, and text after it that does not go on a phrase (`Cổng Thông tin
/// điện tử` is no name).
fn name_then_text(line: &str) -> Option<(String, String)> {
    if line.ends_with([';', ',']) {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..words.len().min(7)).rev().find_map(|k| {
        let name = person_name(&words[..k].join(" "))?;
        let rest = words[k..].join(" ");
        (!rest.starts_with(char::is_lowercase)).then_some((name, rest))
    })
}

/// `THỦ TƯỚNG Lê An`, `CHỦ TỊCH PHÓ CHỦ TỊCH Lê An`: a title in capitals
/// and a name after it, on one line.
fn title_and_name(line: &str) -> Option<(String, String)> {
    let block = one_line_block(line);
    let name = block.name?;
    let title = match block.title {
        Some(title) => format!("{}\n{title}", block.of),
        None => block.of,
    };
    is_title(&title).then_some((title, name))
}

const DASHES: [char; 5] = ['-', '–', '+', '•', '\u{2212}'];

/// A signer's title: a line in capitals, letters and spaces (`PHÓ GIÁM
/// ĐỐC`, `PHÓ CỤC TRƯỞNG CỤC CẢNH SÁT ĐTTP VỀ MA TÚY`), not a list's entry
/// or a lưu line (`NC, HC-QT, TT TTDL&CNS TP;`).
fn is_title(line: &str) -> bool {
    is_caps(line)
        && !line.ends_with([';', ',', '.', ':'])
        && line
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\n')
}

/// A nơi nhận list flattened into one line (a table row of a page turned
/// into text): `- Bộ A; (báo cáo) - Sở B; - Lưu: VT.` → an entry each.
fn entries(line: &str) -> Vec<String> {
    // `; - ` between entries, or `; -` ending a line whose next entry
    // the next line holds.
    static DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[;.)]\s+-(?:\s|$)").unwrap());
    let mut out = Vec::new();
    let mut start = 0;
    for m in DASH.find_iter(line) {
        // Keep the `;` or `)` with the entry it ends, and the dash with
        // the next one (a lone `-` at the end says it starts on the next
        // line).
        out.push(line[start..m.start() + 1].trim().to_owned());
        start = line[..m.end()].rfind('-').unwrap_or(m.end());
    }
    out.push(line[start..].trim().to_owned());
    // `Bộ A; (báo cáo)`: the note in brackets belongs to the entry.
    out.into_iter()
        .map(|e| e.replace("; (", " ("))
        .filter(|e| !e.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::AuthorityPrefix;

    use super::super::parse_text;

    #[test]
    fn the_signer_beside_the_recipients_is_read() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:        KT. GIÁM ĐỐC\n- UBND tỉnh;        PHÓ GIÁM ĐỐC\n- Lưu: VT, VP.\n\n                   Vũ Quang Hưng\n",
        );
        assert_eq!(plan.recipients, ["UBND tỉnh"]);
        assert_eq!(plan.archive, "VT, VP");
        assert_eq!(plan.signer.authority[0].prefix, AuthorityPrefix::Kt);
        assert_eq!(plan.signer.authority[0].of, "GIÁM ĐỐC");
        assert_eq!(plan.signer.title.as_deref(), Some("PHÓ GIÁM ĐỐC"));
        assert_eq!(plan.signer.name.as_deref(), Some("Vũ Quang Hưng"));
    }

    #[test]
    fn the_nơi_nhận_ends_at_lưu_and_the_signer_is_read_wherever_it_stands() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2026\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận :\n- Thủ tướng Chính phủ (để b/c);\n- Các Bộ, cơ quan\nngang Bộ;\n- Lưu VT, NC, HC-QT, TT TTDL&CNS TP;\nT/M. BAN CHỈ ĐẠO\nTRƯỞNG BAN\nPHÓ THỦ TƯỚNG\n\nTrần Văn Minh\n(Đã ký)\n",
        );
        assert_eq!(
            plan.recipients,
            ["Thủ tướng Chính phủ (để b/c)", "Các Bộ, cơ quan ngang Bộ"]
        );
        assert_eq!(plan.archive, "VT, NC, HC-QT, TT TTDL&CNS TP");
        assert_eq!(plan.signer.authority[0].prefix, AuthorityPrefix::Tm);
        assert_eq!(plan.signer.authority[0].of, "BAN CHỈ ĐẠO");
        assert_eq!(
            plan.signer.title.as_deref(),
            Some("TRƯỞNG BAN\nPHÓ THỦ TƯỚNG")
        );
        assert_eq!(plan.signer.name.as_deref(), Some("Trần Văn Minh"));
        // What follows the block is text, not a recipient.
        assert_eq!(
            plan.closing.last(),
            Some(&crate::model::Block::Paragraph("(Đã ký)".into()))
        );
    }

    #[test]
    fn a_block_flattened_into_one_row_is_split() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. MỤC ĐÍCH\nNội dung.\n| Nơi nhận: - Bộ A; (báo cáo) - Sở B; - Lưu: VT, NC. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương |\n|---|---|\n",
        );
        assert_eq!(plan.recipients, ["Bộ A (báo cáo)", "Sở B"]);
        assert_eq!(plan.archive, "VT, NC");
        assert_eq!(plan.signer.authority[0].of, "CHỦ TỊCH");
        assert_eq!(plan.signer.title.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(plan.signer.name.as_deref(), Some("Hoàng Việt Phương"));
    }

    #[test]
    fn the_printed_end_mark_is_not_kept_in_the_text() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. NỘI DUNG\nNội dung.\nTrên đây là Kế hoạch thi đua năm 2025./.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\n",
        );
        assert_eq!(
            plan.closing,
            [crate::model::Block::Paragraph(
                "Trên đây là Kế hoạch thi đua năm 2025".into()
            )]
        );
        // No closing: the last khoản's paragraph, a sentence again.
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. TỔ CHỨC THỰC HIỆN\n1. Chế độ báo cáo\nCác phòng báo cáo trước ngày 15/11./.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\n",
        );
        assert!(plan.closing.is_empty(), "{:?}", plan.closing);
        assert_eq!(
            plan.sections[0].sections[0].content,
            [crate::model::Block::Paragraph(
                "Các phòng báo cáo trước ngày 15/11.".into()
            )]
        );
    }
}
