//! A Quyết định that issues the plan, set before it in the same file
//! (Mẫu 1.3): its header, trích yếu, the authority in capitals, căn cứ and
//! `Theo đề nghị của …`, the articles after `QUYẾT ĐỊNH:`, then its nơi
//! nhận and signer. Read into the plan's `decision`, never into the plan's
//! own preamble or nơi nhận.

use super::ending::{Ending, ending_block};
use super::fields::{authority_line, starts_a_title, unspaced};
use super::header::{Header, header};
use super::{Findings, bare, plain, text_of};
use crate::import::source::Piece;
use crate::import::text::is_caps;
use crate::model::Decision;

/// The decision in `pieces` (everything before the attached plan), and its
/// header, whose date and địa danh are the plan's too.
pub(super) fn read(pieces: &[Piece], out: &mut Findings) -> (Decision, Header) {
    let title_at = pieces
        .iter()
        .position(|p| text_of(p).is_some_and(|t| bare(t) == "QUYẾT ĐỊNH"))
        .unwrap_or(0);
    let mut head = Header::default();
    header(&pieces[..title_at], &mut head, &mut Findings::default());
    // The ending opens at `Nơi nhận`; an edition that leaves it out (the
    // Công báo prints no nơi nhận) goes from the last article's `./.` to
    // the signer.
    let ending_at = pieces
        .iter()
        .position(|p| text_of(p).is_some_and(|t| bare(t).starts_with("Nơi nhận")))
        .or_else(|| {
            pieces
                .iter()
                .rposition(|p| text_of(p).is_some_and(|t| bare(t).ends_with("./.")))
                .map(|i| i + 1)
        })
        .unwrap_or(pieces.len());
    let mut decision = Decision {
        number: head.number,
        symbol: head.symbol.clone(),
        ..Decision::default()
    };
    let mut title: Vec<String> = Vec::new();
    let mut decided = false;
    for piece in &pieces[title_at + 1..ending_at.max(title_at + 1)] {
        let Some(text) = text_of(piece).map(plain) else {
            continue;
        };
        let words = bare(text);
        if decided {
            match article_text(&words) {
                Some(first) => decision.articles.push(first),
                None => match decision.articles.last_mut() {
                    Some(article) => {
                        article.push('\n');
                        article.push_str(text);
                    }
                    None => decision.articles.push(text.to_owned()),
                },
            }
        } else if words == "QUYẾT ĐỊNH:" {
            decided = true;
        } else if decision.authority.is_empty() && is_caps(&words) && !title.is_empty() {
            decision.authority = words;
        } else if decision.authority.is_empty() {
            title.push(text.to_owned());
        } else if words.starts_with("Theo đề nghị") || words.starts_with("Xét đề nghị") {
            decision.proposal = Some(text.trim_end_matches(['.', ';']).to_owned());
        } else {
            decision
                .bases
                .push(text.trim_end_matches(['.', ';']).to_owned());
        }
    }
    decision.title = (!title.is_empty()).then(|| title.join(" "));
    if let Some(last) = decision.articles.last_mut() {
        *last = last.trim_end().trim_end_matches("./.").to_owned();
    }
    let mut scratch = Findings::default();
    let Ending {
        recipients,
        archive,
        signer,
        stray,
    } = ending_block(&pieces[ending_at..], &mut scratch);
    decision.recipients = recipients;
    decision.archive = archive;
    decision.signer = signer;
    // What the decision's ending could not place is kept, after its last
    // article, and listed.
    out.unplaced.append(&mut scratch.unplaced);
    if let Some(last) = decision.articles.last_mut() {
        for line in stray {
            last.push('\n');
            last.push_str(&line);
        }
    }
    out.found.push(format!(
        "quyết định ban hành kế hoạch: số {}/{}, {} căn cứ, {} điều, {} nơi nhận, người ký {}",
        decision.number.map_or("…".into(), |n| n.to_string()),
        decision.symbol.as_deref().unwrap_or("…"),
        decision.bases.len(),
        decision.articles.len(),
        decision.recipients.len(),
        decision.signer.name.as_deref().unwrap_or("(chưa rõ)")
    ));
    (decision, head)
}

/// `Điều 1. Ban hành …` → `Ban hành …`: an article's first paragraph.
fn article_text(words: &str) -> Option<String> {
    let rest = words.strip_prefix("Điều ")?;
    let (number, text) = rest.split_once('.')?;
    number
        .trim()
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| text.trim().to_owned())
}

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
            // Not the decision's signer above it (`TL. BỘ TRƯỞNG`, `VỤ
            // TRƯỞNG VỤ PHÁP CHẾ`) when no name closes its block.
            let t = unspaced(&bare(t));
            crate::import::text::is_caps(&t)
                && !t.starts_with(['-', '–'])
                && authority_line(&t).is_none()
                && !starts_a_title(&t)
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

#[cfg(test)]
mod tests {
    use super::super::parse;
    use crate::import::text;
    use crate::model::AuthorityPrefix;

    #[test]
    fn a_decision_before_its_plan_is_set_aside() {
        let source = "ỦY BAN NHÂN DÂN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
            TỈNH LÂM ĐỒNG     Độc lập - Tự do - Hạnh phúc\n\
            Số: 12/QĐ-UBND     Lâm Đồng, ngày 5 tháng 3 năm 2026\n\
            QUYẾT ĐỊNH\nBan hành Kế hoạch thi đua năm 2026\n\
            CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n\
            Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;\n\
            Theo đề nghị của Sở Nội vụ.\nQUYẾT ĐỊNH:\n\
            Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thi đua năm 2026.\n\
            Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNội dung khác./.\n\
            Nơi nhận:     KT. CHỦ TỊCH\n- Sở Nội vụ;     PHÓ CHỦ TỊCH\n- Lưu: VT.\n\nNguyễn Văn A\n\
            ỦY BAN NHÂN DÂN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
            TỈNH LÂM ĐỒNG     Độc lập - Tự do - Hạnh phúc\n\
            KẾ HOẠCH\nThi đua năm 2026\n\
            (Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của UBND tỉnh)\n\
            I. MỤC ĐÍCH\nNội dung.\n";
        let plan = parse(&text::read(source.as_bytes()).unwrap()).plan;
        assert!(plan.recipients.is_empty(), "{:?}", plan.recipients);
        assert_eq!(plan.issuer.name, "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG");
        assert_eq!(plan.date.as_deref(), Some("2026-03-05"));
        assert_eq!(plan.title, "Thi đua năm 2026");
        assert_eq!(plan.subtitle, None, "the decision's line is the program's");
        let decision = plan.decision.expect("the decision");
        assert_eq!(decision.number, Some(12));
        assert_eq!(decision.symbol.as_deref(), Some("QĐ-UBND"));
        assert_eq!(
            decision.title.as_deref(),
            Some("Ban hành Kế hoạch thi đua năm 2026")
        );
        assert_eq!(decision.authority, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
        assert_eq!(
            decision.bases,
            ["Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022"]
        );
        assert_eq!(
            decision.proposal.as_deref(),
            Some("Theo đề nghị của Sở Nội vụ")
        );
        assert_eq!(decision.articles.len(), 2);
        assert_eq!(
            decision.articles[1],
            "Quyết định này có hiệu lực kể từ ngày ký.\nNội dung khác"
        );
        assert_eq!(decision.recipients, ["Sở Nội vụ"]);
        assert_eq!(decision.signer.authority[0].prefix, AuthorityPrefix::Kt);
        assert_eq!(decision.signer.name.as_deref(), Some("Nguyễn Văn A"));
        assert_eq!(decision.by.as_deref(), Some("UBND tỉnh"));
    }
}
