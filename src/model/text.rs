//! The text of a document: a `String` heshu owns, or text held by a shared store that lives as
//! long as its last reader (a large file mapped into memory: see `crate::source`). Either reads
//! as a `&str`.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A document's text. Reads as `str` (it dereferences to one); built from a `String`, or from a
/// shared store of text (its bytes checked as UTF-8 by whoever built it).
///
/// ```
/// use heshu::model::Text;
/// let text = Text::from("全县常住人口32.1万人".to_owned());
/// assert_eq!(text.len(), 27);
/// assert!(text.starts_with("全县"));
/// ```
#[derive(Clone, Default)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Owned(String),
    Shared(Arc<dyn AsRef<str> + Send + Sync>),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Owned(String::new())
    }
}

impl Text {
    /// Text held by a shared store (read where it lies, never copied).
    pub fn shared(store: Arc<dyn AsRef<str> + Send + Sync>) -> Self {
        Text(Repr::Shared(store))
    }

    /// The text as a `str`.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(s) => s,
            Repr::Shared(store) => (**store).as_ref(),
        }
    }

    /// Whether the text is shared with a store rather than owned.
    pub fn is_shared(&self) -> bool {
        matches!(self.0, Repr::Shared(_))
    }

    /// The text as a `String`: the same one when owned, a copy when shared.
    pub fn into_string(self) -> String {
        match self.0 {
            Repr::Owned(s) => s,
            Repr::Shared(store) => (*store).as_ref().to_owned(),
        }
    }

    /// The owned `String`, taken out (the text is left empty); a new empty `String` when the
    /// text is shared. For reusing a document's buffer.
    pub fn take_buffer(&mut self) -> String {
        match std::mem::take(&mut self.0) {
            Repr::Owned(s) => s,
            Repr::Shared(_) => String::new(),
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Repr::Owned(s))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Store(String);

    impl AsRef<str> for Store {
        fn as_ref(&self) -> &str {
            &self.0
        }
    }

    #[test]
    fn owned_and_shared_text_read_alike() {
        let owned = Text::from("地区生产总值".to_owned());
        let shared = Text::shared(Arc::new(Store("地区生产总值".to_owned())));
        assert_eq!(owned, shared);
        assert_eq!(&*shared, "地区生产总值");
        assert!(shared.is_shared() && !owned.is_shared());
        assert_eq!(shared.clone().into_string(), "地区生产总值");
        assert_eq!(format!("{shared:?}"), format!("{:?}", "地区生产总值"));
    }

    #[test]
    fn a_buffer_is_taken_only_from_owned_text() {
        let mut owned = Text::from("一二".to_owned());
        assert_eq!(owned.take_buffer(), "一二");
        assert_eq!(owned, "");
        let mut shared = Text::shared(Arc::new(Store("三四".to_owned())));
        assert_eq!(shared.take_buffer(), "");
        assert_eq!(shared, "");
    }
}
