//! Output: everything that knows about formats lives here.

pub mod claims;
