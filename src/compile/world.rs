//! The Typst world of one document: the generated source, the images the
//! plan names, and the shared fonts and standard library. Nothing else
//! exists in it: no file system, no packages, no clock.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::Engine;

pub struct PlanWorld<'a> {
    engine: &'a Engine,
    main: Source,
    /// Images by virtual path (`/images/seal.png`).
    files: Vec<(FileId, Bytes)>,
    today: Option<Datetime>,
}

impl<'a> PlanWorld<'a> {
    pub fn new(
        engine: &'a Engine,
        source: String,
        files: Vec<(String, Vec<u8>)>,
        today: Option<Datetime>,
    ) -> Self {
        let main_id = project_file("/main.typ");
        let files = files
            .into_iter()
            .map(|(path, data)| (project_file(&path), Bytes::new(data)))
            .collect();
        PlanWorld {
            engine,
            main: Source::new(main_id, source),
            files,
            today,
        }
    }

    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for PlanWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_here(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .iter()
            .find(|(fid, _)| *fid == id)
            .map(|(_, data)| data.clone())
            .ok_or_else(|| not_here(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }

    /// The plan's own date, so that output never depends on the clock.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn project_file(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("virtual paths are made by the program");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

fn not_here(id: FileId) -> FileError {
    if matches!(id.get().root(), VirtualRoot::Package(_)) {
        FileError::Other(Some("gói Typst không được dùng trong kế hoạch".into()))
    } else {
        FileError::AccessDenied
    }
}
