//! The checks every uploaded file gets, whatever it is attached to (a submission, a project, a
//! message): not empty, within the size limit, its kind told by its first bytes (never by its
//! name or the browser), office archives looked inside before anything opens them, a clean name
//! with the extension of what it really is, its checksum.
use sha2::{Digest, Sha256};

use super::{Msg, Result, ServiceError};

/// The largest file accepted.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

/// The kind of an uploaded file, told by its first bytes (never by the name or the browser).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Docx,
    Xlsx,
    Pptx,
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Png => "png",
            FileKind::Jpeg => "jpg",
            FileKind::Docx => "docx",
            FileKind::Xlsx => "xlsx",
            FileKind::Pptx => "pptx",
        }
    }
    pub fn from_content_type(ct: &str) -> Option<FileKind> {
        [
            FileKind::Pdf,
            FileKind::Png,
            FileKind::Jpeg,
            FileKind::Docx,
            FileKind::Xlsx,
            FileKind::Pptx,
        ]
        .into_iter()
        .find(|k| k.content_type() == ct)
    }
}

/// Sniffs the kind of a file. Office files are ZIP archives; the part names inside the archive
/// tell Word, Excel and PowerPoint apart (their first entries are named in the local headers).
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"%PDF-") {
        return Some(FileKind::Pdf);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(FileKind::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(FileKind::Jpeg);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        if !has(b"[Content_Types].xml") {
            return None;
        }
        if has(b"word/") {
            return Some(FileKind::Docx);
        }
        if has(b"xl/") {
            return Some(FileKind::Xlsx);
        }
        if has(b"ppt/") {
            return Some(FileKind::Pptx);
        }
    }
    None
}

/// Characters that change how the text around them is shown without being seen: bidirectional
/// embeddings, overrides, isolates and marks, zero-width spaces and joiners, the byte-order mark.
/// In a file name they disguise its type ("\u{202e}gnp.pdf" shows as "fdp.png").
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// A file name safe to keep and to send back: no path, no control characters, no invisible
/// formatting characters, bounded length, with the extension of its real kind.
pub fn clean_filename(name: &str, kind: FileKind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let mut stem: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_invisible_format(*c))
        .filter(|c| !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*'))
        .collect();
    if let Some(dot) = stem.rfind('.') {
        stem.truncate(dot);
    }
    let stem: String = stem.trim().chars().take(120).collect();
    let stem = if stem.is_empty() { "file".into() } else { stem };
    format!("{stem}.{}", kind.extension())
}

/// An uploaded file that passed the checks every upload gets.
pub struct CheckedFile {
    /// A safe name with the extension of what the file really is.
    pub name: String,
    pub kind: FileKind,
    /// SHA-256 of the content, hex.
    pub sha: String,
}

impl CheckedFile {
    /// The file to store: this name, type and checksum with the uploaded `bytes`.
    pub fn stored<'a>(&'a self, bytes: &'a [u8]) -> drx_store::NewFile<'a> {
        drx_store::NewFile {
            filename: &self.name,
            content_type: self.kind.content_type(),
            sha256: &self.sha,
            content: bytes,
        }
    }
}

/// The checks of every upload (submission attachments, project documents): not empty, within
/// the size limit, a type told by its first bytes, office archives within `archive::OFFICE`,
/// a clean name, its checksum.
pub fn check_upload(filename: &str, bytes: &[u8]) -> Result<CheckedFile> {
    if bytes.is_empty() {
        return Err(ServiceError::invalid("error-file-empty"));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(ServiceError::Invalid(
            Msg::new("error-file-too-large").arg("max", MAX_ATTACHMENT_BYTES / (1024 * 1024)),
        ));
    }
    let kind = sniff(bytes).ok_or_else(|| ServiceError::invalid("error-file-type"))?;
    if matches!(kind, FileKind::Docx | FileKind::Xlsx | FileKind::Pptx) {
        super::archive::inspect(bytes, &super::archive::OFFICE)
            .map_err(|_| ServiceError::invalid("error-file-archive"))?;
    }
    Ok(CheckedFile {
        name: clean_filename(filename, kind),
        kind,
        sha: hex::encode(Sha256::digest(bytes)),
    })
}
