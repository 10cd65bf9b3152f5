//! Reading inputs as drafters have them: bytes from a path or standard input, decoded to UTF-8
//! text (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030 detected), and the text of
//! `.md` (markup blanked out, offsets kept) and `.docx` (paragraphs) files.
//!
//! Every failure is a typed [`SourceError`] that names the input and the cause; the caller reports
//! it and goes on with the other files.

#[cfg(feature = "inputs")]
pub mod docx;
#[cfg(feature = "inputs")]
pub mod docx_numbering;
pub mod markdown;

use std::io::Read;
use std::path::{Path, PathBuf};

impl SourceError {
    /// What went wrong, in the catalog's language, with the file's name (the system's or a
    /// decoder's own words after it, as they are).
    pub fn localized(&self, t: &crate::locale::Catalog) -> String {
        use crate::tr;
        match self {
            SourceError::Io { path, source } => {
                tr!(
                    t,
                    "source-unreadable",
                    path = path.display().to_string(),
                    error = source.to_string()
                )
            }
            SourceError::Undecodable { path, reason } => {
                tr!(
                    t,
                    "source-undecodable",
                    path = path.display().to_string(),
                    reason = reason.as_str()
                )
            }
            SourceError::Binary { path, offset } => tr!(
                t,
                "source-binary",
                path = path.display().to_string(),
                offset = offset.to_string()
            ),
            SourceError::Empty { path } => {
                tr!(t, "source-empty", path = path.display().to_string())
            }
            SourceError::Unsupported { path, extension } => tr!(
                t,
                "source-unsupported",
                path = path.display().to_string(),
                extension = extension.as_str()
            ),
            SourceError::UnknownEncoding(label) => {
                tr!(t, "source-unknown-encoding", encoding = label.as_str())
            }
            #[cfg(feature = "inputs")]
            SourceError::Docx { path, source } => {
                format!("{}: {}", path.display(), source.localized(t))
            }
        }
    }
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The operating system refused.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The bytes are not text in any encoding heshu reads.
    #[error("{path}: cannot decode: {reason}")]
    Undecodable {
        /// The input.
        path: PathBuf,
        /// What was tried.
        reason: String,
    },
    /// The file holds NUL bytes and no UTF-16 byte-order mark: a binary file.
    #[error("{path}: binary file (NUL byte at offset {offset}), not a text report")]
    Binary {
        /// The input.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The file is empty.
    #[error("{path}: empty file")]
    Empty {
        /// The input.
        path: PathBuf,
    },
    /// A format heshu cannot read.
    #[error("{path}: unsupported format .{extension}: save as .docx")]
    Unsupported {
        /// The input.
        path: PathBuf,
        /// Its extension.
        extension: String,
    },
    /// An encoding name `--encoding` does not know.
    #[error("unknown encoding `{0}` (try utf-8, gbk, gb18030, utf-16le, utf-16be)")]
    UnknownEncoding(String),
    /// A .docx that could not be read.
    #[cfg(feature = "inputs")]
    #[error("{path}: {source}")]
    Docx {
        /// The input.
        path: PathBuf,
        /// The cause.
        source: crate::source::docx::DocxError,
    },
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// How an input's text came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown, markup blanked out.
    Markdown,
    /// A Word document, one line per paragraph.
    Docx,
}

/// An input, read and decoded.
#[derive(Debug, Clone)]
pub struct Source {
    /// The text heshu checks: owned, or a large file's pages read where they lie (see
    /// [`read_with`]).
    pub text: crate::model::Text,
    /// The text as written, where it differs from `text` with the same offsets (Markdown).
    pub display: Option<String>,
    /// The encoding the bytes were decoded from (`utf-8`, `gbk`, `utf-16le`, …).
    pub encoding: &'static str,
    /// Its format.
    pub format: Format,
    /// For a .docx, where each `w:t` went in `text`.
    #[cfg(feature = "inputs")]
    pub segments: Vec<crate::source::docx::Segment>,
}

/// The format of a path, from its extension.
pub fn format_of(path: &Path) -> Result<Format, SourceError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "doc" | "wps" | "pdf" => Err(SourceError::Unsupported {
            path: path.to_owned(),
            extension: ext,
        }),
        "md" | "markdown" => Ok(Format::Markdown),
        "docx" => Ok(Format::Docx),
        _ => Ok(Format::Text),
    }
}

/// Read and decode one input (`-` is standard input, read as text). `encoding` forces an encoding
/// by its WHATWG label (`gbk`, `utf-16le`, …) instead of detecting it.
pub fn read(path: &Path, encoding: Option<&str>) -> Result<Source, SourceError> {
    read_with(path, encoding, Reading::Copy)
}

/// How a file's bytes reach heshu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reading {
    /// Copied into memory heshu owns (always safe).
    #[default]
    Copy,
    /// A UTF-8 text file of [`MAP_MIN`] bytes or more is mapped into memory and read where it
    /// lies: no copy, no fresh pages to fill (on the seed × 2000, 30 MB, the run's system time
    /// falls by about half). As with ripgrep's `--mmap`, a file truncated by another program while
    /// it is checked ends the process (SIGBUS): the CLI maps a file only when it is the one input
    /// of a run, and `--no-mmap` turns this off. Other files, and other encodings, are copied.
    MapLarge,
}

/// The size from which [`Reading::MapLarge`] maps a file.
pub const MAP_MIN: usize = PARALLEL_READ_MIN;

/// [`read`], with the bytes of a large file read as `reading` says.
pub fn read_with(
    path: &Path,
    encoding: Option<&str>,
    reading: Reading,
) -> Result<Source, SourceError> {
    #[cfg(feature = "inputs")]
    if reading == Reading::MapLarge && encoding.is_none() && path.as_os_str() != STDIN {
        if let Some(source) = mapped::read(path)? {
            return Ok(source);
        }
    }
    #[cfg(not(feature = "inputs"))]
    let _ = reading;
    let format = if path.as_os_str() == STDIN {
        Format::Text
    } else {
        format_of(path)?
    };
    let mut bytes = Vec::new();
    let io = |source| SourceError::Io {
        path: path.to_owned(),
        source,
    };
    if path.as_os_str() == STDIN {
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
    } else {
        bytes = read_file(path).map_err(io)?;
    }
    from_bytes(path, bytes, format, encoding)
}

/// Large UTF-8 text files read where they lie.
#[cfg(feature = "inputs")]
mod mapped {
    use super::{Format, Source, SourceError};
    use std::path::Path;
    use std::sync::Arc;

    /// A mapped file's text: its bytes, checked as UTF-8 when mapped.
    struct MappedText {
        map: memmap2::Mmap,
    }

    impl AsRef<str> for MappedText {
        fn as_ref(&self) -> &str {
            let bytes: &[u8] = &self.map;
            // SAFETY: `read` built this only after checking these very bytes as UTF-8, and the
            // mapping is read-only (see `Reading::MapLarge` for another program changing the file).
            unsafe { std::str::from_utf8_unchecked(bytes) }
        }
    }

    /// The source of a plain-text file of `MAP_MIN` bytes or more that is UTF-8, read where it
    /// lies; `None` for any other file (read as usual).
    pub(super) fn read(path: &Path) -> Result<Option<Source>, SourceError> {
        if super::format_of(path)? != Format::Text {
            return Ok(None);
        }
        let io = |source| SourceError::Io {
            path: path.to_owned(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if !meta.is_file() || usize::try_from(meta.len()).map_or(true, |n| n < super::MAP_MIN) {
            return Ok(None);
        }
        // SAFETY: the mapping is read-only and lives as long as the text made of it; a program
        // that changes the file meanwhile is the documented risk of `Reading::MapLarge`. A file
        // system that cannot map files has the file read as usual.
        let Ok(map) = (unsafe { memmap2::Mmap::map(&file) }) else {
            return Ok(None);
        };
        let bytes: &[u8] = &map;
        // A byte-order mark (UTF-8 or UTF-16) is decoded as usual, into a copy.
        if encoding_rs::Encoding::for_bom(bytes).is_some() {
            return Ok(None);
        }
        let (nul, utf8) = super::scan(bytes);
        super::check_binary(path, nul)?;
        if !utf8 {
            return Ok(None); // GBK, Big5 …: decoded into a copy
        }
        Ok(Some(Source {
            text: crate::model::Text::shared(Arc::new(MappedText { map })),
            display: None,
            encoding: "utf-8",
            format: Format::Text,
            segments: Vec::new(),
        }))
    }
}

/// How much of a file that is not UTF-8 the encoding detector reads.
#[cfg(feature = "inputs")]
const DETECTION_SAMPLE: usize = 64 * 1024;

/// Files at least this large are read, and their bytes checked, on several threads: reading a
/// large file (copying it and faulting its pages in) would otherwise leave the other cores idle.
const PARALLEL_READ_MIN: usize = 4 * 1024 * 1024;

/// The bytes of a file; a large one read in parts side by side.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        let file = std::fs::File::open(path)?;
        let len = usize::try_from(file.metadata()?.len()).unwrap_or(0);
        let threads = crate::threads::threads();
        if len >= PARALLEL_READ_MIN && threads > 1 {
            let mut bytes = vec![0u8; len];
            let part = len.div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = bytes
                    .chunks_mut(part)
                    .enumerate()
                    .map(|(i, piece)| {
                        let file = &file;
                        scope.spawn(move || file.read_exact_at(piece, (i * part) as u64))
                    })
                    .collect();
                handles
                    .into_iter()
                    .try_for_each(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            })?;
            return Ok(bytes);
        }
    }
    std::fs::read(path)
}

/// The size of the pieces [`scan`] reads at a time: well within a core's second-level cache.
#[cfg(feature = "inputs")]
const SCAN_PIECE: usize = 64 * 1024;

/// `bytes` in pieces of about `size` bytes, each with its offset, cut where characters start
/// (continuation bytes, 10xxxxxx, go with the piece before): pieces of UTF-8 are each UTF-8, and
/// an ill-formed sequence is ill-formed in the piece that holds it.
#[cfg(feature = "inputs")]
fn pieces(bytes: &[u8], size: usize) -> impl Iterator<Item = (usize, &[u8])> {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= bytes.len() {
            return None;
        }
        let mut to = from.saturating_add(size.max(1)).min(bytes.len());
        while bytes.get(to).is_some_and(|b| b & 0xC0 == 0x80) {
            to += 1;
        }
        let piece = (from, bytes.get(from..to).unwrap_or_default());
        from = to;
        Some(piece)
    })
}

/// The offset of the first NUL byte, and whether the bytes are UTF-8; a large input is scanned
/// in parts side by side (split where characters start, so each part is UTF-8 when the whole is).
#[cfg(feature = "inputs")]
fn scan(bytes: &[u8]) -> (Option<usize>, bool) {
    let one = |part: &[u8]| {
        // Both questions asked of each piece while it is in the cache: one pass over the part's
        // memory, not two (a mapped file's pages are faulted in by the first).
        let (mut nul, mut utf8) = (None, true);
        for (from, piece) in pieces(part, SCAN_PIECE) {
            if nul.is_none() {
                nul = memchr::memchr(0, piece).map(|n| from + n);
            }
            utf8 = utf8 && encoding_rs::Encoding::utf8_valid_up_to(piece) == piece.len();
        }
        (nul, utf8)
    };
    let threads = crate::threads::threads();
    if bytes.len() < PARALLEL_READ_MIN || threads < 2 {
        return one(bytes);
    }
    let mut bounds: Vec<usize> = (0..threads)
        .map(|i| {
            let mut at = bytes.len() * i / threads;
            // Not inside a character: continuation bytes are 10xxxxxx.
            while bytes.get(at).is_some_and(|b| b & 0xC0 == 0x80) {
                at += 1;
            }
            at
        })
        .collect();
    bounds.push(bytes.len());
    let results: Vec<(Option<usize>, bool)> = std::thread::scope(|scope| {
        let handles: Vec<_> = bounds
            .iter()
            .zip(bounds.iter().skip(1))
            .map(|(&from, &to)| {
                let to = to.max(from);
                scope.spawn(move || {
                    let (nul, utf8) = one(bytes.get(from..to).unwrap_or_default());
                    (nul.map(|n| from + n), utf8)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let nul = results.iter().find_map(|(n, _)| *n);
    (nul, results.iter().all(|(_, utf8)| *utf8))
}

/// Decode the bytes of an input of the given format.
pub fn from_bytes(
    path: &Path,
    bytes: Vec<u8>,
    format: Format,
    encoding: Option<&str>,
) -> Result<Source, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty {
            path: path.to_owned(),
        });
    }
    if format == Format::Docx {
        return docx_source(path, &bytes);
    }
    let (text, encoding) = decode(path, bytes, encoding)?;
    let (text, display) = match format {
        Format::Markdown => (crate::source::markdown::mask(&text), Some(text)),
        _ => (text, None),
    };
    Ok(Source {
        text: text.into(),
        display,
        encoding,
        format,
        #[cfg(feature = "inputs")]
        segments: Vec::new(),
    })
}

#[cfg(feature = "inputs")]
fn docx_source(path: &Path, bytes: &[u8]) -> Result<Source, SourceError> {
    let d = crate::source::docx::extract(bytes).map_err(|source| SourceError::Docx {
        path: path.to_owned(),
        source,
    })?;
    Ok(Source {
        text: d.text.into(),
        display: None,
        encoding: "utf-8",
        format: Format::Docx,
        segments: d.segments,
    })
}

#[cfg(not(feature = "inputs"))]
fn docx_source(path: &Path, _: &[u8]) -> Result<Source, SourceError> {
    Err(SourceError::Unsupported {
        path: path.to_owned(),
        extension: "docx (built without the `inputs` feature)".into(),
    })
}

/// Decode bytes to text: a forced encoding, else a byte-order mark, else UTF-8, else the
/// detected Chinese encoding (GBK/GB18030, Big5).
pub fn decode(
    path: &Path,
    bytes: Vec<u8>,
    forced: Option<&str>,
) -> Result<(String, &'static str), SourceError> {
    #[cfg(feature = "inputs")]
    {
        decode_with_encodings(path, bytes, forced)
    }
    #[cfg(not(feature = "inputs"))]
    {
        if let Some(label) = forced.filter(|l| !l.eq_ignore_ascii_case("utf-8")) {
            return Err(SourceError::UnknownEncoding(label.to_owned()));
        }
        decode_utf8(path, bytes)
    }
}

/// A binary file when a NUL byte was found (at `nul`).
fn check_binary(path: &Path, nul: Option<usize>) -> Result<(), SourceError> {
    match nul {
        Some(offset) => Err(SourceError::Binary {
            path: path.to_owned(),
            offset,
        }),
        None => Ok(()),
    }
}

#[cfg(not(feature = "inputs"))]
fn decode_utf8(path: &Path, bytes: Vec<u8>) -> Result<(String, &'static str), SourceError> {
    check_binary(path, memchr::memchr(0, &bytes))?;
    let mut text = String::from_utf8(bytes).map_err(|e| SourceError::Undecodable {
        path: path.to_owned(),
        reason: format!(
            "not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok((text, "utf-8"))
}

#[cfg(feature = "inputs")]
fn decode_with_encodings(
    path: &Path,
    bytes: Vec<u8>,
    forced: Option<&str>,
) -> Result<(String, &'static str), SourceError> {
    use encoding_rs::Encoding;
    let undecodable = |reason: String| SourceError::Undecodable {
        path: path.to_owned(),
        reason,
    };
    if let Some(label) = forced {
        let enc = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| SourceError::UnknownEncoding(label.to_owned()))?;
        let (text, had_errors) = enc.decode_with_bom_removal(&bytes);
        if had_errors {
            return Err(undecodable(format!("invalid {} bytes", enc.name())));
        }
        return Ok((text.into_owned(), static_name(enc)));
    }
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        let (text, had_errors) =
            enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        if had_errors {
            return Err(undecodable(format!(
                "invalid {} after its byte-order mark",
                enc.name()
            )));
        }
        return Ok((text.into_owned(), static_name(enc)));
    }
    // encoding_rs validates UTF-8 about 20× faster than the standard library on Chinese text
    // (measured: 2 ms against 44 ms for 30 MB), and validating is most of decoding.
    let (nul, utf8) = scan(&bytes);
    check_binary(path, nul)?;
    if utf8 {
        // SAFETY: every byte of `bytes` was just validated as UTF-8.
        return Ok((unsafe { String::from_utf8_unchecked(bytes) }, "utf-8"));
    }
    // The detector reads a sample: it costs some 300 instructions a byte (a 30 MB GBK file
    // took seconds), and 64 KiB of Chinese text tell GBK from Big5 as surely as the whole file.
    // The sample ends after an ASCII byte, never inside a character.
    let sample = bytes
        .get(..bytes.len().min(DETECTION_SAMPLE))
        .unwrap_or_default();
    let sample = if sample.len() < bytes.len() {
        sample
            .iter()
            .rposition(u8::is_ascii)
            .map_or(sample, |i| sample.get(..=i).unwrap_or_default())
    } else {
        sample
    };
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    // Reports are Chinese: a guess of another legacy encoding (windows-1251 for random bytes) is
    // no answer; GB18030, the superset of GBK, is then the one to try.
    let chinese = [encoding_rs::GBK, encoding_rs::GB18030, encoding_rs::BIG5];
    let enc = if chinese.contains(&guess) {
        guess
    } else {
        encoding_rs::GB18030
    };
    match enc.decode_without_bom_handling_and_without_replacement(&bytes) {
        Some(text) => Ok((text.into_owned(), static_name(enc))),
        None => Err(undecodable(format!(
            "not UTF-8, and not valid {} either (use --encoding to name the encoding)",
            enc.name()
        ))),
    }
}

/// The lower-case name of an encoding, as the JSON report gives it.
#[cfg(feature = "inputs")]
fn static_name(enc: &'static encoding_rs::Encoding) -> &'static str {
    match enc.name() {
        "UTF-8" => "utf-8",
        "GBK" => "gbk",
        "gb18030" => "gb18030",
        "Big5" => "big5",
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: Vec<u8>) -> Result<(String, &'static str), SourceError> {
        decode(Path::new("x.txt"), bytes, None)
    }

    #[test]
    fn decoding() {
        assert_eq!(text("\u{FEFF}一".as_bytes().to_vec()).unwrap().0, "一");
        assert!(matches!(
            from_bytes(Path::new("x"), vec![], Format::Text, None),
            Err(SourceError::Empty { .. })
        ));
        assert!(matches!(
            text(vec![b'a', 0]),
            Err(SourceError::Binary { offset: 1, .. })
        ));
    }

    #[cfg(feature = "inputs")]
    #[test]
    fn chinese_encodings() {
        // 你好，共有47户 in GBK
        let (gbk, _, _) = encoding_rs::GBK.encode("你好，共有47户。全县农村自来水普及率达到90%。");
        let (t, enc) = text(gbk.into_owned()).unwrap();
        assert_eq!(t, "你好，共有47户。全县农村自来水普及率达到90%。");
        assert!(enc == "gbk" || enc == "gb18030", "{enc}");
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "共有47户".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(text(utf16).unwrap(), ("共有47户".to_owned(), "utf-16le"));
        assert!(matches!(
            decode(Path::new("x"), b"abc".to_vec(), Some("klingon")),
            Err(SourceError::UnknownEncoding(_))
        ));
    }

    /// Scanned in small pieces, any text gives what one look at the whole gives: whether it is
    /// UTF-8 (a character or an ill-formed sequence across a cut included) and its first NUL.
    #[cfg(feature = "inputs")]
    #[test]
    fn scanning_in_pieces() {
        let whole = |b: &[u8]| {
            let utf8 = std::str::from_utf8(b).is_ok();
            (b.iter().position(|&x| x == 0), utf8)
        };
        let chinese = "全县常住人口32.1万人，𠀀增长0.5%。".repeat(3).into_bytes();
        let (gbk, _, _) = encoding_rs::GBK.encode("全县常住人口32.1万人");
        let mut cases = vec![chinese.clone(), gbk.into_owned()];
        for cut in [1, 2, 5, 17] {
            let mut broken = chinese.clone();
            broken.insert(cut, 0xE5); // a lead byte where a character should start
            cases.push(broken);
            let mut stray = chinese.clone();
            stray.insert(cut, 0x80); // a continuation byte with no lead
            cases.push(stray);
            let mut nul = chinese.clone();
            nul.insert(cut * 7, 0);
            cases.push(nul);
            cases.push(
                chinese
                    .get(..chinese.len() - cut)
                    .unwrap_or_default()
                    .to_vec(),
            );
        }
        for bytes in &cases {
            for size in [1, 2, 3, 4, 7, 64] {
                let (mut nul, mut utf8, mut len) = (None, true, 0);
                for (from, piece) in pieces(bytes, size) {
                    assert_eq!(from, len);
                    len += piece.len();
                    nul = nul.or(piece.iter().position(|&x| x == 0).map(|n| from + n));
                    utf8 &= std::str::from_utf8(piece).is_ok();
                }
                assert_eq!(len, bytes.len());
                assert_eq!((nul, utf8), whole(bytes), "{bytes:?} in pieces of {size}");
            }
            assert_eq!(scan(bytes), whole(bytes));
        }
    }
}
