//! The import benchmark on real plans of other bodies: ministries' and
//! provinces' Word files, born-digital PDFs and their extracted text, a
//! legal portal's Markdown and scans. The plans are not part of this
//! repository: they are read where the shared corpus lives
//! (`../shared/corpus` and its `more/`, or `KEHOACH_CORPUS`; see
//! `common::shared`). Each file's header, signer, nơi nhận, sections, tasks
//! and appendices are compared with what was read off the original by hand
//! (`tests/fixtures/corpus/expected.json`, keyed by file name); the
//! rendered PDF must carry the source's words. Every finding `check` makes
//! on these plans is listed, with a verdict, in `findings.json`, so that a
//! new finding or a lost one shows. A file of the corpus not yet read by
//! hand is imported and listed, not scored.
//!
//! `KEHOACH_CORPUS=… cargo test --test corpus -- --nocapture` prints the
//! table of `docs/import.md`.

mod common;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::shape::shape_differences;
use common::shared::corpus_dir;
use common::{coverage, pdf_of, pdf_text, root, words};
use kehoach::import::{Imported, import_bytes, import_file};
use kehoach::model::{Block, Plan, Section};
use serde::Deserialize;

/// What a file holds, read off the original by hand.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    file: String,
    /// The start of the message a file that cannot be imported gets.
    #[serde(default)]
    refused: Option<String>,
    #[serde(default)]
    issuer: String,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    number: Option<u32>,
    #[serde(default)]
    symbol: Option<String>,
    #[serde(default)]
    place: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    subtitle: Option<String>,
    #[serde(default)]
    authority: Vec<String>,
    #[serde(default)]
    signer_title: Option<String>,
    #[serde(default)]
    signer_name: Option<String>,
    #[serde(default)]
    recipients: Vec<String>,
    #[serde(default)]
    archive: String,
    /// Mục at the first level.
    #[serde(default)]
    sections: usize,
    /// Task blocks and task-table rows.
    #[serde(default)]
    tasks: usize,
    /// The appendices' titles, in order.
    #[serde(default)]
    appendices: Vec<Option<String>>,
    /// The appendices (from 1) printed on landscape pages.
    #[serde(default)]
    landscape: Vec<usize>,
    /// A Quyết định before the plan, read into `decision`.
    #[serde(default)]
    decision: Option<ExpectedDecision>,
    /// Fields this file is known to get wrong, and why in the README.
    #[serde(default)]
    known_misses: Vec<String>,
}

/// The decision that issues a plan, read off the original by hand.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct ExpectedDecision {
    authority: String,
    number: Option<u32>,
    symbol: Option<String>,
    bases: usize,
    articles: usize,
    recipients: usize,
    archive: String,
    authority_lines: Vec<String>,
    signer_title: Option<String>,
    signer_name: Option<String>,
    by: Option<String>,
}

/// What was read by hand, and the verdicts on `check`'s findings.
fn fixtures() -> PathBuf {
    root().join("tests/fixtures/corpus")
}

fn expectations() -> Vec<Expected> {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Every document of the corpus, by its name under the corpus folder
/// (`more/…` for the second folder): the source files and the text
/// extracted beside a PDF, not the READMEs.
fn corpus_files(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for sub in ["", "more"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_file() && name != "README.md" {
                names.push(if sub.is_empty() {
                    name
                } else {
                    format!("{sub}/{name}")
                });
            }
        }
    }
    names.sort();
    names
}

/// Each importable file that was read by hand, imported once for all the
/// tests.
fn imported(dir: &Path) -> &'static HashMap<String, Imported> {
    static IMPORTED: OnceLock<HashMap<String, Imported>> = OnceLock::new();
    IMPORTED.get_or_init(|| {
        expectations()
            .into_iter()
            .filter(|e| e.refused.is_none() && dir.join(&e.file).is_file())
            .map(|e| {
                let plan = import_file(&dir.join(&e.file))
                    .unwrap_or_else(|err| panic!("{}: {err}", e.file));
                (e.file, plan)
            })
            .collect()
    })
}

/// The fields of `plan` that differ from `e`, by the names the table uses.
fn misses(e: &Expected, imported: &Imported) -> Vec<&'static str> {
    let plan = &imported.plan;
    let signer = &plan.signer;
    let authority = authority_lines(signer);
    let appendices: Vec<Option<String>> = plan
        .appendices
        .iter()
        .map(|a| Some(a.title.clone()).filter(|t| !t.is_empty()))
        .collect();
    let landscape: Vec<usize> = (1..=plan.appendices.len())
        .filter(|&n| plan.appendices[n - 1].landscape)
        .collect();
    let checks = [
        ("issuer", plan.issuer.name == e.issuer),
        ("parent", plan.issuer.parent == e.parent),
        ("number", plan.number == e.number),
        ("symbol", plan.symbol == e.symbol),
        ("place", plan.place == e.place),
        ("date", plan.date.as_deref() == Some(e.date.as_str())),
        ("title", plan.title == e.title),
        (
            "subtitle",
            e.subtitle.is_none() || plan.subtitle == e.subtitle,
        ),
        ("authority", authority == e.authority),
        ("signer_title", signer.title == e.signer_title),
        ("signer_name", signer.name == e.signer_name),
        ("recipients", plan.recipients == e.recipients),
        ("archive", plan.archive == e.archive),
        ("sections", plan.sections.len() == e.sections),
        ("tasks", tasks(plan) == e.tasks),
        ("appendices", appendices == e.appendices),
        ("landscape", landscape == e.landscape),
        (
            "decision",
            plan.decision.as_ref().map(decision_as_read) == e.decision,
        ),
    ];
    checks
        .into_iter()
        .filter(|(_, right)| !right)
        .map(|(name, _)| name)
        .collect()
}

fn decision_as_read(d: &kehoach::model::Decision) -> ExpectedDecision {
    ExpectedDecision {
        authority: d.authority.clone(),
        number: d.number,
        symbol: d.symbol.clone(),
        bases: d.bases.len(),
        articles: d.articles.len(),
        recipients: d.recipients.len(),
        archive: d.archive.clone(),
        authority_lines: authority_lines(&d.signer),
        signer_title: d.signer.title.clone(),
        signer_name: d.signer.name.clone(),
        by: d.by.clone(),
    }
}

fn authority_lines(signer: &kehoach::model::Signer) -> Vec<String> {
    signer
        .authority
        .iter()
        .map(|a| {
            let prefix = serde_json::to_value(a.prefix).unwrap();
            format!("{}. {}", prefix.as_str().unwrap(), a.of)
        })
        .collect()
}

fn tasks(plan: &Plan) -> usize {
    fn in_blocks(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Task(_) => 1,
                Block::TaskTable(t) => t.task_table.items.len(),
                _ => 0,
            })
            .sum()
    }
    fn in_sections(sections: &[Section]) -> usize {
        sections
            .iter()
            .map(|s| in_blocks(&s.content) + in_blocks(&s.after) + in_sections(&s.sections))
            .sum()
    }
    in_sections(&plan.sections)
        + plan
            .appendices
            .iter()
            .map(|a| in_blocks(&a.content) + in_sections(&a.sections))
            .sum::<usize>()
}

/// The source's own words, read without the importer: a Word file's text
/// runs (and footnotes), a PDF's text layer, a text file as it is.
fn source_words(dir: &Path, file: &str) -> Vec<String> {
    let path = dir.join(file);
    let bytes = std::fs::read(&path).unwrap();
    let text = match path.extension().and_then(|e| e.to_str()) {
        Some("docx") => docx_text(&bytes),
        Some("pdf") => pdf_extract::extract_text_from_mem(&bytes).unwrap(),
        _ => String::from_utf8(bytes).unwrap(),
    };
    words(&text)
}

/// The `w:t` runs of a Word file's body and footnotes, a line per paragraph.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let run = regex::Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    let mut text = String::new();
    for part in ["word/document.xml", "word/footnotes.xml"] {
        let Ok(mut entry) = zip.by_name(part) else {
            continue;
        };
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        for paragraph in xml.split("</w:p>") {
            for c in run.captures_iter(paragraph) {
                text += &c[1]
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&");
            }
            text.push('\n');
        }
    }
    text
}

/// A file's name as the table shows it: its folder, number and kind.
fn short(file: &str) -> String {
    let (folder, name) = file.rsplit_once('/').map_or(("", file), |(d, n)| (d, n));
    let number: String = name.chars().take_while(char::is_ascii_digit).collect();
    let kind = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    let folder = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    format!("{folder}{number} {kind}")
}

#[test]
fn corpus_imports_as_read_by_hand() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let mut table = vec![
        "| file | header | signer | nơi nhận | mục I | tasks | phụ lục | word recall | misses |"
            .to_owned(),
        "|---|---|---|---|---|---|---|---|---|".to_owned(),
    ];
    let mut faults = Vec::new();
    let (mut scored, mut right) = (0, 0);
    let expectations = expectations();
    let files = corpus_files(&dir);
    for e in &expectations {
        if !files.contains(&e.file) {
            faults.push(format!(
                "{}: read by hand, not in {}",
                e.file,
                dir.display()
            ));
            continue;
        }
        let short = short(&e.file);
        if let Some(refused) = &e.refused {
            let error = import_file(&dir.join(&e.file))
                .err()
                .map(|err| err.to_string())
                .unwrap_or_default();
            if !error.contains(refused.as_str()) {
                faults.push(format!("{}: expected «{refused}…», got «{error}»", e.file));
            }
            table.push(format!("| {short} | refused: {refused} | | | | | | | |"));
            continue;
        }
        let imported = &imported(&dir)[&e.file];
        let missed = misses(e, imported);
        if missed != e.known_misses {
            faults.push(format!(
                "{}: misses {missed:?}, expected {:?}",
                e.file, e.known_misses
            ));
        }
        let mark = |fields: &[&str]| {
            if fields.iter().any(|f| missed.contains(f)) {
                "✗"
            } else {
                "✓"
            }
        };
        let header = mark(&[
            "issuer", "parent", "number", "symbol", "place", "date", "title", "subtitle",
        ]);
        let signer = mark(&["authority", "signer_title", "signer_name"]);
        let recipients = mark(&["recipients", "archive"]);
        scored += 1;
        if [header, signer, recipients] == ["✓"; 3] {
            right += 1;
        }
        let rendered = words(&pdf_text(&pdf_of(imported)));
        let recall = coverage(&source_words(&dir, &e.file), &rendered);
        if recall < 0.99 {
            faults.push(format!("{}: word recall {recall:.4}", e.file));
        }
        table.push(format!(
            "| {short} | {header} | {signer} | {recipients} ({}) | {} | {} | {} | {:.2} % | {} |",
            imported.plan.recipients.len(),
            imported.plan.sections.len(),
            tasks(&imported.plan),
            imported.plan.appendices.len(),
            recall * 100.0,
            missed.join(", "),
        ));
    }
    // Files nobody has read by hand yet: what the import makes of them is
    // shown, not scored.
    for file in files
        .iter()
        .filter(|f| !expectations.iter().any(|e| &e.file == *f))
    {
        let outcome = match import_file(&dir.join(file)) {
            Err(error) => format!("refused: {error} | | | | | | |"),
            Ok(imported) => {
                let plan = &imported.plan;
                format!(
                    "? | ? | ? ({}) | {} | {} | {} | | not read by hand yet",
                    plan.recipients.len(),
                    plan.sections.len(),
                    tasks(plan),
                    plan.appendices.len()
                )
            }
        };
        table.push(format!("| {} | {outcome} |", short(file)));
    }
    eprintln!("{}", table.join("\n"));
    // Each file's misses are pinned by `known_misses`, so the count below
    // cannot fall (or rise) without a fault above.
    eprintln!("header, signer and nơi nhận right on {right} of {scored} files");
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// One finding of `check` on a corpus plan, with the verdict of whoever
/// read it against the original.
#[derive(Debug, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Reviewed {
    file: String,
    severity: String,
    rule: String,
    path: String,
    /// `right` (the plan has that fault, or it is worth a look), `false`
    /// (a correct plan is blamed) or `unreviewed` (new: read it).
    verdict: String,
    why: String,
}

/// Each corpus plan kehoach can print, written as a Word file and read
/// back: the same section tree, tasks, nơi nhận and signer as imported.
#[test]
fn corpus_plans_survive_a_round_trip_through_their_word_file() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let mut failures = Vec::new();
    let mut names: Vec<&String> = imported(&dir).keys().collect();
    names.sort();
    for name in names {
        let first = &imported(&dir)[name];
        let plan = kehoach::load::load_str(&first.json, "nhap.json", &common::root()).unwrap();
        let docx = kehoach::docx::docx(&plan, Default::default()).unwrap();
        let again =
            import_bytes(&docx, "docx", "vong.docx").unwrap_or_else(|e| panic!("{name}: {e}"));
        failures.extend(shape_differences(name, &first.json, &again.json));
    }
    assert!(
        failures.is_empty(),
        "(- imported, + round trip)\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_corpus_finding_is_reviewed() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let path = fixtures().join("findings.json");
    let reviewed: Vec<Reviewed> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or("[]".into())).unwrap();
    let mut found = Vec::new();
    for e in expectations().into_iter().filter(|e| e.refused.is_none()) {
        let imported = &imported(&dir)[&e.file];
        let loaded = kehoach::load::load_str(&imported.json, &e.file, &root()).unwrap();
        let mut report = kehoach::check::check(&loaded.plan, (2026, 11, 29));
        let compiled = common::engine().compile(&loaded).unwrap();
        kehoach::check::check_pages(&mut report, &compiled.document);
        for f in report.findings {
            let severity = serde_json::to_value(f.severity).unwrap();
            let (verdict, why) = reviewed
                .iter()
                .find(|r| r.file == e.file && r.rule == f.rule && r.path == f.path)
                .map_or(("unreviewed".into(), f.message.clone()), |r| {
                    (r.verdict.clone(), r.why.clone())
                });
            found.push(Reviewed {
                file: e.file.clone(),
                severity: severity.as_str().unwrap().to_owned(),
                rule: f.rule.to_owned(),
                path: f.path,
                verdict,
                why,
            });
        }
    }
    // New findings are written for review, never approved by the writing.
    if std::env::var("KEHOACH_BLESS").is_ok() {
        std::fs::write(&path, serde_json::to_string_pretty(&found).unwrap() + "\n").unwrap();
    }
    for f in &found {
        eprintln!(
            "{} {} {} {}: {} — {}",
            f.file, f.severity, f.rule, f.path, f.verdict, f.why
        );
    }
    let false_errors: Vec<_> = found
        .iter()
        .filter(|f| f.severity == "error" && f.verdict != "right")
        .collect();
    assert!(
        false_errors.is_empty(),
        "errors on correct plans: {false_errors:#?}"
    );
    assert!(
        found == reviewed,
        "the findings changed: read the new ones and update {} \
         (KEHOACH_BLESS=1 writes them as unreviewed)",
        path.display()
    );
    assert!(
        found.iter().all(|f| f.verdict != "unreviewed"),
        "unreviewed findings in {}",
        path.display()
    );
}
