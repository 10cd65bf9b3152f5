//! Containing panics: a defect met on one input becomes that input's error, never the loss of
//! the other inputs' results (ripgrep's discipline).
//!
//! [`catch`] runs a piece of work and turns a panic into an [`InternalError`] carrying the panic's
//! message and, where it was recorded on the same thread, its place in the source.
//! [`install_quiet_hook`] replaces the default hook that prints a backtrace to standard error: the
//! caller prints one line naming the file instead.

use std::any::Any;
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    /// Where the last panic on this thread happened, recorded by the quiet hook.
    static LAST_PLACE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A panic caught while checking one input: a defect in heshu, reported as that input's error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("internal error ({message}); please report it with the file that caused it")]
pub struct InternalError {
    /// The panic's message, with its place in heshu's source when known.
    pub message: String,
}

/// Run `work`; a panic inside it (also in threads it joins) becomes an [`InternalError`].
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, InternalError> {
    LAST_PLACE.with(|p| p.borrow_mut().take());
    panic::catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        let message = payload_message(payload.as_ref());
        let message = match LAST_PLACE.with(|p| p.borrow_mut().take()) {
            Some(place) => format!("{message} at {place}"),
            None => message,
        };
        InternalError { message }
    })
}

/// The text of a panic's payload (`panic!("…")` carries a `&str` or a `String`).
pub fn payload_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// Replace the default panic hook (a message and backtrace on standard error) by one that only
/// records where the panic happened, for [`catch`] to report in one line. A program that installs
/// it must catch panics at its top level too, or they end it silently.
pub fn install_quiet_hook() {
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
        LAST_PLACE.with(|p| *p.borrow_mut() = place);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        let caught = catch(|| -> u32 { panic!("broken figure") });
        let e = caught.err().map(|e| e.message).unwrap_or_default();
        assert!(e.starts_with("broken figure"), "{e}");
        assert_eq!(catch(|| 7), Ok(7));
    }
}
