//! Recall, measured: faults of every arithmetic rule's kind are planted into the real texts of
//! `tests/corpus/` (a paragraph inserted between two of a report's own paragraphs), and heshu must
//! find each where it was planted. Each planted fault has a consistent twin, planted the same way,
//! on which heshu must stay silent (but for a figure the twin states that the report states
//! otherwise: a true conflicting-figure between the twin and its host). On the unedited texts, the arithmetic findings per MB are
//! counted (on `real/`, where every finding is false; on `bulletins/`, apart from the labelled
//! faults).
//!
//! The faults are drawn from shapes reports use (a total with parts and a remainder, 其中 parts,
//! shares with a stated, named or common base, per-capita figures, 分别 lists, summary counts,
//! impossible rates and dates), with random subjects, figures, magnitudes and rounding, by a fixed
//! seed so that a run can be repeated. The table prints with
//! `cargo test --release --test recall -- --nocapture`; every rule must reach 95 %.

mod common;

use common::ARITHMETIC;
use heshu::config::Settings;
use heshu::model::diagnostic::Diagnostic;
use rust_decimal::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Planted faults per shape.
const PER_SHAPE: usize = 120;

/// The least recall every rule must reach.
const MIN_RECALL: f64 = 0.95;

/// A small deterministic generator (xorshift64*): the harness needs no cryptography and no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }

    fn pick2<'a>(&mut self, pairs: &[(&'a str, &'a str)]) -> (&'a str, &'a str) {
        let i = self.range(0, pairs.len() as u64) as usize;
        pairs.get(i).copied().unwrap_or_default()
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        let i = self.range(0, words.len() as u64) as usize;
        words.get(i).copied().unwrap_or_default()
    }

    /// `n` different words of `words` (which holds more than `n`), in the order drawn.
    fn distinct<'a>(&mut self, words: &[&'a str], n: usize) -> Vec<&'a str> {
        let mut picked: Vec<&str> = Vec::with_capacity(n);
        while picked.len() < n {
            let w = self.pick(words);
            if !picked.contains(&w) {
                picked.push(w);
            }
        }
        picked
    }

    /// A shift of at least `min` away from zero, either way, at most `max`.
    fn shift(&mut self, min: u64, max: u64) -> i64 {
        let k = self.range(min, max + 1) as i64;
        if self.next() % 2 == 0 {
            k
        } else {
            -k
        }
    }
}

fn round(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A start, an end grown from it by 1–30 %, and the growth written to one decimal as the end
/// gives it and as an end 2–10 % of the start away gives it (above the start: still a growth).
fn growth_pair(r: &mut Rng) -> (u64, u64, String, String) {
    let a = r.range(10_000, 90_000);
    let p = r.range(10, 300); // tenths of a percent
    let b = (a * (1000 + p) + 500) / 1000;
    let growth = |b: u64| {
        written(
            Decimal::from(b * 100) / Decimal::from(a) - Decimal::ONE_HUNDRED,
            1,
        )
    };
    let k = r.range(a / 50 + 1, a / 10 + 1);
    let wrong = if b > a + k { b - k } else { b + k };
    (a, b, growth(wrong), growth(b))
}

fn written(v: Decimal, dp: u32) -> String {
    format!("{:.*}", dp as usize, round(v, dp))
}

const AREAS: &[&str] = &["全县", "全市", "全区", "全镇", "全乡"];
const COUNTED: &[(&str, &str)] = &[
    ("反馈问题", "个"),
    ("整改措施", "条"),
    ("监测对象", "户"),
    ("帮扶项目", "个"),
    ("信访事项", "件"),
];
const GROUPS: &[&str] = &["脱贫劳动力", "农村妇女", "返乡青年", "残疾人", "退役军人"];
const PLACES: &[&str] = &["城关镇", "东关镇", "河口乡", "新集镇", "石桥乡", "柳林镇"];
const RATES: &[&str] = &[
    "森林覆盖率",
    "农村自来水普及率",
    "城乡居民医保参保率",
    "义务教育巩固率",
    "垃圾无害化处理率",
];
/// Chinese numerals by value, for summary counts (`三大体系`).
const NUMERALS: [&str; 10] = ["", "一", "两", "三", "四", "五", "六", "七", "八", "九"];
const KINDS: &[&str] = &["体系", "机制", "模式", "工程"];
const ITEMS: &[&str] = &[
    "生产", "加工", "销售", "仓储", "物流", "培训", "金融", "保险", "科技", "文旅",
];

/// One planted pair: the faulty paragraph and its consistent twin.
struct Plant {
    rule: &'static str,
    shape: &'static str,
    bad: String,
    good: String,
}

type Shape = fn(&mut Rng) -> Option<(String, String)>;

/// Three sectors' value added in 万元 and the GDP they make.
fn sectors(r: &mut Rng) -> ([u64; 3], u64) {
    let v = [0; 3].map(|_: u64| r.range(10_000, 900_000));
    (v, v.iter().sum())
}

fn shapes() -> Vec<(&'static str, &'static str, Shape)> {
    vec![
        ("sum-mismatch", "total, part, remainder", |r| {
            let (noun, unit) = COUNTED[r.range(0, COUNTED.len() as u64) as usize];
            let area = r.pick(AREAS);
            let (a, b) = (r.range(1, 5000), r.range(1, 5000));
            let moved = b as i64 + r.shift(1, 40);
            (moved > 0).then(|| {
                let t = a + b;
                (
                    format!("{area}{noun}{t}{unit}，已整改完成{a}{unit}，其余{moved}{unit}。"),
                    format!("{area}{noun}{t}{unit}，已整改完成{a}{unit}，其余{b}{unit}。"),
                )
            })
        }),
        ("sum-mismatch", "parts and 合计, rounded in 亿元", |r| {
            let (x, y) = (
                Decimal::new(r.range(100, 90_000) as i64, 3),
                Decimal::new(r.range(100, 90_000) as i64, 3),
            );
            let (p1, p2) = (r.pick(PLACES), r.pick(PLACES));
            let z = x + y;
            let moved = round(z, 1) + Decimal::new(r.shift(3, 30), 1);
            (moved > Decimal::ZERO && p1 != p2).then(|| {
                let s = |t: &str| {
                    format!(
                        "{p1}完成投资{}亿元、{p2}完成投资{}亿元，合计{t}亿元。",
                        written(x, 1),
                        written(y, 1)
                    )
                };
                (s(&written(moved, 1)), s(&written(z, 1)))
            })
        }),
        (
            "sum-mismatch",
            "households and persons, 其中 next sentence, parts by ；",
            |r| {
                let n = r.range(2, 5) as usize;
                let parts: Vec<(u64, u64)> = (0..=n)
                    .map(|_| {
                        let h = r.range(10, 400);
                        (h, h * r.range(2, 5) + r.range(0, 3))
                    })
                    .collect();
                let (th, tp) = parts.iter().fold((0, 0), |(a, b), (h, p)| (a + h, b + p));
                let moved = parts[n].1 as i64 + r.shift(2, 60);
                let area = r.pick(AREAS);
                (moved > 0).then(|| {
                    let s = |last: i64| {
                        let mut t = format!("{area}共有脱贫户{th}户{tp}人。其中，");
                        for (i, (h, p)) in parts[..n].iter().enumerate() {
                            let _ = write!(t, "{}{h}户{p}人；", PLACES[i]);
                        }
                        let _ = write!(t, "其余{}户{last}人。", parts[n].0);
                        t
                    };
                    (s(moved), s(parts[n].1 as i64))
                })
            },
        ),
        ("part-exceeds-whole", "其中 part above its whole", |r| {
            let group = r.pick(GROUPS);
            let area = r.pick(AREAS);
            let w = Decimal::new(r.range(100, 9_000) as i64, 2); // 万人次, two places
            let p = w + Decimal::new(r.range(5, 500) as i64, 2);
            let ok = w * Decimal::new(r.range(5, 95) as i64, 2);
            Some((
                format!(
                    "{area}全年培训{}万人次，其中{group}{}万人次。",
                    written(w, 2),
                    written(p, 2)
                ),
                format!(
                    "{area}全年培训{}万人次，其中{group}{}万人次。",
                    written(w, 2),
                    written(ok, 2)
                ),
            ))
        }),
        (
            "part-exceeds-whole",
            "completed part above the total",
            |r| {
                let w = r.range(10, 2000);
                let p = w + r.range(1, 200);
                let ok = r.range(1, w + 1);
                Some((
                    format!("制定整改措施{w}条，已完成整改{p}条。"),
                    format!("制定整改措施{w}条，已完成整改{ok}条。"),
                ))
            },
        ),
        (
            "part-exceeds-whole",
            "其中 opening the next sentence",
            |r| {
                let group = r.pick(GROUPS);
                let w = r.range(100, 90_000);
                let p = w + r.range(1, 5_000);
                let ok = r.range(1, w + 1);
                let s =
                    |v: u64| format!("全年开展技能培训{w}人次。其中，{group}{v}人次，占比较大。");
                Some((s(p), s(ok)))
            },
        ),
        (
            "part-exceeds-whole",
            "分别 values above the 共 total",
            |r| {
                let area = r.pick(AREAS);
                let n = r.range(2, 5) as usize;
                let values: Vec<u64> = (0..n).map(|_| r.range(1, 400)).collect();
                let sum: u64 = values.iter().sum();
                let total_ok = sum + r.range(0, 50);
                let total_bad = sum.checked_sub(r.range(1, sum.min(40) + 1))?;
                let names = PLACES[..n].join("、");
                let listed: Vec<String> = values.iter().map(|v| format!("{v}个")).collect();
                let s = |t: u64| {
                    format!(
                        "{area}共有行政村{t}个，{names}分别为{}。",
                        listed.join("、")
                    )
                };
                (total_bad > 0).then(|| (s(total_bad), s(total_ok)))
            },
        ),
        (
            "part-exceeds-whole",
            "outcomes above the cases treated (identity)",
            |r| {
                let area = r.pick(AREAS);
                let w = r.range(200, 9_000);
                let cured = w + r.range(1, 500);
                let ok = r.range(1, w / 2);
                let s = |c: u64| format!("{area}接受大病救治{w}例，治愈{c}例，死亡{}例。", w / 10);
                Some((s(cured), s(ok)))
            },
        ),
        (
            "part-exceeds-whole",
            "其中 rows of households and people, one per village",
            |r| {
                let area = r.pick(AREAS);
                let n = r.range(2, 6) as usize;
                let rows: Vec<(u64, u64)> = (0..n)
                    .map(|_| {
                        let h = r.range(5, 400);
                        (h, h * r.range(2, 5))
                    })
                    .collect();
                let (hs, ps): (u64, u64) =
                    rows.iter().fold((0, 0), |(a, b), (h, p)| (a + h, b + p));
                // One figure of one row raised past what the whole leaves room for.
                let row = r.range(0, n as u64) as usize;
                let people = r.range(0, 2) == 1;
                let sep = if r.range(0, 2) == 1 { "，" } else { "；" };
                let text = |rows: &[(u64, u64)]| {
                    let listed: Vec<String> = rows
                        .iter()
                        .zip(PLACES)
                        .map(|((h, p), place)| format!("{place}{h}户、{p}人"))
                        .collect();
                    format!(
                        "{area}建档立卡脱贫户{hs}户、{ps}人。其中：{}。",
                        listed.join(sep)
                    )
                };
                let mut bad = rows.clone();
                let slot = bad.get_mut(row)?;
                if people {
                    slot.1 += r.range(1, 50);
                } else {
                    slot.0 += r.range(1, 50);
                }
                Some((text(&bad), text(&rows)))
            },
        ),
        (
            "part-exceeds-whole",
            "rows of households and people in brackets after their whole",
            |r| {
                let area = r.pick(AREAS);
                let rows: Vec<(u64, u64)> = (0..2)
                    .map(|_| {
                        let h = r.range(50, 9_000);
                        (h, h * r.range(2, 5))
                    })
                    .collect();
                let (hs, ps): (u64, u64) =
                    rows.iter().fold((0, 0), |(a, b), (h, p)| (a + h, b + p));
                let text = |rows: &[(u64, u64)]| {
                    let [(h1, p1), (h2, p2)] = rows else {
                        return String::new();
                    };
                    format!(
                        "{area}{hs}户{ps}人（城镇人口{h1}户{p1}人，农村人口{h2}户{p2}人），下辖25个村。"
                    )
                };
                let mut bad = rows.clone();
                let slot = bad.get_mut(r.range(0, 2) as usize)?;
                if r.range(0, 2) == 1 {
                    slot.1 += r.range(1, 50);
                } else {
                    slot.0 += r.range(1, 50);
                }
                Some((text(&bad), text(&rows)))
            },
        ),
        ("part-exceeds-whole", "其中 inside brackets", |r| {
            let w = r.range(100, 90_000);
            let p = w + r.range(1, 5_000);
            let ok = r.range(1, w + 1);
            let area = r.pick(AREAS);
            let s =
                |v: u64| format!("{area}新增城镇就业{w}人（其中高校毕业生{v}人），完成年度目标。");
            Some((s(p), s(ok)))
        }),
        (
            "sum-mismatch",
            "GDP and its three sectors (identity)",
            |r| {
                let area = r.pick(AREAS);
                let (v, gdp) = sectors(r);
                let moved = v[2] as i64 + r.shift(2, 5_000);
                (moved > 0).then(|| {
                let s = |third: i64| {
                    format!(
                        "{area}地区生产总值{gdp}万元，比上年增长5.1%。第一产业增加值{}万元；第二产业增加值{}万元；第三产业增加值{third}万元。",
                        v[0], v[1]
                    )
                };
                (s(moved), s(v[2] as i64))
            })
            },
        ),
        (
            "share-mismatch",
            "三次产业结构 against the sectors",
            |r| {
                let area = r.pick(AREAS);
                let (v, gdp) = sectors(r);
                let shares: Vec<Decimal> = v
                    .iter()
                    .map(|x| {
                        round(
                            Decimal::from(*x) * Decimal::ONE_HUNDRED / Decimal::from(gdp),
                            1,
                        )
                    })
                    .collect();
                let i = r.range(0, 3) as usize;
                let mut moved = shares.clone();
                moved[i] += Decimal::new(r.shift(2, 30), 1);
                (moved[i] > Decimal::ZERO).then(|| {
                let s = |sh: &[Decimal]| {
                    format!(
                        "{area}地区生产总值{gdp}万元。第一产业增加值{}万元，第二产业增加值{}万元，第三产业增加值{}万元，三次产业结构为{}:{}:{}。",
                        v[0], v[1], v[2], sh[0], sh[1], sh[2]
                    )
                };
                (s(&moved), s(&shares))
            })
            },
        ),
        (
            "missing-number",
            "a count or distance deleted in editing",
            |r| {
                let area = r.pick(AREAS);
                let (n, m, k) = (r.range(2, 40), r.range(10, 400), r.range(3, 90));
                let s = |n: &str, k: &str| {
                    format!("{area}距县城{k}公里，下辖{n}个行政村，{m}个村民小组。")
                };
                Some(if r.range(0, 2) == 0 {
                    (s("", &k.to_string()), s(&n.to_string(), &k.to_string()))
                } else {
                    (s(&n.to_string(), ""), s(&n.to_string(), &k.to_string()))
                })
            },
        ),
        ("per-capita-mismatch", "households with fewer people", |r| {
            let area = r.pick(AREAS);
            let h = r.range(20, 900);
            let fewer = h - r.range(1, h.min(200));
            let more = h * r.range(2, 4) + r.range(0, 3);
            let s = |p: u64| format!("{area}共有监测户{h}户{p}人，均已落实帮扶措施。");
            Some((s(fewer), s(more)))
        }),
        ("share-mismatch", "part of a base marked by 中", |r| {
            let n = r.range(5, 400);
            let k = r.range(1, n + 1);
            let area = r.pick(AREAS);
            let share = Decimal::from(k) * Decimal::ONE_HUNDRED / Decimal::from(n);
            let moved = round(share, 1) + Decimal::new(r.shift(2, 60), 1);
            (moved > Decimal::ZERO && moved < Decimal::ONE_HUNDRED).then(|| {
                let s = |p: &str| format!("{area}{n}个行政村中，{k}个村集体经济收入达标、占{p}%。");
                (s(&written(moved, 1)), s(&written(share, 1)))
            })
        }),
        ("share-mismatch", "a share of the base it names", |r| {
            let gdp = r.range(200_000, 3_000_000);
            let part = gdp * r.range(20, 700) / 1000;
            let share = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(gdp);
            let moved = round(share, 1) + Decimal::new(r.shift(2, 40), 1);
            let area = r.pick(AREAS);
            (moved > Decimal::ZERO).then(|| {
                let s = |p: &str| format!("初步核算，{area}生产总值{gdp}万元，比上年增长5.4%。其中，第二产业增加值{part}万元，增长3.9%，占生产总值的比重为{p}%。");
                (s(&written(moved, 1)), s(&written(share, 1)))
            })
        }),
        ("share-mismatch", "shares of one unstated base", |r| {
            let (a, b, c) = (
                r.range(20_000, 80_000),
                r.range(100_000, 300_000),
                r.range(20_000, 80_000),
            );
            let t = Decimal::from(a + b + c);
            let pct = |v: u64| Decimal::from(v) * Decimal::ONE_HUNDRED / t;
            let moved = round(pct(c), 2) + Decimal::new(r.shift(30, 300), 2);
            (moved > Decimal::ZERO).then(|| {
                let s = |last: &str| format!("全县常住人口中，0-14岁人口为{a}人，占{}%；15-59岁人口为{b}人，占{}%；60岁及以上人口为{c}人，占{last}%。", written(pct(a), 2), written(pct(b), 2));
                (s(&written(moved, 2)), s(&written(pct(c), 2)))
            })
        }),
        ("share-mismatch", "two shares of an identity's parts", |r| {
            let (u, v) = (r.range(20_000, 300_000), r.range(20_000, 300_000));
            let t = Decimal::from(u + v);
            let pct = |x: u64| written(Decimal::from(x) * Decimal::ONE_HUNDRED / t, 2);
            let (pu, pv) = (pct(u), pct(v));
            // One count moved by 1 % to 20 %; its share left as it was.
            let moved = u as i64 + r.shift(u / 100 + 1, u / 5);
            let by_sex = r.range(0, 2) == 0;
            Some(if by_sex {
                (
                    format!(
                        "男性人口为{moved}人，占总人口的{pu}%；女性人口为{v}人，占总人口的{pv}%。"
                    ),
                    format!("男性人口为{u}人，占总人口的{pu}%；女性人口为{v}人，占总人口的{pv}%。"),
                )
            } else {
                (
                    format!("全县常住人口中，居住在城镇的人口为{moved}人，占{pu}%；居住在乡村的人口为{v}人，占{pv}%。"),
                    format!("全县常住人口中，居住在城镇的人口为{u}人，占{pu}%；居住在乡村的人口为{v}人，占{pv}%。"),
                )
            })
        }),
        ("per-capita-mismatch", "total, people, per head", |r| {
            let people = r.range(100, 20_000);
            let each = r.range(100, 20_000);
            let total = Decimal::from(people * each);
            let moved = each as i64 + r.shift((each / 20).max(2), each / 2 + 2);
            (moved > 0).then(|| {
                let s = |e: i64| format!("发放补贴{total}元，惠及{people}人，人均{e}元。");
                (s(moved), s(each as i64))
            })
        }),
        ("respectively-arity", "分别 with a value dropped", |r| {
            let n = r.range(3, 6) as usize;
            let places = r.distinct(PLACES, n);
            let values: Vec<String> = (0..n)
                .map(|_| format!("{}.{}%", r.range(1, 20), r.range(0, 10)))
                .collect();
            let list = places.join("、");
            Some((
                format!("{list}地区生产总值分别增长{}。", values[..n - 1].join("、")),
                format!("{list}地区生产总值分别增长{}。", values.join("、")),
            ))
        }),
        ("respectively-arity", "分别 with a value added", |r| {
            let n = r.range(2, 5) as usize;
            let places = r.distinct(PLACES, n);
            let values: Vec<String> = (0..=n).map(|_| format!("{}个", r.range(2, 90))).collect();
            let list = places.join("、");
            Some((
                format!("{list}新建村级服务站分别为{}。", values.join("、")),
                format!("{list}新建村级服务站分别为{}。", values[..n].join("、")),
            ))
        }),
        (
            "respectively-arity",
            "分别 over subjects of several clauses",
            |r| {
                let (a, b) = (r.range(2, 9), r.range(2, 9));
                let (x, y, z) = (r.range(100, 3000), r.range(100, 3000), r.range(100, 3000));
                Some((
                    format!("新建学校{a}所、卫生院{b}个，分别投入{x}万元、{y}万元、{z}万元。"),
                    format!("新建学校{a}所、卫生院{b}个，分别投入{x}万元、{y}万元。"),
                ))
            },
        ),
        (
            "per-capita-mismatch",
            "total, households, per household",
            |r| {
                let homes = r.range(100, 20_000);
                let each = r.range(500, 20_000);
                let total = Decimal::from(homes * each) / Decimal::from(10_000);
                let total = round(total, 2);
                let exact = total * Decimal::from(10_000) / Decimal::from(homes);
                let moved =
                    round(exact, 0) + Decimal::from(r.shift((each / 10).max(20), each / 2 + 20));
                (moved > Decimal::ZERO && total > Decimal::ZERO).then(|| {
                    let s = |e: &str| {
                        format!(
                            "发放产业奖补资金{}万元，惠及脱贫户{homes}户，户均{e}元。",
                            written(total, 2)
                        )
                    };
                    (s(&written(moved, 0)), s(&written(exact, 0)))
                })
            },
        ),
        ("out-of-range", "a rate above 100%", |r| {
            let rate = r.pick(RATES);
            let over = Decimal::new(r.range(1001, 1999) as i64, 1);
            let ok = Decimal::new(r.range(300, 1000) as i64, 1);
            Some((format!("{rate}达到{over}%。"), format!("{rate}达到{ok}%。")))
        }),
        ("out-of-range", "a day that does not exist", |r| {
            let month = r.range(1, 13) as u32;
            let last = match month {
                2 => 29,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let bad_day = last + r.range(1, 32 - last as u64 + 1) as u32;
            let ok_day = r.range(1, last as u64 + 1);
            Some((
                format!("截至{month}月{bad_day}日，已完成年度任务。"),
                format!("截至{month}月{ok_day}日，已完成年度任务。"),
            ))
        }),
        ("out-of-range", "more days than a year has", |r| {
            let days = r.range(367, 500);
            let ok = r.range(200, 366);
            let s = |d: u64| format!("全年空气质量优良天数达到{d}天。");
            Some((s(days), s(ok)))
        }),
        ("out-of-range", "more hours than a day has", |r| {
            let hours = r.range(25, 60);
            let ok = r.range(1, 25);
            let s = |h: u64| format!("服务热线每天{h}小时在线受理群众诉求。");
            Some((s(hours), s(ok)))
        }),
        ("enumeration-count", "等 with fewer than named", |r| {
            let n = r.range(3, 6) as usize;
            let items = r.distinct(ITEMS, n);
            let fewer = r.range(2, n as u64) as usize;
            let list = items.join("、");
            Some((
                format!("探索{list}等{}种增收模式。", NUMERALS[fewer]),
                format!("探索{list}等{}种增收模式。", NUMERALS[n]),
            ))
        }),
        (
            "enumeration-count",
            "places joined by 、 and 和 with their count",
            |r| {
                let cities = [
                    "北京",
                    "天津",
                    "石家庄",
                    "太原",
                    "济南",
                    "郑州",
                    "西安",
                    "武汉",
                ];
                let n = r.range(3, 6) as usize;
                let start = r.range(0, (cities.len() - n) as u64) as usize;
                let picked = &cities[start..start + n];
                let wrong = if r.next() % 2 == 0 { n - 1 } else { n + 1 };
                let list = format!("{}和{}", picked[..n - 1].join("、"), picked[n - 1]);
                Some((
                    format!("连接{list}{}大城市。", NUMERALS[wrong]),
                    format!("连接{list}{}大城市。", NUMERALS[n]),
                ))
            },
        ),
        (
            "malformed-number",
            "a date whose 年 and 月 were lost",
            |r| {
                let (y, m) = (r.range(2000, 2030), r.range(1, 13));
                let d = r.range(1, 29);
                let body = r.pick(&["召开专题会议", "完成整改销号", "启动专项审计"]);
                Some((
                    format!("{y}{m}{d}日，{}{body}。", r.pick(AREAS)),
                    format!("{y}年{m}月{d}日，{}{body}。", r.pick(AREAS)),
                ))
            },
        ),
        (
            "missing-number",
            "a household count with both numbers lost",
            |r| {
                let noun = r.pick(&["脱贫户", "监测户", "低保户", "五保户", "搬迁户"]);
                let (h, p) = (r.range(2, 900), r.range(2, 4));
                Some((
                    format!("{}共有{noun}户人，均已落实帮扶措施。", r.pick(AREAS)),
                    format!(
                        "{}共有{noun}{h}户{}人，均已落实帮扶措施。",
                        r.pick(AREAS),
                        h * p
                    ),
                ))
            },
        ),
        (
            "sum-mismatch",
            "age groups' shares that do not make 100%",
            |r| {
                // Shares to two decimals that make 100.00, one moved by 0.05–0.40.
                let a = r.range(900, 3000);
                let c = r.range(800, 2500);
                let b = 10_000 - a - c;
                let pct = |v: u64| written(Decimal::new(v as i64, 2), 2);
                let moved = (b as i64 + r.shift(5, 40)) as u64;
                let area = r.pick(AREAS);
                let text = |b: u64| {
                    format!(
                    "{area}常住人口中，0-14岁人口占{}%；15-59岁人口占{}%；60岁及以上人口占{}%。",
                    pct(a),
                    pct(b),
                    pct(c)
                )
                };
                Some((text(moved), text(b)))
            },
        ),
        (
            "sum-mismatch",
            "age groups' share changes that do not make 0",
            |r| {
                // In hundredths of a point: 0-14 falls by a, 15-59 by c, 60+ rises by a + c.
                let (a, c) = (r.range(10, 400), r.range(10, 400));
                let pt = |v: u64| written(Decimal::new(v as i64, 2), 2);
                let moved = (a + c) as i64 + r.shift(5, 60);
                (moved > 0).then(|| {
                let text = |rise: u64| {
                    format!(
                        "与上次普查相比，0-14岁人口的比重下降{}个百分点，15-59岁人口的比重下降{}个百分点，60岁及以上人口的比重上升{}个百分点。",
                        pt(a),
                        pt(c),
                        pt(rise)
                    )
                };
                (text(moved as u64), text(a + c))
            })
            },
        ),
        ("growth-mismatch", "growth in % between two figures", |r| {
            let subject = r.pick(&[
                "农村居民人均可支配收入",
                "城镇居民人均消费支出",
                "社会消费品零售总额",
            ]);
            let (a, b, wrong, right) = growth_pair(r);
            let text = |g: &str| format!("{subject}由上年的{a}元增加到{b}元，增长{g}%。");
            Some((text(&wrong), text(&right)))
        }),
        (
            "growth-mismatch",
            "a level compared with last year's figure after it",
            |r| {
                let subject = r.pick(&[
                    "一般公共预算收入",
                    "社会消费品零售总额",
                    "城乡居民储蓄存款余额",
                ]);
                let (a, b, wrong, right) = growth_pair(r);
                let text = |g: &str| format!("全县{subject}{b}万元，比上年的{a}万元增长{g}%。");
                Some((text(&wrong), text(&right)))
            },
        ),
        ("growth-mismatch", "a multiple of the first figure", |r| {
            let subject = r.pick(&["旅游综合收入", "一般公共预算收入", "城乡居民储蓄存款余额"]);
            let a = r.range(10_000, 90_000);
            let m = r.range(11, 40); // tenths
            let b = a * m / 10 + r.range(0, a / 100 + 1);
            let times = |m: Decimal| written(m, 1);
            let exact = Decimal::from(b) / Decimal::from(a);
            let wrong = exact + Decimal::new(r.range(2, 9) as i64, 1);
            let y = r.range(2012, 2020);
            let text = |t: Decimal| {
                format!(
                    "全县{subject}由{y}年的{a}万元增加到{}年的{b}万元，是{y}年的{}倍。",
                    y + 5,
                    times(t)
                )
            };
            Some((text(wrong), text(exact)))
        }),
        (
            "growth-mismatch",
            "compound growth per year over stated years",
            |r| {
                let a = r.range(5_000, 20_000);
                let n = r.range(2, 8);
                let p = r.range(30, 150); // tenths of a percent per year
                let rate = 1.0 + p as f64 / 1000.0;
                let b = (a as f64 * rate.powi(n as i32)).round() as u64;
                let per_year = |b: u64| {
                    let r = ((b as f64 / a as f64).powf(1.0 / n as f64) - 1.0) * 100.0;
                    format!("{:.1}", r)
                };
                let wrong = format!("{:.1}", p as f64 / 10.0 + r.range(8, 40) as f64 / 10.0);
                let y = r.range(2010, 2018);
                let text = |c: &str| {
                    format!(
                        "农村居民人均可支配收入由{y}年的{a}元增加到{}年的{b}元，年均增长{c}%。",
                        y + n
                    )
                };
                Some((text(&wrong), text(&per_year(b))))
            },
        ),
        (
            "growth-mismatch",
            "year on year, last year's figure stated before",
            |r| {
                let subject = r.pick(&[
                    "一般公共预算收入",
                    "社会消费品零售总额",
                    "城乡居民储蓄存款余额",
                ]);
                let (a, b, wrong, right) = growth_pair(r);
                let y = r.range(2012, 2025);
                let text = |g: &str| {
                    format!(
                        "{}年，全县{subject}{a}万元。\n{y}年，全县{subject}{b}万元，同比增长{g}%。",
                        y - 1
                    )
                };
                Some((text(&wrong), text(&right)))
            },
        ),
        ("growth-mismatch", "a rate's change in points", |r| {
            let rate = r.pick(RATES);
            let a = r.range(300, 900); // tenths of a percent
            let d = r.range(5, 80);
            let tenth = |v: u64| written(Decimal::new(v as i64, 1), 1);
            let wrong = (d as i64 + r.shift(3, 30)).max(1) as u64;
            (wrong != d).then(|| {
                let text = |c: u64| {
                    format!(
                        "{rate}由{}%提高到{}%，提高{}个百分点。",
                        tenth(a),
                        tenth(a + d),
                        tenth(c)
                    )
                };
                (text(wrong), text(d))
            })
        }),
        ("growth-mismatch", "a change in the figures' unit", |r| {
            let group = r.pick(GROUPS);
            let a = r.range(2_000, 9_000);
            let d = r.range(100, 1_500);
            let wrong = (d as i64 + r.shift(10, 300)) as u64;
            Some((
                format!("{group}从{a}人减少到{}人，减少{wrong}人。", a - d),
                format!("{group}从{a}人减少到{}人，减少{d}人。", a - d),
            ))
        }),
        ("date-mismatch", "a change from a year to itself", |r| {
            let y = r.range(2015, 2026);
            let a = r.range(8_000, 20_000);
            let b = a + r.range(100, 2_000);
            Some((
                format!("农村居民人均可支配收入由{y}年的{a}元提高到{y}年的{b}元。"),
                format!(
                    "农村居民人均可支配收入由{}年的{a}元提高到{y}年的{b}元。",
                    y - 1
                ),
            ))
        }),
        (
            "date-mismatch",
            "an anniversary that does not fit its year",
            |r| {
                let (event, base) = [
                    ("改革开放", 1978),
                    ("中国共产党成立", 1921),
                    ("新中国成立", 1949),
                ][r.range(0, 3) as usize];
                let y = r.range(2010, 2030);
                let wrong = (y - base) as i64 + r.shift(1, 2);
                Some((
                    format!("{y}年是{event}{wrong}周年。"),
                    format!("{y}年是{event}{}周年。", y - base),
                ))
            },
        ),
        ("percentage-point", "a rate's change in % for points", |r| {
            let rate = r.pick(RATES);
            let d = r.range(1, 60);
            let tenth = written(Decimal::new(d as i64, 1), 1);
            let verb = r.pick(&["提高", "下降", "上升"]);
            Some((
                format!("{}{rate}{verb}{tenth}%。", r.pick(AREAS)),
                format!("{}{rate}{verb}{tenth}个百分点。", r.pick(AREAS)),
            ))
        }),
        ("unit-mismatch", "a part of a sum without its 亿", |r| {
            let area = r.pick(AREAS);
            let parts: Vec<u64> = (0..3).map(|_| r.range(20, 900)).collect(); // tenths of 亿元
            let total: u64 = parts.iter().sum();
            let slipped = r.range(0, 3) as usize;
            let unit = r.pick(&["元", "万元"]);
            let tenth = |v: u64| written(Decimal::new(v as i64, 1), 1);
            let text = |slip: bool| {
                let part = |i: usize| {
                    let v = parts.get(i).copied().unwrap_or_default();
                    if slip && i == slipped {
                        format!("{}{unit}", tenth(v))
                    } else {
                        format!("{}亿元", tenth(v))
                    }
                };
                format!(
                    "{area}地区生产总值{}亿元，其中第一产业增加值{}，第二产业增加值{}，第三产业增加值{}。",
                    tenth(total),
                    part(0),
                    part(1),
                    part(2)
                )
            };
            Some((text(true), text(false)))
        }),
        (
            "unit-mismatch",
            "a crop's output or area off by a magnitude",
            |r| {
                let crop = r.pick(&["粮食", "油料", "蔬菜", "棉花", "糖料"]);
                let area = r.range(5, 1_500); // tenths of 万亩
                let per_mu = r.range(150, 900); // 公斤
                let tons = Decimal::from(area * per_mu); // 0.1万亩 × 公斤/亩 = 1 吨
                let tenth = |v: u64| written(Decimal::new(v as i64, 1), 1);
                let slip = r.next() % 2 == 0;
                let text = |wrong: bool| {
                    let (area_unit, output_unit) = match (wrong, slip) {
                        (true, true) => ("亩", "吨"),
                        (true, false) => ("万亩", "公斤"),
                        _ => ("万亩", "吨"),
                    };
                    format!(
                        "全年{crop}种植面积{}{area_unit}。全年{crop}产量{}{output_unit}。",
                        tenth(area),
                        tons.normalize()
                    )
                };
                Some((text(true), text(false)))
            },
        ),
        ("unit-mismatch", "households counted in 万 for 户", |r| {
            let area = r.pick(AREAS);
            let people = r.range(80, 1_200); // tenths of 万人
            let households = r.range(people * 100, people * 400); // 户: 2.5 to 10 persons each
            let tenth = |v: u64| written(Decimal::new(v as i64, 1), 1);
            let stated = r.next() % 2 == 0;
            let population = if stated {
                format!("{area}常住人口{}万人。", tenth(people))
            } else {
                let per_head = r.range(30_000, 120_000);
                format!(
                    "{area}实现地区生产总值{}亿元，人均地区生产总值{per_head}元。",
                    written(Decimal::from(per_head * people) / Decimal::from(100_000), 1)
                )
            };
            let text = |wrong: bool| {
                format!(
                    "{population}{area}共有农户{households}{}户。",
                    if wrong { "万" } else { "" }
                )
            };
            Some((text(true), text(false)))
        }),
        (
            "conflicting-figure",
            "one total stated twice, a paragraph apart",
            |r| {
                let area = r.pick(AREAS);
                let (what, unit) = r.pick2(&[
                    ("累计识别监测对象", "户"),
                    ("累计发放小额信贷", "万元"),
                    ("累计培训农村劳动力", "人次"),
                    ("新增城镇就业", "人"),
                ]);
                let a = r.range(300, 9_000);
                let wrong = (a as i64 + r.shift(a / 20 + 1, a / 5 + 1)).max(1) as u64;
                let text = |second: u64| {
                    format!(
                    "截至10月底，{area}{what}{a}{unit}，各项帮扶措施落实到位。\n经过各方努力，重点工作稳步推进。截至10月底，{area}{what}{second}{unit}。"
                )
                };
                (wrong != a).then(|| (text(wrong), text(a)))
            },
        ),
        (
            "share-mismatch",
            "a rate and the counts it comes from",
            |r| {
                let (rate, counted, rest) = [
                    ("住房安全达标率", "已达标", "未达标"),
                    ("医保参保率", "已参保", "未参保"),
                    ("产品抽检合格率", "合格", "不合格"),
                ][r.range(0, 3) as usize];
                let total = r.range(200, 5_000);
                let left = r.range(3, total / 10);
                let pct = |k: u64| written(Decimal::from(k * 100) / Decimal::from(total), 1);
                let wrong = (left as i64 + r.shift(total / 50 + 2, total / 20 + 3)).max(0) as u64;
                let complement = r.next() % 2 == 0;
                let text = |k: u64| {
                    if complement {
                        format!(
                            "全村共有农户{total}户，{rest}{left}户，{rate}{}%。",
                            pct(total - k)
                        )
                    } else {
                        format!(
                            "全村共有农户{total}户，{counted}{}户，{rate}{}%。",
                            total - left,
                            pct(total - k)
                        )
                    }
                };
                (wrong != left && wrong < total).then(|| (text(wrong), text(left)))
            },
        ),
        (
            "growth-mismatch",
            "a level's change in its unit, then in %",
            |r| {
                let area = r.pick(AREAS);
                let (what, unit) = r.pick2(&[
                    ("年末常住人口", "万人"),
                    ("粮食总产量", "万吨"),
                    ("一般公共预算收入", "亿元"),
                    ("社会消费品零售总额", "亿元"),
                ]);
                // Hundredths of the unit: the earlier level and the change.
                let earlier = r.range(10_000, 500_000) as i64;
                let change = r.range(100, 5_000) as i64;
                let falls = r.next() % 2 == 0;
                let level = if falls {
                    earlier - change
                } else {
                    earlier + change
                };
                let percent = round(Decimal::from(change * 100) / Decimal::from(earlier), 2);
                let moved = percent + Decimal::new(r.shift(5, 200), 2);
                let (verb, direction) = if falls {
                    ("减少", "下降")
                } else {
                    ("增加", "增长")
                };
                let amount = |v: i64| written(Decimal::new(v, 2), 2);
                let text = |p: Decimal| {
                    format!(
                        "{area}{what}{}{unit}，比上年{verb}{}{unit}，{direction}{}%。",
                        amount(level),
                        amount(change),
                        written(p, 2)
                    )
                };
                (moved > Decimal::ZERO).then(|| (text(moved), text(percent)))
            },
        ),
        (
            "sum-mismatch",
            "a natural growth rate against the birth and death rates",
            |r| {
                let area = r.pick(AREAS);
                // Rates in hundredths of ‰; the population they are of.
                let (birth, death) = (r.range(500, 1_400) as i64, r.range(400, 1_100) as i64);
                let people = r.range(200_000, 2_000_000) as i64;
                let natural = birth - death;
                let wrong = natural + r.shift(3, 80);
                let rate = |v: i64| written(Decimal::new(v, 2), 2);
                let growth_first = r.next() % 2 == 0;
                let text = |n: i64| {
                    let (born, died) = (people * birth / 100_000, people * death / 100_000);
                    if growth_first {
                        format!(
                            "{area}全年出生人口{born}人，死亡人口{died}人，人口自然增长率为{}‰，出生率为{}‰，死亡率为{}‰。",
                            rate(n),
                            rate(birth),
                            rate(death)
                        )
                    } else {
                        format!(
                            "{area}全年出生人口{born}人，人口出生率{}‰；死亡人口{died}人，死亡率{}‰；自然增长率{}‰。",
                            rate(birth),
                            rate(death),
                            rate(n)
                        )
                    }
                };
                Some((text(wrong), text(natural)))
            },
        ),
        ("enumeration-count", "a summary count of a list", |r| {
            let n = r.range(3, 6) as usize;
            let items = r.distinct(ITEMS, n);
            let wrong = if r.next() % 2 == 0 { n - 1 } else { n + 1 };
            let kind = r.pick(KINDS);
            let list = items.join("、");
            Some((
                format!("建设{list}{}大{kind}。", NUMERALS[wrong]),
                format!("建设{list}{}大{kind}。", NUMERALS[n]),
            ))
        }),
        (
            "part-exceeds-whole",
            "其中： list in brackets after a second whole of its unit",
            |r| {
                let area = r.pick(AREAS);
                let parts: Vec<u64> = (0..3).map(|_| r.range(20, 3_000)).collect();
                let sum: u64 = parts.iter().sum();
                let over = r.range(3, 200);
                // The whole the brackets follow, and a larger one before it that the parts fit.
                let (bad_whole, whole) = (sum - over.min(sum - 1), sum + r.range(0, 200));
                let big = sum * 4 + r.range(1_000, 9_000);
                let text = |w: u64| {
                    let [a, b, c] = parts.as_slice() else {
                        return String::new();
                    };
                    format!(
                        "{area}农作物播种面积{big}亩，其他农作物{w}亩（其中：蔬菜{a}亩、油料{b}亩、花卉{c}亩）。"
                    )
                };
                Some((text(bad_whole), text(whole)))
            },
        ),
    ]
}

fn texts() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for dir in ["real", "bulletins"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(dir);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{} is part of the repository: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for p in files {
            let text = std::fs::read_to_string(&p).expect("the corpus is UTF-8");
            out.push((p, text));
        }
    }
    out
}

/// Insert `paragraph` as a line of its own after a random paragraph of `text`; returns the new text
/// and the byte range of the planted paragraph.
fn plant(text: &str, paragraph: &str, r: &mut Rng) -> (String, usize, usize) {
    // Between two paragraphs: after a line that ends a sentence (a line broken inside a sentence
    // or a list would take the planted text into it).
    let ends: Vec<usize> = text
        .match_indices('\n')
        .filter(|(i, _)| text[..*i].trim_end().ends_with(['。', '！', '？']))
        .map(|(i, _)| i + 1)
        .collect();
    let at = if ends.is_empty() {
        text.len()
    } else {
        ends[r.range(0, ends.len() as u64) as usize]
    };
    let mut out = String::with_capacity(text.len() + paragraph.len() + 2);
    out.push_str(&text[..at]);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    let start = out.len();
    out.push_str(paragraph);
    let end = out.len();
    out.push('\n');
    out.push_str(&text[at..]);
    (out, start, end)
}

fn diagnostics(text: String) -> Vec<Diagnostic> {
    heshu::check::check_text(text, Path::new("planted.txt"), &Settings::default()).1
}

fn within(d: &Diagnostic, start: usize, end: usize) -> bool {
    d.span.start >= start && d.span.end <= end
}

/// A twin is consistent in itself, not with the report it is planted in: a figure it states
/// twice with another value than the report's own (`全市地区生产总值45.8亿元` planted in a report of
/// 5.2万亿元) is a true conflicting-figure, and no false finding of the twin's.
fn against_the_host(d: &Diagnostic, start: usize, end: usize) -> bool {
    d.rule == "conflicting-figure"
        && d.labels
            .iter()
            .any(|l| l.span.start < start || l.span.end > end)
}

#[test]
fn planted_faults_are_found() {
    let corpus = texts();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut plants = Vec::new();
    for (rule, shape, make) in shapes() {
        let mut made = 0;
        while made < PER_SHAPE {
            if let Some((bad, good)) = make(&mut rng) {
                plants.push(Plant {
                    rule,
                    shape,
                    bad,
                    good,
                });
                made += 1;
            }
        }
    }
    // (found, planted, false findings on the twins) per shape.
    let mut by_shape: Vec<(&str, &str, usize, usize, usize)> = Vec::new();
    let mut misses = Vec::new();
    for p in &plants {
        let (text_path, text) = &corpus[rng.range(0, corpus.len() as u64) as usize];
        let (bad, start, end) = plant(text, &p.bad, &mut rng);
        let found = diagnostics(bad)
            .iter()
            .any(|d| d.rule == p.rule && within(d, start, end));
        let (good, start, end) = plant(text, &p.good, &mut rng);
        let false_findings = diagnostics(good)
            .iter()
            .filter(|d| {
                (ARITHMETIC.contains(&d.rule) || d.rule == p.rule)
                    && within(d, start, end)
                    && !(p.rule != "conflicting-figure" && against_the_host(d, start, end))
            })
            .count();
        if !found && misses.len() < 8 {
            misses.push(format!("{} in {}: {}", p.rule, text_path.display(), p.bad));
        }
        if false_findings > 0 {
            misses.push(format!(
                "false finding in {}: {}",
                text_path.display(),
                p.good
            ));
        }
        match by_shape
            .iter_mut()
            .find(|s| s.0 == p.rule && s.1 == p.shape)
        {
            Some(s) => {
                s.2 += usize::from(found);
                s.3 += 1;
                s.4 += false_findings;
            }
            None => by_shape.push((p.rule, p.shape, usize::from(found), 1, false_findings)),
        }
    }

    // Arithmetic findings on the unedited texts, per MB.
    let faults = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/bulletins/FAULTS.tsv"),
    )
    .expect("FAULTS.tsv is part of the repository");
    let mut unedited = [(0usize, 0usize), (0, 0)]; // (bytes, findings) for real/, bulletins/
    for (path, text) in &corpus {
        let which = usize::from(path.to_string_lossy().contains("/bulletins/"));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let labelled: Vec<(usize, usize)> = faults
            .lines()
            .filter_map(|l| {
                let mut cols = l.split('\t');
                (cols.next()? == name).then_some(())?;
                let quote = cols.next()?;
                let at = text.find(quote)?;
                Some((at, at + quote.len()))
            })
            .collect();
        let count = diagnostics(text.clone())
            .iter()
            .filter(|d| ARITHMETIC.contains(&d.rule))
            .filter(|d| {
                !labelled
                    .iter()
                    .any(|&(s, e)| d.span.start < e && d.span.end > s)
            })
            .count();
        unedited[which].0 += text.len();
        unedited[which].1 += count;
    }

    let mut table =
        String::from("| rule | shape | found | recall | false on twins |\n|---|---|---|---|---|\n");
    let mut per_rule: Vec<(&str, usize, usize)> = Vec::new();
    for (rule, shape, found, planted, false_findings) in &by_shape {
        let _ = writeln!(
            table,
            "| {rule} | {shape} | {found}/{planted} | {:.1} % | {false_findings} |",
            100.0 * *found as f64 / *planted as f64
        );
        match per_rule.iter_mut().find(|r| r.0 == *rule) {
            Some(r) => {
                r.1 += found;
                r.2 += planted;
            }
            None => per_rule.push((rule, *found, *planted)),
        }
    }
    for (label, (bytes, count)) in ["real/", "bulletins/ (labelled faults aside)"]
        .iter()
        .zip(unedited)
    {
        let _ = writeln!(
            table,
            "\narithmetic findings on the unedited {label}: {count} in {:.1} MB ({:.2} per MB)",
            bytes as f64 / 1e6,
            count as f64 / (bytes as f64 / 1e6)
        );
    }
    println!("{table}");
    let twins_false: usize = by_shape.iter().map(|s| s.4).sum();
    let low: Vec<String> = per_rule
        .iter()
        .filter(|(_, f, p)| (*f as f64) < MIN_RECALL * *p as f64)
        .map(|(r, f, p)| format!("{r}: {f}/{p}"))
        .collect();
    assert!(
        low.is_empty(),
        "recall under 95 %: {low:?}\n{}",
        misses.join("\n")
    );
    assert_eq!(
        twins_false,
        0,
        "false findings on consistent twins:\n{}",
        misses.join("\n")
    );
    assert_eq!(unedited[0].1, 0, "arithmetic findings on real/");
}
