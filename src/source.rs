//! Reading inputs: bytes from a path or standard input, decoded to UTF-8 text.
//!
//! Every failure is a typed [`SourceError`] that names the input and the cause; the caller reports
//! it and goes on with the other files.

use std::io::Read;
use std::path::{Path, PathBuf};

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
    /// The bytes are not UTF-8 text.
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8")]
    NotUtf8 {
        /// The input.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file holds NUL bytes: a binary file.
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
    #[error("{path}: unsupported format .{extension}: save as .docx or .txt")]
    Unsupported {
        /// The input.
        path: PathBuf,
        /// Its extension.
        extension: String,
    },
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// Read and decode one input (`-` is standard input).
pub fn read(path: &Path) -> Result<String, SourceError> {
    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
        let ext = ext.to_ascii_lowercase();
        if matches!(ext.as_str(), "doc" | "wps" | "pdf") {
            return Err(SourceError::Unsupported {
                path: path.to_owned(),
                extension: ext,
            });
        }
    }
    let mut bytes = Vec::new();
    let io = |source| SourceError::Io {
        path: path.to_owned(),
        source,
    };
    if path.as_os_str() == STDIN {
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
    } else {
        bytes = std::fs::read(path).map_err(io)?;
    }
    decode(path, bytes)
}

/// Decode bytes as UTF-8 (a byte-order mark is dropped).
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty {
            path: path.to_owned(),
        });
    }
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        return Err(SourceError::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| SourceError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        let p = Path::new("x.txt");
        assert_eq!(decode(p, "\u{FEFF}一".as_bytes().to_vec()).unwrap(), "一");
        assert!(matches!(decode(p, vec![]), Err(SourceError::Empty { .. })));
        assert!(matches!(
            decode(p, vec![b'a', 0]),
            Err(SourceError::Binary { offset: 1, .. })
        ));
        assert!(matches!(
            decode(p, vec![b'a', 0xC4, 0xE3]),
            Err(SourceError::NotUtf8 { offset: 1, .. })
        ));
    }
}
