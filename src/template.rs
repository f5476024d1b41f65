//! Templates: the [`View`] of a plan → Typst source, with minijinja.
//!
//! The templates in `templates/` are embedded in the binary; a folder given
//! with `--templates` overrides them file by file. In every `.typ` template
//! the engine itself escapes what `{{ }}` prints: a string goes through
//! [`markup::to_typst`], so only the inline markup of plan text reaches Typst
//! and a template author cannot forget to escape. Raw Typst can only come
//! from the template text, from macro output, or from the filters below,
//! each of which admits a closed set of characters.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, ErrorKind, Value, value::ValueKind};

use crate::error::{Error, Result};
use crate::markup;
use crate::view::View;

/// The entry template.
pub const MAIN: &str = "plan.typ";

/// The embedded templates, by name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("plan.typ", include_str!("../templates/plan.typ")),
    ("style.typ", include_str!("../templates/style.typ")),
    ("header.typ", include_str!("../templates/header.typ")),
    ("body.typ", include_str!("../templates/body.typ")),
    ("closing.typ", include_str!("../templates/closing.typ")),
    ("decision.typ", include_str!("../templates/decision.typ")),
    ("appendix.typ", include_str!("../templates/appendix.typ")),
];

/// A template set, compiled once and shared by every render.
pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// The templates built into the binary.
    pub fn embedded() -> Templates {
        Templates::with_overrides(BTreeMap::new())
    }

    /// The embedded templates, with any `*.typ` file of `dir` taking the
    /// place of the embedded one of the same name.
    pub fn from_dir(dir: &Path) -> Result<Templates> {
        let io = |source| Error::Io {
            path: dir.to_owned(),
            action: "đọc thư mục mẫu",
            source,
        };
        let mut overrides = BTreeMap::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path: PathBuf = entry.map_err(io)?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if is_template_name(name) {
                let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    action: "đọc",
                    source,
                })?;
                overrides.insert(name.to_owned(), text);
            }
        }
        Ok(Templates::with_overrides(overrides))
    }

    fn with_overrides(overrides: BTreeMap<String, String>) -> Templates {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".typ") {
                AutoEscape::Custom("typst".into())
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(format_value);
        env.add_filter("length", length_filter);
        env.add_filter("virtual_path", virtual_path_filter);
        env.add_filter("font_name", font_name_filter);
        // Only names of the template set resolve: no paths, so an `include`
        // cannot reach any other file.
        env.set_loader(move |name| {
            if !is_template_name(name) {
                return Ok(None);
            }
            Ok(overrides.get(name).cloned().or_else(|| {
                EMBEDDED
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, t)| (*t).to_owned())
            }))
        });
        Templates { env }
    }

    /// Renders the Typst source of a plan.
    pub fn render(&self, view: &View) -> Result<String> {
        let tmpl = self.env.get_template(MAIN).map_err(template_error)?;
        tmpl.render(Value::from(minijinja::value::Serde(view)))
            .map_err(template_error)
    }

    /// Renders again, recording which template line produced each byte, to
    /// explain a Typst error in the terms of the template that caused it.
    pub fn source_line(&self, view: &View, offset: usize) -> Option<(String, usize)> {
        let tmpl = self.env.get_template(MAIN).ok()?;
        let (_, spans) = tmpl
            .render_with_spans(Value::from(minijinja::value::Serde(view)))
            .ok()?;
        spans
            .iter()
            .find(|s| s.output_range().contains(&offset))
            .map(|s| (s.name().to_owned(), s.line()))
    }
}

fn is_template_name(name: &str) -> bool {
    name.ends_with(".typ")
        && name.len() > 4
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        && !name.starts_with('.')
}

fn template_error(e: minijinja::Error) -> Error {
    let at = match (e.name(), e.line()) {
        (Some(name), Some(line)) => format!("{name}:{line}: "),
        _ => String::new(),
    };
    Error::Template {
        message: format!("{at}{}", e.detail().unwrap_or(&e.kind().to_string())),
    }
}

/// Prints a value into a template. In `.typ` templates strings are escaped
/// as Typst markup (their inline markup translated); numbers and booleans
/// print as Typst literals; nothing else may be printed.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> std::result::Result<(), minijinja::Error> {
    if !matches!(state.auto_escape(), AutoEscape::Custom(name) if name == "typst") {
        return minijinja::escape_formatter(out, state, value);
    }
    let written = match value.kind() {
        _ if value.is_safe() => value.to_string(),
        ValueKind::String => markup::to_typst(value.as_str().unwrap_or_default()),
        ValueKind::Bool => (if value.is_true() { "true" } else { "false" }).to_owned(),
        ValueKind::Number => value.to_string(),
        ValueKind::None | ValueKind::Undefined => String::new(),
        kind => {
            return Err(minijinja::Error::new(
                ErrorKind::InvalidOperation,
                format!("a {kind} cannot be printed into Typst; print its fields"),
            ));
        }
    };
    out.write_str(&written)
        .map_err(|_| minijinja::Error::new(ErrorKind::WriteFailure, "write"))
}

/// Admits a string made only of the given characters, as raw Typst.
fn admit(
    value: &str,
    what: &str,
    ok: impl Fn(char) -> bool,
) -> std::result::Result<Value, minijinja::Error> {
    if !value.is_empty() && value.chars().all(ok) {
        Ok(Value::from_safe_string(value.to_owned()))
    } else {
        Err(minijinja::Error::new(
            ErrorKind::InvalidOperation,
            format!("not a {what}: {value:?}"),
        ))
    }
}

/// A Typst length: digits, a point, and a unit (`1.5fr`, `12mm`, `15%`).
fn length_filter(value: &str) -> std::result::Result<Value, minijinja::Error> {
    let unit_at = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(value.len());
    let unit_ok = matches!(&value[unit_at..], "fr" | "mm" | "%" | "pt" | "cm");
    let number_ok = value[..unit_at].parse::<f64>().is_ok();
    if unit_ok && number_ok {
        admit(value, "length", |_| true)
    } else {
        admit("", "length", |_| false)
    }
}

/// A path of the in-memory world (`/images/seal.png`).
fn virtual_path_filter(value: &str) -> std::result::Result<Value, minijinja::Error> {
    admit(value, "virtual path", |c| {
        c.is_ascii_alphanumeric() || "/._-".contains(c)
    })
}

/// A font family name for a Typst string literal.
fn font_name_filter(value: &str) -> std::result::Result<Value, minijinja::Error> {
    admit(value, "font name", |c| {
        c.is_alphanumeric() || c == ' ' || c == '-'
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(src: &str, ctx: Value) -> std::result::Result<String, minijinja::Error> {
        let mut env = Templates::embedded().env;
        env.add_template_owned("t.typ", src.to_owned())?;
        env.get_template("t.typ")?.render(ctx)
    }

    #[test]
    fn strings_are_escaped_by_the_engine() {
        let ctx = Value::from(minijinja::value::Serde(
            serde_json::json!({ "x": "#read(\"/etc/passwd\") **đậm**" }),
        ));
        assert_eq!(
            render("[{{ x }}]", ctx).unwrap(),
            "[\\#read\\(\\\"\\/etc\\/passwd\\\"\\) #strong[đậm]]"
        );
    }

    #[test]
    fn filters_admit_only_their_alphabet() {
        let ok = Value::from(minijinja::value::Serde(serde_json::json!({ "w": "1.5fr" })));
        assert_eq!(render("{{ w | length }}", ok).unwrap(), "1.5fr");
        let bad = Value::from(minijinja::value::Serde(
            serde_json::json!({ "w": "1fr); read(\"x\"" }),
        ));
        assert!(render("{{ w | length }}", bad).is_err());
        let path = Value::from(minijinja::value::Serde(
            serde_json::json!({ "p": "\"); #read(" }),
        ));
        assert!(render("{{ p | virtual_path }}", path).is_err());
    }

    #[test]
    fn maps_cannot_be_printed() {
        let ctx = Value::from(minijinja::value::Serde(
            serde_json::json!({ "m": { "a": 1 } }),
        ));
        assert!(render("{{ m }}", ctx).is_err());
    }

    #[test]
    fn includes_cannot_leave_the_template_set() {
        let err = render("{% include \"../Cargo.toml\" %}", Value::UNDEFINED).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TemplateNotFound);
    }
}
