//! File downloads: the headers every file sent to be saved carries.
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

pub const CSV: &str = "text/csv; charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file to save: `body` with its Content-Type and Content-Disposition; a `private` file is
/// also never cached (`Cache-Control: private, no-store`).
pub fn attachment(
    body: impl IntoResponse,
    content_type: HeaderValue,
    disposition: HeaderValue,
    private: bool,
) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, content_type);
    h.insert(header::CONTENT_DISPOSITION, disposition);
    if private {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    res
}

/// An export the server made (`filename` ASCII), never cached.
pub fn export(bytes: Vec<u8>, content_type: &'static str, filename: &str) -> Response {
    attachment(
        bytes,
        HeaderValue::from_static(content_type),
        plain_disposition(filename),
        true,
    )
}

/// A file someone uploaded, under its (possibly Chinese) name and the type stored with it,
/// never cached.
pub fn uploaded_file(name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    attachment(
        bytes,
        stored_type(content_type),
        content_disposition(name),
        true,
    )
}

/// A stored Content-Type, or `application/octet-stream` when it is not a valid header value.
pub fn stored_type(content_type: &str) -> HeaderValue {
    HeaderValue::from_str(content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"))
}

/// `attachment; filename="<filename>"` for a name that is safe in a header as it is (otherwise
/// just `attachment`).
pub fn plain_disposition(filename: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

/// `filename*` per RFC 6266/5987, with an ASCII fallback, so Chinese names survive.
pub fn content_disposition(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}
