//! The command line's help in the user's language: every command's description, every option's
//! help, value names, headings and usage lines come from the catalogs (`locales/*/cli.ftl`),
//! applied to the command tree clap derives from `main.rs` (whose doc comments stay the English
//! source).
//!
//! Keys: `cli-about` and `cli-<command>-about` for descriptions, `cli-<command>-usage` for usage
//! lines, `cli-<command>-<argument>` for an argument's help (`cli-lang`, `cli-help`,
//! `cli-version` for the global ones), `cli-value-<name>` for value names (`FILE`). The choices
//! and default of an option are part of its help text (clap would print them in English).

use clap::{Arg, ArgAction, Command};
use heshu::locale::Catalog;
use heshu::model::Lang;

/// The language of the help, known before the command line is parsed: `--lang X` or `--lang=X`
/// anywhere on it, else `HESHU_LANG`, else the locale (a configuration file is not read for help).
pub fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut flag = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            flag = iter.next().and_then(|v| Lang::from_tag(&v));
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            flag = Lang::from_tag(v);
        }
    }
    heshu::locale::resolve(flag, None)
}

fn arg_key(command: &str, arg: &Arg) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    if command.is_empty() {
        format!("cli-{id}")
    } else {
        format!("cli-{command}-{id}")
    }
}

fn value_key(arg: &Arg) -> Option<String> {
    if !arg.get_action().takes_values() {
        return None;
    }
    let name = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|n| n.as_str().to_owned())
        .unwrap_or_else(|| arg.get_id().as_str().to_owned());
    Some(format!(
        "cli-value-{}",
        name.to_lowercase().replace('_', "-")
    ))
}

/// `cmd` with every text in `t`'s language.
pub fn localized(cmd: Command, t: &Catalog) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        t.text("cli-usage-heading")
    );
    let mut cmd = cmd
        .about(t.text("cli-about"))
        .override_usage(t.text("cli-usage"))
        .help_template(&template)
        .subcommand_help_heading(t.text("cli-heading-commands"))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(help_flag(t))
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t.text("cli-version"))
                .help_heading(t.text("cli-heading-options")),
        )
        .subcommand(
            Command::new("help")
                .about(t.text("cli-help-command"))
                .arg(Arg::new("command").num_args(0..=1)),
        );
    cmd = localize_args(cmd, "", t);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .filter(|n| n != "help")
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| {
            let sub = sub
                .about(t.text(&format!("cli-{name}-about")))
                .long_about(None)
                .override_usage(t.text(&format!("cli-{name}-usage")))
                .help_template(&template)
                .disable_help_flag(true);
            // After the command's own arguments, so that its positional ones head the help.
            localize_args(sub, &name, t).arg(help_flag(t))
        });
    }
    cmd
}

fn help_flag(t: &Catalog) -> Arg {
    Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(t.text("cli-help"))
        .help_heading(t.text("cli-heading-options"))
}

fn localize_args(mut cmd: Command, command: &str, t: &Catalog) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                "cli-heading-arguments"
            } else {
                "cli-heading-options"
            };
            let help = t.text(&arg_key(command, &arg));
            let value = value_key(&arg).map(|key| t.text(&key));
            let mut arg = arg.help(help).long_help(None).help_heading(t.text(heading));
            if let Some(value) = value {
                arg = arg
                    .value_name(value)
                    .hide_default_value(true)
                    .hide_possible_values(true);
            }
            arg
        });
    }
    cmd
}
