//! Writing integers in Chinese numerals as reports write them, for property tests that read
//! them back.

#![allow(dead_code)]

pub const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A group below 10 000, as written inside a larger numeral (`leading`: it starts the numeral,
/// so 一十 is written 十).
fn group(n: u64, leading: bool) -> String {
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = ["千", "百", "十", ""];
    let (mut out, mut started, mut zero) = (String::new(), false, false);
    for (i, d) in digits.into_iter().enumerate() {
        if d == 0 {
            zero = started;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(i == 2 && d == 1 && !started && leading) {
            out.push_str(DIGITS[d as usize]);
        }
        out.push_str(units[i]);
        started = true;
    }
    out
}

/// An integer below 10¹² written in full: 一千三百八十七亿四千万, 三千零十, 二百亿零五十万.
pub fn full(n: u64) -> String {
    if n == 0 {
        return "零".into();
    }
    let (yi, wan, ge) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
    let mut out = String::new();
    if yi > 0 {
        out.push_str(&group(yi, true));
        out.push('亿');
    }
    if wan > 0 {
        if yi > 0 && wan < 1000 {
            out.push('零');
        }
        out.push_str(&group(wan, yi == 0));
        out.push('万');
    }
    if ge > 0 {
        if (yi > 0 || wan > 0) && (ge < 1000 || wan == 0) {
            out.push('零');
        }
        out.push_str(&group(ge, yi == 0 && wan == 0));
    }
    out
}

/// The same numeral in financial capitals.
pub fn capitals(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '一' => '壹',
            '二' => '贰',
            '三' => '叁',
            '四' => '肆',
            '五' => '伍',
            '六' => '陆',
            '七' => '柒',
            '八' => '捌',
            '九' => '玖',
            '十' => '拾',
            '百' => '佰',
            '千' => '仟',
            other => other,
        })
        .collect()
}
