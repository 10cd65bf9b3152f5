//! How many threads heshu works on: asked of the machine once, shared by decoding, parsing and
//! checking (a module of its own so that none of them imports another for it).

/// The threads a large text is parsed (and checked) on: the machine's parallelism, at most 8,
/// asked once (the question costs a few system calls).
pub fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}

/// Drop `value` on a thread of its own, nobody waiting for it. A large text's document and
/// findings are tens of thousands of allocations and a mapping of tens of megabytes: freeing
/// them took a check of the seed × 2000 some ten milliseconds, spent after all its work was done.
/// A command-line run ends before the thread does, and the system takes the memory back whole;
/// a long-lived process (the LSP server, `heshu serve`) gets it back a moment later. Where no
/// thread can be started, the value is dropped here.
pub fn drop_in_background<T: Send + 'static>(value: T) {
    // On failure, `spawn` drops the closure, and the value with it, before it returns.
    let _detached = std::thread::Builder::new()
        .name("heshu-drop".into())
        .spawn(move || drop(value));
}
