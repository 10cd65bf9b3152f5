//! The `heshu` command line: `check`, `claims`, `rules`, `explain`.

use clap::{Parser, Subcommand, ValueEnum};
use heshu::check::{check_file, collect_inputs};
use heshu::diagnostic::Severity;
use heshu::report::{self, human::HumanRenderer, FileReport};
use heshu::rules::{self, Linter};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// 核数 heshu: a linter for the figures in Chinese reports.
#[derive(Parser)]
#[command(name = "heshu", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports for figures that do not add up, placeholders and impossible values.
    Check {
        /// Files or directories to check (`-` reads standard input; default: the current directory).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit with status 1 when a finding at or above this severity is found.
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        /// Colour in human output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// List the claims (figures with value, unit and interval) heshu reads in a file.
    Claims {
        /// The file (`-` reads standard input).
        path: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List every rule: id, default severity, summary.
    Rules,
    /// Explain a rule, with its examples.
    Explain {
        /// The rule id.
        rule: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// Exit statuses: 0 clean, 1 findings at or above --fail-on, 2 input or usage errors.
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(EXIT_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check {
            paths,
            format,
            fail_on,
            color,
        } => check(paths, format, fail_on, color),
        Command::Claims { path, format } => claims(path, format),
        Command::Rules => list_rules(),
        Command::Explain { rule } => explain(&rule),
    }
}

fn write_out(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`heshu check … | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("heshu: cannot write output: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn check(paths: Vec<PathBuf>, format: Format, fail_on: FailOn, color: Color) -> ExitCode {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let linter = Linter::default();
    let mut reports: Vec<FileReport> = Vec::new();
    for input in collect_inputs(&paths) {
        match input {
            Ok(path) => reports.push(check_file(&path, &linter)),
            Err(e) => reports.push(FileReport {
                path: String::new(),
                outcome: Err(e.to_string()),
            }),
        }
    }
    let mut had_error = false;
    for r in &reports {
        if let Err(e) = &r.outcome {
            had_error = true;
            eprintln!("heshu: {e}");
        }
    }
    let status = match format {
        Format::Json => {
            let json = report::json::report(&reports);
            match serde_json::to_string_pretty(&json) {
                Ok(mut s) => {
                    s.push('\n');
                    write_out(&s)
                }
                Err(e) => {
                    eprintln!("heshu: cannot serialise the report: {e}");
                    return ExitCode::from(EXIT_ERROR);
                }
            }
        }
        Format::Human => {
            let use_color = match color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            write_out(&human_report(&reports, use_color))
        }
    };
    if status != ExitCode::SUCCESS {
        return status;
    }
    if had_error {
        return ExitCode::from(EXIT_ERROR);
    }
    let failing = fail_on.threshold().is_some_and(|t| {
        reports.iter().any(|r| {
            r.outcome
                .as_ref()
                .is_ok_and(|(_, ds)| ds.iter().any(|d| d.severity >= t))
        })
    });
    if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn human_report(reports: &[FileReport], color: bool) -> String {
    let renderer = HumanRenderer::new(color);
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for r in reports {
        let Ok((doc, diagnostics)) = &r.outcome else {
            continue;
        };
        for d in diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
            out.push_str(&renderer.render(&r.path, doc, d));
            out.push('\n');
        }
    }
    let total = errors + warnings + infos;
    if total == 0 {
        out.push_str(&format!(
            "未发现问题（检查了 {} 个文件）。\n",
            reports.len()
        ));
    } else {
        out.push_str(&format!(
            "发现 {total} 个问题：错误 {errors}，警告 {warnings}，提示 {infos}（检查了 {} 个文件）。\n",
            reports.len()
        ));
    }
    out
}

fn claims(path: PathBuf, format: Format) -> ExitCode {
    let text = match heshu::source::read(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("heshu: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let doc = heshu::parse(&text);
    match format {
        Format::Human => write_out(&report::claims::human(&doc)),
        Format::Json => match serde_json::to_string_pretty(&report::claims::records(&doc)) {
            Ok(mut s) => {
                s.push('\n');
                write_out(&s)
            }
            Err(e) => {
                eprintln!("heshu: cannot serialise the claims: {e}");
                ExitCode::from(EXIT_ERROR)
            }
        },
    }
}

fn list_rules() -> ExitCode {
    let mut out = String::new();
    for r in rules::registry() {
        out.push_str(&format!(
            "{:<22} {:<8} {}\n",
            r.meta.id, r.meta.severity, r.meta.summary
        ));
    }
    write_out(&out)
}

fn explain(id: &str) -> ExitCode {
    let Some(r) = rules::find(id) else {
        eprintln!("heshu: no rule `{id}` (`heshu rules` lists them)");
        return ExitCode::from(EXIT_ERROR);
    };
    let m = &r.meta;
    let mut out = format!(
        "{} ({})\n{}\n\n{}\n",
        m.id,
        m.severity,
        m.summary,
        m.explanation.trim()
    );
    if !m.examples.bad.is_empty() {
        out.push_str("\nDraws it:\n");
        for e in &m.examples.bad {
            out.push_str(&format!("  {e}\n"));
        }
    }
    if !m.examples.good.is_empty() {
        out.push_str("\nDoes not draw it:\n");
        for e in &m.examples.good {
            out.push_str(&format!("  {e}\n"));
        }
    }
    write_out(&out)
}
