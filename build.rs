//! Index the dictionary compiled into heshu (`rules/lexicon/words.txt`) ahead of time, so that
//! segmentation costs nothing at start-up: see `src/grammar/word_index.rs`.

#[allow(dead_code)]
mod word_index {
    include!("src/grammar/word_index.rs");
}

fn main() {
    let source = "rules/lexicon/words.txt";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/grammar/word_index.rs");
    let text = std::fs::read_to_string(source).unwrap_or_default();
    let index = word_index::index_words(&text);
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let write = |name: &str, bytes: &[u8]| {
        let path = std::path::Path::new(&out).join(name);
        if let Err(e) = std::fs::write(&path, bytes) {
            println!("cargo:warning=cannot write {}: {e}", path.display());
        }
    };
    write("words_total.rs", index.total.to_string().as_bytes());
    write("words.index", &index.words);
    write("words.buckets", &index.buckets);
    write("words.direct", &index.direct);
    write("words.pairs", &index.pairs);
}
