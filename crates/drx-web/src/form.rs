//! Form posts: the body is parsed with a clear error for malformed input, and the CSRF token is
//! checked before the handler sees anything. Every state-changing page handler takes [`CsrfForm`].
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::ctx::Ctx;
use super::error::WebError;
use super::AppState;
use drx_core::auth::credentials::constant_time_eq;

pub struct CsrfForm<T>(pub T);

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

#[cfg(test)]
mod tests {
    #[test]
    fn encoded_nuls_are_found_and_percent_signs_are_not_mistaken_for_them() {
        assert!(super::has_encoded_nul(b"body=a%00b"));
        assert!(super::has_encoded_nul(b"q=\0"));
        assert!(!super::has_encoded_nul(b"body=100%2500"));
        assert!(!super::has_encoded_nul(b"body=a%20b"));
    }
}
