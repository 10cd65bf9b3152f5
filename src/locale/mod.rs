//! Every word heshu prints, in the user's language: message catalogs in Project Fluent's format
//! (`locales/<lang>/*.ftl`, compiled into the binary), and the one language setting that chooses
//! among them.
//!
//! The setting, strongest first: `--lang zh|en`, the `HESHU_LANG` environment variable, the
//! configuration's `lang`, the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh*` Chinese, `en*`
//! English); Chinese where nothing says otherwise, as the documents are Chinese.
//!
//! A catalog is parsed the first time its language is asked for (a fraction of a millisecond), and
//! never for a language nobody asked for. Rules and renderers format a message by its key with
//! [`tr!`]: figures and arithmetic come in as arguments, counts as numbers (for English plurals).

use crate::model::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::OnceLock;

/// How many of [`FILES`] every run needs (findings, summaries, errors); the rest (the command
/// line's help and notes, the web page) are parsed the first time one of their messages is asked
/// for, so that a check does not pay for them.
const CORE_FILES: usize = 2;

/// The catalog files of each language, in the order they are added to its bundles. Both languages
/// have the same files and the same keys (a test holds this).
const FILES: [(&str, &str, &str); 4] = [
    (
        "messages.ftl",
        include_str!("../../locales/zh/messages.ftl"),
        include_str!("../../locales/en/messages.ftl"),
    ),
    (
        "report.ftl",
        include_str!("../../locales/zh/report.ftl"),
        include_str!("../../locales/en/report.ftl"),
    ),
    (
        "cli.ftl",
        include_str!("../../locales/zh/cli.ftl"),
        include_str!("../../locales/en/cli.ftl"),
    ),
    (
        "serve.ftl",
        include_str!("../../locales/zh/serve.ftl"),
        include_str!("../../locales/en/serve.ftl"),
    ),
];

/// The catalog files of a language: name and text.
pub fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().map(move |(name, zh, en)| match lang {
        Lang::Zh => (*name, *zh),
        Lang::En => (*name, *en),
    })
}

/// An argument of a message: a text (a figure as written, a computation) or a count (which
/// chooses an English plural).
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Shown as it is.
    Text(Cow<'a, str>),
    /// A number of things.
    Count(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg::Text(s)
    }
}

macro_rules! count_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_args!(usize, u32, u64, i64, i32, u8);

/// A bundle of catalog files.
type Bundle = FluentBundle<FluentResource>;

/// The messages of one language.
pub struct Catalog {
    lang: Lang,
    /// Messages of findings, summaries and errors.
    core: Bundle,
    /// The other files' messages, parsed when first asked for.
    rest: OnceLock<Bundle>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("lang", &self.lang).finish()
    }
}

/// What is wrong with a catalog file (only a test can meet this: the files are compiled in).
#[derive(Debug, thiserror::Error)]
#[error("locales/{lang}/{file}: {message}")]
pub struct CatalogError {
    /// The language.
    pub lang: Lang,
    /// The file.
    pub file: &'static str,
    /// What the parser or the bundle said.
    pub message: String,
}

impl Catalog {
    /// Parse a language's catalog files (all of them: [`catalog`] parses the rarely used ones
    /// only when asked for).
    pub fn load(lang: Lang) -> Result<Self, CatalogError> {
        let catalog = Self {
            lang,
            core: bundle(lang, sources(lang).take(CORE_FILES))?,
            rest: OnceLock::new(),
        };
        let rest = bundle(lang, sources(lang).skip(CORE_FILES))?;
        let _ = catalog.rest.set(rest);
        Ok(catalog)
    }

    /// The catalog's core files, the others to be parsed when first asked for; an error in a
    /// file (a defect of the build, which the tests would have met) leaves its bundle empty.
    fn lazy(lang: Lang) -> Self {
        Self {
            lang,
            core: bundle_or_empty(lang, sources(lang).take(CORE_FILES)),
            rest: OnceLock::new(),
        }
    }

    /// The bundle that holds `key`, if any.
    fn holding(&self, key: &str) -> Option<&Bundle> {
        if self.core.has_message(key) {
            return Some(&self.core);
        }
        let rest = self
            .rest
            .get_or_init(|| bundle_or_empty(self.lang, sources(self.lang).skip(CORE_FILES)));
        rest.has_message(key).then_some(rest)
    }

    /// The catalog's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the catalog has a message `key`.
    pub fn has(&self, key: &str) -> bool {
        self.holding(key).is_some()
    }

    /// A message without arguments.
    pub fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// A message with its arguments; the key itself where the catalog lacks it (a test makes
    /// sure none is lacking).
    pub fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some((bundle, pattern)) = self
            .holding(key)
            .and_then(|b| Some((b, b.get_message(key)?.value()?)))
        else {
            // Every key the code asks for is in both catalogs: the tests exercise each message.
            debug_assert!(false, "no message `{key}` in the {} catalog", self.lang);
            return key.to_owned();
        };
        let mut errors = Vec::new();
        if args.is_empty() {
            return bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
        }
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(s) => FluentValue::String(Cow::Borrowed(s.as_ref())),
                Arg::Count(n) => FluentValue::from(*n),
            };
            fluent.set(*name, value);
        }
        bundle
            .format_pattern(pattern, Some(&fluent), &mut errors)
            .into_owned()
    }
}

/// A bundle of catalog files of `lang`; where one does not parse (a defect of the build, which the
/// tests would have met), the error is reported once and the bundle is empty (messages then show
/// their keys).
fn bundle_or_empty<'a>(lang: Lang, files: impl Iterator<Item = (&'static str, &'a str)>) -> Bundle {
    bundle(lang, files).unwrap_or_else(|e| {
        eprintln!("heshu: {e}");
        let mut empty = FluentBundle::new_concurrent(Vec::new());
        empty.set_use_isolating(false);
        empty
    })
}

/// A bundle of catalog files of `lang`.
fn bundle<'a>(
    lang: Lang,
    files: impl Iterator<Item = (&'static str, &'a str)>,
) -> Result<Bundle, CatalogError> {
    let id: unic_langid::LanguageIdentifier =
        lang.code()
            .parse()
            .map_err(|e: unic_langid::LanguageIdentifierError| CatalogError {
                lang,
                file: "",
                message: e.to_string(),
            })?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Figures are shown as written: no Unicode isolation marks around arguments.
    bundle.set_use_isolating(false);
    for (file, text) in files {
        let resource =
            FluentResource::try_new(text.to_owned()).map_err(|(_, errors)| CatalogError {
                lang,
                file,
                message: format!("{errors:?}"),
            })?;
        bundle
            .add_resource(resource)
            .map_err(|errors| CatalogError {
                lang,
                file,
                message: format!("{errors:?}"),
            })?;
    }
    Ok(bundle)
}

/// The catalog of a language, parsed on first use.
pub fn catalog(lang: Lang) -> &'static Catalog {
    static CATALOGS: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Lang::Zh => &CATALOGS[0],
        Lang::En => &CATALOGS[1],
    };
    // The catalogs are compiled in and parsed by every test run: an error here is a defect of
    // the build, reported once; messages then show their keys.
    slot.get_or_init(|| Catalog::lazy(lang))
}

/// The language `HESHU_LANG` names, if it is set to one heshu speaks.
pub fn from_heshu_lang() -> Option<Lang> {
    std::env::var("HESHU_LANG")
        .ok()
        .and_then(|v| Lang::from_tag(v.trim()))
}

/// The language of the locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not
/// empty decides (as POSIX has it); `None` when it names neither Chinese nor English (`C`).
pub fn from_locale() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_tag(&v))
}

/// The language to speak: the flag, else `HESHU_LANG`, else the configuration's, else the
/// locale's, else Chinese. A `HESHU_LANG` that names no language heshu speaks is passed over, as
/// a locale of another language is.
pub fn resolve(flag: Option<Lang>, config: Option<Lang>) -> Lang {
    flag.or_else(from_heshu_lang)
        .or(config)
        .or_else(from_locale)
        .unwrap_or_default()
}

/// Format the message `key` of a [`Catalog`] with named arguments:
/// `tr!(catalog, "sum-mismatch-message", total = "47个")`.
#[macro_export]
macro_rules! tr {
    ($catalog:expr, $key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $catalog.format($key, &[$((stringify!($name), $crate::locale::Arg::from($value))),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogs_parse() {
        for lang in Lang::ALL {
            if let Err(e) = Catalog::load(lang) {
                panic!("{e}");
            }
        }
    }
}
