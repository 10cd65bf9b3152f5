//! The vocabulary the grammar reads figures with: what units measure, the roles marker words give
//! figures, the qualifiers that widen them. The words themselves are data (`rules/lexicon/`); these
//! are the kinds they map to.

use rust_decimal::Decimal;
use serde::Deserialize;

/// What a unit measures; only units of one kind and one base compare with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    /// People, households, things counted one by one.
    Count,
    /// Amounts of money.
    Money,
    /// Land and floor area.
    Area,
    /// Weight.
    Mass,
    /// Distance.
    Length,
    /// Volume.
    Volume,
    /// Energy.
    Energy,
    /// Power.
    Power,
    /// Time spans.
    Duration,
    /// Degrees Celsius.
    Temperature,
    /// Percent.
    Percent,
    /// Per mille.
    Permille,
    /// Percentage points.
    Points,
    /// Multiples (倍).
    Multiple,
    /// Counted categories (五大体系, 四保障).
    Category,
    /// Anything else (voltages, concentrations): compared only with the same base unit.
    Other,
}

/// A unit of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The written form, e.g. `平方公里`.
    pub text: String,
    /// The base unit it compares in, e.g. `平方米`.
    pub base: String,
    /// Factor from the written unit to the base unit.
    pub factor: Decimal,
    /// What it measures.
    pub kind: UnitKind,
    /// Only a unit after a Chinese numeral (`四大`, not `4大`).
    pub chinese_only: bool,
    /// Only a unit after an Arabic figure (`10万头`, not the idiom `两头紧`).
    pub arabic_only: bool,
    /// Only a unit after figures up to this value (`五大`, not `二十大`).
    pub max: Option<Decimal>,
}

/// The role a marker word gives the figures after it in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// 其中, 包括: what follows is part of what came before.
    Subset,
    /// 其余, 其他: what follows is the rest of a total.
    Remainder,
    /// 共, 累计: what follows is a total.
    Total,
    /// 合计, 总计: what follows is the sum of the figures before it.
    Sum,
    /// 分别: values distributed over the items named before.
    Respectively,
    /// 占, 占比, 比重: a share.
    Share,
    /// 人均: a per-person value.
    PerCapita,
    /// 户均: a per-household value.
    PerHousehold,
    /// 已, 已完成: a completed part of a total stated before.
    Progress,
    /// 结构, 构成: a composition whose parts make 100%.
    Composition,
    /// 增长, 下降: a change, not a level.
    Change,
    /// 达到, 为: a level.
    Level,
    /// 提高到, 降至: the level a change reached — a level (its bounds apply), never a part or a
    /// whole of a sum (the figure before it, 由…, is the level it started from).
    Reached,
    /// 力争, 预计: a goal or forecast, not a stated fact.
    Target,
}

impl MarkerKind {
    /// Stable lower-case name (used in JSON).
    pub fn name(self) -> &'static str {
        match self {
            MarkerKind::Subset => "subset",
            MarkerKind::Remainder => "remainder",
            MarkerKind::Total => "total",
            MarkerKind::Sum => "sum",
            MarkerKind::Respectively => "respectively",
            MarkerKind::Share => "share",
            MarkerKind::PerCapita => "per-capita",
            MarkerKind::PerHousehold => "per-household",
            MarkerKind::Progress => "progress",
            MarkerKind::Composition => "composition",
            MarkerKind::Change => "change",
            MarkerKind::Level => "level",
            MarkerKind::Reached => "reached",
            MarkerKind::Target => "target",
        }
    }
}

/// How a qualifier changes the interval of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QualifierKind {
    /// 约, 左右: roughly the figure.
    Approximate,
    /// 超, 逾: strictly above.
    MoreThan,
    /// 以上, 不少于: at least.
    AtLeast,
    /// 不足, 不到: strictly below.
    LessThan,
    /// 以下, 不超过: at most.
    AtMost,
    /// 多, 余: above the figure, below the next unit of its last non-zero digit.
    More,
}

impl QualifierKind {
    /// Stable lower-case name (used in JSON).
    pub fn name(self) -> &'static str {
        match self {
            QualifierKind::Approximate => "approximate",
            QualifierKind::MoreThan => "more-than",
            QualifierKind::AtLeast => "at-least",
            QualifierKind::LessThan => "less-than",
            QualifierKind::AtMost => "at-most",
            QualifierKind::More => "more",
        }
    }
}
