//! The help screens in Vietnamese. clap writes its own parts in English —
//! the `Usage:`, `Commands:`, `Options:` headings, `[OPTIONS]` in the
//! usage line, `Print help`, `[default: …]`, `[possible values: …]` and
//! the `help` verb — so every command is reworded here before parsing:
//! one template, Vietnamese headings, our own help and version flags, and
//! defaults and accepted values said in the argument's own help.

use clap::builder::StyledStr;
use clap::{Arg, ArgAction, Command};

const TEMPLATE: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";
const ARGUMENTS: &str = "Đối số";
const OPTIONS: &str = "Tùy chọn";

/// `command` and every verb under it, reworded.
pub fn vietnamese(command: Command) -> Command {
    let name = command.get_name().to_owned();
    reword(command, &name)
}

fn reword(mut command: Command, bin_name: &str) -> Command {
    let verbs: Vec<String> = command
        .get_subcommands()
        .map(|verb| verb.get_name().to_owned())
        .collect();
    for verb in verbs {
        let path = format!("{bin_name} {verb}");
        command = command.mut_subcommand(&verb, |c| reword(c, &path));
    }
    command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("In hướng dẫn này"),
        );
    if command.get_version().is_some() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In số phiên bản"),
        );
    }
    let ids: Vec<_> = command
        .get_arguments()
        .map(|a| a.get_id().clone())
        .collect();
    for id in ids {
        command = command.mut_arg(id, reword_arg);
    }
    // clap's usage line says `[OPTIONS]`; ours is clap's with that word
    // said in Vietnamese.
    let usage = command
        .clone()
        .bin_name(bin_name)
        .render_usage()
        .to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    command.override_usage(usage.replace("[OPTIONS]", "[TÙY_CHỌN]"))
}

/// The heading an argument is listed under, and its default and accepted
/// values at the end of its help rather than in clap's English brackets.
fn reword_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    let mut arg = arg.help_heading(heading);
    if !arg.get_action().takes_values() || arg.is_hide_set() {
        return arg;
    }
    let mut notes = Vec::new();
    let values = arg.get_possible_values();
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        let values: Vec<String> = values
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| match v.get_help() {
                Some(help) => format!("{} ({help})", v.get_name()),
                None => v.get_name().to_owned(),
            })
            .collect();
        notes.push(format!("nhận: {}", values.join(", ")));
        arg = arg.hide_possible_values(true);
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(format!("mặc định: {}", defaults.join(", ")));
        arg = arg.hide_default_value(true);
    }
    if notes.is_empty() {
        return arg;
    }
    let notes = format!(" [{}]", notes.join("; "));
    let help = arg.get_help().map(StyledStr::to_string).unwrap_or_default();
    let long = arg.get_long_help().map(StyledStr::to_string);
    arg = arg.help(help + &notes);
    match long {
        Some(long) => arg.long_help(long + &notes),
        None => arg,
    }
}
