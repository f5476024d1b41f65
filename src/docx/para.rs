//! Paragraph properties. A paragraph names its style and writes only what
//! differs from it, so that a clerk who changes a style in Word changes
//! every paragraph of that kind; the styles themselves are written the
//! same way, each as what differs from the one it is based on.

use super::measure::twips;
use super::xml::Xml;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Align {
    #[default]
    Justify,
    Left,
    Center,
    Right,
}

/// Line spacing: at least this many points (a line holding an image
/// grows), or exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spacing {
    AtLeast(f64),
    Exactly(f64),
    /// Word's "single".
    Single,
}

/// A horizontal rule drawn as the paragraph's bottom border.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Eighths of a point.
    pub eighths: u32,
    pub colour: &'static str,
}

/// The properties of a paragraph that kehoach sets.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// The style's id in `word/styles.xml`.
    pub style: &'static str,
    pub align: Align,
    /// In millimetres.
    pub first_line: f64,
    pub left: f64,
    pub right: f64,
    /// In points.
    pub before: f64,
    pub after: f64,
    pub spacing: Spacing,
    pub keep_next: bool,
    pub keep_lines: bool,
    /// A paragraph's first and last lines are never alone on a page.
    pub widow_control: bool,
    pub rule_below: Option<Rule>,
    /// A box around the paragraph (the urgency mark).
    pub boxed: Option<Rule>,
}

impl Para {
    /// Word's own defaults, which `Normal` is written against.
    pub const WORD: Para = Para {
        style: "",
        align: Align::Left,
        first_line: 0.0,
        left: 0.0,
        right: 0.0,
        before: 0.0,
        after: 0.0,
        spacing: Spacing::Single,
        keep_next: false,
        keep_lines: false,
        widow_control: false,
        rule_below: None,
        boxed: None,
    };

    /// A body paragraph (R-BODY): justified, first line indented 1 cm, lines
    /// 1.25 em apart, 6 pt after, two lines at least at either end of a
    /// page, as the PDF sets them.
    pub const BODY: Para = Para {
        style: "Normal",
        align: Align::Justify,
        first_line: 10.0,
        after: 6.0,
        spacing: Spacing::AtLeast(17.5),
        widow_control: true,
        ..Para::WORD
    };

    /// A centred line of the header, the title block or a cell.
    pub fn centred() -> Para {
        Para {
            align: Align::Center,
            first_line: 0.0,
            after: 0.0,
            spacing: Spacing::Single,
            ..Para::BODY
        }
    }

    /// An empty paragraph 1 pt high, where Word needs a paragraph (after
    /// a table, to end a section) and the page should not show one.
    pub fn hairline() -> Para {
        Para::centred().spacing(Spacing::Exactly(1.0))
    }

    pub fn align(self, align: Align) -> Para {
        Para { align, ..self }
    }

    pub fn after(self, after: f64) -> Para {
        Para { after, ..self }
    }

    pub fn before(self, before: f64) -> Para {
        Para { before, ..self }
    }

    pub fn keep_next(self) -> Para {
        Para {
            keep_next: true,
            ..self
        }
    }

    pub fn spacing(self, spacing: Spacing) -> Para {
        Para { spacing, ..self }
    }

    /// Writes `<w:pPr>`: the style, what differs from it, and a section's
    /// properties when the paragraph ends one.
    pub fn write(&self, xml: &mut Xml, section: Option<&dyn Fn(&mut Xml)>) {
        let base = &super::styles::of(self.style).para;
        xml.open("w:pPr", &[]);
        if self.style != "Normal" {
            xml.empty("w:pStyle", &[("w:val", self.style)]);
        }
        self.differences(xml, base);
        if let Some(section) = section {
            section(xml);
        }
        xml.close("w:pPr");
    }

    /// The properties that differ from `base`, in the schema's order.
    pub fn differences(&self, xml: &mut Xml, base: &Para) {
        switch(xml, "w:keepNext", self.keep_next, base.keep_next);
        switch(xml, "w:keepLines", self.keep_lines, base.keep_lines);
        switch(
            xml,
            "w:widowControl",
            self.widow_control,
            base.widow_control,
        );
        if let Some(rule) = self.boxed {
            xml.element("w:pBdr", &[], |xml| {
                for side in ["w:top", "w:left", "w:bottom", "w:right"] {
                    border(xml, side, rule, 1);
                }
            });
        } else if let Some(rule) = self.rule_below {
            xml.element("w:pBdr", &[], |xml| border(xml, "w:bottom", rule, 0));
        }
        let spaced = (self.before, self.after, self.spacing);
        if spaced != (base.before, base.after, base.spacing) {
            let (line, rule) = match self.spacing {
                Spacing::AtLeast(pt) => (twips_pt(pt), "atLeast"),
                Spacing::Exactly(pt) => (twips_pt(pt), "exact"),
                Spacing::Single => (240, "auto"),
            };
            xml.empty(
                "w:spacing",
                &[
                    ("w:before", &twips_pt(self.before).to_string()),
                    ("w:after", &twips_pt(self.after).to_string()),
                    ("w:line", &line.to_string()),
                    ("w:lineRule", rule),
                ],
            );
        }
        let indents = (self.left, self.right, self.first_line);
        if indents != (base.left, base.right, base.first_line) {
            xml.empty(
                "w:ind",
                &[
                    ("w:left", &twips(self.left).to_string()),
                    ("w:right", &twips(self.right).to_string()),
                    ("w:firstLine", &twips(self.first_line).to_string()),
                ],
            );
        }
        if self.align != base.align {
            let jc = match self.align {
                Align::Justify => "both",
                Align::Left => "left",
                Align::Center => "center",
                Align::Right => "right",
            };
            xml.empty("w:jc", &[("w:val", jc)]);
        }
    }
}

/// An on/off property where it differs from the base: on, or off again.
pub fn switch(xml: &mut Xml, name: &str, on: bool, base: bool) {
    match (on, base) {
        (true, false) => xml.empty(name, &[]),
        (false, true) => xml.empty(name, &[("w:val", "0")]),
        _ => {}
    }
}

fn twips_pt(pt: f64) -> i64 {
    (pt * 20.0).round() as i64
}

fn border(xml: &mut Xml, side: &str, rule: Rule, space: u32) {
    xml.empty(
        side,
        &[
            ("w:val", "single"),
            ("w:sz", &rule.eighths.to_string()),
            ("w:space", &space.to_string()),
            ("w:color", rule.colour),
        ],
    );
}
