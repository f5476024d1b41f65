//! clap's messages for a mistyped command line, said in Vietnamese: clap
//! words them in English (`invalid value 'abc' for '--year <YEAR>'`), and
//! the people who type `kehoach` read Vietnamese.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// What was wrong with the command line, or `None` when clap only has help
/// or the version to print (which it then prints as it does).
pub fn message(error: &clap::Error) -> Option<String> {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        _ => None,
    };
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut m = format!("giá trị \"{value}\" của {arg} không hợp lệ");
            if let Some(valid) = context(ContextKind::ValidValue) {
                m.push_str(&format!("; chỉ nhận: {valid}"));
            } else if arg.contains("<NĂM>") {
                m.push_str(": cần một năm, ví dụ 2026");
            }
            m
        }
        ErrorKind::UnknownArgument => format!("không có tùy chọn \"{arg}\""),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh \"{}\"",
            context(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("thiếu {arg}"),
        ErrorKind::MissingSubcommand => "thiếu tên lệnh (render, check, …)".into(),
        ErrorKind::ArgumentConflict => {
            let other = context(ContextKind::PriorArg).unwrap_or_default();
            format!("không dùng {arg} cùng với {other}")
        }
        ErrorKind::NoEquals => format!("{arg} cần dấu = trước giá trị"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("số giá trị của {arg} không đúng")
        }
        _ => "dòng lệnh không hợp lệ".into(),
    };
    if let Some(suggested) =
        context(ContextKind::SuggestedArg).or_else(|| context(ContextKind::SuggestedSubcommand))
    {
        message.push_str(&format!("; có phải là \"{suggested}\"?"));
    }
    message.push_str(" (xem kehoach --help)");
    Some(message)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser, Debug)]
    struct Demo {
        #[arg(long, value_name = "NĂM")]
        year: Option<i32>,
        #[arg(long, value_parser = ["json", "text"])]
        format: Option<String>,
    }

    fn said(args: &[&str]) -> String {
        let error = Demo::try_parse_from(args).unwrap_err();
        message(&error).expect("an error, not help")
    }

    #[test]
    fn clap_errors_are_said_in_vietnamese() {
        let year = said(&["demo", "--year", "abc"]);
        assert!(
            year.starts_with("giá trị \"abc\" của --year <NĂM> không hợp lệ: cần một năm"),
            "{year}"
        );
        let format = said(&["demo", "--format", "xml"]);
        assert!(format.contains("chỉ nhận: json, text"), "{format}");
        let unknown = said(&["demo", "--yaer", "2026"]);
        assert!(
            unknown.contains("không có tùy chọn \"--yaer\""),
            "{unknown}"
        );
        assert!(unknown.contains("có phải là \"--year\"?"), "{unknown}");
        let verb = super::super::command()
            .try_get_matches_from(["kehoach", "rendr"])
            .err()
            .unwrap();
        let verb = message(&verb).unwrap();
        assert!(
            verb.starts_with("không có lệnh \"rendr\"; có phải là \"render\"?"),
            "{verb}"
        );
        let help = Demo::try_parse_from(["demo", "--help"]).unwrap_err();
        assert_eq!(message(&help), None);
    }
}
