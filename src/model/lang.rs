//! The languages heshu speaks: every word it prints is in one of them (the texts it quotes from a
//! document stay as written).

use serde::Deserialize;
use std::fmt;

/// A language of heshu's messages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese (simplified): the documents' language, and heshu's where nothing says otherwise.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Every language, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The short code (`zh`, `en`), as `--lang`, `HESHU_LANG` and the configuration write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language a code or locale names: `zh`, `zh_CN.UTF-8`, `zh-Hans` are Chinese; `en`,
    /// `en_US.UTF-8`, `en-GB` English (case does not matter); anything else (`C`, `POSIX`, `fr_FR`,
    /// an empty string) none.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// `zh` or `en` (or a locale of either, `zh_CN.UTF-8`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s).ok_or_else(|| format!("`{s}` is not a language heshu speaks (zh, en)"))
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn tags_and_locales() {
        for (tag, lang) in [
            ("zh", Some(Lang::Zh)),
            ("zh_CN.UTF-8", Some(Lang::Zh)),
            ("zh-Hans", Some(Lang::Zh)),
            ("ZH_tw", Some(Lang::Zh)),
            ("en", Some(Lang::En)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("C", None),
            ("POSIX", None),
            ("C.UTF-8", None),
            ("fr_FR.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
    }
}
