//! Fonts (R-FONT): Times New Roman when the machine has it, as the decree
//! names it; otherwise the metric-compatible Liberation Serif embedded in
//! the binary, so that a machine without fonts renders the same lines.

use std::path::PathBuf;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::{FontPath, FontStore};

pub const PREFERRED: &str = "Times New Roman";
pub const EMBEDDED_FAMILY: &str = "Liberation Serif";

const EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The embedded face of a style: its metrics are Times New Roman's.
pub(crate) fn embedded_face(bold: bool, italic: bool) -> &'static [u8] {
    EMBEDDED[usize::from(bold) + 2 * usize::from(italic)]
}

/// Where to look for fonts besides the embedded ones.
#[derive(Debug, Clone, Default)]
pub struct FontOptions {
    /// Look for Times New Roman among the system's fonts.
    pub system: bool,
    /// Folders whose fonts are all added (`--font-dir`).
    pub dirs: Vec<PathBuf>,
}

/// One face, for `kehoach fonts`.
#[derive(Debug, Clone)]
pub struct FaceReport {
    pub family: String,
    pub style: String,
    pub source: String,
}

/// The fonts of every render: loaded once, shared by all documents.
pub struct Fonts {
    store: FontStore,
    family: String,
    faces: Vec<FaceReport>,
}

impl Fonts {
    pub fn new(options: &FontOptions) -> Fonts {
        let mut store = FontStore::new();
        let mut faces = Vec::new();
        let mut add = |store: &mut FontStore, source: FontPath, info: FontInfo| {
            faces.push(report(&info, &source.path.display().to_string()));
            store.push((source, info));
        };
        for dir in &options.dirs {
            for (path, info) in typst_kit::fonts::scan(dir) {
                add(&mut store, path, info);
            }
        }
        if options.system {
            for (path, info) in system_faces(PREFERRED) {
                add(&mut store, path, info);
            }
        }
        for data in EMBEDDED {
            let font = Font::new(Bytes::new(data), 0).expect("embedded fonts are valid");
            faces.push(report(font.info(), "nhúng trong chương trình"));
            store.push((font.clone(), font.info().clone()));
        }
        let family = choose_family(store.book(), &[PREFERRED, EMBEDDED_FAMILY]).to_owned();
        Fonts {
            store,
            family,
            faces,
        }
    }

    /// The family the documents are set in.
    pub fn family(&self) -> &str {
        &self.family
    }

    pub fn faces(&self) -> &[FaceReport] {
        &self.faces
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }
}

/// The first family of `preferred` that the book holds (names compare
/// without case, as the book keeps them).
fn choose_family<'a>(book: &FontBook, preferred: &[&'a str]) -> &'a str {
    preferred
        .iter()
        .find(|name| book.contains_family(&name.to_lowercase()))
        .copied()
        .unwrap_or(EMBEDDED_FAMILY)
}

/// The system's faces of one family, found with fontdb. Only their headers
/// are read; the files load when a document first uses them.
fn system_faces(family: &str) -> Vec<(FontPath, FontInfo)> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    db.faces()
        .filter(|face| face.families.iter().any(|(name, _)| name == family))
        .filter_map(|face| {
            let path = match &face.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path.clone(),
                fontdb::Source::Binary(_) => return None,
            };
            let info = db.with_face_data(face.id, FontInfo::new)??;
            Some((
                FontPath {
                    path,
                    index: face.index,
                },
                info,
            ))
        })
        .collect()
}

fn report(info: &FontInfo, source: &str) -> FaceReport {
    let v = info.variant;
    let style = format!("{:?} {:?}", v.weight, v.style).to_lowercase();
    FaceReport {
        family: info.family.clone(),
        style,
        source: source.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_installed_family_wins() {
        let fonts = Fonts::new(&FontOptions::default());
        let book = fonts.book();
        assert_eq!(
            choose_family(book, &["Times New Roman", "Liberation Serif"]),
            "Liberation Serif"
        );
        assert_eq!(
            choose_family(book, &["Liberation Serif", "Times New Roman"]),
            "Liberation Serif"
        );
        assert_eq!(choose_family(book, &["No Such Face"]), EMBEDDED_FAMILY);
        assert_eq!(fonts.faces().len(), 4);
    }
}
