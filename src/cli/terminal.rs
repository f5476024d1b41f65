//! What the verbs show on a terminal: findings by severity, rollover's
//! listing of changes, batch's progress bar. The library hands over data;
//! colours and layout for a person at a terminal are decided here, and only
//! when the stream is one (piped output and files stay plain).

use std::fmt::{Display, Write};
use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};
use indicatif::{ProgressBar, ProgressStyle};
use kehoach::check::{Finding, Report, Severity};
use kehoach::rollover::{Rollover, report};

const BOLD: Style = Style::new().bold();
const RED: Style = AnsiColor::Red.on_default();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const CYAN: Style = AnsiColor::Cyan.on_default();

/// Whether to colour what goes to one stream.
#[derive(Clone, Copy)]
pub struct Paint(bool);

impl Paint {
    /// Colours for a terminal, unless `NO_COLOR` asks for none.
    fn when(terminal: bool) -> Self {
        Paint(terminal && std::env::var_os("NO_COLOR").is_none())
    }

    pub fn stdout() -> Self {
        Paint::when(std::io::stdout().is_terminal())
    }

    pub fn stderr() -> Self {
        Paint::when(std::io::stderr().is_terminal())
    }

    fn paint(self, style: Style, text: impl Display) -> String {
        if self.0 {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    fn severity(self, severity: Severity) -> String {
        let style = match severity {
            Severity::Error => RED.bold(),
            Severity::Warning => YELLOW,
            Severity::Hint => CYAN,
        };
        self.paint(style, severity.word())
    }
}

/// `check`'s report of one file: what `--fix` changed, then the findings
/// from errors to hints, then the counts and the rules not evaluated.
pub fn check_report(file: &str, fixed: &[Finding], r: &Report, paint: Paint) -> String {
    let mut out = format!("{}\n", paint.paint(BOLD, file));
    for f in fixed {
        let _ = writeln!(
            out,
            "  {} [{}] {}: {}\n      → {}",
            paint.paint(GREEN, "đã sửa"),
            f.rule,
            f.path,
            f.message,
            f.fix.as_deref().unwrap_or_default()
        );
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Hint] {
        for f in r.findings.iter().filter(|f| f.severity == severity) {
            let _ = writeln!(
                out,
                "  {} [{}] {}: {}",
                paint.severity(severity),
                f.rule,
                f.path,
                f.message
            );
            if let Some(s) = &f.suggestion {
                let _ = writeln!(out, "      → {s}");
            }
        }
    }
    let not_evaluated = if r.not_evaluated.is_empty() {
        "không có.".to_owned()
    } else {
        r.not_evaluated.join("; ")
    };
    let _ = writeln!(
        out,
        "  {} lỗi, {} cảnh báo, {} gợi ý.\n  Chưa đánh giá: {not_evaluated}",
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Hint),
    );
    out
}

/// One finding of `render`, on its own line after the file's name.
pub fn finding_line(source: &str, f: &Finding, paint: Paint) -> String {
    format!(
        "kehoach: {source}: {} [{}] {}: {}",
        paint.severity(f.severity),
        f.rule,
        f.path,
        f.message
    )
}

/// Rollover's listing: removed words red, added green, flags yellow.
pub fn rollover_listing(name: &str, r: &Rollover, paint: Paint) -> String {
    let mut out = format!(
        "{}\n",
        paint.paint(BOLD, format!("{name}: năm {} → năm {}", r.from, r.to))
    );
    for c in &r.changes {
        let _ = writeln!(out, "{}", paint.paint(BOLD, &c.at.words));
        let _ = writeln!(out, "  {}", paint.paint(RED, format!("- {}", c.before)));
        let _ = writeln!(out, "  {}", paint.paint(GREEN, format!("+ {}", c.after)));
    }
    for f in &r.flags {
        let _ = writeln!(
            out,
            "{}: {}",
            paint.paint(YELLOW, format!("! {}", f.at.words)),
            f.flag.text
        );
        let _ = writeln!(out, "    {}", f.flag.kind.reason());
    }
    let _ = writeln!(out, "{}", paint.paint(BOLD, report::summary(r)));
    out
}

/// A progress bar of `len` plans on a terminal; hidden otherwise, so that
/// logs get only the lines of failed plans and the summary.
pub fn progress_bar(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} kế hoạch · {elapsed} · còn {eta}")
            .expect("a valid template"),
    );
    bar
}
