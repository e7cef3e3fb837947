//! The request context every handler starts from: language, the signed-in person, the CSRF
//! token the page's forms must carry, and the client's address for throttling.
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use super::error::WebError;
use super::AppState;
use drx_core::auth::credentials::new_token;
use drx_core::i18n::Lang;
use drx_core::model::Person;
use drx_core::now;

pub const SESSION_COOKIE: &str = "drx_session";
pub const CSRF_COOKIE: &str = "drx_csrf";
pub const LANG_COOKIE: &str = "drx_lang";

#[derive(Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub user: Option<Person>,
    /// The raw session token from the cookie, when signed in.
    pub session_token: Option<String>,
    /// What the page's forms carry and what a post must bring back.
    pub csrf: String,
    pub client_key: String,
    /// Path and query of this request (for "log in, then come back").
    pub path: String,
    pub secure_cookies: bool,
    /// Unread conversation messages and unread notices of the signed-in person (navigation).
    pub unread: (i64, i64),
    /// The reason the action this person just posted was refused, to show on this page.
    pub refusal: Option<String>,
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        drx_core::i18n::t(self.lang, key)
    }
    pub fn pick<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        self.lang.pick(en, zh)
    }
    /// The signed-in person, or a redirect to the login page.
    pub fn require_user(&self) -> Result<&Person, WebError> {
        self.user
            .as_ref()
            .ok_or_else(|| WebError::LoginRequired(self.path.clone()))
    }
}

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A Set-Cookie value with the flags drx always uses.
pub fn set_cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).expect("cookie values are hex or short ascii")
}

/// The CSRF token of an anonymous visitor, minted by [`anonymous_csrf_cookie`].
#[derive(Clone)]
struct MintedCsrf(String);

/// Gives a visitor without a CSRF cookie one (double-submit token for the login and other
/// anonymous forms). Signed-in forms use the token stored with the session instead.
pub async fn anonymous_csrf_cookie(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let existing = cookie(req.headers(), CSRF_COOKIE)
        .filter(|v| v.len() == 64)
        .map(str::to_string);
    let minted = existing.is_none().then(new_token);
    if let Some(t) = &minted {
        req.extensions_mut().insert(MintedCsrf(t.clone()));
    }
    let secure = state.config.secure_cookies;
    let mut res = next.run(req).await;
    if let Some(t) = minted {
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(CSRF_COOKIE, &t, None, secure),
        );
    }
    res
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Ctx, WebError> {
        if let Some(ctx) = parts.extensions.get::<Ctx>() {
            return Ok(ctx.clone());
        }
        let now = now();
        let session_token = cookie(&parts.headers, SESSION_COOKIE).map(str::to_string);
        let mut user = None;
        let mut csrf = None;
        if let Some(token) = &session_token {
            if let Some((person, token_csrf)) =
                drx_core::services::accounts::session_person(&state.db, token, now)
                    .await
                    .map_err(WebError::internal)?
            {
                user = Some(person);
                csrf = Some(token_csrf);
            }
        }
        let csrf = match csrf {
            Some(c) => c,
            None => match parts.extensions.get::<MintedCsrf>() {
                Some(m) => m.0.clone(),
                None => cookie(&parts.headers, CSRF_COOKIE)
                    .unwrap_or_default()
                    .to_string(),
            },
        };
        let lang = cookie(&parts.headers, LANG_COOKIE)
            .and_then(Lang::parse)
            .or_else(|| user.as_ref().and_then(|u| Lang::parse(&u.locale)))
            .unwrap_or_else(|| {
                Lang::from_accept_language(
                    parts
                        .headers
                        .get(header::ACCEPT_LANGUAGE)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or(""),
                )
            });
        let client_key = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_else(|| "local".to_string());
        let path = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
        let user = user.filter(|u| u.active);
        let unread = match &user {
            Some(u) => drx_core::services::conversations::unread_counts(&state.db, u.id)
                .await
                .map_err(WebError::from)?,
            None => (0, 0),
        };
        let refusal = cookie(&parts.headers, crate::error::REFUSAL_COOKIE)
            .and_then(|v| crate::error::refusal_from_cookie(v, lang));
        let ctx = Ctx {
            refusal,
            lang,
            user,
            session_token: session_token.filter(|_| csrf.len() == 64),
            csrf,
            client_key,
            path,
            secure_cookies: state.config.secure_cookies,
            unread,
        };
        parts.extensions.insert(ctx.clone());
        Ok(ctx)
    }
}

/// A local path to go back to after login: never another site.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(local_path).unwrap_or_else(|| "/".to_string())
}

/// `target` as a path on this site, or `None` when a browser would take it anywhere else.
///
/// The target is parsed as a browser parses a `Location` header (the WHATWG rules of the `url`
/// crate: tabs and newlines dropped, backslashes read as slashes, leading controls trimmed)
/// against a stand-in origin, and kept only when it stays on that origin. What is returned is
/// the parsed path, query and fragment, so the header carries what was checked, not the raw text.
pub fn local_path(target: &str) -> Option<String> {
    const HOME: &str = "http://drx.invalid/";
    if !target.starts_with('/') {
        return None;
    }
    let base = url::Url::parse(HOME).ok()?;
    let parsed = base.join(target).ok()?;
    if parsed.origin() != base.origin()
        || !parsed.username().is_empty()
        || parsed.password().is_some()
    {
        return None;
    }
    let mut path = parsed.path().to_string();
    if let Some(q) = parsed.query() {
        path.push('?');
        path.push_str(q);
    }
    if let Some(f) = parsed.fragment() {
        path.push('#');
        path.push_str(f);
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_never_leaves_the_site() {
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
        // What browsers drop or fold before resolving: tab, CR, LF, backslash, leading controls.
        for hostile in [
            "/\t/evil.example",
            "/\r/evil.example",
            "/\n/evil.example",
            "/\t\\evil.example",
            "\u{1}//evil.example",
            " //evil.example",
            "/%2F/evil.example",
            "///evil.example",
            "/\\/evil.example",
            "http:evil.example",
        ] {
            let next = safe_next(Some(hostile));
            assert!(
                !next.contains("evil.example") || next.starts_with("/%2F"),
                "{hostile:?} -> {next}"
            );
            assert!(
                !next.starts_with("//") && !next.contains(['\t', '\r', '\n', '\\']),
                "{hostile:?} -> {next}"
            );
        }
        // Paths on the site keep their query and fragment.
        assert_eq!(
            safe_next(Some("/calls/1?tab=rubric#c2")),
            "/calls/1?tab=rubric#c2"
        );
        assert_eq!(
            safe_next(Some("/needs?q=步态")),
            "/needs?q=%E6%AD%A5%E6%80%81"
        );
    }

    #[test]
    fn cookies_are_found_among_several() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; drx_lang=en; b=2"),
        );
        assert_eq!(cookie(&h, LANG_COOKIE), Some("en"));
        assert_eq!(cookie(&h, "c"), None);
    }
}
