//! Running `heshu check` over many inputs: walking directories (ripgrep's `ignore`: .gitignore
//! respected, hidden files skipped), checking files in parallel (rayon) in bounded chunks so that
//! only a few documents are alive at once, and delivering reports in path order whatever the
//! thread timing.

use crate::check::check_text;
use crate::config::Settings;
use crate::model::diagnostic::Diagnostic;
use crate::model::Document;
use crate::report::baseline::BaselineFilter;
use crate::report::human::HumanRenderer;
use crate::report::{json, FileReport, Located};
use crate::source::{self, SourceError};
use globset::{Glob, GlobSet, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// `--glob` patterns from the command line: positive ones replace `include`, `!`-prefixed ones add
/// to `exclude`.
#[derive(Debug, Clone, Default)]
pub struct CliGlobs {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl CliGlobs {
    /// Build from the `--glob` values.
    pub fn new(globs: &[String]) -> Result<Self, String> {
        let (mut inc, mut exc) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        let (mut any_inc, mut any_exc) = (false, false);
        for g in globs {
            let (negated, pattern) = match g.strip_prefix('!') {
                Some(p) => (true, p),
                None => (false, g.as_str()),
            };
            let pattern = if pattern.contains('/') {
                pattern.to_owned()
            } else {
                format!("**/{pattern}")
            };
            let glob = Glob::new(&pattern).map_err(|e| format!("--glob {g}: {e}"))?;
            if negated {
                exc.add(glob);
                any_exc = true;
            } else {
                inc.add(glob);
                any_inc = true;
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| e.to_string());
        Ok(Self {
            include: if any_inc { Some(build(inc)?) } else { None },
            exclude: if any_exc { Some(build(exc)?) } else { None },
        })
    }

    fn wants(&self, settings: &Settings, root: &Path, path: &Path) -> bool {
        let relative = path.strip_prefix(root).unwrap_or(path);
        let included = match &self.include {
            Some(set) => set.is_match(relative),
            None => settings.wants(path),
        };
        let excluded = self
            .exclude
            .as_ref()
            .is_some_and(|set| set.is_match(relative));
        included && !excluded
    }
}

/// Expand the given paths into the inputs to check, sorted by path: files as given (always
/// checked), directories walked for the files the settings and globs want.
pub fn collect(
    paths: &[PathBuf],
    settings: &Settings,
    globs: &CliGlobs,
) -> Vec<Result<PathBuf, (PathBuf, SourceError)>> {
    let mut found = Vec::new();
    for p in paths {
        if p.as_os_str() == source::STDIN || !p.is_dir() {
            found.push(Ok(p.clone()));
            continue;
        }
        for entry in ignore::WalkBuilder::new(p).build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    if globs.wants(settings, p, e.path()) {
                        found.push(Ok(e.into_path()));
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let io = std::io::Error::other(err.to_string());
                    found.push(Err((
                        p.clone(),
                        SourceError::Io {
                            path: p.clone(),
                            source: io,
                        },
                    )));
                }
            }
        }
    }
    found.sort_by(|a, b| key(a).cmp(key(b)));
    found.dedup_by(|a, b| matches!((&a, &b), (Ok(x), Ok(y)) if x == y));
    found
}

fn key(r: &Result<PathBuf, (PathBuf, SourceError)>) -> &Path {
    match r {
        Ok(p) => p,
        Err((p, _)) => p,
    }
}

/// What to produce for each file besides its located findings.
#[derive(Clone)]
pub struct RunOptions {
    /// Render human output (with colours or not).
    pub human: Option<bool>,
    /// Drop the findings a baseline holds.
    pub baseline: Option<BaselineFilter>,
    /// Show a progress bar on standard error (only drawn when it is a terminal).
    pub progress: bool,
    /// Decode every input with this encoding instead of detecting it.
    pub encoding: Option<String>,
    /// Render each file's entry of the JSON report as it is checked (in parallel).
    pub json: bool,
    /// An input read ahead, while the rules were being built (see [`Prefetch`]).
    pub prefetched: Prefetch,
}

/// The first input, read and decoded on a thread of its own while the command line's settings
/// and rules are built (a few milliseconds of regexes and lexicons): a large file's reading, or a
/// .docx's unzipping, then costs no time of its own. Taken by the check of that path, once.
#[derive(Clone, Default)]
pub struct Prefetch(Arc<Mutex<Option<ReadAhead>>>);

/// A path and what reading it gave.
type ReadAhead = (PathBuf, Result<source::Source, SourceError>);

impl Prefetch {
    /// Start reading `path` (a regular file named on the command line) with `encoding`, its
    /// bytes as `reading` says.
    pub fn start(
        path: PathBuf,
        encoding: Option<String>,
        reading: source::Reading,
    ) -> std::thread::JoinHandle<Self> {
        std::thread::spawn(move || {
            let read = source::read_with(&path, encoding.as_deref(), reading);
            Self(Arc::new(Mutex::new(Some((path, read)))))
        })
    }

    /// The input read ahead for `path`, if it is that one and was not taken yet.
    fn take(&self, path: &Path) -> Option<Result<source::Source, SourceError>> {
        let mut slot = self.0.lock().ok()?;
        match slot.take() {
            Some((p, read)) if p == path => Some(read),
            other => {
                *slot = other;
                None
            }
        }
    }
}

/// Check one input.
pub fn check_one(path: &Path, settings: &Settings, opts: &RunOptions) -> FileReport {
    let name = path.display().to_string();
    let read = opts
        .prefetched
        .take(path)
        .unwrap_or_else(|| source::read(path, opts.encoding.as_deref()));
    let source = match read {
        Ok(s) => s,
        Err(e) => {
            return FileReport {
                path: name,
                encoding: None,
                outcome: Err(e.localized(crate::locale::catalog(settings.lang()))),
                human: String::new(),
                json: Vec::new(),
            }
        }
    };
    let display = source.display;
    let encoding = source.encoding;
    let (doc, diagnostics) = check_text(source.text, path, settings);
    // The diagnostics themselves are kept only to be drawn for a terminal.
    let (located, diagnostics) = locate_all(&name, &doc, diagnostics, opts.human.is_some());
    let keep = match &opts.baseline {
        Some(b) => b.new_findings(&located),
        None => vec![true; located.len()],
    };
    let mut human = String::new();
    if let Some(color) = opts.human {
        // Markdown is shown as written: its blanked-out markup has the same offsets.
        let shown = display.as_deref().unwrap_or(&doc.text);
        let kept: Vec<&Diagnostic> = diagnostics
            .iter()
            .zip(&keep)
            .filter_map(|(d, k)| k.then_some(d))
            .collect();
        let render = |chunk: &[&Diagnostic]| {
            let renderer = HumanRenderer::new(color, settings.lang());
            let mut out = String::new();
            for d in chunk {
                out.push_str(&renderer.render(&name, &doc, shown, d));
                out.push('\n');
            }
            out
        };
        // Drawing a finding takes tens of microseconds: a large file's are drawn on every core.
        if kept.len() >= PARALLEL_LOCATE_MIN {
            let pieces: Vec<String> = kept
                .par_chunks(PARALLEL_LOCATE_MIN / 4)
                .map(render)
                .collect();
            human = pieces.concat();
        } else {
            human = render(&kept);
        }
    }
    let located: Vec<Located> = located
        .into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect();
    let mut report = FileReport {
        path: name,
        encoding: Some(encoding),
        outcome: Ok(located),
        human,
        json: Vec::new(),
    };
    if opts.json {
        report.json = render_json(&report);
    }
    // A large text's document and findings are freed by a thread of their own: nobody waits.
    if doc.text.len() >= crate::check::SEGMENTED_MIN {
        crate::threads::drop_in_background((doc, diagnostics));
    }
    report
}

/// Locate a file's findings, their texts moved into the located findings; with `keep`, a copy of
/// the diagnostics is returned beside them (drawing them for a terminal reads them), else an
/// empty list. Locating (line, column, fingerprint) takes a microsecond or two a finding: a large
/// file's thousands of findings are located on every core.
fn locate_all(
    name: &str,
    doc: &Document,
    diagnostics: Vec<Diagnostic>,
    keep: bool,
) -> (Vec<Located>, Vec<Diagnostic>) {
    let kept = if keep {
        diagnostics.clone()
    } else {
        Vec::new()
    };
    let located = if diagnostics.len() >= PARALLEL_LOCATE_MIN {
        diagnostics
            .into_par_iter()
            .with_min_len(PARALLEL_LOCATE_MIN / 4)
            .map(|d| Located::from_owned(name, doc, d))
            .collect()
    } else {
        diagnostics
            .into_iter()
            .map(|d| Located::from_owned(name, doc, d))
            .collect()
    };
    (located, kept)
}

/// A file's entry of the JSON report; a large file's findings are rendered on every core.
fn render_json(report: &FileReport) -> Vec<Vec<u8>> {
    let located = report.outcome.as_deref().unwrap_or(&[]);
    let runs: Vec<Vec<u8>> = if located.len() >= PARALLEL_LOCATE_MIN {
        located
            .par_chunks(PARALLEL_LOCATE_MIN / 4)
            .map(json::render_diagnostics)
            .collect()
    } else {
        vec![json::render_diagnostics(located)]
    };
    json::render_entry(report, runs)
}

/// A file with this many findings or more has them located, and rendered as JSON, in parallel.
const PARALLEL_LOCATE_MIN: usize = 1024;

/// Files handed to the threads at once. A document lives only while its file is checked (a report
/// keeps located findings), so this bounds the reports waiting to be written, not documents.
const CHUNK_PER_THREAD: usize = 64;

/// Check every input, in parallel, and hand each report to `deliver` in input order.
pub fn run(
    inputs: Vec<Result<PathBuf, (PathBuf, SourceError)>>,
    settings: &Settings,
    opts: &RunOptions,
    mut deliver: impl FnMut(FileReport),
) {
    let bar = progress_bar(inputs.len(), opts.progress);
    // (Asking rayon for its threads would start its pool, which one file does not need.)
    let chunk = crate::threads::threads().max(1) * CHUNK_PER_THREAD;
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        let batch: Vec<_> = inputs.by_ref().take(chunk).collect();
        let check_input = |input: Result<PathBuf, (PathBuf, SourceError)>| {
            let report = match input {
                // A defect met on one file is that file's error; the others go on.
                Ok(path) => crate::guard::catch(|| check_one(&path, settings, opts))
                    .unwrap_or_else(|e| FileReport {
                        path: path.display().to_string(),
                        encoding: None,
                        outcome: Err(format!(
                            "{}: {}",
                            path.display(),
                            crate::tr!(
                                crate::locale::catalog(settings.lang()),
                                "internal-error",
                                message = e.message.as_str()
                            )
                        )),
                        human: String::new(),
                        json: Vec::new(),
                    }),
                Err((path, e)) => FileReport {
                    path: path.display().to_string(),
                    encoding: None,
                    outcome: Err(e.localized(crate::locale::catalog(settings.lang()))),
                    human: String::new(),
                    json: Vec::new(),
                },
            };
            if let Some(b) = &bar {
                b.inc(1);
            }
            report
        };
        // One file is checked on this thread: the pool of threads is not started for it (a large
        // file spreads its own work over the cores).
        let reports: Vec<FileReport> = if batch.len() == 1 {
            batch.into_iter().map(check_input).collect()
        } else {
            batch.into_par_iter().map(check_input).collect()
        };
        for report in reports {
            // Output written while the bar is hidden, so the two never interleave.
            match &bar {
                Some(b) => b.suspend(|| deliver(report)),
                None => deliver(report),
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}

/// More files than this and a terminal on standard error: show a progress bar.
const PROGRESS_MIN_FILES: usize = 5;

fn progress_bar(len: usize, wanted: bool) -> Option<ProgressBar> {
    if !wanted || len <= PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    Some(bar)
}
