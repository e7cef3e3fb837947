//! Form posts: the body is parsed with a clear error for malformed input, and the CSRF token is
//! checked before the handler sees anything. Every state-changing page handler takes [`CsrfForm`].
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::ctx::Ctx;
use super::error::WebError;
use super::AppState;
use crate::auth::credentials::constant_time_eq;

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
