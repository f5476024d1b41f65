//! Automatic numbering: Word stores "I.", "1.", "a)" as list definitions
//! in numbering.xml, not in the text, so the labels are computed here.

use std::collections::{HashMap, HashSet};

use super::xml::{Element, on_off};

/// List levels in Word's numbering: `w:ilvl` 0 to 8.
const LEVELS: usize = 9;

/// A reference to a list: `w:numPr`'s `w:numId` and `w:ilvl`.
#[derive(Debug, Default, Clone)]
pub(super) struct NumRef {
    pub(super) id: Option<String>,
    pub(super) level: Option<usize>,
}

impl NumRef {
    pub(super) fn of(num_pr: Option<&Element>) -> NumRef {
        NumRef {
            id: num_pr.and_then(|n| n.val("numId")).map(str::to_string),
            level: num_pr.and_then(|n| n.val("ilvl")).and_then(parse_level),
        }
    }

    pub(super) fn or(self, fallback: NumRef) -> NumRef {
        NumRef {
            id: self.id.or(fallback.id),
            level: self.level.or(fallback.level),
        }
    }
}

fn parse_level(text: &str) -> Option<usize> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|&level| level < LEVELS)
}

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    /// `w:numFmt`: decimal, upperRoman, lowerLetter, bullet, none, …
    format: String,
    /// `w:lvlText`: "%1." or "%1.%2." or "%1)", `%n` being level n's number.
    text: String,
    /// A paragraph style tied to this level.
    style: Option<String>,
    /// `w:isLgl`: every number in the label in decimal ("1.2", not "I.2").
    legal: bool,
}

impl Level {
    fn parse(lvl: &Element) -> Level {
        Level {
            // The schema's default is 0, but a writer that leaves it out
            // almost surely means 1.
            start: lvl
                .val("start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1),
            format: lvl.val("numFmt").unwrap_or("decimal").to_string(),
            text: lvl.val("lvlText").unwrap_or_default().to_string(),
            style: lvl.val("pStyle").map(str::to_string),
            legal: on_off(lvl.child("isLgl")).unwrap_or(false),
        }
    }
}

/// One `w:num`: an instance of an abstract list definition.
#[derive(Debug)]
struct Instance {
    abstract_id: String,
    /// `w:lvlOverride/w:startOverride`: how Word writes "restart at 1".
    start_overrides: HashMap<usize, u32>,
    /// `w:lvlOverride/w:lvl`: levels this instance defines itself.
    levels: HashMap<usize, Level>,
}

#[derive(Debug, Default)]
pub(super) struct ListDefs {
    abstracts: HashMap<String, HashMap<usize, Level>>,
    instances: HashMap<String, Instance>,
}

impl ListDefs {
    pub(super) fn parse(root: Option<&Element>) -> ListDefs {
        let mut defs = ListDefs::default();
        for element in root.into_iter().flat_map(Element::elements) {
            if element.is("abstractNum") {
                let Some(id) = element.attr("abstractNumId") else {
                    continue;
                };
                defs.abstracts.insert(id.to_string(), levels_of(element));
            } else if element.is("num") {
                let (Some(id), Some(abstract_id)) =
                    (element.attr("numId"), element.val("abstractNumId"))
                else {
                    continue;
                };
                defs.instances
                    .insert(id.to_string(), instance_of(element, abstract_id));
            }
        }
        defs
    }

    fn level<'a>(&'a self, instance: &'a Instance, level: usize) -> Option<&'a Level> {
        let from_abstract = || self.abstracts.get(&instance.abstract_id)?.get(&level);
        instance.levels.get(&level).or_else(from_abstract)
    }

    /// The level of list `num_id` tied to a paragraph style, for a style
    /// whose numbering names no level.
    pub(super) fn level_for_style(&self, num_id: &str, style: &str) -> Option<usize> {
        let instance = self.instances.get(num_id)?;
        (0..LEVELS).find(|&l| {
            self.level(instance, l)
                .is_some_and(|lvl| lvl.style.as_deref() == Some(style))
        })
    }

    /// The label of a level given the current counters: "II.", "1.2.", "a)".
    fn label(&self, instance: &Instance, level: usize, counters: &[Option<u32>; LEVELS]) -> String {
        let Some(this) = self.level(instance, level) else {
            return String::new();
        };
        if this.format == "bullet" {
            // The bullet glyph is often a private-use symbol-font character;
            // plans write bullets as "-", and "+" one level down.
            return if this.text.trim() == "+" { "+" } else { "-" }.to_string();
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let slot = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| c == '%' && (1..=9).contains(d));
            let Some(slot) = slot else {
                out.push(c);
                continue;
            };
            chars.next();
            let k = slot as usize - 1;
            let other = self.level(instance, k);
            let value = counters[k].or(other.map(|l| l.start)).unwrap_or(1);
            let format = if this.legal {
                "decimal"
            } else {
                other.map_or("decimal", |l| l.format.as_str())
            };
            out.push_str(&format_number(value, format));
        }
        out.trim().to_string()
    }
}

fn levels_of(element: &Element) -> HashMap<usize, Level> {
    element
        .elements()
        .filter(|e| e.is("lvl"))
        .filter_map(|lvl| Some((parse_level(lvl.attr("ilvl")?)?, Level::parse(lvl))))
        .collect()
}

fn instance_of(num: &Element, abstract_id: &str) -> Instance {
    let mut instance = Instance {
        abstract_id: abstract_id.to_string(),
        start_overrides: HashMap::new(),
        levels: HashMap::new(),
    };
    for over in num.elements().filter(|e| e.is("lvlOverride")) {
        let Some(level) = over.attr("ilvl").and_then(parse_level) else {
            continue;
        };
        if let Some(start) = over
            .val("startOverride")
            .and_then(|s| s.trim().parse().ok())
        {
            instance.start_overrides.insert(level, start);
        }
        if let Some(lvl) = over.child("lvl") {
            instance.levels.insert(level, Level::parse(lvl));
        }
    }
    instance
}

/// Where each list has got to.
#[derive(Debug, Default)]
pub(super) struct ListCounters {
    /// Kept per abstract definition, not per `w:num`: Word continues one
    /// list across the instances of a definition, and an instance restarts
    /// it only by a start override.
    by_list: HashMap<String, [Option<u32>; LEVELS]>,
    /// Instance levels whose start override has been applied: it applies
    /// once, where the instance is first used.
    restarted: HashSet<(String, usize)>,
}

impl ListCounters {
    /// Counts one more paragraph of list `num_id` at `level`, and gives
    /// its label; `None` when the list is not defined.
    pub(super) fn next_label(
        &mut self,
        defs: &ListDefs,
        num_id: &str,
        level: usize,
    ) -> Option<String> {
        let instance = defs.instances.get(num_id)?;
        let start = defs.level(instance, level)?.start;
        let counters = self
            .by_list
            .entry(instance.abstract_id.clone())
            .or_insert([None; LEVELS]);
        let restart = instance
            .start_overrides
            .get(&level)
            .filter(|_| self.restarted.insert((num_id.to_string(), level)));
        counters[level] = Some(match (restart, counters[level]) {
            (Some(&start), _) => start,
            (None, Some(n)) => n.saturating_add(1),
            (None, None) => start,
        });
        // A new "II." starts its "1." again.
        counters[level + 1..].fill(None);
        Some(defs.label(instance, level, counters))
    }
}

fn format_number(n: u32, format: &str) -> String {
    match format {
        "upperRoman" => roman(n).unwrap_or_else(|| n.to_string()),
        "lowerRoman" => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        "upperLetter" => letters(n).map_or_else(|| n.to_string(), |l| l.to_uppercase()),
        "lowerLetter" => letters(n).unwrap_or_else(|| n.to_string()),
        "decimalZero" => format!("{n:02}"),
        "none" | "bullet" => String::new(),
        // decimal, and the formats plans do not use (ordinal words, other
        // scripts' digits), which read well enough as digits.
        _ => n.to_string(),
    }
}

/// Roman numerals as the renderer prints them; Word's range is 1–3999.
fn roman(n: u32) -> Option<String> {
    (1..4000).contains(&n).then(|| crate::format::roman(n))
}

/// Word's letters: a…z, then aa…zz, then aaa…. Bounded, so that a hostile
/// start value cannot ask for a huge label.
fn letters(n: u32) -> Option<String> {
    if !(1..=26 * 10).contains(&n) {
        return None;
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    Some(std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect())
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::import::source::Piece;

    #[test]
    fn automatic_numbering_gives_labels() {
        let body = [
            numbered(1, 0, "MỤC ĐÍCH, YÊU CẦU"),
            numbered(1, 1, "Mục đích"),
            numbered(1, 1, "Yêu cầu"),
            numbered(1, 0, "NỘI DUNG"),
            numbered(1, 1, "Tổ chức phong trào thi đua"),
            numbered(1, 2, "Đối tượng"),
            numbered(1, 2, "Hình thức"),
            numbered(2, 0, "Sở Tư pháp;"),
            numbered(2, 1, "Phòng Tư pháp;"),
            numbered(1, 1, "Khen thưởng"),
            numbered(1, 2, "Cá nhân"),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[("numbering.xml", plan_numbering())]));
        let texts: Vec<&str> = source
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text { text, .. } => text.as_str(),
                Piece::Table { .. } => panic!("no table here"),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "2. Yêu cầu",
                "II. NỘI DUNG",
                "1. Tổ chức phong trào thi đua",
                "a) Đối tượng",
                "b) Hình thức",
                "- Sở Tư pháp;",
                "+ Phòng Tư pháp;",
                "2. Khen thưởng",
                "a) Cá nhân",
            ]
        );
    }

    #[test]
    fn numbering_through_styles_and_multilevel_text() {
        let numbering = part(
            "numbering",
            &format!(
                r#"<w:abstractNum w:abstractNumId="5">{}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>"#,
                lvl(0, "decimal", "%1.")
            ),
        );
        let styles = part(
            "styles",
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>"#,
        );
        let heading = |style: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
                r(text, "")
            )
        };
        let body = [
            heading("Heading1", "Chỉ tiêu"),
            heading("Heading2", "Chỉ tiêu chung"),
            heading("Heading2", "Chỉ tiêu riêng"),
            // numId 0 turns the style's numbering off.
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Không số</w:t></w:r></w:p>"#.to_string(),
            heading("Heading1", "Tổ chức"),
        ]
        .concat();
        let source = read_ok(&docx(
            &body,
            &[("numbering.xml", numbering), ("styles.xml", styles)],
        ));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "1. **Chỉ tiêu**"),
                text(2, "1.1. Chỉ tiêu chung"),
                text(3, "1.2. Chỉ tiêu riêng"),
                text(4, "**Không số**"),
                text(5, "2. **Tổ chức**"),
            ]
        );
    }

    #[test]
    fn a_list_continues_across_instances_until_restarted() {
        // As Word does: numIds 1 and 2 share a definition, so 2 goes on
        // from 1; numId 3 restarts it with a start override.
        let numbering = part(
            "numbering",
            &format!(
                r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum>
                   <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
                   <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
                   <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
                lvl(0, "lowerLetter", "%1)")
            ),
        );
        let body = [
            numbered(1, 0, "một"),
            numbered(1, 0, "hai"),
            // An empty numbered paragraph still takes its number.
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>"#.to_string(),
            numbered(2, 0, "bốn"),
            numbered(3, 0, "lại một"),
            numbered(3, 0, "lại hai"),
            // An undefined list: no label, the text is kept.
            numbered(99, 0, "không có danh sách"),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[("numbering.xml", numbering)]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "a) một"),
                text(2, "b) hai"),
                text(4, "d) bốn"),
                text(5, "a) lại một"),
                text(6, "b) lại hai"),
                text(7, "không có danh sách"),
            ]
        );
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(1994, "lowerRoman"), "mcmxciv");
        assert_eq!(format_number(0, "upperRoman"), "0");
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(u32::MAX, "lowerLetter"), u32::MAX.to_string());
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(7, "vietnameseCounting"), "7");
    }
}
