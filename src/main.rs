//! The `heshu` command line: `check`, `claims`, `rules`, `explain`.

mod cli_help;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use heshu::config::{ConfigError, FailOn, Settings};
use heshu::model::diagnostic::Severity;
use heshu::model::Lang;
use heshu::report::baseline::Baseline;
use heshu::report::{self, Counts, FileReport};
use heshu::rules;
use heshu::runner::{self, CliGlobs, RunOptions};
use heshu::tr;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// 核数 heshu: a linter for the figures in Chinese reports.
#[derive(Parser)]
#[command(name = "heshu", version, about)]
struct Cli {
    /// The language heshu writes in: zh or en (default: HESHU_LANG, the configuration's `lang`,
    /// the locale, else zh).
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check (`-` reads standard input; default: the current directory).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with status 1 when a finding at or above this severity is found (default: the
    /// configuration's `fail-on`, else warning).
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Use this configuration file instead of discovering heshu.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    isolated: bool,
    /// Files to check when walking directories (`!GLOB` excludes); replaces `include`.
    #[arg(long = "glob", value_name = "GLOB")]
    globs: Vec<String>,
    /// Print a count of findings per rule instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Report only findings that this baseline file does not hold.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
    /// Write a copy of the (one) .docx checked to FILE with a Word comment on each finding; the
    /// original is never touched.
    #[arg(long, value_name = "FILE")]
    annotate: Option<PathBuf>,
    /// Decode text files with this encoding (utf-8, gbk, gb18030, utf-16le, …) instead of
    /// detecting it.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Never map a file into memory. A large UTF-8 file named alone is otherwise read where it
    /// lies, which is faster; a file truncated by another program meanwhile then ends the run.
    #[arg(long)]
    no_mmap: bool,
}

#[cfg(feature = "serve")]
#[derive(clap::Args)]
struct ServeArgs {
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8470)]
    port: u16,
    /// The address to listen on. Anything but the loopback address lets other machines use the
    /// page, which has no login.
    #[arg(long, default_value = "127.0.0.1")]
    host: std::net::IpAddr,
    /// Open the page in the default browser.
    #[arg(long)]
    open: bool,
    /// Use this configuration file instead of discovering heshu.toml from the current directory.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long)]
    isolated: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports for figures that do not add up, placeholders, broken structure.
    Check(CheckArgs),
    /// List the claims (figures with value, unit and interval) heshu reads in a file.
    Claims {
        /// The file (`-` reads standard input).
        path: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Human)]
        format: ClaimsFormat,
        /// Decode with this encoding instead of detecting it.
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
    },
    /// Serve the Language Server Protocol over stdio, for editors.
    Lsp,
    /// Serve a web page on this machine where a report can be dropped and its figures checked
    /// (the document never leaves the machine). Ctrl-C stops it.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// List every rule: id, default severity, summary.
    Rules,
    /// Explain a rule, with its examples.
    Explain {
        /// The rule id.
        rule: String,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Concise,
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(a: FailOnArg) -> Self {
        match a {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// The language of what the command line itself writes (errors, notes): the help's until the
/// settings are read, then theirs.
static SPOKEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Speak `lang` from now on.
fn speak(lang: Lang) {
    SPOKEN.store(lang == Lang::En, std::sync::atomic::Ordering::Relaxed);
}

/// The catalog of the language spoken.
fn t() -> &'static heshu::locale::Catalog {
    let english = SPOKEN.load(std::sync::atomic::Ordering::Relaxed);
    heshu::locale::catalog(if english { Lang::En } else { Lang::Zh })
}

/// Exit statuses: 0 clean, 1 findings at or above --fail-on, 2 input or usage errors.
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    // A panic is reported in one line by whoever catches it (a file's check, or here), never as a
    // backtrace that buries the other files' results.
    heshu::guard::install_quiet_hook();
    heshu::guard::catch(run).unwrap_or_else(|e| {
        eprintln!(
            "heshu: {}",
            tr!(t(), "internal-error", message = e.message.as_str())
        );
        ExitCode::from(EXIT_ERROR)
    })
}

fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let help_lang = cli_help::early_lang(&args);
    speak(help_lang);
    // A command line that parses needs no help text: the command is localised (a millisecond's
    // work) only to show help, the version or an error.
    if let Ok(cli) = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        return run_command(cli, help_lang);
    }
    let mut command = cli_help::localized(Cli::command(), heshu::locale::catalog(help_lang));
    let usage_error = |e: clap::Error| {
        let _ = e.print();
        if e.use_stderr() {
            ExitCode::from(EXIT_ERROR)
        } else {
            ExitCode::SUCCESS
        }
    };
    let matches = match command.try_get_matches_from_mut(&args) {
        Ok(m) => m,
        Err(e) => return usage_error(e),
    };
    // `heshu help [COMMAND]`: the help, in the same language.
    if let Some(("help", sub)) = matches.subcommand() {
        let shown = match sub.get_one::<String>("command") {
            Some(name) => match command.find_subcommand_mut(name) {
                Some(c) => c.print_help(),
                None => command.print_help(),
            },
            None => command.print_help(),
        };
        return status(output_status(shown));
    }
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => run_command(cli, help_lang),
        Err(e) => usage_error(e),
    }
}

/// Run a parsed command line.
fn run_command(cli: Cli, help_lang: Lang) -> ExitCode {
    let lang = cli.lang;
    match cli.command {
        Command::Check(args) => check(args, lang),
        Command::Claims {
            path,
            format,
            encoding,
        } => claims(path, format, encoding.as_deref()),
        Command::Lsp => match heshu::lsp::serve(lang) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("heshu lsp: {e}");
                ExitCode::from(EXIT_ERROR)
            }
        },
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve(&args, lang),
        Command::Rules => list_rules(help_lang),
        Command::Explain { rule } => explain(&rule, help_lang),
    }
}

/// Write to standard output; a closed pipe (`heshu check … | head`) is not an error.
fn write_out(text: &str) -> Result<(), ExitCode> {
    let mut stdout = std::io::stdout().lock();
    output_status(
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush()),
    )
}

/// What a failed write to standard output means: nothing for a closed pipe (`| head`), else a
/// message and exit status 2.
fn output_status(written: std::io::Result<()>) -> Result<(), ExitCode> {
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!(
                "heshu: {}",
                tr!(t(), "error-write-output", error = e.to_string())
            );
            Err(ExitCode::from(EXIT_ERROR))
        }
    }
}

/// The JSON report written to standard output file by file as the files are checked.
type JsonStream = report::json::StreamWriter<std::io::BufWriter<std::io::StdoutLock<'static>>>;

fn status(result: Result<(), ExitCode>) -> ExitCode {
    result.err().unwrap_or(ExitCode::SUCCESS)
}

/// Show a configuration error with miette, pointing at the offending key.
fn report_config_error(e: &ConfigError) {
    let mut out = String::new();
    let named = miette::NamedSource::new(e.path.display().to_string(), e.source_text.clone());
    let mut diag = miette::MietteDiagnostic::new(e.localized(t()))
        .with_code("heshu::config")
        .with_help(t().text("config-help"));
    if let Some(span) = &e.span {
        diag = diag.with_label(miette::LabeledSpan::at(
            span.clone(),
            t().text("config-here"),
        ));
    }
    let report = miette::Report::new(diag).with_source_code(named);
    let handler = miette::GraphicalReportHandler::new_themed(if std::io::stderr().is_terminal() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    })
    .with_links(false);
    if handler.render_report(&mut out, report.as_ref()).is_err() {
        out = format!("{}: {}", e.path.display(), e.localized(t()));
    }
    let path = e.path.display().to_string();
    eprintln!("heshu: {}\n{out}", tr!(t(), "config-invalid", path = path));
}

/// `heshu serve`: the page on this machine until Ctrl-C.
#[cfg(feature = "serve")]
fn serve(args: &ServeArgs, lang: Option<Lang>) -> ExitCode {
    let settings = match load_settings(args.isolated, args.config.as_deref(), Path::new("."), lang)
    {
        Ok(s) => s,
        Err(code) => return code,
    };
    if !args.host.is_loopback() {
        eprintln!(
            "heshu serve: {}",
            tr!(t(), "serve-warning-host", host = args.host.to_string())
        );
    }
    let options = heshu::serve::Options {
        host: args.host,
        port: args.port,
        open: args.open,
    };
    let announce = |url: &str| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "heshu serve: {url}").and_then(|()| out.flush());
    };
    match heshu::serve::serve(&options, settings, announce) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("heshu serve: {}", e.localized(t()));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn settings_for(
    args: &CheckArgs,
    paths: &[PathBuf],
    lang: Option<Lang>,
) -> Result<Settings, ExitCode> {
    let start = paths
        .iter()
        .find(|p| p.as_os_str() != "-")
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    load_settings(args.isolated, args.config.as_deref(), &start, lang)
}

/// The settings of a command: none with `--isolated`, else the file `--config` names, else the
/// heshu.toml discovered from `start`; an invalid file is reported and means exit status 2.
fn load_settings(
    isolated: bool,
    config: Option<&Path>,
    start: &Path,
    lang: Option<Lang>,
) -> Result<Settings, ExitCode> {
    let config = if isolated {
        None
    } else {
        config
            .map(Path::to_path_buf)
            .or_else(|| Settings::discover(start))
    };
    let mut settings = match config {
        None => Settings::default(),
        Some(path) => Settings::load(&path).map_err(|e| {
            report_config_error(&e);
            ExitCode::from(EXIT_ERROR)
        })?,
    };
    // `--lang`, HESHU_LANG, the configuration's `lang`, the locale, Chinese.
    settings.set_lang(heshu::locale::resolve(lang, settings.config_lang));
    speak(settings.lang());
    Ok(settings)
}

fn check(args: CheckArgs, lang: Option<Lang>) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    // The first file named is read while the settings and rules are built; a file named alone
    // (no other file's findings to lose: see `Reading::MapLarge`) is mapped when large.
    let reading = if paths.len() == 1 && !args.no_mmap {
        heshu::source::Reading::MapLarge
    } else {
        heshu::source::Reading::Copy
    };
    let prefetch = paths
        .first()
        .filter(|p| p.as_os_str() != heshu::source::STDIN && p.is_file())
        .map(|p| runner::Prefetch::start(p.clone(), args.encoding.clone(), reading));
    let settings = match settings_for(&args, &paths, lang) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let globs = match CliGlobs::new(&args.globs) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("heshu: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let baseline = match &args.baseline {
        Some(path) => match read_baseline(path) {
            Ok(b) => Some(b.filter()),
            Err(e) => {
                eprintln!("heshu: {}: {e}", path.display());
                return ExitCode::from(EXIT_ERROR);
            }
        },
        None => None,
    };
    let streaming_human = args.format == Format::Human && !args.statistics;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    // JSON is written as the files are checked, each file's entry rendered by its thread (unless
    // a baseline is written instead of a report).
    let streaming_json =
        args.format == Format::Json && !args.statistics && args.write_baseline.is_none();
    let opts = RunOptions {
        human: streaming_human.then_some(color),
        baseline,
        progress: !args.no_progress,
        encoding: args.encoding.clone(),
        json: streaming_json,
        // A thread that panicked read nothing: the file is read again where a defect is caught.
        prefetched: prefetch.and_then(|h| h.join().ok()).unwrap_or_default(),
    };
    let inputs = runner::collect(&paths, &settings, &globs);
    let mut reports: Vec<FileReport> = Vec::with_capacity(inputs.len());
    let mut write_failed: Option<ExitCode> = None;
    let mut json: Option<JsonStream> = None;
    if streaming_json {
        let stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        match report::json::StreamWriter::new(stdout) {
            Ok(w) => json = Some(w),
            Err(e) => write_failed = output_status(Err(e)).err(),
        }
    }
    runner::run(inputs, &settings, &opts, |mut report| {
        if let Err(e) = &report.outcome {
            eprintln!("heshu: {e}");
        }
        if streaming_human && write_failed.is_none() {
            write_failed = write_out(&report.human).err();
        }
        if let (Some(w), None) = (json.as_mut(), &write_failed) {
            write_failed = output_status(w.entry(&report)).err();
        }
        report.human = String::new();
        report.json = Vec::new();
        reports.push(report);
    });
    if let (Some(w), None) = (json.take(), &write_failed) {
        let finished = w.finish().and_then(|mut out| out.flush());
        write_failed = output_status(finished).err();
    }
    if let Some(code) = write_failed {
        return code;
    }
    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &reports);
    }
    if let Some(out) = &args.annotate {
        if let Err(e) = annotate(&paths, out, &reports) {
            eprintln!("heshu: --annotate: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    }
    let output = match (args.statistics, args.format) {
        (true, Format::Json) => statistics_json(&reports),
        (true, _) => statistics(&reports, settings.lang()),
        (false, Format::Human) => summary_line(&reports, settings.lang()),
        // Written as the files were checked.
        (false, Format::Json) => String::new(),
        (false, Format::Sarif) => {
            match report::sarif::render(&reports, &sarif_rules(settings.lang())) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("heshu: {}", tr!(t(), "error-sarif", error = e.to_string()));
                    return ExitCode::from(EXIT_ERROR);
                }
            }
        }
        (false, Format::Github) => report::github::render(&reports),
        (false, Format::Concise) => report::concise::render(&reports),
    };
    if let Err(code) = write_out(&output) {
        return code;
    }
    if reports.iter().any(|r| r.outcome.is_err()) {
        return ExitCode::from(EXIT_ERROR);
    }
    let fail_on: FailOn = args.fail_on.map(FailOn::from).unwrap_or(settings.fail_on);
    let failing = fail_on.threshold().is_some_and(|t| {
        reports
            .iter()
            .filter_map(|r| r.outcome.as_ref().ok())
            .flatten()
            .any(|d| d.severity >= t)
    });
    // The findings of a large run are many small allocations (14 000 on the seed × 2000, each
    // with its strings and labels): the process ends now, and the operating system takes the
    // memory back whole, faster than freeing them one by one.
    std::mem::forget(reports);
    std::mem::forget(settings);
    if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Write a copy of the one .docx checked with a comment on each finding, atomically.
fn annotate(paths: &[PathBuf], out: &Path, reports: &[FileReport]) -> Result<(), String> {
    let [input] = paths else {
        return Err(t().text("annotate-one-docx"));
    };
    let input_name = input.display().to_string();
    if heshu::source::format_of(input).ok() != Some(heshu::source::Format::Docx) {
        return Err(tr!(t(), "annotate-not-docx", path = &input_name));
    }
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    };
    if same(input, out) {
        return Err(t().text("annotate-same-file"));
    }
    let Some(Ok(findings)) = reports.first().map(|r| r.outcome.as_ref()) else {
        return Err(tr!(t(), "annotate-not-checked", path = &input_name));
    };
    let comments = report::annotate::comments(findings);
    let original = std::fs::read(input).map_err(|e| format!("{input_name}: {e}"))?;
    let copy = heshu::source::docx::annotate(&original, &comments).map_err(|e| e.localized(t()))?;
    let tmp = out.with_extension("docx.tmp");
    std::fs::write(&tmp, copy)
        .and_then(|()| std::fs::rename(&tmp, out))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("{}: {e}", out.display())
        })?;
    eprintln!(
        "heshu: {}",
        tr!(
            t(),
            "annotate-written",
            path = out.display().to_string(),
            count = comments.len()
        )
    );
    Ok(())
}

fn read_baseline(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| tr!(t(), "baseline-unreadable", error = e.to_string()))?;
    let b: Baseline = serde_json::from_str(&text)
        .map_err(|e| tr!(t(), "baseline-invalid", error = e.to_string()))?;
    if b.version != report::baseline::BASELINE_VERSION {
        return Err(tr!(
            t(),
            "baseline-version",
            version = b.version.to_string()
        ));
    }
    Ok(b)
}

/// Write the baseline atomically: a temporary file beside it, renamed into place.
fn write_baseline(path: &Path, reports: &[FileReport]) -> ExitCode {
    let baseline = Baseline::record(reports);
    let json = match serde_json::to_string_pretty(&baseline) {
        Ok(j) => j + "\n",
        Err(e) => {
            eprintln!(
                "heshu: {}",
                tr!(t(), "baseline-unwritable", error = e.to_string())
            );
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let tmp = path.with_extension("json.tmp");
    let written = std::fs::write(&tmp, json).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        eprintln!(
            "heshu: {}: {}",
            path.display(),
            tr!(t(), "baseline-unwritable", error = e.to_string())
        );
        return ExitCode::from(EXIT_ERROR);
    }
    eprintln!(
        "heshu: {}",
        tr!(
            t(),
            "baseline-written",
            count = baseline.findings.len(),
            path = path.display().to_string()
        )
    );
    if reports.iter().any(|r| r.outcome.is_err()) {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

fn summary_line(reports: &[FileReport], lang: Lang) -> String {
    let t = heshu::locale::catalog(lang);
    let c = Counts::of(reports);
    let unreadable = reports.iter().filter(|r| r.outcome.is_err()).count();
    let checked = reports.len() - unreadable;
    let line = if unreadable > 0 && c.total() == 0 {
        // Never "no problems" about a file that was not checked.
        if checked == 0 {
            tr!(t, "summary-none-checked", unreadable = unreadable)
        } else {
            tr!(
                t,
                "summary-unreadable-rest-clean",
                unreadable = unreadable,
                checked = checked
            )
        }
    } else {
        let files = if unreadable == 0 {
            tr!(t, "summary-files", checked = reports.len())
        } else {
            tr!(
                t,
                "summary-files-unreadable",
                checked = checked,
                unreadable = unreadable
            )
        };
        if c.total() == 0 {
            tr!(t, "summary-clean", files = files)
        } else {
            tr!(
                t,
                "summary-found",
                total = c.total(),
                errors = c.errors,
                warnings = c.warnings,
                infos = c.infos,
                files = files
            )
        }
    };
    line + "\n"
}

fn rule_counts(reports: &[FileReport]) -> BTreeMap<&'static str, (usize, Severity)> {
    let mut counts: BTreeMap<&'static str, (usize, Severity)> = BTreeMap::new();
    for d in reports
        .iter()
        .filter_map(|r| r.outcome.as_ref().ok())
        .flatten()
    {
        let e = counts.entry(d.rule).or_insert((0, d.severity));
        e.0 += 1;
    }
    counts
}

/// `--statistics`: a count per rule, most frequent first, like `ruff --statistics`.
fn statistics(reports: &[FileReport], lang: Lang) -> String {
    let mut rows: Vec<_> = rule_counts(reports).into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let mut out = String::new();
    for (rule, (n, severity)) in rows {
        let summary = rules::find(rule).map_or("", |r| r.meta.summary(lang));
        out.push_str(&format!("{n:>6}\t{rule:<22}\t{severity:<7}\t{summary}\n"));
    }
    out
}

fn statistics_json(reports: &[FileReport]) -> String {
    let rows: Vec<_> = rule_counts(reports)
        .into_iter()
        .map(|(rule, (count, severity))| {
            serde_json::json!({"rule": rule, "count": count, "severity": severity})
        })
        .collect();
    serde_json::to_string_pretty(&rows)
        .map(|s| s + "\n")
        .unwrap_or_default()
}

fn claims(path: PathBuf, format: ClaimsFormat, encoding: Option<&str>) -> ExitCode {
    let text = match heshu::source::read(&path, encoding) {
        Ok(s) => s.text,
        Err(e) => {
            eprintln!("heshu: {}", e.localized(t()));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let doc = heshu::parse(&text);
    match format {
        ClaimsFormat::Human => status(write_out(&report::claims::human(&doc))),
        ClaimsFormat::Json => match serde_json::to_string_pretty(&report::claims::records(&doc)) {
            Ok(s) => status(write_out(&(s + "\n"))),
            Err(e) => {
                eprintln!("heshu: {}", tr!(t(), "error-claims", error = e.to_string()));
                ExitCode::from(EXIT_ERROR)
            }
        },
    }
}

fn list_rules(lang: Lang) -> ExitCode {
    let mut out = String::new();
    for r in rules::registry() {
        out.push_str(&format!(
            "{:<22} {:<8} {}\n",
            r.meta.id,
            r.meta.severity,
            r.meta.summary(lang)
        ));
    }
    status(write_out(&out))
}

fn explain(id: &str, lang: Lang) -> ExitCode {
    let words = heshu::locale::catalog(lang);
    let Some(r) = rules::find(id) else {
        eprintln!("heshu: {}", tr!(words, "explain-no-rule", rule = id));
        return ExitCode::from(EXIT_ERROR);
    };
    let m = &r.meta;
    let mut out = format!(
        "{} ({})\n{}\n\n{}\n",
        m.id,
        m.severity,
        m.summary(lang),
        m.explanation(lang).trim()
    );
    if !m.examples.bad.is_empty() {
        out.push_str(&format!("\n{}\n", words.text("explain-bad")));
        for e in &m.examples.bad {
            out.push_str(&format!("  {}\n", e.replace('\n', "⏎")));
        }
    }
    if !m.examples.good.is_empty() {
        out.push_str(&format!("\n{}\n", words.text("explain-good")));
        for e in &m.examples.good {
            out.push_str(&format!("  {}\n", e.replace('\n', "⏎")));
        }
    }
    status(write_out(&out))
}

/// The rules as the SARIF renderer takes them.
fn sarif_rules(lang: Lang) -> Vec<report::sarif::RuleInfo<'static>> {
    rules::registry()
        .iter()
        .map(|r| report::sarif::RuleInfo {
            id: &r.meta.id,
            summary: r.meta.summary(lang),
            explanation: r.meta.explanation(lang),
            severity: r.meta.severity,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;
    use heshu::model::Lang;

    /// Every text of the help is asked of each catalog while the command is localised (a missing
    /// key panics in a debug build, see `Catalog::format`), and clap checks what comes out.
    #[test]
    fn the_localised_command_line_is_consistent() {
        for lang in Lang::ALL {
            super::cli_help::localized(Cli::command(), heshu::locale::catalog(lang)).debug_assert();
        }
    }
}
