//! LibreOffice driven headless in a folder of its own: its own profile
//! and a fontconfig file that gives it the repository's fonts and nothing
//! else (Debian's Liberation 1.07 has no Vietnamese letters, and
//! LibreOffice would set every accented letter in DejaVu, wider, as a
//! machine without Times New Roman would).

use std::path::{Path, PathBuf};
use std::process::Command;

use kehoach::load::LoadedPlan;
use kehoach::view::Part;

use super::{root, run};

/// A folder LibreOffice converts in, with its own profile and fonts.
pub struct Office {
    dir: tempfile::TempDir,
}

impl Office {
    pub fn new() -> Office {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("fonts.conf"),
            format!(
                r#"<?xml version="1.0"?>
<fontconfig>
  <dir>{}</dir>
  <cachedir>{}</cachedir>
  <alias><family>Times New Roman</family><prefer><family>Liberation Serif</family></prefer></alias>
</fontconfig>"#,
                root().join("fonts").display(),
                dir.path().join("font-cache").display()
            ),
        )
        .unwrap();
        Office { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes each plan's Word file, named after it; their paths.
    pub fn write(&self, plans: &[(String, LoadedPlan)]) -> Vec<PathBuf> {
        plans
            .iter()
            .map(|(name, plan)| {
                let path = self.path(&format!("{name}.docx"));
                std::fs::write(&path, kehoach::docx::docx(plan, Part::All).unwrap()).unwrap();
                path
            })
            .collect()
    }

    /// Converts the Word files to PDF; the PDFs' paths, in order.
    pub fn convert(&self, docx: &[PathBuf]) -> Vec<PathBuf> {
        self.convert_to(docx, "pdf", "pdf")
    }

    /// Has LibreOffice open each file and save it as `filter` (`pdf`, or
    /// `docx:MS Word 2007 XML` to save a Word file again) into the folder
    /// `out`; the written files' paths, in order.
    pub fn convert_to(&self, files: &[PathBuf], filter: &str, out: &str) -> Vec<PathBuf> {
        let ext = filter.split(':').next().unwrap();
        let out = self.path(out);
        let profile = format!("file://{}", self.path("profile").display());
        run(Command::new("soffice")
            .env("FONTCONFIG_FILE", self.path("fonts.conf"))
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--convert-to", filter, "--outdir"])
            .arg(&out)
            .args(files));
        files
            .iter()
            .map(|d| out.join(Path::new(d.file_name().unwrap()).with_extension(ext)))
            .collect()
    }
}
