//! The end of a plan: the closing (`Trên đây là …`), then `Nơi nhận:`
//! and its entries, `Lưu: …`, and the signer.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value, json};

use super::{Parsed, plain, text_of};
use crate::import::source::Piece;
use crate::import::text::{MARKER, is_caps};

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

/// `Nơi nhận:` and its entries, `Lưu: …`, then the signer: authority
/// lines, the title in capitals and the name.
pub(super) fn ending_block(pieces: &[Piece], plan: &mut Map<String, Value>, out: &mut Parsed) {
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
            recipients.push(Value::String(
                entry.trim_end_matches([';', '.', ',']).trim().to_owned(),
            ));
        } else if let Some(c) = AUTHORITY.captures(&line) {
            authority.push(json!({ "prefix": &c[1], "of": c[2].trim() }));
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
            recipients.push(Value::String(line));
        }
    }
    out.found
        .push(format!("nơi nhận: {} mục", recipients.len()));
    if archive.is_none() {
        out.guessed
            .push("không thấy dòng \"Lưu:\": đặt là \"VT\"".into());
    }
    plan.insert("recipients".into(), Value::Array(recipients));
    plan.insert(
        "archive".into(),
        archive.unwrap_or_else(|| "VT".into()).into(),
    );
    let mut signer = Map::new();
    if !authority.is_empty() {
        signer.insert("authority".into(), Value::Array(authority));
    }
    if let Some(title) = &title {
        signer.insert("title".into(), title.clone().into());
    }
    match &name {
        Some(name) => {
            signer.insert("name".into(), name.clone().into());
        }
        None => out
            .guessed
            .push("không thấy họ tên người ký: để trống".into()),
    }
    out.found.push(format!(
        "người ký: {} {}",
        title.as_deref().unwrap_or("(không rõ chức vụ)"),
        name.as_deref().unwrap_or("")
    ));
    plan.insert("signer".into(), Value::Object(signer));
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::parse_text;

    #[test]
    fn the_signer_beside_the_recipients_is_read() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:        KT. GIÁM ĐỐC\n- UBND tỉnh;        PHÓ GIÁM ĐỐC\n- Lưu: VT, VP.\n\n                   Vũ Quang Hưng\n",
        );
        assert_eq!(plan["recipients"], json!(["UBND tỉnh"]));
        assert_eq!(plan["archive"], "VT, VP");
        assert_eq!(plan["signer"]["authority"][0]["of"], "GIÁM ĐỐC");
        assert_eq!(plan["signer"]["title"], "PHÓ GIÁM ĐỐC");
        assert_eq!(plan["signer"]["name"], "Vũ Quang Hưng");
    }
}
