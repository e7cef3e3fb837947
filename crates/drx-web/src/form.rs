//! Form posts: the body is parsed with a clear error for malformed input, and the CSRF token is
//! checked before the handler sees anything. Every state-changing page handler takes
//! [`CsrfForm`], or, for a form with files, reads it with [`read_multipart`]: the same CSRF and
//! NUL checks, one place.
use axum::body::Bytes;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::{FromRequest, FromRequestParts, Multipart, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::ctx::Ctx;
use super::error::WebError;
use super::AppState;
use drx_core::auth::credentials::constant_time_eq;

pub struct CsrfForm<T>(pub T);

/// A form with nothing but its CSRF token: a button that does one thing.
#[derive(Deserialize)]
pub struct Empty {}

#[derive(Deserialize)]
struct TokenOnly {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, WebError> {
        let (mut parts, body) = req.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        let is_form = parts
            .headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let req = Request::from_parts(parts, body);
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| WebError::BadRequest {
                en: "The form is too large.".into(),
                zh: "表单内容过大。".into(),
            })?;
        if !is_form {
            return Err(WebError::BadRequest {
                en: "Expected a form (application/x-www-form-urlencoded).".into(),
                zh: "请求不是表单格式。".into(),
            });
        }
        if has_encoded_nul(&bytes) {
            return Err(nul_refused());
        }
        let token: TokenOnly = serde_html_form::from_bytes(&bytes).map_err(|_| WebError::Csrf)?;
        if ctx.csrf.is_empty() || !constant_time_eq(&token.csrf, &ctx.csrf) {
            return Err(WebError::Csrf);
        }
        let value = serde_html_form::from_bytes(&bytes).map_err(|e| WebError::BadRequest {
            en: format!("The form could not be read: {e}."),
            zh: format!("无法读取表单：{e}。"),
        })?;
        Ok(CsrfForm(value))
    }
}

/// Whether a URL-encoded text holds an encoded NUL (`%00`). `%` itself is sent as `%25`, so
/// `%00` can only be a NUL, which no text field needs and PostgreSQL cannot store.
pub fn has_encoded_nul(encoded: &[u8]) -> bool {
    encoded
        .windows(3)
        .any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
        || encoded.contains(&0)
}

pub fn nul_refused() -> WebError {
    WebError::BadRequest {
        en: "The request holds a NUL character, which no field accepts.".into(),
        zh: "请求中含有 NUL 字符，任何字段都不接受。".into(),
    }
}

/// A multipart form as posted: its text fields and its files, CSRF checked.
#[derive(Debug, Default)]
pub struct MultipartForm {
    texts: Vec<(String, String)>,
    files: Vec<(String, String, Vec<u8>)>,
}

impl MultipartForm {
    /// A text field's value ("" when absent).
    pub fn text(&self, name: &str) -> &str {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// A file field: (file name, bytes); None when absent or when no file was chosen.
    pub fn file(&self, name: &str) -> Option<(String, Vec<u8>)> {
        self.files
            .iter()
            .find(|(n, file, bytes)| n == name && !(file.is_empty() && bytes.is_empty()))
            .map(|(_, file, bytes)| (file.clone(), bytes.clone()))
    }
}

/// What a multipart post may bring instead of a multipart form.
pub type MultipartBody = Result<Multipart, MultipartRejection>;

/// Reads a multipart form (a form with files) the way [`CsrfForm`] reads the others: refuses a
/// body that is not multipart, a missing or wrong CSRF token (`expected_csrf`, the session's),
/// and a NUL character in any text field or file name; a body over the route's limit gets the
/// "file too large" message with `max_bytes`.
pub async fn read_multipart(
    expected_csrf: &str,
    body: MultipartBody,
    max_bytes: usize,
) -> Result<MultipartForm, WebError> {
    let mut multipart = body.map_err(|_| WebError::BadRequest {
        en: "Expected a form with files (multipart/form-data).".into(),
        zh: "请求不是带文件的表单格式。".into(),
    })?;
    let unreadable = |e: MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            let m = drx_core::services::Msg::new("error-file-too-large")
                .arg("max", max_bytes / (1024 * 1024));
            WebError::BadRequest {
                en: drx_core::i18n::msg(drx_core::i18n::Lang::En, &m),
                zh: drx_core::i18n::msg(drx_core::i18n::Lang::Zh, &m),
            }
        } else {
            WebError::BadRequest {
                en: "The form could not be read.".into(),
                zh: "无法读取表单。".into(),
            }
        }
    };
    let mut form = MultipartForm::default();
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or("").to_string();
        match field.file_name().map(str::to_string) {
            Some(file_name) => {
                let bytes = field.bytes().await.map_err(unreadable)?.to_vec();
                if file_name.contains('\0') {
                    return Err(nul_refused());
                }
                form.files.push((name, file_name, bytes));
            }
            None => {
                let text = field.text().await.map_err(unreadable)?;
                if text.contains('\0') {
                    return Err(nul_refused());
                }
                form.texts.push((name, text));
            }
        }
    }
    if expected_csrf.is_empty() || !constant_time_eq(form.text("csrf"), expected_csrf) {
        return Err(WebError::Csrf);
    }
    Ok(form)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    async fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> MultipartBody {
        let mut body = Vec::new();
        for (name, file, bytes) in parts {
            body.extend_from_slice(b"--XyZ\r\n");
            match file {
                Some(f) => body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
                ),
                None => body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                ),
            }
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(b"--XyZ--\r\n");
        let req = Request::builder()
            .method("POST")
            .header("content-type", "multipart/form-data; boundary=XyZ")
            .body(Body::from(body))
            .unwrap();
        Multipart::from_request(req, &()).await
    }

    #[tokio::test]
    async fn a_multipart_form_with_the_token_gives_its_texts_and_files() {
        let body = multipart(&[
            ("csrf", None, b"tok"),
            ("title", None, "标题".as_bytes()),
            ("file", Some("a.pdf"), b"%PDF\0binary"),
        ])
        .await;
        let f = read_multipart("tok", body, 1 << 20).await.unwrap();
        assert_eq!(f.text("title"), "标题");
        assert_eq!(f.text("missing"), "");
        assert_eq!(
            f.file("file"),
            Some(("a.pdf".into(), b"%PDF\0binary".to_vec()))
        );
    }

    #[tokio::test]
    async fn a_missing_or_wrong_token_is_refused() {
        for parts in [
            &[("csrf", None, &b"bad"[..])][..],
            &[("title", None, &b"x"[..])][..],
        ] {
            let r = read_multipart("tok", multipart(parts).await, 1 << 20).await;
            assert!(matches!(r, Err(WebError::Csrf)), "{r:?}");
        }
        let r = read_multipart("", multipart(&[("csrf", None, b"")]).await, 1 << 20).await;
        assert!(
            matches!(r, Err(WebError::Csrf)),
            "no session token, no post"
        );
    }

    #[tokio::test]
    async fn a_nul_in_a_text_field_or_a_file_name_is_refused() {
        let text = multipart(&[("csrf", None, b"tok"), ("body", None, b"a\0b")]).await;
        assert!(matches!(
            read_multipart("tok", text, 1 << 20).await,
            Err(WebError::BadRequest { .. })
        ));
        let name = multipart(&[("csrf", None, b"tok"), ("file", Some("a\0.pdf"), b"x")]).await;
        assert!(matches!(
            read_multipart("tok", name, 1 << 20).await,
            Err(WebError::BadRequest { .. })
        ));
    }

    #[tokio::test]
    async fn a_body_that_is_not_multipart_is_refused() {
        let req = Request::builder()
            .method("POST")
            .header("content-type", "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let body = Multipart::from_request(req, &()).await;
        assert!(matches!(
            read_multipart("tok", body, 1 << 20).await,
            Err(WebError::BadRequest { .. })
        ));
    }

    #[test]
    fn encoded_nuls_are_found_and_percent_signs_are_not_mistaken_for_them() {
        assert!(has_encoded_nul(b"body=a%00b"));
        assert!(has_encoded_nul(b"q=\0"));
        assert!(!has_encoded_nul(b"body=100%2500"));
        assert!(!has_encoded_nul(b"body=a%20b"));
    }
}
