//! A document as read, before it is understood: paragraphs of text and
//! tables, each with the place it starts at in the file. The readers
//! (`text.rs` for .txt/.md, `docx/` for Word) make one; `parse/`
//! turns it into plan data.

/// One piece of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A paragraph: one logical paragraph of the original, its inline
    /// formatting already in the plan's markup (`**bold**`, `*italic*`,
    /// `^[footnote]`), NFC.
    Text { at: usize, text: String },
    /// A table: rows of cells; a cell's paragraphs are joined by `\n`.
    Table { at: usize, rows: Vec<Vec<String>> },
}

impl Piece {
    /// Where the piece starts: a line number (text) or paragraph number
    /// (DOCX), from 1.
    pub fn at(&self) -> usize {
        match self {
            Piece::Text { at, .. } | Piece::Table { at, .. } => *at,
        }
    }
}

/// What the readers produce.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    pub pieces: Vec<Piece>,
    /// What `at` counts, for the report: `dòng` (line) or `đoạn` (paragraph).
    pub unit: &'static str,
    /// What the reader noticed on its way (a legacy encoding converted,
    /// artefacts removed), for the report.
    pub notes: Vec<String>,
    /// Whether bold was read (Word): then a heading that is not bold is
    /// known to be a sentence.
    pub emphasis: bool,
    /// The pieces on landscape pages, by `at` (Word's sections): a phụ lục
    /// there is printed landscape again.
    pub landscape: Vec<std::ops::RangeInclusive<usize>>,
}

impl Source {
    /// Whether the piece that starts at `at` is on a landscape page.
    pub fn is_landscape(&self, at: usize) -> bool {
        self.landscape.iter().any(|r| r.contains(&at))
    }
}
