//! Profile the engine's per-document cost: `cargo run --release --example noop_check`.
fn main() {
    let seed = include_str!("../tests/fixtures/seed.txt");
    let docs: Vec<_> = (0..2000).map(|_| heshu::parse(seed)).collect();
    let l = heshu::rules::Linter::filtered(|id| id == "unused-suppression");
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..5 {
        for d in &docs {
            k += l.check(d).len();
        }
    }
    println!("{k} {:?}", t.elapsed());
}
