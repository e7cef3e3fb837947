//! The web layer's one error type and its pages: a clear message in both languages, never a
//! trace. Internal errors are logged with an id the user can quote.
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;

use drx_core::services::ServiceError;

#[derive(Debug)]
pub enum WebError {
    NotFound,
    Forbidden,
    /// Not signed in: go to the login page, then back to this path.
    LoginRequired(String),
    /// The form's CSRF token is missing or wrong.
    Csrf,
    /// A request that cannot be understood, with a message in both languages.
    BadRequest {
        en: String,
        zh: String,
    },
    TooManyAttempts {
        minutes: i64,
    },
    Internal(String),
    /// An action refused for a reason the person can act on, shown on the page it came from:
    /// a redirect to `to` that carries the reason in a short-lived cookie (see [`REFUSAL_COOKIE`]).
    Back {
        to: String,
        zh: String,
        en: String,
        secure: bool,
    },
}

/// The cookie that carries a refused action's reason to the page shown next.
pub const REFUSAL_COOKIE: &str = "drx_refused";

impl WebError {
    pub fn internal(e: impl std::fmt::Display) -> WebError {
        WebError::Internal(e.to_string())
    }
}

impl WebError {
    /// For an action posted from the page `to`: a refusal (`ServiceError::Invalid`) goes back to
    /// that page with its reason shown there; anything else is the usual error page.
    pub fn back_to<'a>(
        ctx: &'a crate::ctx::Ctx,
        to: &'a str,
    ) -> impl FnOnce(ServiceError) -> WebError + 'a {
        move |e| match WebError::from(e) {
            WebError::BadRequest { en, zh } => WebError::Back {
                to: to.to_string(),
                zh,
                en,
                secure: ctx.secure_cookies,
            },
            other => other,
        }
    }
}

/// The reason a refused action left for the next page, in `lang` (see [`WebError::Back`]).
pub fn refusal_from_cookie(value: &str, lang: drx_core::i18n::Lang) -> Option<String> {
    let (zh, en) = value.split_once('|')?;
    let text = urldecode(lang.pick(en, zh))?;
    let text = text.trim();
    (!text.is_empty() && text.chars().count() <= 500 && !text.chars().any(char::is_control))
        .then(|| text.to_string())
}

impl From<ServiceError> for WebError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Forbidden => WebError::Forbidden,
            ServiceError::NotFound => WebError::NotFound,
            ServiceError::Throttled { minutes } => WebError::TooManyAttempts { minutes },
            ServiceError::Invalid(m) => WebError::BadRequest {
                en: drx_core::i18n::msg(drx_core::i18n::Lang::En, &m),
                zh: drx_core::i18n::msg(drx_core::i18n::Lang::Zh, &m),
            },
            ServiceError::Store(s) => WebError::internal(s),
        }
    }
}

fn page(status: StatusCode, zh: &str, en: &str, detail: Option<(String, String)>) -> Response {
    let body = html! {
        (maud::DOCTYPE)
        html lang="zh" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (zh) " / " (en) " · drx" }
                link rel="stylesheet" href="/static/app.css";
            }
            body {
                main class="narrow error-page" {
                    h1 { (status.as_u16()) }
                    p lang="zh" { (zh) }
                    p lang="en" { (en) }
                    @if let Some((dzh, den)) = &detail {
                        p class="detail" lang="zh" { (dzh) }
                        p class="detail" lang="en" { (den) }
                    }
                    p { a href="/" { "返回首页 / Back to the home page" } }
                }
            }
        }
    };
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body.into_string(),
    )
        .into_response()
}

/// The page for a request the framework refused before any handler ran (its text as detail).
pub fn rejection_page(status: StatusCode, text: &str) -> Response {
    let text = text.trim();
    page(
        status,
        "请求无法处理：地址或表单的格式不正确。",
        "The request could not be processed: the address or the form is malformed.",
        Some((text.to_string(), text.to_string())),
    )
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::NotFound => page(StatusCode::NOT_FOUND, "页面不存在。", "This page does not exist.", None),
            WebError::Forbidden => page(StatusCode::FORBIDDEN, "您没有权限访问此页面。", "You are not allowed to see this page.", None),
            WebError::LoginRequired(next) => {
                let to = format!("/login?next={}", urlencode(&next));
                (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
            }
            WebError::Csrf => page(
                StatusCode::FORBIDDEN,
                "表单已过期或来源不明，未做任何更改。请返回、刷新页面后重试。",
                "The form was stale or came from another site; nothing was changed. Go back, reload the page and try again.",
                None,
            ),
            WebError::BadRequest { en, zh } => page(StatusCode::BAD_REQUEST, "请求无法处理。", "The request could not be processed.", Some((zh, en))),
            WebError::TooManyAttempts { minutes } => page(
                StatusCode::TOO_MANY_REQUESTS,
                &format!("登录失败次数过多，请 {minutes} 分钟后再试。"),
                &format!("Too many failed attempts. Try again in {minutes} minutes."),
                None,
            ),
            WebError::Back { to, zh, en, secure } => {
                let value = format!("{}|{}", urlencode(&zh), urlencode(&en));
                let cookie = crate::ctx::set_cookie(REFUSAL_COOKIE, &value, Some(120), secure);
                let to = crate::ctx::safe_next(Some(&to));
                (
                    StatusCode::SEE_OTHER,
                    [(header::LOCATION, to)],
                    [(header::SET_COOKIE, cookie)],
                )
                    .into_response()
            }
            WebError::Internal(detail) => {
                let id = &drx_core::auth::credentials::new_token()[..12];
                tracing::error!(error_id = id, "internal error: {detail}");
                page(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    &format!("服务器出错，未完成此操作。请稍后再试；如需帮助请提供编号 {id}。"),
                    &format!("Something went wrong on the server and the action was not completed. Try again later; quote {id} if you ask for help."),
                    None,
                )
            }
        }
    }
}

/// Decodes what [`urlencode`] wrote; `None` for malformed escapes or bytes that are not UTF-8.
pub fn urldecode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes a query value.
pub fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
