//! Configuration: `heshu.toml` (or `.heshu.toml`), found from the checked path upward.
//!
//! ```toml
//! select = ["sum-mismatch", "placeholder"]   # rules to run (default: all)
//! ignore = ["duplicate-paragraph"]           # rules to skip
//! fail-on = "error"                          # error | warning | info | never
//! rounding = "truncate"                      # nearest (default) | truncate
//! include = ["*.txt", "*.md"]                # files to check when walking directories
//! exclude = ["drafts/**"]
//! extra-units = [{ text = "箱", base = "箱", kind = "count" }]
//! baseline = "heshu-baseline.json"          # the baseline editors add ignored findings to
//! lang = "en"                                # zh | en: the language heshu writes in
//!
//! [severity]
//! enumeration-count = "error"
//!
//! [per-file-ignores]
//! "archive/**" = ["duplicate-paragraph"]
//!
//! [placeholder]
//! patterns = [{ regex = "＃＃", what = "“＃＃”" }]
//!
//! [residue]
//! patterns = [{ regex = "内部资料", what = "内部标记" }]
//! ```
//!
//! Keys are kebab-case; an unknown key or rule id is an error that points at it.

use crate::grammar::identities::{Identity, IdentityProblem};
use crate::grammar::lexicon::{Lexicon, UnitSpec};
use crate::grammar::{Grammar, Rounding};
use crate::model::diagnostic::Severity;
use crate::rules::{self, Linter};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The file names searched for, in order, in each directory from the checked path upward.
pub const CONFIG_NAMES: [&str; 2] = ["heshu.toml", ".heshu.toml"];

/// When `heshu check` exits with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// On errors.
    Error,
    /// On warnings and errors.
    Warning,
    /// On any finding.
    Info,
    /// Never.
    Never,
}

impl FailOn {
    /// The least severity that fails, `None` for never.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PatternSection {
    #[serde(default)]
    patterns: Vec<toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    select: Option<Vec<String>>,
    #[serde(default)]
    ignore: Vec<String>,
    fail_on: Option<FailOn>,
    rounding: Option<Rounding>,
    include: Option<Vec<String>>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    extra_units: Vec<UnitSpec>,
    /// Identities of statistical practice beyond `rules/lexicon/identities.toml` (one with the
    /// id of a built-in one replaces it).
    #[serde(default)]
    identity: Vec<Identity>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
    #[serde(default)]
    per_file_ignores: BTreeMap<String, Vec<String>>,
    baseline: Option<String>,
    lang: Option<crate::model::Lang>,
    placeholder: Option<PatternSection>,
    residue: Option<PatternSection>,
}

/// A configuration that could not be used: where, and why.
#[derive(Debug, thiserror::Error)]
#[error("{}: {}", path.display(), problem)]
pub struct ConfigError {
    /// The configuration file.
    pub path: PathBuf,
    /// Its text, for pointing at the fault.
    pub source_text: String,
    /// The byte range of the fault, when known.
    pub span: Option<Range<usize>>,
    /// What is wrong (shown in English; [`ConfigError::localized`] words it in the user's
    /// language).
    pub problem: ConfigProblem,
}

/// What is wrong with a configuration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.localized(crate::locale::catalog(crate::model::Lang::En)))]
pub enum ConfigProblem {
    /// The file could not be read (the system's words).
    Unreadable(String),
    /// A rule id that no rule has.
    UnknownRule(String),
    /// An identity that cannot be used.
    Identity(String, crate::grammar::identities::IdentityProblem),
    /// Anything else, in the words of the part that found it (the TOML parser, a glob, a
    /// pattern, a unit).
    Other(String),
}

impl ConfigError {
    /// What is wrong, in the catalog's language (a parser's own words stay as they are).
    pub fn localized(&self, t: &crate::locale::Catalog) -> String {
        self.problem.localized(t)
    }
}

impl ConfigProblem {
    /// What is wrong, in the catalog's language (a parser's own words stay as they are).
    pub fn localized(&self, t: &crate::locale::Catalog) -> String {
        match self {
            ConfigProblem::Unreadable(e) => crate::tr!(t, "config-unreadable", error = e.as_str()),
            ConfigProblem::UnknownRule(id) => {
                crate::tr!(t, "config-unknown-rule", rule = id.as_str())
            }
            ConfigProblem::Identity(id, problem) => {
                let key = match problem {
                    IdentityProblem::UnnamedWhole => "config-identity-unnamed-whole",
                    IdentityProblem::TooFewParts => "config-identity-too-few-parts",
                    IdentityProblem::UnnamedPart => "config-identity-unnamed-part",
                    IdentityProblem::DifferenceOfTwo => "config-identity-difference-of-two",
                };
                crate::tr!(t, key, identity = id.as_str())
            }
            ConfigProblem::Other(detail) => detail.clone(),
        }
    }
}

/// Everything a check runs with, from defaults, a configuration file and the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The configuration file used, if any.
    pub path: Option<PathBuf>,
    /// The directory globs are relative to (the configuration's, or the current one).
    pub root: PathBuf,
    /// The rules and their severities.
    pub linter: Linter,
    /// The grammar (lexicon with extra units, rounding).
    pub grammar: Grammar,
    /// When to exit with status 1.
    pub fail_on: FailOn,
    /// Files to check when walking directories.
    pub include: GlobSet,
    /// Files to skip when walking directories.
    pub exclude: GlobSet,
    /// The baseline file the workspace uses (editors add ignored findings to it).
    pub baseline: Option<PathBuf>,
    /// The language the configuration asks for (`lang`); `--lang` and `HESHU_LANG` come before
    /// it, the locale after it (see [`crate::locale`]).
    pub config_lang: Option<crate::model::Lang>,
    /// `root`, absolute, once asked for.
    root_absolute: std::sync::OnceLock<PathBuf>,
    per_file_ignores: Vec<(GlobSet, Vec<String>)>,
}

/// The file types heshu reads when it walks a directory.
pub const DEFAULT_INCLUDE: [&str; 4] = ["*.txt", "*.md", "*.markdown", "*.docx"];

fn glob_set(globs: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        // A pattern without a slash matches the file name at any depth, as in .gitignore.
        let pattern = if g.contains('/') {
            g.clone()
        } else {
            format!("**/{g}")
        };
        b.add(Glob::new(&pattern).map_err(|e| format!("glob `{g}`: {e}"))?);
    }
    b.build().map_err(|e| e.to_string())
}

impl Default for Settings {
    fn default() -> Self {
        let include: Vec<String> = DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect();
        Self {
            path: None,
            root: PathBuf::from("."),
            linter: Linter::default(),
            grammar: Grammar::default(),
            fail_on: FailOn::Warning,
            include: glob_set(&include).unwrap_or_else(|_| GlobSet::empty()),
            exclude: GlobSet::empty(),
            baseline: None,
            config_lang: None,
            root_absolute: std::sync::OnceLock::new(),
            per_file_ignores: Vec::new(),
        }
    }
}

impl Settings {
    /// Write findings in `lang`.
    pub fn set_lang(&mut self, lang: crate::model::Lang) {
        self.linter.set_lang(lang);
    }

    /// The language findings are written in.
    pub fn lang(&self) -> crate::model::Lang {
        self.linter.lang()
    }

    /// Find the configuration for `start` (a file or directory): the first `heshu.toml` or
    /// `.heshu.toml` in it or a directory above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_owned());
        let mut dir = if start.is_dir() {
            Some(start.as_path())
        } else {
            start.parent()
        };
        while let Some(d) = dir {
            for name in CONFIG_NAMES {
                let candidate = d.join(name);
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
            dir = d.parent();
        }
        None
    }

    /// Read a configuration file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            source_text: String::new(),
            span: None,
            problem: ConfigProblem::Unreadable(e.to_string()),
        })?;
        let root = path
            .parent()
            .map(Path::to_owned)
            .unwrap_or_else(|| PathBuf::from("."));
        Self::from_toml(&text, path, root)
    }

    /// Settings from a configuration's text (`path` names it in errors).
    pub fn from_toml(text: &str, path: &Path, root: PathBuf) -> Result<Self, ConfigError> {
        let fail = |span: Option<Range<usize>>, message: String| ConfigError {
            path: path.to_owned(),
            source_text: text.to_owned(),
            span,
            problem: ConfigProblem::Other(message),
        };
        let file: ConfigFile =
            toml::from_str(text).map_err(|e| fail(e.span(), e.message().to_owned()))?;
        // Every rule id named must exist.
        let known = |id: &str| rules::registry().iter().any(|r| r.meta.id == id);
        let named = file
            .select
            .iter()
            .flatten()
            .chain(&file.ignore)
            .chain(file.severity.keys())
            .chain(file.per_file_ignores.values().flatten());
        for id in named {
            if !known(id) {
                return Err(ConfigError {
                    problem: ConfigProblem::UnknownRule(id.clone()),
                    ..fail(locate(text, id), String::new())
                });
            }
        }
        let mut extra: Vec<(&str, toml::Table)> = Vec::new();
        for (id, section) in [
            ("placeholder", &file.placeholder),
            ("residue", &file.residue),
        ] {
            if let Some(s) = section {
                let mut t = toml::Table::new();
                t.insert("patterns".into(), toml::Value::Array(s.patterns.clone()));
                extra.push((id, t));
            }
        }
        let entries = rules::load_with(&extra).map_err(|e| {
            let at = extra
                .first()
                .and_then(|(id, _)| locate(text, &format!("[{id}]")));
            fail(at, e.to_string())
        })?;
        let select = file.select.clone();
        let ignore = file.ignore.clone();
        let mut linter = Linter::from_entries(&entries, |id| {
            select.as_ref().is_none_or(|s| s.iter().any(|x| x == id))
                && !ignore.iter().any(|x| x == id)
        });
        for (id, severity) in &file.severity {
            linter.set_severity(id, *severity);
        }
        let lexicon: &'static Lexicon = if file.extra_units.is_empty() && file.identity.is_empty() {
            Lexicon::builtin()
        } else {
            let mut lx = Lexicon::builtin()
                .with_units(&file.extra_units)
                .map_err(|e| fail(locate(text, "extra-units"), e.to_string()))?;
            for identity in &file.identity {
                if let Some(problem) = identity.problem() {
                    return Err(ConfigError {
                        problem: ConfigProblem::Identity(identity.id.clone(), problem),
                        ..fail(locate(text, &identity.id), String::new())
                    });
                }
                lx.identities.add(identity.clone());
            }
            // One lexicon per configuration, alive for the whole run.
            Box::leak(Box::new(lx))
        };
        let include: Vec<String> = file
            .include
            .clone()
            .unwrap_or_else(|| DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect());
        let include = glob_set(&include).map_err(|e| fail(locate(text, "include"), e))?;
        let exclude = glob_set(&file.exclude).map_err(|e| fail(locate(text, "exclude"), e))?;
        let mut per_file_ignores = Vec::new();
        for (glob, ids) in &file.per_file_ignores {
            let set =
                glob_set(std::slice::from_ref(glob)).map_err(|e| fail(locate(text, glob), e))?;
            per_file_ignores.push((set, ids.clone()));
        }
        Ok(Self {
            path: Some(path.to_owned()),
            root: root.clone(),
            linter,
            grammar: Grammar {
                lexicon,
                rounding: file.rounding.unwrap_or_default(),
            },
            fail_on: file.fail_on.unwrap_or(FailOn::Warning),
            include,
            exclude,
            baseline: file.baseline.as_ref().map(|b| root.join(b)),
            config_lang: file.lang,
            root_absolute: std::sync::OnceLock::new(),
            per_file_ignores,
        })
    }

    /// A path relative to the configuration's directory, for matching its globs. Paths are made
    /// absolute and normalised lexically (no file-system calls per file: walking thousands of
    /// files must stay cheap).
    fn relative(&self, path: &Path) -> PathBuf {
        let absolute = lexical_absolute(path);
        let root = self
            .root_absolute
            .get_or_init(|| {
                std::fs::canonicalize(&self.root).unwrap_or_else(|_| lexical_absolute(&self.root))
            })
            .clone();
        match absolute.strip_prefix(&root) {
            Ok(r) => r.to_owned(),
            Err(_) => path.strip_prefix("./").unwrap_or(path).to_owned(),
        }
    }

    /// The rules ignored for a file by `per-file-ignores`.
    pub fn ignored_for(&self, path: &Path) -> Vec<&str> {
        if self.per_file_ignores.is_empty() {
            return Vec::new();
        }
        let relative = self.relative(path);
        self.per_file_ignores
            .iter()
            .filter(|(set, _)| set.is_match(&relative))
            .flat_map(|(_, ids)| ids.iter().map(String::as_str))
            .collect()
    }

    /// Whether a file found by walking a directory is checked.
    pub fn wants(&self, path: &Path) -> bool {
        let relative = self.relative(path);
        self.include.is_match(&relative) && !self.exclude.is_match(&relative)
    }
}

/// The current directory, asked once.
fn current_dir() -> &'static Path {
    static CWD: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().unwrap_or_default())
}

/// `path` made absolute against the current directory, with `.` and `..` resolved as written.
fn lexical_absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_owned()
    } else {
        current_dir().join(path)
    };
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The byte range of the first occurrence of `needle` in `text`.
fn locate(text: &str, needle: &str) -> Option<Range<usize>> {
    text.find(needle).map(|i| i..i + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Settings, ConfigError> {
        Settings::from_toml(text, Path::new("heshu.toml"), PathBuf::from("."))
    }

    #[test]
    fn unknown_keys_and_rules_point_at_themselves() {
        let e = load("selcet = []\n").unwrap_err();
        assert_eq!(e.span, Some(0..6));
        let e = load("ignore = [\"no-such-rule\"]\n").unwrap_err();
        assert!(e.to_string().contains("no-such-rule"));
        assert_eq!(e.span, Some(11..23));
    }

    #[test]
    fn selection_and_severity() {
        let s = load("ignore = [\"placeholder\"]\n[severity]\nsum-mismatch = \"info\"\n").unwrap();
        assert!(!s.linter.runs("placeholder"));
        assert!(s.linter.runs("sum-mismatch"));
        let doc = crate::parse("共有XX户。问题47个，已整改44个，其余4个。");
        let found = s.linter.check(&doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn per_file_ignores_match_relative_paths() {
        let s = load("[per-file-ignores]\n\"archive/**\" = [\"placeholder\"]\n").unwrap();
        assert_eq!(
            s.ignored_for(Path::new("archive/2019/a.txt")),
            ["placeholder"]
        );
        assert!(s.ignored_for(Path::new("current/a.txt")).is_empty());
    }
}
