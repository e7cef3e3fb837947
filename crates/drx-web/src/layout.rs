//! The page shell: header with navigation by role, language switch, sign-in state, footer.
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::ctx::Ctx;
use super::error::urlencode;
use drx_core::auth::authorization::{can, Permission};

/// A whole page with `title` and `body`, in the context's language.
pub fn page(ctx: &Ctx, title: &str, body: Markup) -> Response {
    let other = ctx.lang.other();
    let markup = html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · drx" }
                link rel="stylesheet" href="/static/app.css";
            }
            body {
                header class="top" {
                    a class="brand" href="/" { span class="logo" { "drx" } span class="tagline" { (ctx.t("brand-tagline")) } }
                    nav {
                        @if let Some(user) = &ctx.user {
                            a href="/" { (ctx.t("nav-home")) }
                            a href="/calls" { (ctx.t("nav-calls")) }
                            a href="/needs" { (ctx.t("nav-needs")) }
                            a href="/teams" { (ctx.t("nav-teams")) }
                            a href="/projects" { (ctx.t("nav-projects")) }
                            a href="/messages" { (ctx.t("nav-messages")) (count_badge(ctx.unread.0)) }
                            a href="/notifications" { (ctx.t("nav-notifications")) (count_badge(ctx.unread.1)) }
                            a href="/events" { (ctx.t("nav-events")) }
                            @if drx_core::auth::authorization::can_oversee_projects(user) {
                                a href="/dashboard" { (ctx.t("dashboard-title")) }
                            }
                            @if can(user, Permission::ListAccounts) {
                                a href="/admin/people" { (ctx.t("nav-people")) }
                            }
                            @if can(user, Permission::ManageOrganizations) {
                                a href="/admin/organizations" { (ctx.t("nav-organizations")) }
                            }
                            a href="/account" { (user.name) }
                            form method="post" action="/logout" class="inline" {
                                (csrf_field(ctx))
                                button type="submit" class="link" { (ctx.t("nav-logout")) }
                            }
                        } @else {
                            a href="/open-calls" { (ctx.t("open-calls-title")) }
                            a href="/events" { (ctx.t("nav-events")) }
                            a href="/register" { (ctx.t("register-title")) }
                            a href="/login" { (ctx.t("nav-login")) }
                        }
                        a class="lang" href={ "/lang/" (other.code()) "?next=" (urlencode(&ctx.path)) } lang=(other.code()) {
                            (drx_core::i18n::t(other, "lang-name"))
                        }
                    }
                }
                main {
                    @if let Some(reason) = &ctx.refusal { (notice("error", reason)) }
                    (body)
                }
                footer { (ctx.t("footer")) }
            }
        }
    };
    let mut res = (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response();
    if ctx.refusal.is_some() {
        // Shown once: the reason is for the page right after the refused action.
        let clear = super::ctx::set_cookie(
            super::error::REFUSAL_COOKIE,
            "",
            Some(0),
            ctx.secure_cookies,
        );
        res.headers_mut().append(header::SET_COOKIE, clear);
    }
    res
}

/// A page again after its form was refused, with the reason in `body`: 422.
pub fn refused(ctx: &Ctx, title: &str, body: Markup) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page(ctx, title, body)).into_response()
}

/// An unread count beside a navigation link (nothing when zero).
fn count_badge(n: i64) -> Markup {
    html! { @if n > 0 { " " span class="count" { (n) } } }
}

/// The hidden CSRF field every form carries.
pub fn csrf_field(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name="csrf" value=(ctx.csrf); }
}

/// A message box above a form.
pub fn notice(kind: &str, text: &str) -> Markup {
    html! { div class={ "notice " (kind) } role="status" { (text) } }
}

/// A horizontal bar proportional to `value / max`, for counts in tables (no JavaScript).
pub fn bar(value: i64, max: i64) -> Markup {
    let pct = if max > 0 {
        (value as f64 / max as f64 * 100.0).round() as i64
    } else {
        0
    };
    html! { span class="bar" { span class={ "fill w" (pct / 5 * 5) } {} } (PreEscaped("&nbsp;")) (value) }
}

/// A file's size for people: KB (rounded up) below 1 MB, MB with one decimal from there.
pub fn file_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// A date-time for people in China by default (UTC+8), ISO-like.
pub fn datetime(ts: i64) -> String {
    drx_core::services::calls::china_time(ts)
}

/// The first `max` characters of a text, with an ellipsis when it was cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}
