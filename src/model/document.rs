//! The Document: blocks (headings and paragraphs), sentences, clauses, figures, markers and claims,
//! in order, each with its span. Built once by the grammar; rules only read it.

use super::quantity::{Figure, Quantity};
use super::span::{LineIndex, Span};
use super::vocabulary::MarkerKind;
use std::ops::Range;

/// How a heading number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadingStyle {
    /// `一、`
    ChineseComma,
    /// `（一）` or `(一)`
    ChineseParen,
    /// `1.` or `1．`
    ArabicDot,
    /// `1、`
    ArabicComma,
    /// `（1）` or `(1)`
    ArabicParen,
    /// `①`
    Circled,
    /// Markdown `#` headings (level from the count of `#`).
    Markdown,
    /// A part that restarts all numbering: `第二部分`, `第三章`, `附件`, `附件2`.
    Part,
}

impl HeadingStyle {
    /// The conventional level of the style in a 公文 (一、 > （一） > 1. > （1） > ①).
    pub fn level(self) -> u8 {
        match self {
            HeadingStyle::ChineseComma => 1,
            HeadingStyle::ChineseParen => 2,
            HeadingStyle::ArabicDot | HeadingStyle::ArabicComma => 3,
            HeadingStyle::ArabicParen => 4,
            HeadingStyle::Circled => 5,
            HeadingStyle::Markdown => 1,
            HeadingStyle::Part => 0,
        }
    }
}

/// A heading number at the start of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Level: 1 for `一、`, 2 for `（一）`, 3 for `1.`, … (Markdown: the count of `#`).
    pub level: u8,
    /// The number written (0 for Markdown headings, which carry none).
    pub number: u32,
    /// How it is written.
    pub style: HeadingStyle,
    /// The span of the number with its punctuation (`一、`).
    pub span: Span,
    /// The title: from after the number to the first sentence end or the end of the block.
    pub title: Span,
}

/// A block: one line of the source, a heading or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The block's text, without surrounding white space.
    pub span: Span,
    /// The heading number at its start, if any (boxed: most blocks have none, and a text of a
    /// million short lines keeps a million blocks).
    pub heading: Option<Box<Heading>>,
    /// The block is a heading and nothing else (no body after the title).
    pub heading_only: bool,
    /// The block is a row of a table (`| 第一产业 | 187746 | 2.9 |`, or a .docx table row), not
    /// prose: its cells are clauses, and it needs no sentence end.
    pub table_row: bool,
    /// Its sentences (indices into [`Document::sentences`]; [`Block::sentence_range`] reads
    /// them as `usize`), held in 32 bits each: a text of a million short lines keeps a million
    /// blocks, and its outline's memory is mostly theirs.
    pub sentences: Range<u32>,
}

impl Block {
    /// Its sentences: indices into [`Document::sentences`].
    pub fn sentence_range(&self) -> Range<usize> {
        self.sentences.start as usize..self.sentences.end as usize
    }

    /// Set its sentences (see [`Block::sentence_indices`]).
    pub fn set_sentences(&mut self, range: Range<usize>) {
        self.sentences = Self::sentence_indices(range);
    }

    /// Sentence indices as a block holds them (saturating at `u32::MAX`: an outline keeps a
    /// sentence per 60 bytes at most, a document checked whole is far smaller).
    pub fn sentence_indices(range: Range<usize>) -> Range<u32> {
        let narrow = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        narrow(range.start)..narrow(range.end)
    }
}

/// A sentence, ended by 。！？； or the end of its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text, terminator included.
    pub span: Span,
    /// Its block.
    pub block: usize,
    /// Its clauses.
    pub clauses: Range<usize>,
    /// Its claims.
    pub claims: Range<usize>,
    /// Opens with 其中 (`全年培训8.5万人次。其中，脱贫劳动力2.1万人次。`): its parts belong to a
    /// whole of the sentence before.
    pub opens_subset: bool,
    /// Ends with `；`: the next sentence of its block goes on with its period.
    pub ends_with_semicolon: bool,
}

/// A clause, ended by ，、： or by its sentence's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The clause's text, without its terminator.
    pub span: Span,
    /// Its sentence.
    pub sentence: usize,
    /// The punctuation that ends it (`、` joins enumerations), or `None` at a block end.
    pub terminator: Option<char>,
    /// Its claims.
    pub claims: Range<usize>,
    /// Its markers.
    pub markers: Range<usize>,
    /// The enumeration conjunctions (和, 及, 与) inside it.
    pub conjunctions: Range<usize>,
}

impl Clause {
    /// Whether this clause and the next are items of one enumeration (`甲、乙`).
    pub fn enumerates(&self) -> bool {
        self.terminator == Some('、')
    }
}

/// A marker word (其中, 共, 分别, 占, …) in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// Where it stands.
    pub span: Span,
    /// What it marks.
    pub kind: MarkerKind,
    /// Its clause.
    pub clause: usize,
}

/// A set of marker kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MarkerSet(u16);

impl MarkerSet {
    fn bit(kind: MarkerKind) -> u16 {
        1 << (kind as u16)
    }

    /// Add a kind.
    pub fn insert(&mut self, kind: MarkerKind) {
        self.0 |= Self::bit(kind);
    }

    /// Whether the set holds `kind`.
    pub fn has(self, kind: MarkerKind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    /// The kinds in the set, in a fixed order.
    pub fn kinds(self) -> impl Iterator<Item = MarkerKind> {
        [
            MarkerKind::Subset,
            MarkerKind::Remainder,
            MarkerKind::Total,
            MarkerKind::Respectively,
            MarkerKind::Share,
            MarkerKind::PerCapita,
            MarkerKind::PerHousehold,
            MarkerKind::Progress,
            MarkerKind::Composition,
            MarkerKind::Sum,
            MarkerKind::Change,
            MarkerKind::Level,
            MarkerKind::Reached,
            MarkerKind::Target,
        ]
        .into_iter()
        .filter(move |k| self.has(*k))
    }
}

/// A claim: a quantity with its place and role in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Where the figure stands (qualifiers and unit included).
    pub span: Span,
    /// What it stands for.
    pub quantity: Quantity,
    /// Its clause.
    pub clause: usize,
    /// Its sentence.
    pub sentence: usize,
    /// The words before it in its clause: what it counts (`已完成整改172条` → `已完成整改`).
    pub subject: Span,
    /// The markers before it in its clause.
    pub markers: MarkerSet,
    /// Inside quotation marks or a title (“四保障”, 《…》): a name, not a statement.
    pub quoted: bool,
    /// Written right after 等 (A、B等三类): the count closes an enumeration.
    pub after_etc: bool,
    /// Followed by 中 (12个县中): the base of a share that follows.
    pub among: bool,
    /// The innermost bracket around it (`现有职工689人（正式职工607人…）`), numbered in its block:
    /// figures in one pair of brackets share it. `None` outside brackets, or in one that never
    /// closes. (Relations never compare claims of two blocks by their brackets.)
    pub bracket: Option<u32>,
    /// The figure restates the one right before it in another unit, in brackets
    /// (`61791万吨(12358亿斤)`): the same amount, no part or whole of its own.
    pub restates: bool,
    /// What the figure is: a level, a change, a share, a category bound…
    pub reading: Reading,
    /// The rate its subject names (`森林覆盖率达到72.8%`), if any, with its bound.
    pub rate: Option<Rate>,
}

impl Claim {
    /// Whether arithmetic may use the claim as an amount: stated in the text (not inside a name in
    /// quotes, not a restatement of the figure before it), bounded, not a range, and read as neither a change, the level a change reached, a
    /// goal nor a category bound.
    pub fn is_amount(&self) -> bool {
        !self.quoted
            && !self.restates
            && self.quantity.interval.is_bounded()
            && !matches!(
                self.reading,
                Reading::Change | Reading::Reached | Reading::CategoryBound | Reading::Target
            )
            && !self.quantity.range
    }

    /// Whether this claim may be the whole of `part`: not inside brackets that `part` is outside
    /// of (`职工689人（正式职工607人，招聘人员82人），其中卫生技术人员578人`: 578 is of 689, not of 82).
    pub fn encloses(&self, part: &Claim) -> bool {
        self.bracket.is_none() || self.bracket == part.bracket
    }
}

/// A relation the grammar found between claims (indices into [`Document::claims`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// A share (`占18.4%`) of a part in a base.
    Share {
        /// The counted part.
        part: usize,
        /// The percentage.
        share: usize,
        /// What it is a share of.
        base: ShareBase,
    },
    /// A value per person or household (`人均`, `户均`) with the total it divides and the count it
    /// divides by.
    PerHead {
        /// The stated average.
        average: usize,
        /// The total divided.
        total: usize,
        /// The people or households counted.
        count: usize,
    },
    /// Households and the people in them, written together (`326户1024人`): a household has at
    /// least one person.
    Household {
        /// The households.
        households: usize,
        /// The people.
        persons: usize,
    },
    /// A whole and parts of it; both are ranges of [`Document::members`] (see
    /// [`Document::members_of`]), so that a relation holds no allocation of its own.
    Parts {
        /// The whole; for a 其中 part, the candidates nearest first (`财政总收入…，一般公共预算收入
        /// …，其中税收收入…`: either may be the whole, and only a part that fits none is a fault).
        wholes: Range<usize>,
        /// The parts, in order (a remainder last).
        parts: Range<usize>,
        /// How the parts make the whole.
        kind: PartsKind,
    },
    /// A 分别 list: the items named before 分别 and the values after it (a range of
    /// [`Document::members`]).
    Respectively {
        /// The word 分别.
        marker: Span,
        /// How many items are named.
        items: ItemCount,
        /// The values, in order.
        values: Range<usize>,
    },
    /// A composition (`三次产业结构19.5:34.6:45.9`) and the parts it gives the shares of, in order
    /// (`rules/lexicon/identities.toml`).
    Composition {
        /// The ratio ([`Document::figures`]).
        ratio: usize,
        /// The parts (a range of [`Document::members`]).
        parts: Range<usize>,
        /// The whole they make, if stated.
        whole: Option<usize>,
    },
    /// Groups that partition a whole by a bound (`0-14岁`, `15-59岁`, `60岁及以上`), each with its
    /// share of the whole or the change of that share (`rules/lexicon/identities.toml`,
    /// `[[partition]]`).
    Partition {
        /// The groups' bounds, in order (a range of [`Document::members`]).
        groups: Range<usize>,
        /// Each group's share or change, in the same order (a range of [`Document::members`]).
        values: Range<usize>,
        /// What the values are; for changes, which of them fall (bit `i` for the `i`-th).
        kind: PartitionKind,
        /// Relations with the same number are alternative readings of one sentence's groups (a
        /// garbled `60-64岁及以上` is `60岁及以上` or `60-64岁`): the text is at fault only when
        /// every reading fails.
        readings_of: usize,
    },
    /// A rate stated with the counts it comes from (`全村312户，未达标9户，达标率97.1%`):
    /// `counted` ÷ `base`, or (`base` − `counted`) ÷ `base` when the counted figure is the rest
    /// (`complement`).
    RateOfCounts {
        /// The rate.
        rate: usize,
        /// The whole it is a rate of.
        base: usize,
        /// The figure counted, or left out.
        counted: usize,
        /// `counted` is what the rate leaves out (未达标).
        complement: bool,
    },
    /// A change between two stated figures (`由2020年的14646元提高到16403元`), with the change
    /// stated after them if it is (`，增长12%`; see [`crate::grammar::growth`]).
    Growth {
        /// The figure the change starts from.
        from: usize,
        /// The figure it reached.
        to: usize,
        /// The change stated, if any.
        change: Option<StatedChange>,
    },
    /// A level with its change against an earlier period written twice, in its own unit and then
    /// in % (`常住人口3465.99万人，比上年减少15.36万人，下降0.44%`; see
    /// [`crate::grammar::growth`]): the earlier level is the level less the change (more, for a
    /// fall), and the % is the change over it.
    LevelChange {
        /// The level.
        level: usize,
        /// The change in the level's unit, as written (a fall positive).
        amount: usize,
        /// The change in %, as written.
        percent: usize,
        /// Both changes are falls (减少, 下降).
        falls: bool,
    },
    /// An enumeration and the count that sums it up (`教育、医疗、住房“三保障”`).
    Enumeration {
        /// The enumeration, up to the count.
        list: Span,
        /// How many items it names.
        items: ItemCount,
        /// The count.
        count: usize,
        /// How the count sums up the list.
        kind: SummaryKind,
    },
}

/// The change stated with a [`Relation::Growth`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatedChange {
    /// The change's claim.
    pub claim: usize,
    /// What it measures.
    pub kind: GrowthKind,
    /// It is a fall (下降): its value is negative.
    pub falls: bool,
}

/// What the change of a [`Relation::Growth`] measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrowthKind {
    /// Relative growth in % of the figure it starts from (`增长12.5%`).
    Percent,
    /// The difference of two percentages, in percentage points (`提高1.8个百分点`).
    Points,
    /// The difference, in the figures' unit (`增加15亿元`).
    Amount,
    /// The level as a multiple of the figure it started from (`是2015年的1.3倍`).
    Times,
    /// Compound growth in % per year over `years` years (`年均增长8.7%` from 2015 to 2020).
    Compound {
        /// The years between the two figures.
        years: u32,
    },
}

/// What the values of a [`Relation::Partition`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartitionKind {
    /// Shares of the whole, in %: they sum to 100.
    Shares,
    /// Changes of the shares, in percentage points: they sum to 0. Bit `i` of `falling` is set
    /// when the `i`-th change is a fall (下降).
    ShareChanges {
        /// The changes that are falls.
        falling: u32,
    },
}

/// How many items a list names: at least `min`, at most `max` (和 may join two items or stand
/// inside one name: `城镇和农村`, `租赁和商务服务业`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemCount {
    /// The fewest items the list may name.
    pub min: usize,
    /// The most.
    pub max: usize,
}

/// How a count sums up the list before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryKind {
    /// A category count or a count filling a quotation (`五大体系`, `“四保障”`): the list's own
    /// number.
    Summary,
    /// A count after 等 (`…等6种增收模式`): at least the items named; for kinds (`exact`: 大 种
    /// 类), not just one more.
    AfterEtc {
        /// The unit names kinds, of which a list drops at most none.
        exact: bool,
    },
}

/// How parts make their whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartsKind {
    /// 其中/包括 parts: each, and their sum, at most the whole; they need not exhaust it.
    Subset,
    /// Rows of a whole's figures in brackets right after it, one row per part
    /// (`13951户68202人（城镇人口240户544人，农村人口13711户67658人）`): like a subset, each and
    /// their sum at most the whole.
    Breakdown,
    /// A completed part (`制定措施206条，已完成172条`): at most the whole.
    Completed,
    /// Parts closed by a remainder (其余): they add up to the whole.
    Remainder,
    /// Items followed by their explicit sum (合计, 总计): they add up to it.
    Sum,
    /// Parts that statistics define a whole by (`rules/lexicon/identities.toml`: 地区生产总值 = 第一产业 +
    /// 第二产业 + 第三产业): they add up to it.
    Identity,
    /// Parts that statistics count among a whole (`rules/lexicon/identities.toml`, kind
    /// `subset`: 治愈, 死亡 … of 救治): each, and their sum, at most the whole.
    DefinedSubset,
    /// The values of a 分别 list under a total stated before it (`共有学校12所，小学、初中分别为6所、
    /// 3所`): like a subset, each and their sum at most the total.
    Listed,
    /// A rate that statistics define as the difference of two others
    /// (`rules/lexicon/identities.toml`, kind `difference`: 自然增长率 = 出生率 − 死亡率): the
    /// whole is the first part less the second.
    Difference,
}

/// What a share is a share of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareBase {
    /// A stated figure: marked by 中, named by the share, or the whole of a 其中 part.
    Claim(usize),
    /// The unstated base that the shares of group `group` (numbered in the document) share; or,
    /// for a 其中 part whose whole carries its own share, the whole `or_whole` itself.
    Common {
        /// The group.
        group: usize,
        /// The whole the share may be of instead.
        or_whole: Option<usize>,
        /// The shares are of the parts of one identity, all named in the paragraph
        /// (`居住在城镇的人口…，占64.97%；居住在乡村的人口…，占35.03%`: both of the population):
        /// their base is certain, and two shares are enough to check it.
        defined: bool,
    },
}

/// A rate named in a figure's subject, from the lexicon's `[rates]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Where the rate word stands (`覆盖率`).
    pub name: Span,
    /// Whether the rate may pass 100 %: 增长率, 完成率, 毛入学率, or a rate on another population
    /// (`按户籍人口计算`). 覆盖率 and 参保率 may not.
    pub may_pass_100: bool,
}

/// What a claim's figure is, read by the grammar from the words around it. Rules do arithmetic
/// only on readings that allow it: a change is never part of a sum, a category bound never a
/// quantity at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reading {
    /// A stock, count or amount: `共有学校19所`, `达到72.8%`, `增加值37952万元`.
    Level,
    /// By how much something changed: `增长7.2%`, `提高3个百分点`, `比上年增加1527人`.
    Change,
    /// The level a change reached (`提高到103%`, `降至5.2%`): its bounds apply, but it is no part
    /// of a sum (the figure it started from stands beside it).
    Reached,
    /// A share of a base: `占18.4%`, `比重为4.1%`.
    Share,
    /// A rate the subject names (`森林覆盖率达到72.8%`, `出生率为9.1‰`): see [`Claim::rate`].
    Rate,
    /// A value per person or household: `人均`, `户均`.
    Average,
    /// A goal or forecast: `力争达到`, `目标`, `预计`.
    Target,
    /// A bound that names a category (`60岁及以上人口`, `5000万元以上项目12个`, `10万元以上的家庭`):
    /// the count after it is the claim; the bound itself is no quantity of the text.
    CategoryBound,
}

impl Reading {
    /// Stable lower-case name (used in JSON).
    pub fn name(self) -> &'static str {
        match self {
            Reading::Level => "level",
            Reading::Change => "change",
            Reading::Reached => "reached",
            Reading::Share => "share",
            Reading::Rate => "rate",
            Reading::Average => "average",
            Reading::Target => "target",
            Reading::CategoryBound => "category-bound",
        }
    }
}

impl Claim {
    /// Whether the claim carries `kind`.
    pub fn has(&self, kind: MarkerKind) -> bool {
        self.markers.has(kind)
    }
}

/// How many sentences back a relation may reach (see [`Document::scope_claims`]).
pub const SCOPE_SENTENCES: usize = 8;

/// A parsed report.
#[derive(Debug, Clone)]
pub struct Document {
    /// The decoded text every span points into.
    pub text: super::Text,
    /// Blocks in order.
    pub blocks: Vec<Block>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Clauses in order.
    pub clauses: Vec<Clause>,
    /// Every figure, quantities or not.
    pub figures: Vec<Figure>,
    /// Marker words.
    pub markers: Vec<Marker>,
    /// Enumeration conjunctions (和, 及, 与) that separate items.
    pub conjunctions: Vec<Span>,
    /// Empty items of lists: two 、 with nothing between them (`司空山、、名木古树`).
    pub empty_items: Vec<Span>,
    /// What the claims relate to (shares and their bases, wholes and their parts), found over the
    /// whole document.
    pub relations: Vec<Relation>,
    /// The claims that relations list (indices into `claims`), in runs the relations point to.
    pub members: Vec<usize>,
    /// Quantities with their roles.
    pub claims: Vec<Claim>,
    /// Where lines start, for locating offsets.
    pub(crate) lines: LineIndex,
}

impl Document {
    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// The claims of a block (a paragraph), and the index of the first in [`Document::claims`].
    pub fn block_claims(&self, block: &Block) -> (&[Claim], usize) {
        let first = self
            .sentences
            .get(block.sentence_range().start)
            .map_or(0, |s| s.claims.start);
        let end = block
            .sentence_range()
            .end
            .checked_sub(1)
            .and_then(|s| self.sentences.get(s))
            .map_or(first, |s| s.claims.end);
        (self.claims.get(first..end).unwrap_or_default(), first)
    }

    /// The claims of a sentence.
    pub fn sentence_claims(&self, sentence: usize) -> &[Claim] {
        self.sentences
            .get(sentence)
            .and_then(|s| self.claims.get(s.claims.clone()))
            .unwrap_or(&[])
    }

    /// The claims a relation of sentence `sentence` may reach back to: its period (the sentences
    /// before it joined by `；`), and the sentence before one that opens with 其中
    /// (`全镇脱贫户326户1024人。其中，一村84户270人；二村…`); never past its block, nor more than
    /// [`SCOPE_SENTENCES`] sentences back. Returns them, where the sentence's own claims start
    /// among them, and the index of the first in [`Document::claims`].
    pub fn scope_claims(&self, sentence: usize) -> (&[Claim], usize, usize) {
        let Some(s) = self.sentences.get(sentence) else {
            return (&[], 0, 0);
        };
        let mut first = sentence;
        for _ in 0..SCOPE_SENTENCES {
            let Some(cur) = self.sentences.get(first) else {
                break;
            };
            let Some(prev) = first.checked_sub(1).and_then(|p| self.sentences.get(p)) else {
                break;
            };
            if prev.block != cur.block || !(prev.ends_with_semicolon || cur.opens_subset) {
                break;
            }
            first -= 1;
        }
        let start = self
            .sentences
            .get(first)
            .map_or(s.claims.start, |f| f.claims.start);
        let claims = self.claims.get(start..s.claims.end).unwrap_or_default();
        (claims, s.claims.start.saturating_sub(start), start)
    }

    /// The claims a run of [`Document::members`] lists.
    pub fn members_of(&self, run: &Range<usize>) -> impl Iterator<Item = &Claim> + '_ {
        self.members
            .get(run.clone())
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.claims.get(i))
    }

    /// The markers of a clause.
    pub fn clause_markers(&self, clause: usize) -> &[Marker] {
        self.clauses
            .get(clause)
            .map_or(&[], |c| self.clause_markers_of(c))
    }

    /// The markers of a clause.
    pub fn clause_markers_of(&self, clause: &Clause) -> &[Marker] {
        self.markers.get(clause.markers.clone()).unwrap_or(&[])
    }

    /// The conjunctions (和, 及, 与) of a clause that lie before `before`.
    pub fn conjunctions_before(&self, clause: &Clause, before: usize) -> usize {
        self.conjunctions
            .get(clause.conjunctions.clone())
            .map_or(0, |cs| cs.iter().filter(|c| c.end <= before).count())
    }

    /// The figures (of any kind) inside a span, found by binary search.
    pub fn figures_in(&self, span: Span) -> &[Figure] {
        let start = self.figures.partition_point(|f| f.span.start < span.start);
        let end = self.figures.partition_point(|f| f.span.start < span.end);
        self.figures.get(start..end.max(start)).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::Block;

    #[test]
    fn a_block_stays_small() {
        // A text of a million short lines keeps a million blocks in its outline: its memory
        // bound (tests/hostile.rs) leaves room for 40 bytes a block, not 48.
        assert!(std::mem::size_of::<Block>() <= 40);
        let mut block = Block {
            span: crate::model::span::Span::new(0, 1),
            heading: None,
            heading_only: false,
            table_row: false,
            sentences: 0..0,
        };
        block.set_sentences(3..7);
        assert_eq!(block.sentence_range(), 3..7);
        block.set_sentences(usize::MAX - 1..usize::MAX);
        assert_eq!(block.sentences, u32::MAX..u32::MAX);
    }
}
