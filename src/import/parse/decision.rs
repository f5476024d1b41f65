//! A Quyết định that issues the plan, set before it in the same file: its
//! text is not the plan's (its căn cứ, articles, nơi nhận and signer would
//! land in the plan's preamble and recipients), so it is set aside for the
//! report until plan data can hold a decision.

use super::{bare, text_of};
use crate::import::source::Piece;

/// Where the attached plan starts, when a `QUYẾT ĐỊNH` comes before the
/// plan's `KẾ HOẠCH` line (at `kind`): at the plan's own header (the body's
/// name in capitals over or beside the quốc hiệu), or at `KẾ HOẠCH` itself.
pub(super) fn plan_start(pieces: &[Piece], kind: usize) -> Option<usize> {
    let decision = pieces[..kind]
        .iter()
        .rposition(|p| text_of(p).is_some_and(|t| is_decision_title(&bare(t))))?;
    let motto = (decision + 1..kind).find(|&i| {
        text_of(&pieces[i]).is_some_and(|t| {
            let t = bare(t);
            t.contains("CỘNG HÒA") || t.contains("CỘNG HOÀ") || t.starts_with("Độc lập")
        })
    });
    let Some(mut start) = motto else {
        return Some(kind);
    };
    // The body's name sits on the lines before the quốc hiệu (extracted
    // column by column) or on the same lines (side by side).
    while start > decision + 1
        && kind - start < 12
        && text_of(&pieces[start - 1]).is_some_and(|t| {
            let t = bare(t);
            crate::import::text::is_caps(&t) && !t.starts_with(['-', '–'])
        })
    {
        start -= 1;
    }
    Some(start)
}

/// `QUYẾT ĐỊNH` alone on its line: the decision's name, not its
/// `QUYẾT ĐỊNH:` before the articles.
fn is_decision_title(text: &str) -> bool {
    text == "QUYẾT ĐỊNH"
}

/// The decision's lines as the report lists them.
pub(super) fn lines(pieces: &[Piece]) -> Vec<(usize, String)> {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text { at, text } => (*at, bare(text)),
            Piece::Table { at, rows } => (
                *at,
                rows.iter()
                    .map(|row| row.join(" | "))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use crate::import::text;

    #[test]
    fn a_decision_before_its_plan_is_set_aside() {
        let source = "ỦY BAN NHÂN DÂN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
            TỈNH LÂM ĐỒNG     Độc lập - Tự do - Hạnh phúc\n\
            Số: 12/QĐ-UBND     Lâm Đồng, ngày 5 tháng 3 năm 2026\n\
            QUYẾT ĐỊNH\nBan hành Kế hoạch thi đua năm 2026\n\
            Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thi đua năm 2026.\n\
            Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n\
            ỦY BAN NHÂN DÂN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
            TỈNH LÂM ĐỒNG     Độc lập - Tự do - Hạnh phúc\n\
            KẾ HOẠCH\nThi đua năm 2026\n\
            (Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của UBND tỉnh)\n\
            I. MỤC ĐÍCH\nNội dung.\n";
        let parsed = parse(&text::read(source.as_bytes()).unwrap());
        let plan = parsed.plan;
        assert!(plan.recipients.is_empty(), "{:?}", plan.recipients);
        assert_eq!(plan.issuer.name, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
        assert_eq!(plan.date.as_deref(), Some("2026-03-05"));
        assert_eq!(plan.symbol.as_deref(), Some("KH-UBND"));
        assert_eq!(plan.title, "Thi đua năm 2026");
        assert!(plan.subtitle.unwrap().starts_with("(Kèm theo Quyết định"));
        let decision: Vec<&str> = parsed
            .findings
            .decision
            .iter()
            .map(|(_, t)| t.as_str())
            .collect();
        assert!(decision.contains(&"- Sở Nội vụ;"), "{decision:?}");
    }
}
