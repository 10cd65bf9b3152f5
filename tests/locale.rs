//! Issue 17: every word heshu prints, in Chinese and in English. The two catalogs hold the same
//! messages with the same arguments; the language setting is honoured in its order; an English
//! check writes no Chinese of its own.

mod common;

use fluent_syntax::ast;
use heshu::locale;
use heshu::model::Lang;
use std::collections::{BTreeMap, BTreeSet};

/// The variables a pattern refers to, also inside selectors.
fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Each catalog file's messages with the variables they use.
fn messages(lang: Lang) -> BTreeMap<(&'static str, String), BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (file, text) in locale::sources(lang) {
        let resource = match fluent_syntax::parser::parse(text) {
            Ok(r) => r,
            Err((_, errors)) => panic!("locales/{lang}/{file}: {errors:?}"),
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                // One name, one message, across the files (they are looked up in two bundles).
                assert!(
                    !all.keys().any(|(_, id): &(&str, String)| id == m.id.name),
                    "locales/{lang}/{file}: `{}` is already a message",
                    m.id.name
                );
                all.insert((file, m.id.name.to_owned()), vars);
            }
        }
    }
    all
}

/// Messages whose English drops an argument the Chinese uses (or the reverse), and why.
const ARGUMENTS_DIFFER: &[(&str, &str)] = &[
    (
        "date-mismatch-anniversary-message",
        "English says `years after`, not 周年",
    ),
    (
        "date-mismatch-anniversary-help",
        "English says `years after`, not 周年",
    ),
    (
        "enumeration-count-message",
        "English chooses item/items by the count",
    ),
    (
        "enumeration-count-help",
        "English chooses item/items by the count",
    ),
    ("label-listed", "English chooses item/items by the count"),
    (
        "respectively-arity-message",
        "English chooses item/items by the count",
    ),
    (
        "share-mismatch-base-help",
        "Chinese drops the = or ≈ of a computed base",
    ),
    (
        "js-checked",
        "English chooses paragraph/paragraphs by the count",
    ),
    ("js-found", "English chooses problem/problems by the count"),
    (
        "js-badge-error",
        "English chooses error/errors by the count",
    ),
    (
        "js-badge-warning",
        "English chooses warning/warnings by the count",
    ),
];

#[test]
fn both_catalogs_hold_the_same_messages_with_the_same_arguments() {
    let zh = messages(Lang::Zh);
    let en = messages(Lang::En);
    let zh_keys: BTreeSet<_> = zh.keys().collect();
    let en_keys: BTreeSet<_> = en.keys().collect();
    let only_zh: Vec<_> = zh_keys.difference(&en_keys).collect();
    let only_en: Vec<_> = en_keys.difference(&zh_keys).collect();
    assert!(only_zh.is_empty(), "only in Chinese: {only_zh:?}");
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    let mut differ = Vec::new();
    for (key, vars) in &zh {
        let allowed = ARGUMENTS_DIFFER.iter().any(|(k, _)| *k == key.1);
        if en.get(key) != Some(vars) && !allowed {
            differ.push(format!("{}: zh {vars:?}, en {:?}", key.1, en.get(key)));
        }
    }
    assert!(
        differ.is_empty(),
        "arguments differ:\n{}",
        differ.join("\n")
    );
    assert!(zh.len() > 150, "{} messages", zh.len());
}

#[test]
fn every_rule_has_its_summary_and_explanation_in_both_languages() {
    for r in heshu::rules::registry() {
        for lang in Lang::ALL {
            assert!(
                !r.meta.summary(lang).trim().is_empty(),
                "rules/{}.toml: no {lang} summary",
                r.meta.id
            );
            assert!(
                r.meta.explanation(lang).trim().chars().count() > 80,
                "rules/{}.toml: no {lang} explanation",
                r.meta.id
            );
        }
        assert!(
            r.meta.explanation_zh.starts_with("检查什么：")
                && r.meta.explanation.starts_with("What it checks:"),
            "rules/{}.toml: an explanation in the wrong language",
            r.meta.id
        );
        assert!(
            !r.meta.summary_en.chars().any(is_han_in_own_words),
            "rules/{}.toml: summary-en in Chinese",
            r.meta.id
        );
    }
}

/// Chinese characters heshu may write in English: none but those it quotes (checked elsewhere).
fn is_han_in_own_words(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) && !"分别个百分点万亿年月某待补充".contains(c)
}

/// The runs of Chinese characters in `text`.
fn han_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        if ('\u{3400}'..='\u{9FFF}').contains(&c) {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

#[test]
fn an_english_check_of_the_seed_writes_no_chinese_of_its_own() {
    let seed = std::fs::read_to_string(format!("{}/tests/fixtures/seed.txt", common::ROOT))
        .expect("the seed fixture");
    for format in ["human", "concise", "json", "sarif", "github"] {
        let out = common::heshu_with(
            &[
                "check",
                "--isolated",
                "--color",
                "never",
                "--format",
                format,
                "tests/fixtures/seed.txt",
            ],
            None,
            &[("LANG", "en_US.UTF-8")],
        );
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(text.contains("placeholder"), "{format}: {text}");
        if format == "sarif" {
            // The results; the rules' descriptions quote the documents' words they are about
            // (`某某`, `个百分点`).
            let sarif: serde_json::Value = serde_json::from_str(&text).expect("SARIF");
            text = sarif["runs"][0]["results"].to_string();
        }
        // Every Chinese word in the output is quoted from the document.
        for run in han_runs(&text) {
            assert!(
                seed.contains(&run),
                "{format}: heshu wrote “{run}” itself:\n{text}"
            );
        }
    }
}

/// The language of a `heshu check` summary line.
fn summary_language(args: &[&str], env: &[(&str, &str)], dir: &std::path::Path) -> &'static str {
    let mut cmd = common::command();
    cmd.args(["check", "--color", "never"])
        .args(args)
        .arg("report.txt")
        .current_dir(dir)
        .envs(env.iter().copied());
    let out = cmd.output().expect("heshu runs");
    let text = String::from_utf8_lossy(&out.stdout);
    if text.contains("Found 1 problem") {
        "en"
    } else if text.contains("发现 1 个问题") {
        "zh"
    } else {
        panic!("no summary line: {text}")
    }
}

#[test]
fn the_language_is_the_flag_then_heshu_lang_then_the_configuration_then_the_locale() {
    let dir = common::scratch("locale", "precedence");
    std::fs::write(
        dir.join("report.txt"),
        "反馈问题47个，已整改完成44个，其余4个。\n",
    )
    .expect("write the report");
    let en_locale = [("LANG", "en_US.UTF-8")];
    let zh_locale = [("LANG", "zh_CN.UTF-8")];
    // Nothing set, or a locale of neither language: Chinese.
    assert_eq!(summary_language(&[], &[], &dir), "zh");
    assert_eq!(summary_language(&[], &[("LANG", "C.UTF-8")], &dir), "zh");
    assert_eq!(
        summary_language(&[], &[("LANG", "fr_FR.UTF-8")], &dir),
        "zh"
    );
    // The locale: LC_ALL before LC_MESSAGES before LANG.
    assert_eq!(summary_language(&[], &en_locale, &dir), "en");
    assert_eq!(
        summary_language(
            &[],
            &[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "zh_CN.UTF-8")],
            &dir
        ),
        "zh"
    );
    assert_eq!(
        summary_language(
            &[],
            &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LC_ALL", "en_GB.UTF-8")],
            &dir
        ),
        "en"
    );
    // The configuration comes before the locale.
    std::fs::write(dir.join("heshu.toml"), "lang = \"en\"\n").expect("write heshu.toml");
    assert_eq!(summary_language(&[], &zh_locale, &dir), "en");
    // HESHU_LANG before the configuration.
    assert_eq!(summary_language(&[], &[("HESHU_LANG", "zh")], &dir), "zh");
    // The flag before everything, after the command or before it.
    assert_eq!(
        summary_language(&["--lang", "zh"], &[("HESHU_LANG", "en")], &dir),
        "zh"
    );
    std::fs::write(dir.join("heshu.toml"), "lang = \"zh\"\n").expect("write heshu.toml");
    assert_eq!(summary_language(&["--lang", "en"], &[], &dir), "en");
    assert_eq!(summary_language(&["--isolated"], &en_locale, &dir), "en");
}

#[test]
fn a_language_heshu_does_not_speak_is_refused() {
    let out = common::heshu(&["check", "--lang", "fr", "tests/fixtures/seed.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("fr"), "{err}");
    let dir = common::scratch("locale", "config");
    std::fs::write(dir.join("heshu.toml"), "lang = \"fr\"\n").expect("write heshu.toml");
    std::fs::write(dir.join("report.txt"), "正文。\n").expect("write the report");
    let out = common::command()
        .args(["check", "report.txt"])
        .current_dir(&dir)
        .output()
        .expect("heshu runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lang"), "{err}");
}

#[test]
fn json_keeps_its_contract_whatever_the_language() {
    let run = |lang: &str| {
        let out = common::heshu(
            &[
                "--lang",
                lang,
                "check",
                "--isolated",
                "--format",
                "json",
                "tests/fixtures/seed.txt",
            ],
            None,
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON")
    };
    let (zh, en) = (run("zh"), run("en"));
    let shape = |v: &serde_json::Value| -> Vec<(String, String, String)> {
        v["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                (
                    d["rule"].to_string(),
                    d["fingerprint"].to_string(),
                    d["span"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(shape(&zh), shape(&en));
    assert_ne!(
        zh["files"][0]["diagnostics"][0]["message"],
        en["files"][0]["diagnostics"][0]["message"]
    );
}

#[test]
fn help_speaks_the_locale_and_the_flag() {
    let zh = [("LANG", "zh_CN.UTF-8")];
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["help", "check"],
        &["serve", "--help"],
    ] {
        let out = common::heshu_with(args, None, &zh);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {text}");
        assert!(
            text.contains("用法：") && text.contains("选项"),
            "{args:?}: {text}"
        );
        assert!(
            !text.contains("Usage") && !text.contains("Options"),
            "{args:?}: {text}"
        );
    }
    // The flag before the locale; English help has no Chinese but heshu's name.
    for args in [
        &["--lang", "en", "--help"][..],
        &["check", "--lang=en", "--help"],
    ] {
        let out = common::heshu_with(args, None, &zh);
        let text = String::from_utf8_lossy(&out.stdout).replace("核数", "");
        assert!(text.contains("Usage: heshu"), "{args:?}: {text}");
        assert!(han_runs(&text).is_empty(), "{args:?}: {text}");
    }
}

#[test]
fn rules_and_explain_speak_both_languages() {
    let rules_zh = common::heshu(&["rules"], None);
    let rules_en = common::heshu(&["--lang", "en", "rules"], None);
    let (zh, en) = (
        String::from_utf8_lossy(&rules_zh.stdout),
        String::from_utf8_lossy(&rules_en.stdout),
    );
    assert!(zh.contains("各部分之和与所述总数不符"), "{zh}");
    assert!(
        en.contains("parts that do not add up to their stated total"),
        "{en}"
    );
    let out = common::heshu(&["--lang", "en", "explain", "no-such-rule"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rule `no-such-rule`"));
    let out = common::heshu(&["explain", "no-such-rule"], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有规则 `no-such-rule`"));
}
