//! The web application: server-rendered pages in Chinese and English, forms that work without
//! JavaScript. Handlers only parse, ask `services`, and render; they hold no rules of their own.
pub mod api;
pub mod ctx;
pub mod error;
pub mod form;
pub mod layout;
pub mod pages;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::store::Db;

/// Settings of a running server.
#[derive(Clone, Debug)]
pub struct Config {
    /// The address users reach drx at, used in links sent by email.
    pub base_url: String,
    /// Mark cookies `Secure` (on when base_url is https).
    pub secure_cookies: bool,
    /// Logins to print on the login page (the demo only).
    pub demo_logins: Vec<(String, String)>,
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
}

/// Largest form body accepted (uploads have their own limit).
pub const FORM_BODY_LIMIT: usize = 256 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home::home))
        .route("/healthz", get(|| async { "ok" }))
        .route("/static/app.css", get(pages::assets::css))
        .route("/lang/{code}", get(pages::auth::switch_language))
        .route(
            "/login",
            get(pages::auth::login_page).post(pages::auth::login),
        )
        .route("/logout", post(pages::auth::logout))
        .route(
            "/password/forgot",
            get(pages::auth::forgot_page).post(pages::auth::forgot),
        )
        .route(
            "/password/reset/{token}",
            get(pages::auth::reset_page).post(pages::auth::reset),
        )
        .route(
            "/invite/{token}",
            get(pages::auth::invitation_page).post(pages::auth::accept_invitation),
        )
        .route("/account", get(pages::account::account_page))
        .route("/account/password", post(pages::account::change_password))
        .route(
            "/admin/people",
            get(pages::admin::people_page).post(pages::admin::create_person),
        )
        .route("/admin/invitations", post(pages::admin::invite))
        .route("/admin/people/{id}/roles", post(pages::admin::set_roles))
        .route("/admin/people/{id}/active", post(pages::admin::set_active))
        .route("/calls", get(pages::submissions::calls_page))
        .route("/calls/{id}", get(pages::submissions::call_page))
        .route(
            "/calls/new",
            get(pages::calls::new_page).post(pages::calls::create),
        )
        .route(
            "/calls/{id}/edit",
            get(pages::calls::edit_page).post(pages::calls::edit),
        )
        .route("/calls/{id}/phase", post(pages::calls::set_phase))
        .route("/calls/{id}/extend", post(pages::calls::extend))
        .route(
            "/calls/{id}/submit",
            get(pages::submissions::new_page).post(pages::submissions::create),
        )
        .route("/calls/{id}/submissions", get(pages::call_list::list_page))
        .route("/calls/{id}/overlaps", get(pages::call_list::overlaps_page))
        .route("/calls/{id}/export/csv", get(pages::call_list::export_csv))
        .route(
            "/calls/{id}/export/xlsx",
            get(pages::call_list::export_xlsx),
        )
        .route("/needs", get(pages::needs::list_page))
        .route(
            "/needs/import",
            get(pages::imports::needs_page)
                .post(pages::imports::import_needs)
                .layer(DefaultBodyLimit::max(pages::submissions::UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/calls/{id}/import",
            get(pages::imports::submissions_page)
                .post(pages::imports::import_submissions)
                .layer(DefaultBodyLimit::max(pages::submissions::UPLOAD_BODY_LIMIT)),
        )
        .route("/needs/{id}", get(pages::needs::need_page))
        .route(
            "/needs/new",
            get(pages::needs::new_need_page).post(pages::needs::create_need),
        )
        .route("/submissions/{id}", get(pages::submissions::detail))
        .route(
            "/submissions/{id}/edit",
            get(pages::submissions::edit_page).post(pages::submissions::edit),
        )
        .route("/submissions/{id}/submit", post(pages::submissions::submit))
        .route(
            "/submissions/{id}/withdraw",
            post(pages::submissions::withdraw),
        )
        .route(
            "/submissions/{id}/revisions",
            get(pages::submissions::revisions),
        )
        .route(
            "/submissions/{id}/attachments",
            post(pages::submissions::upload)
                .layer(DefaultBodyLimit::max(pages::submissions::UPLOAD_BODY_LIMIT)),
        )
        .route("/attachments/{id}", get(pages::submissions::download))
        .route(
            "/attachments/{id}/delete",
            post(pages::submissions::delete_attachment),
        )
        .route(
            "/submissions/{id}/matches",
            get(pages::matching::submission_matches),
        )
        .route(
            "/calls/{id}/assignment",
            get(pages::assignment::assignment_page).post(pages::assignment::run),
        )
        .route(
            "/calls/{id}/assignment/{run}",
            get(pages::assignment::run_page),
        )
        .route(
            "/calls/{id}/assignment/{run}/publish",
            post(pages::assignment::publish),
        )
        .route(
            "/reviews/{id}",
            get(pages::reviews::review_page).post(pages::reviews::save_review),
        )
        .route(
            "/reviews/{id}/conflict",
            post(pages::reviews::declare_conflict),
        )
        .route(
            "/submissions/{id}/discussion",
            get(pages::reviews::discussion_page).post(pages::reviews::post_message),
        )
        .route("/calls/{id}/progress", get(pages::ranking::progress_page))
        .route(
            "/calls/{id}/reminders",
            post(pages::ranking::send_reminders),
        )
        .route("/calls/{id}/ranking", get(pages::ranking::ranking_page))
        .route("/calls/{id}/decisions", post(pages::ranking::decide))
        .route("/dashboard", get(pages::dashboard::dashboard))
        .route("/dashboard/export/csv", get(pages::dashboard::export_csv))
        .route("/dashboard/export/xlsx", get(pages::dashboard::export_xlsx))
        .route("/calls/{id}/report", get(pages::dashboard::report))
        .route("/projects", get(pages::projects::board))
        .route(
            "/projects/new",
            get(pages::projects::new_page).post(pages::projects::create),
        )
        .route("/projects/export/csv", get(pages::projects::export_csv))
        .route("/projects/export/xlsx", get(pages::projects::export_xlsx))
        .route("/projects/{id}", get(pages::projects::detail))
        .route("/projects/{id}/check", post(pages::projects::check))
        .route("/projects/{id}/decision", post(pages::projects::decide))
        .route("/projects/{id}/pathway", post(pages::projects::pathway))
        .route(
            "/projects/{id}/milestones",
            post(pages::projects::add_milestone),
        )
        .route(
            "/milestones/{id}/done",
            post(pages::projects::milestone_done),
        )
        .route("/exports/{list}/{format}", get(pages::list_exports::export))
        .route(
            "/projects/{id}/documents",
            post(pages::projects::upload_document)
                .layer(DefaultBodyLimit::max(pages::submissions::UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/project-documents/{id}",
            get(pages::projects::download_document),
        )
        .merge(pages::account::token_routes())
        .fallback(pages::home::not_found)
        .layer(middleware::from_fn(guard))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            ctx::anonymous_csrf_cookie,
        ))
        .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT))
        .nest(api::BASE, api::router())
        .with_state(state)
}

/// Refuses cross-site state changes by their Origin before any handler runs, and sets the
/// headers every page carries.
async fn guard(req: Request, next: Next) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if let Some(origin) = req
            .headers()
            .get(header::ORIGIN)
            .and_then(|h| h.to_str().ok())
        {
            let origin_host = origin.split("://").nth(1).unwrap_or("");
            if origin != "null" && origin_host != host {
                return error::WebError::Csrf.into_response();
            }
        }
    }
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    h.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'"),
    );
    res
}

/// Serves until Ctrl-C.
pub async fn serve(state: AppState, addr: SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    tracing::info!("drx listening on http://{addr}");
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// A redirect after a successful form post (303, so the browser follows with GET).
pub fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}
