//! The end of a plan: the closing (`Trên đây là …`), then `Nơi nhận:`
//! and its entries, `Lưu: …`, and the signer.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::{Error as ValueError, StrDeserializer};

use super::{Findings, plain, text_of};
use crate::import::source::Piece;
use crate::import::text::{MARKER, is_caps};
use crate::model::{Authority, AuthorityPrefix, Signer};

/// Where the closing starts in the body: at `Trên đây là …`, or a last
/// unnumbered paragraph ending `./.`; the body's end when there is none.
pub(super) fn closing_start(body: &[Piece]) -> usize {
    body.iter()
        .rposition(|p| text_of(p).is_some_and(|t| t.starts_with("Trên đây")))
        .or_else(|| {
            let last = body.len().checked_sub(1)?;
            let t = text_of(&body[last])?;
            (t.ends_with("./.") && !MARKER.is_match(t)).then_some(last)
        })
        .unwrap_or(body.len())
}

static AUTHORITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(KT|TM|TL|TUQ|Q)\.\s*(.+)$").unwrap());

/// What the end of a plan gives: the nơi nhận, the lưu line and the signer.
#[derive(Debug)]
pub(super) struct Ending {
    pub(super) recipients: Vec<String>,
    pub(super) archive: String,
    pub(super) signer: Signer,
}

impl Ending {
    /// A plan without `Nơi nhận`: the usual archive, no signer, as the
    /// report says.
    pub(super) fn missing(out: &mut Findings) -> Ending {
        out.guessed
            .push("không thấy \"Nơi nhận\": dòng lưu đặt là \"VT\", chưa có người ký".into());
        Ending {
            recipients: Vec::new(),
            archive: "VT".into(),
            signer: Signer::default(),
        }
    }
}

/// `Nơi nhận:` and its entries, `Lưu: …`, then the signer: authority
/// lines, the title in capitals and the name.
pub(super) fn ending_block(pieces: &[Piece], out: &mut Findings) -> Ending {
    let mut recipients = Vec::new();
    let mut archive = None;
    let mut authority = Vec::new();
    let mut title: Option<String> = None;
    let mut name: Option<String> = None;
    let mut lines: Vec<(usize, String)> = Vec::new();
    for piece in pieces {
        let Some(text) = text_of(piece) else {
            out.unplaced
                .push((piece.at(), "một bảng sau \"Nơi nhận\"".into()));
            continue;
        };
        let text = plain(text)
            .trim_start_matches("Nơi nhận:")
            .trim_start_matches("Nơi nhận");
        // Two columns run together: `- Lãnh đạo Sở;   PHÓ GIÁM ĐỐC`.
        for part in text.split("  ").map(str::trim).filter(|p| !p.is_empty()) {
            lines.push((piece.at(), plain(part).to_owned()));
        }
    }
    for (at, line) in lines {
        let entry = line.trim_start_matches(['-', '–', '+', '•']).trim();
        if let Some(rest) = entry
            .strip_prefix("Lưu")
            .map(|r| r.trim_start_matches([':', ' ']))
        {
            archive = Some(rest.trim_end_matches(['.', ';']).trim().to_owned());
        } else if line.starts_with(['-', '–', '+', '•']) {
            recipients.push(entry.trim_end_matches([';', '.', ',']).trim().to_owned());
        } else if let Some(c) = AUTHORITY.captures(&line)
            && let Some(prefix) = prefix(&c[1])
        {
            authority.push(Authority {
                prefix,
                of: c[2].trim().to_owned(),
            });
        } else if is_caps(&line) && name.is_none() {
            title = Some(line);
        } else if title.is_some()
            && name.is_none()
            && line.split_whitespace().count() >= 2
            && line.chars().next().is_some_and(char::is_uppercase)
        {
            name = Some(line);
        } else {
            out.unplaced
                .push((at, format!("\"{line}\" (đưa vào nơi nhận)")));
            recipients.push(line);
        }
    }
    out.found
        .push(format!("nơi nhận: {} mục", recipients.len()));
    if archive.is_none() {
        out.guessed
            .push("không thấy dòng \"Lưu:\": đặt là \"VT\"".into());
    }
    if name.is_none() {
        out.guessed
            .push("không thấy họ tên người ký: để trống".into());
    }
    out.found.push(format!(
        "người ký: {} {}",
        title.as_deref().unwrap_or("(không rõ chức vụ)"),
        name.as_deref().unwrap_or("")
    ));
    Ending {
        recipients,
        archive: archive.unwrap_or_else(|| "VT".into()),
        signer: Signer {
            authority,
            title,
            name,
            ..Signer::default()
        },
    }
}

/// `KT` → [`AuthorityPrefix::Kt`], by the model's own names for them.
fn prefix(text: &str) -> Option<AuthorityPrefix> {
    let text: StrDeserializer<ValueError> = text.into_deserializer();
    AuthorityPrefix::deserialize(text).ok()
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
}
