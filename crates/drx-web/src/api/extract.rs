//! What an API handler reads from a request, each refusal a problem: the bearer token's
//! person, JSON bodies, query strings and path parameters.
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use serde::de::DeserializeOwned;

use super::problem::Problem;
use crate::AppState;
use drx_core::model::Person;
use drx_core::now;
use drx_core::services::api_tokens;

/// The person whose personal API token came with the request. Cookies and sessions are not
/// accepted by the API: without a bearer token there is no person (401). A read-only token
/// answers 403 to anything but GET and HEAD.
pub struct ApiUser(pub Person);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let Some((scheme, secret)) = value.trim().split_once(' ') else {
            return Err(Problem::unauthorized());
        };
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(Problem::unauthorized());
        }
        match api_tokens::authenticate(&state.db, secret.trim(), now()).await? {
            Some((_, drx_domain::TokenScope::Read))
                if !matches!(parts.method, Method::GET | Method::HEAD) =>
            {
                Err(Problem::new(
                    StatusCode::FORBIDDEN,
                    "This API token may only read; make a token with write access on the account page.",
                    "此 API 令牌只能读取；请在账户页创建具有写入权限的令牌。",
                ))
            }
            Some((p, _)) => Ok(ApiUser(p)),
            None => Err(Problem::unauthorized()),
        }
    }
}

/// A JSON body; malformed JSON is a 400, a wrong shape a 422, a missing content type a 415.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Problem> {
        let headers = req.headers().clone();
        let bytes = match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => b,
            Err(e) => return Err(rejection(e.status(), e.body_text())),
        };
        if has_nul(&bytes) {
            return Err(nul_refused());
        }
        // Every body of this API is one JSON object: an array or a bare value is refused, even
        // where serde would read a struct from an array of its fields.
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            if !v.is_object() {
                return Err(rejection(
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    "the body must be a JSON object".into(),
                ));
            }
        }
        let mut req = Request::new(axum::body::Body::from(bytes));
        *req.headers_mut() = headers;
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(e) => Err(rejection(e.status(), e.body_text())),
        }
    }
}

/// A query string; unknown values of a known parameter are a 400.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        if parts
            .uri
            .query()
            .is_some_and(|q| q.to_ascii_lowercase().contains("%00"))
        {
            return Err(nul_refused());
        }
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(q) => Ok(ApiQuery(q.0)),
            Err(e) => Err(rejection(e.status(), e.body_text())),
        }
    }
}

/// Path parameters; a malformed id is a 400.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(p) => Ok(ApiPath(p.0)),
            Err(e) => Err(rejection(e.status(), e.body_text())),
        }
    }
}

/// NUL characters are refused in every text (PostgreSQL cannot store them, and no text needs one).
fn has_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"))
}

fn nul_refused() -> Problem {
    Problem::new(
        axum::http::StatusCode::BAD_REQUEST,
        "Text must not contain NUL characters.",
        "文本不得包含 NUL 字符。",
    )
}

fn rejection(status: axum::http::StatusCode, text: String) -> Problem {
    if status.is_server_error() {
        return Problem::internal(text);
    }
    let zh = format!("请求无法处理：{text}");
    Problem::new(status, text, zh)
}
