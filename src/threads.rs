//! How many threads heshu works on: asked of the machine once, shared by decoding, parsing and
//! checking (a module of its own so that none of them imports another for it).

/// The threads a large text is parsed (and checked) on: the machine's parallelism, at most 8,
/// asked once (the question costs a few system calls).
pub fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}
