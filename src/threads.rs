//! How many threads heshu works on: asked of the machine once, shared by decoding, parsing and
//! checking (a module of its own so that none of them imports another for it).

/// The threads a large text is parsed (and checked) on: the machine's parallelism, at most 8,
/// asked once (the question costs a few system calls).
pub fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}

/// `work(i)` for every `i` below `count`, on up to [`threads`] threads side by side (this one
/// among them), each taking the next `i` not yet taken, so that costly items spread over the
/// threads whatever their order; the results in the order of `i`. A panic in `work` is raised
/// again here.
pub fn take_turns<R: Send>(count: usize, work: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let threads = threads().min(count);
    if threads < 2 {
        return (0..count).map(work).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let turns = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if i >= count {
                return done;
            }
            done.push((i, work(i)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(turns)).collect();
        let mut done = turns();
        for h in helpers {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_give_every_result_in_order() {
        for count in [0, 1, 2, 3, 100] {
            // Uneven work, so that the threads finish out of order.
            let results = take_turns(count, |i| {
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * 10
            });
            assert_eq!(results, (0..count).map(|i| i * 10).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_panic_in_a_turn_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| take_turns(50, |i| assert!(i != 37, "turn 37")));
        assert!(caught.is_err());
    }
}
