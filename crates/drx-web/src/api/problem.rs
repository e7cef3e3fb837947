//! Errors of the API as RFC 9457 problem details (`application/problem+json`): every refusal,
//! including malformed JSON, bad query parameters, unknown paths and wrong methods.
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use drx_core::i18n::{self as i18n, Lang};
use drx_core::services::ServiceError;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem detail (RFC 9457). `detail_zh` is the same explanation in Chinese.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the kind of problem; `about:blank` when the status says it all.
    #[serde(rename = "type")]
    pub kind: String,
    /// The status's short summary.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, in English.
    pub detail: String,
    /// The same, in Chinese.
    pub detail_zh: String,
}

impl Problem {
    pub fn new(
        status: StatusCode,
        detail: impl Into<String>,
        detail_zh: impl Into<String>,
    ) -> Problem {
        Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: detail.into(),
            detail_zh: detail_zh.into(),
        }
    }

    pub fn not_found() -> Problem {
        Problem::new(
            StatusCode::NOT_FOUND,
            "There is no such resource, or you may not see it.",
            "资源不存在，或您无权查看。",
        )
    }

    pub fn forbidden() -> Problem {
        Problem::new(
            StatusCode::FORBIDDEN,
            "Your account may not do this.",
            "您的账户无权执行此操作。",
        )
    }

    pub fn unauthorized() -> Problem {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "Send a valid, unrevoked, unexpired personal API token as \"Authorization: Bearer drx_...\".",
            "请以 \"Authorization: Bearer drx_...\" 发送有效、未撤销且未过期的个人 API 令牌。",
        )
    }

    pub fn bad_request(detail: impl Into<String>) -> Problem {
        let detail = detail.into();
        Problem::new(
            StatusCode::BAD_REQUEST,
            detail.clone(),
            format!("请求无效：{detail}"),
        )
    }

    /// A refusal by the services, worded from its i18n message.
    pub fn invalid(m: &drx_core::services::Msg) -> Problem {
        Problem {
            kind: format!("/api/v1/problems/{}", m.key),
            ..Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                i18n::msg(Lang::En, m),
                i18n::msg(Lang::Zh, m),
            )
        }
    }

    /// A server fault: logged with an id the client can quote, no trace shown.
    pub fn internal(e: impl std::fmt::Display) -> Problem {
        let id = &drx_core::auth::credentials::new_token()[..12];
        tracing::error!(error_id = id, "api internal error: {e}");
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("Something went wrong on the server; quote {id} if you ask for help."),
            format!("服务器出错；如需帮助请提供编号 {id}。"),
        )
    }

    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status_code();
        let body = serde_json::to_vec(&self).expect("a problem serializes");
        let mut res = (status, body).into_response();
        res.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"drx\""),
            );
        }
        res
    }
}

impl From<ServiceError> for Problem {
    fn from(e: ServiceError) -> Problem {
        match e {
            ServiceError::Forbidden => Problem::forbidden(),
            ServiceError::NotFound => Problem::not_found(),
            ServiceError::Invalid(m) => Problem::invalid(&m),
            ServiceError::Throttled { minutes } => Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!("Too many attempts; retry in {minutes} minutes."),
                format!("尝试次数过多，请 {minutes} 分钟后再试。"),
            ),
            ServiceError::Store(s) => Problem::internal(s),
        }
    }
}

/// Gives every error response of the API that is not a problem yet (axum's own 404, 405, 413,
/// 415 ...) a problem body, and sets the headers every API response carries.
pub async fn problems_everywhere(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    let mut res = if (status.is_client_error() || status.is_server_error()) && !is_problem {
        let allow = res.headers().get(header::ALLOW).cloned();
        let detail = match status {
            StatusCode::NOT_FOUND => "There is no such path in the API.".to_string(),
            StatusCode::METHOD_NOT_ALLOWED => "This method is not allowed on this path.".into(),
            _ => status.canonical_reason().unwrap_or("Error").to_string(),
        };
        let zh = match status {
            StatusCode::NOT_FOUND => "API 中没有此路径。".to_string(),
            StatusCode::METHOD_NOT_ALLOWED => "此路径不允许该方法。".into(),
            _ => format!("请求失败（{}）。", status.as_u16()),
        };
        let mut r = if status.is_server_error() {
            Problem::internal(format!("bare {status} response"))
        } else {
            Problem::new(status, detail, zh)
        }
        .into_response();
        if let Some(a) = allow {
            r.headers_mut().insert(header::ALLOW, a);
        }
        r
    } else {
        res
    };
    let h = res.headers_mut();
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
