//! What a figure is once read: a quantity (value, unit, qualifier and the interval it stands for),
//! or one of the things that look like numbers but are no quantities (years, dates, codes…).

use super::interval::Interval;
use super::span::Span;
use super::vocabulary::{QualifierKind, Unit, UnitKind};
use rust_decimal::Decimal;

/// A quantity: what a figure with its magnitude, unit and qualifiers stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The written value after magnitude and unit factor, in the base unit (`1.04万元` → 10400).
    pub value: Decimal,
    /// The unit as written, if any.
    pub unit: Option<&'static Unit>,
    /// The qualifier that widens the interval (多, 约, 超, …).
    pub qualifier: Option<QualifierKind>,
    /// Written as a range (`3至5万元`).
    pub range: bool,
    /// Every true value the figure may stand for, in the base unit.
    pub interval: Interval,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// The magnitude the figure was written in (10⁴ for `1.04万元`, 10⁸ for `三亿吨`, else 1),
    /// for showing computed results the way the text writes them.
    pub magnitude: Decimal,
}

impl Quantity {
    /// The base unit's name (`元` for `万元`), or `""` for a bare number.
    pub fn base_unit(&self) -> &'static str {
        self.unit.map_or("", |u| u.base.as_str())
    }

    /// What the unit measures, if there is one.
    pub fn kind(&self) -> Option<UnitKind> {
        self.unit.map(|u| u.kind)
    }

    /// Whether two quantities can be added or compared: same base unit.
    pub fn commensurable(&self, other: &Quantity) -> bool {
        match (self.unit, other.unit) {
            (Some(a), Some(b)) => a.base == b.base,
            _ => false,
        }
    }

    /// A percentage.
    pub fn is_percent(&self) -> bool {
        self.kind() == Some(UnitKind::Percent)
    }
}

/// Why a figure is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Malformation {
    /// `1,.5`: a separator with no digits after it.
    EmptyGroup,
    /// `.75`: a point with no digit before it.
    LeadingPoint,
    /// `12..5`: a doubled point.
    DoubledPoint,
    /// `3.4.5亿元`: two points in one figure.
    TwoPoints,
    /// `20211228日`, `2021915日`, `2020年1231日`: a date whose 年 or 月 was lost, its digits run
    /// together; the date they can only be, when one reading alone is a date.
    RunTogetherDate {
        /// The year, when the run holds one.
        year: Option<u16>,
        /// The month and the day, when only one split of the digits gives a date.
        month_day: Option<(u8, u8)>,
    },
}

impl Malformation {
    /// The catalog key of what is wrong (`malformed-leading-point`: 小数点前没有数字).
    pub fn key(self) -> &'static str {
        match self {
            Malformation::EmptyGroup => "malformed-empty-group",
            Malformation::LeadingPoint => "malformed-leading-point",
            Malformation::DoubledPoint => "malformed-doubled-point",
            Malformation::TwoPoints => "malformed-two-points",
            Malformation::RunTogetherDate { year: Some(_), .. } => "malformed-run-together-date",
            Malformation::RunTogetherDate { year: None, .. } => "malformed-run-together-month-day",
        }
    }

    /// What the figure was most likely meant to be, when that is certain.
    pub fn meant(self) -> Option<String> {
        match self {
            Malformation::RunTogetherDate {
                year,
                month_day: Some((month, day)),
            } => Some(match year {
                Some(y) => format!("{y}年{month}月{day}日"),
                None => format!("{month}月{day}日"),
            }),
            _ => None,
        }
    }
}

/// What kind of figure a number is.
#[derive(Debug, Clone, PartialEq)]
pub enum FigureKind {
    /// A quantity that rules may count, as the scanner found it (boxed: figures stay small).
    Quantity(Box<Quantity>),
    /// A quantity in a [`Document`](super::document::Document): the index of its claim, which holds the quantity.
    Claim(usize),
    /// A year (`2024年`, `一九五七年`, `2024年度`).
    Year,
    /// A date or month (`11月13日`, `2020年2月`), with the month and day written.
    Date {
        /// Month, if written.
        month: Option<u32>,
        /// Day, if written.
        day: Option<u32>,
    },
    /// A period (`前三季度`, `1—9月`, `2021—2025年`).
    Period,
    /// An ordinal (`第4`, `第一`).
    Ordinal,
    /// A code or identifier (`G69`, `“33618”`, `1+1+4+4+23`, `〔2018〕59号`).
    Code,
    /// A ratio (`12.8:45.4:41.9`), with each part as an interval.
    Ratio(Vec<Interval>),
    /// A broken figure.
    Malformed(Malformation),
}

/// A figure and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte span in the document text.
    pub span: Span,
    /// What it is.
    pub kind: FigureKind,
}
