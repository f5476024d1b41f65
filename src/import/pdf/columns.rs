//! Two columns side by side on a page — the issuer beside the quốc hiệu,
//! the nơi nhận beside the signer — found where lines show them apart by a
//! wide gap, and kept apart on the lines between where they come closer:
//! a wrapped nơi nhận entry and a long title centred in the right column
//! (`- Cổng Thông tin điện tử tỉnh; PHÓ CỤC TRƯỞNG CỤC CẢNH SÁT ĐTTP VỀ`)
//! can stand a space's width apart, the left column's glyphs a baseline
//! off the right's. Such a line is cut at the gap in the columns' gutter
//! that leaves each side lined up as its column's lines are (left-aligned
//! or centred), and never elsewhere.

use super::layout::Line;

/// A run of lines in two columns: where the gutter between them is, and
/// the spans of the parts seen in each.
struct Block {
    /// From the left column's furthest end to the right column's nearest
    /// start, on the lines with a wide gap.
    gutter: (f64, f64),
    left: Vec<(f64, f64)>,
    right: Vec<(f64, f64)>,
}

/// A gap between two glyphs of ink on a line: the index of the glyph after
/// it, where it starts and ends.
type Gap = (usize, f64, f64);

/// Lines a block's wide-gap lines stand within of each other (a
/// signature's space between the title and the name).
const NEAR: usize = 10;

/// Marks on each line the glyph a right column starts at, where the line
/// holds both columns.
pub(super) fn find(lines: &mut [Line]) {
    let gaps: Vec<Vec<Gap>> = lines.iter().map(gaps).collect();
    let wide: Vec<bool> = lines
        .iter()
        .zip(&gaps)
        .map(|(line, gaps)| gaps.iter().any(|g| is_wide(g, line)))
        .collect();
    // Where each line's ink starts, and its size: a line that starts past
    // a block's gutter is its right column's.
    let starts: Vec<(f64, f64)> = lines.iter().map(|l| (extent(l).0, l.size)).collect();
    let mut block: Option<Block> = None;
    for (k, line) in lines.iter_mut().enumerate() {
        let gaps = &gaps[k];
        let near = |b: &Block, &(_, start, end): &Gap| {
            start <= b.gutter.1 + line.size && end >= b.gutter.0 - line.size
        };
        // Of several wide gaps (`Số:      /KH-UBND      Hà Nội, ngày …`,
        // a blank left for the number), the one in the block's gutter, or
        // the widest.
        let wide_gaps: Vec<&Gap> = gaps.iter().filter(|g| is_wide(g, line)).collect();
        let in_gutter = wide_gaps
            .iter()
            .find(|g| block.as_ref().is_some_and(|b| near(b, g)));
        let widest = wide_gaps
            .iter()
            .max_by(|a, b| (a.2 - a.1).total_cmp(&(b.2 - b.1)));
        let Some(&&(i, start, end)) = in_gutter.or(widest) else {
            // Past the block's last line with a wide gap or in its right
            // column, a line cut in two must fit within the columns seen:
            // a line of the body after the block runs to the margin.
            block = block.and_then(|b| {
                let ahead = k + 1..wide.len().min(k + 1 + NEAR);
                let more = ahead.into_iter().any(|j| {
                    let (start, size) = starts[j];
                    wide[j] || start >= b.gutter.0 - size
                });
                b.go_on(line, gaps, !more)
            });
            continue;
        };
        if !block.as_ref().is_some_and(|b| near(b, &(i, start, end))) {
            block = Some(Block {
                gutter: (start, end),
                left: Vec::new(),
                right: Vec::new(),
            });
        }
        let b = block.as_mut().expect("set above");
        let gutter = (b.gutter.0.max(start), b.gutter.1.min(end));
        if gutter.0 < gutter.1 {
            b.gutter = gutter;
        }
        let (first, last) = extent(line);
        b.left.push((first, start));
        b.right.push((end, last));
        line.columns.push(i);
    }
}

/// A gap of more than two of its line's letters: a column break.
fn is_wide(gap: &Gap, line: &Line) -> bool {
    gap.2 - gap.1 > line.size * 2.0
}

impl Block {
    /// The block after `line`, which has no wide gap: a line of one column
    /// lined up as its lines are, or of both cut in the gutter (`within`:
    /// each part within the spans its column's parts took so far); any
    /// other line (the body's) ends the block.
    fn go_on(mut self, line: &mut Line, gaps: &[Gap], within: bool) -> Option<Block> {
        let tolerance = line.size;
        let (first, last) = extent(line);
        let one_column = if last <= self.gutter.1 + tolerance {
            Some(&mut self.left)
        } else if first >= self.gutter.0 - tolerance {
            Some(&mut self.right)
        } else {
            None
        };
        if let Some(column) = one_column {
            if !lined_up((first, last), column, tolerance) {
                return None;
            }
            column.push((first, last));
            return Some(self);
        }
        let (i, start, end) = gaps
            .iter()
            .filter(|&&(_, start, end)| {
                start <= self.gutter.1 + tolerance && end >= self.gutter.0 - tolerance
            })
            .filter(|&&(_, start, end)| {
                lined_up((first, start), &self.left, tolerance)
                    && lined_up((end, last), &self.right, tolerance)
            })
            .filter(|&&(_, start, end)| {
                !within
                    || inside((first, start), &self.left, tolerance)
                        && inside((end, last), &self.right, tolerance)
            })
            .min_by(|a, b| off((a.2, last), &self.right).total_cmp(&off((b.2, last), &self.right)))
            .copied()?;
        self.left.push((first, start));
        self.right.push((end, last));
        line.columns.push(i);
        Some(self)
    }
}

/// The gaps between the glyphs of ink on a line, wider than a tight
/// line's letter spacing.
fn gaps(line: &Line) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let mut end: Option<f64> = None;
    for (i, g) in line.glyphs.iter().enumerate() {
        if g.text.trim().is_empty() {
            continue;
        }
        if let Some(end) = end
            && g.x - end > g.size * 0.15
        {
            gaps.push((i, end, g.x));
        }
        end = Some(g.end.max(end.unwrap_or(f64::MIN)));
    }
    gaps
}

/// Where a line's ink starts and ends.
fn extent(line: &Line) -> (f64, f64) {
    let ink: Vec<_> = line
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    let first = ink.first().map_or(0.0, |g| g.x);
    (first, ink.iter().map(|g| g.end).fold(first, f64::max))
}

/// Whether a part spanning `span` is lined up with the column's parts
/// seen so far.
fn lined_up(span: (f64, f64), column: &[(f64, f64)], tolerance: f64) -> bool {
    off(span, column) <= tolerance
}

/// How far a part spanning `span` is from being lined up with `column`:
/// from their median start if they start together, from their median
/// centre if they are centred (a centred column's starts spread, a
/// left-aligned one's centres); from the nearer of the two while one part
/// cannot tell.
fn off(span: (f64, f64), column: &[(f64, f64)]) -> f64 {
    let starts: Vec<f64> = column.iter().map(|s| s.0).collect();
    let centres: Vec<f64> = column.iter().map(|s| (s.0 + s.1) / 2.0).collect();
    let (Some(start), Some(centre)) = (median(&starts), median(&centres)) else {
        return f64::INFINITY;
    };
    let by_start = (span.0 - start).abs();
    let by_centre = ((span.0 + span.1) / 2.0 - centre).abs();
    if column.len() < 2 {
        return by_start.min(by_centre);
    }
    if spread(&starts) <= spread(&centres) {
        by_start
    } else {
        by_centre
    }
}

/// Whether `span` lies within the spans of `column`'s parts.
fn inside(span: (f64, f64), column: &[(f64, f64)], tolerance: f64) -> bool {
    let start = column.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
    let end = column.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    span.0 >= start - tolerance && span.1 <= end + tolerance
}

fn median(values: &[f64]) -> Option<f64> {
    let mut values = values.to_vec();
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

fn spread(values: &[f64]) -> f64 {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    max - min
}

#[cfg(test)]
mod tests {
    use super::super::{Glyph, layout};

    /// `text`'s glyphs from `x` on baseline `y`: letters half their size
    /// wide, capitals 0.7, a space a quarter (the gap between glyphs, as
    /// Word and typst leave it).
    fn words(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        let mut glyphs = Vec::new();
        let mut at = x;
        for c in text.chars() {
            if c == ' ' {
                at += size * 0.25;
                continue;
            }
            let width = size * if c.is_uppercase() { 0.7 } else { 0.5 };
            glyphs.push(Glyph {
                x: at,
                y,
                end: at + width,
                size,
                text: c.to_string(),
            });
            at += width;
        }
        glyphs
    }

    fn width(text: &str, size: f64) -> f64 {
        words(text, 0.0, 0.0, size).last().map_or(0.0, |g| g.end)
    }

    /// `text` centred on `centre`.
    fn centred(text: &str, centre: f64, y: f64, size: f64) -> Vec<Glyph> {
        words(text, centre - width(text, size) / 2.0, y, size)
    }

    #[test]
    fn a_right_column_run_close_to_the_left_is_cut_off_in_the_gutter() {
        // kehoach's own ending: the nơi nhận in 11 pt from the margin, the
        // signer in 14 pt centred on 394, a baseline or so apart.
        let mut page = Vec::new();
        let body = "Trên đây là Kế hoạch của Sở Tư pháp, đề nghị các cơ quan, đơn vị nghiêm túc";
        page.extend(words(body, 85.0, 60.0, 14.0));
        page.extend(words("thực hiện./.", 85.0, 78.0, 14.0));
        page.extend(words("Nơi nhận:", 85.0, 100.0, 12.0));
        page.extend(centred("KT. TỔ TRƯỞNG", 394.0, 100.0, 14.0));
        page.extend(words("- Ban Giám hiệu;", 85.0, 112.0, 11.0));
        page.extend(words("- Bộ Tư pháp;", 85.0, 124.0, 11.0));
        page.extend(centred("PHÓ TỔ TRƯỞNG THƯỜNG TRỰC", 394.0, 121.0, 14.0));
        page.extend(words("- Cổng Thông tin điện tử tỉnh;", 85.0, 136.0, 11.0));
        page.extend(centred(
            "PHÓ CỤC TRƯỞNG CỤC CẢNH SÁT ĐTTP VỀ",
            394.0,
            140.0,
            14.0,
        ));
        page.extend(words("- Chủ tịch, các PCT UBND tỉnh;", 85.0, 148.0, 11.0));
        page.extend(centred("MA TÚY", 394.0, 150.0, 14.0));
        page.extend(words("- Ủy ban Mặt trận Tổ quốc Việt", 85.0, 160.0, 11.0));
        page.extend(words(
            "Nam tỉnh và các tổ chức chính trị",
            85.0,
            172.0,
            11.0,
        ));
        page.extend(centred("Phạm Thu Hải", 394.0, 175.0, 14.0));
        page.extend(words("- Lưu: VT, NC.", 85.0, 184.0, 11.0));
        // A page of the phụ lục after it, run on.
        let after = "Phụ lục kèm theo Kế hoạch nêu các nhiệm vụ cụ thể của từng cơ quan";
        page.extend(words(after, 85.0, 220.0, 14.0));
        let text = layout::text(&page);
        let lines: Vec<&str> = text.lines().collect();
        let cut = |needle: &str| {
            let line = lines.iter().find(|l| l.contains(needle)).expect(needle);
            line.split("   ")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            cut("Cổng"),
            [
                "- Cổng Thông tin điện tử tỉnh;",
                "PHÓ CỤC TRƯỞNG CỤC CẢNH SÁT ĐTTP VỀ"
            ]
        );
        assert_eq!(
            cut("Phạm"),
            ["Nam tỉnh và các tổ chức chính trị", "Phạm Thu Hải"]
        );
        // The body's lines before and after the block are not cut.
        assert_eq!(cut("Trên đây"), [body]);
        assert_eq!(cut("Phụ lục"), [after]);
        // The right column's lines stand centred on one character column.
        let centre = |needle: &str| {
            let line = lines.iter().find(|l| l.contains(needle)).expect(needle);
            let start = line[..line.find(needle).unwrap()].chars().count();
            start + needle.chars().count() / 2
        };
        let centres = [
            "KT. TỔ TRƯỞNG",
            "PHÓ CỤC TRƯỞNG CỤC CẢNH SÁT ĐTTP VỀ",
            "MA TÚY",
            "Phạm Thu Hải",
        ]
        .map(|n| centre(n) as i64 - centre("PHÓ TỔ TRƯỞNG THƯỜNG TRỰC") as i64);
        assert!(centres.iter().all(|d| d.abs() <= 2), "{text}");
    }
}
