#[test]
fn phases() {
    use std::time::Instant;
    let seed = include_str!("fixtures/seed.txt");
    let n = 2000;
    let docs: Vec<_> = (0..n).map(|_| heshu::parse(seed)).collect();
    let mut k = 0;
    for r in heshu::rules::registry()
        .iter()
        .filter(|r| ["unused-suppression", "malformed-number"].contains(&r.meta.id.as_str()))
    {
        let l = heshu::rules::Linter::filtered(|id| id == r.meta.id);
        let t = Instant::now();
        for d in &docs {
            k += l.check(d).len();
        }
        println!("  {:<22} {:?} {k}", r.meta.id, t.elapsed());
    }
}
