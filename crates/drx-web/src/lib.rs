//! The web application: server-rendered pages in Chinese and English, forms that work without
//! JavaScript, and the REST API under `/api/v1`. Handlers only parse, ask `drx_core::services`,
//! and render; they hold no rules of their own.
//!
//! **Invariant:** this crate does not depend on `drx-store`, so it cannot name a query, a row
//! module or a transaction: it sees the core's calls and types (`drx_core::model`) only. Every
//! route is declared with the rule that guards it (`routes::Access`), per-object rules being
//! values of `drx_core::services::guards::ObjectRule`.
pub mod api;
pub mod ctx;
pub mod download;
pub mod error;
pub mod form;
pub mod layout;
pub mod pages;
pub mod routes;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

use drx_core::services::guards::ObjectRule::*;
use drx_core::Db;
use drx_domain::Role;
use routes::{get, post, Access::*, RouteTable};
pub use routes::{Access, RouteInfo};

/// Settings of a running server.
#[derive(Clone, Debug)]
pub struct Config {
    /// The address users reach drx at, used in links sent by email.
    pub base_url: String,
    /// Mark cookies `Secure` (on when base_url is https).
    pub secure_cookies: bool,
    /// Logins to print on the login page (the demo only).
    pub demo_logins: Vec<(String, String)>,
    /// The demo's shared password, shown beside those logins.
    pub demo_password: String,
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
}

/// Largest form body accepted (uploads have their own limit).
pub const FORM_BODY_LIMIT: usize = 256 * 1024;

/// Every route with the rule that guards it (see `routes.rs` and ARCHITECTURE.md).
/// `/api/v1` is not here: it is its own router with token authentication.
fn routes() -> RouteTable {
    use pages::*;
    const ADMIN: &[Role] = &[Role::Admin];
    const STAFF: &[Role] = &[Role::Admin, Role::Organizer];
    /// Who keeps an expertise profile.
    const EXPERTS: &[Role] = &[Role::Judge, Role::Engineer];
    const SUBMITTERS: &[Role] = &[Role::Admin, Role::Clinician];
    const NEED_AUTHORS: &[Role] = &[Role::Admin, Role::Organizer, Role::Clinician];
    /// Who creates engineering teams (engineers lead their own; staff name the lead).
    const TEAM_CREATORS: &[Role] = &[Role::Admin, Role::Organizer, Role::Engineer];
    const UPLOAD: usize = submissions::UPLOAD_BODY_LIMIT;
    RouteTable::new()
        .route("/", Public, get(home::home))
        .route("/healthz", Public, get(|| async { "ok" }))
        .route("/static/app.css", Public, get(assets::css))
        .route("/lang/{code}", Public, get(auth::switch_language))
        .route("/login", Public, get(auth::login_page).post(auth::login))
        .route("/logout", Public, post(auth::logout))
        .route(
            "/password/forgot",
            Public,
            get(auth::forgot_page).post(auth::forgot),
        )
        .route(
            "/password/reset/{token}",
            Public,
            get(auth::reset_page).post(auth::reset),
        )
        .route(
            "/invite/{token}",
            Public,
            get(auth::invitation_page).post(auth::accept_invitation),
        )
        .route(
            "/register",
            Public,
            get(register::register_page).post(register::register),
        )
        .route(
            "/register/verify/{token}",
            Public,
            get(register::verify_page).post(register::verify),
        )
        .route("/terms", Public, get(register::terms_page))
        .route("/open-calls", Public, get(open_calls::list_page))
        .route("/open-calls/{id}", Public, get(open_calls::call_page))
        .route("/account", SignedIn, get(account::account_page))
        .route(
            "/account/password",
            SignedIn,
            post(account::change_password),
        )
        .route("/account/tokens", SignedIn, post(account::create_token))
        .route(
            "/account/tokens/{id}/revoke",
            SignedIn,
            post(account::revoke_token),
        )
        .route(
            "/account/tokens/revoke-older",
            SignedIn,
            post(account::revoke_older_tokens),
        )
        .route(
            "/account/profile",
            Roles(EXPERTS),
            get(profiles::page_get).post(profiles::save),
        )
        .route(
            "/account/profile/works",
            Roles(EXPERTS),
            post(profiles::add_work),
        )
        .route(
            "/account/profile/works/{id}/delete",
            Roles(EXPERTS),
            post(profiles::remove_work),
        )
        .route(
            "/account/profile/import",
            Roles(EXPERTS),
            post(profiles::import_works).body_limit(UPLOAD),
        )
        .route(
            "/admin/profiles/import",
            Roles(STAFF),
            get(profiles::bulk_page)
                .post(profiles::bulk_import)
                .body_limit(UPLOAD),
        )
        .route(
            "/admin/people",
            Roles(STAFF),
            get(admin::people_page).post(admin::create_person),
        )
        .route(
            "/admin/invitations",
            Roles(STAFF),
            get(people::invitations_page).post(admin::invite),
        )
        .route(
            "/admin/invitations/{id}",
            Roles(STAFF),
            post(people::invitation_action),
        )
        .route(
            "/admin/people/{id}",
            Roles(STAFF),
            get(people::person_page).post(people::save_person),
        )
        .route(
            "/admin/people/{id}/sessions",
            Roles(ADMIN),
            post(people::sign_out_everywhere),
        )
        .route(
            "/admin/people/{id}/roles",
            Roles(STAFF),
            post(admin::set_roles),
        )
        .route(
            "/admin/people/{id}/active",
            Roles(ADMIN),
            post(admin::set_active),
        )
        .route(
            "/admin/organizations",
            Roles(ADMIN),
            get(organizations::list_page).post(organizations::create),
        )
        .route(
            "/admin/organizations/import",
            Roles(ADMIN),
            post(organizations::import).body_limit(UPLOAD),
        )
        .route(
            "/admin/organizations/{id}",
            Roles(ADMIN),
            get(organizations::detail_page).post(organizations::change),
        )
        .route("/calls", SignedIn, get(submissions::calls_page))
        .route("/calls/{id}", SignedIn, get(submissions::call_page))
        .route(
            "/calls/new",
            Roles(STAFF),
            get(calls::new_page).post(calls::create),
        )
        .route(
            "/calls/{id}/edit",
            CallOrganizer,
            get(calls::edit_page).post(calls::edit),
        )
        .route("/calls/{id}/phase", CallOrganizer, post(calls::set_phase))
        .route(
            "/calls/{id}/delete",
            CallOrganizer,
            get(calls::delete_page).post(calls::delete),
        )
        .route("/calls/{id}/archive", CallOrganizer, post(calls::archive))
        .route(
            "/calls/{id}/unarchive",
            Roles(ADMIN),
            post(calls::unarchive),
        )
        .route(
            "/calls/{id}/committee",
            CallOrganizer,
            get(committee::committee_page).post(committee::change),
        )
        .route(
            "/calls/{id}/committee/invite",
            CallOrganizer,
            post(committee::invite),
        )
        .route(
            "/calls/{id}/committee/invitations",
            CallOrganizer,
            post(committee::invitation_action),
        )
        .route("/calls/{id}/extend", CallOrganizer, post(calls::extend))
        .route(
            "/calls/{id}/submit",
            Roles(SUBMITTERS),
            get(submissions::new_page).post(submissions::create),
        )
        .route(
            "/calls/{id}/submissions",
            CallOrganizer,
            get(call_list::list_page),
        )
        .route(
            "/calls/{id}/overlaps",
            CallOrganizer,
            get(call_list::overlaps_page),
        )
        .route(
            "/calls/{id}/export/csv",
            CallOrganizer,
            get(call_list::export_csv),
        )
        .route(
            "/calls/{id}/export/xlsx",
            CallOrganizer,
            get(call_list::export_xlsx),
        )
        .route("/needs", SignedIn, get(needs::list_page))
        .route(
            "/needs/import",
            Roles(STAFF),
            get(imports::needs_page)
                .post(imports::import_needs)
                .body_limit(UPLOAD),
        )
        .route(
            "/calls/{id}/import",
            CallOrganizer,
            get(imports::submissions_page)
                .post(imports::import_submissions)
                .body_limit(UPLOAD),
        )
        .route("/needs/{id}", SignedIn, get(needs::need_page))
        .route(
            "/needs/new",
            Roles(NEED_AUTHORS),
            get(needs::new_need_page).post(needs::create_need),
        )
        .route(
            "/submissions/{id}",
            Party(ViewSubmission),
            get(submissions::detail),
        )
        .route(
            "/submissions/{id}/edit",
            Party(EditSubmission),
            get(submissions::edit_page).post(submissions::edit),
        )
        .route(
            "/submissions/{id}/submit",
            Party(EditSubmission),
            post(submissions::submit),
        )
        .route(
            "/submissions/{id}/withdraw",
            Party(WithdrawSubmission),
            post(submissions::withdraw),
        )
        .route(
            "/submissions/{id}/revisions",
            Party(ViewSubmission),
            get(submissions::revisions),
        )
        .route(
            "/submissions/{id}/attachments",
            Party(EditSubmission),
            post(submissions::upload).body_limit(UPLOAD),
        )
        .route(
            "/attachments/{id}",
            Party(ViewAttachment),
            get(submissions::download),
        )
        .route(
            "/attachments/{id}/delete",
            Party(EditAttachment),
            post(submissions::delete_attachment),
        )
        .route(
            "/submissions/{id}/matches",
            Party(ManageSubmissionCall),
            get(matching::submission_matches),
        )
        // Judges of the call's pool bid (the service checks the pool); organizers see coverage.
        .route(
            "/calls/{id}/bids",
            Roles(&[Role::Judge]),
            get(bids::sheet_page).post(bids::save),
        )
        .route(
            "/calls/{id}/bids/coverage",
            CallOrganizer,
            get(bids::coverage_page),
        )
        .route(
            "/calls/{id}/assignment",
            CallOrganizer,
            get(runs::judges::assignment_page).post(runs::judges::run),
        )
        .route(
            "/calls/{id}/assignment/{run}",
            CallOrganizer,
            get(runs::judges::run_page),
        )
        .route(
            "/calls/{id}/assignment/{run}/publish",
            CallOrganizer,
            post(runs::judges::publish),
        )
        .route(
            "/reviews/{id}",
            Party(OwnReview),
            get(reviews::review_page).post(reviews::save_review),
        )
        .route(
            "/reviews/{id}/conflict",
            Party(OwnReview),
            post(reviews::declare_conflict),
        )
        .route(
            "/submissions/{id}/discussion",
            Party(JoinDiscussion),
            get(reviews::discussion_page).post(reviews::post_message),
        )
        .route(
            "/calls/{id}/progress",
            CallOrganizer,
            get(ranking::progress_page),
        )
        .route(
            "/calls/{id}/reminders",
            CallOrganizer,
            post(ranking::send_reminders),
        )
        .route(
            "/calls/{id}/reviews",
            CallOrganizer,
            get(reviews::call_reviews_page),
        )
        .route(
            "/calls/{id}/ranking",
            CallOrganizer,
            get(ranking::ranking_page),
        )
        .route(
            "/calls/{id}/decisions",
            CallOrganizer,
            post(ranking::decide),
        )
        .route("/dashboard", Roles(STAFF), get(dashboard::dashboard))
        .route(
            "/dashboard/export/csv",
            Roles(STAFF),
            get(dashboard::export_csv),
        )
        .route(
            "/dashboard/export/xlsx",
            Roles(STAFF),
            get(dashboard::export_xlsx),
        )
        .route("/calls/{id}/report", CallOrganizer, get(dashboard::report))
        .route("/projects", SignedIn, get(projects::board))
        .route(
            "/projects/new",
            Roles(STAFF),
            get(projects::new_page).post(projects::create),
        )
        .route("/projects/export/csv", SignedIn, get(projects::export_csv))
        .route(
            "/projects/export/xlsx",
            SignedIn,
            get(projects::export_xlsx),
        )
        .route("/projects/{id}", Party(ViewProject), get(projects::detail))
        .route(
            "/projects/{id}/check",
            Party(WorkOnProject),
            post(projects::check),
        )
        .route(
            "/projects/{id}/decision",
            Party(DecideGate),
            post(projects::decide),
        )
        .route(
            "/projects/{id}/pathway",
            Party(DecideGate),
            post(projects::pathway),
        )
        .route(
            "/projects/{id}/milestones",
            Party(DecideGate),
            post(projects::add_milestone),
        )
        .route(
            "/milestones/{id}/done",
            Party(WorkOnMilestone),
            post(projects::milestone_done),
        )
        .route(
            "/exports/{list}/{format}",
            Party(ExportList),
            get(list_exports::export),
        )
        .route(
            "/projects/{id}/documents",
            Party(WorkOnProject),
            post(projects::upload_document).body_limit(UPLOAD),
        )
        .route(
            "/project-documents/{id}",
            Party(ViewProjectDocument),
            get(projects::download_document),
        )
        // Matchmaking: catalogue of teams, interests, confidentiality terms, team matching.
        .route("/teams", SignedIn, get(teams::list_page))
        .route(
            "/teams/new",
            Roles(TEAM_CREATORS),
            get(team_edit::new_page).post(team_edit::create),
        )
        .route("/teams/{id}", SignedIn, get(teams::team_page))
        .route(
            "/teams/{id}/edit",
            Party(EditTeam),
            get(team_edit::edit_page).post(team_edit::save),
        )
        .route(
            "/teams/{id}/projects",
            Party(EditTeam),
            post(team_edit::add_project),
        )
        .route(
            "/teams/{id}/projects/{project}/delete",
            Party(EditTeam),
            post(team_edit::remove_project),
        )
        .route(
            "/teams/{id}/invitations",
            Party(EditTeam),
            post(team_edit::invite),
        )
        .route(
            "/teams/{id}/invitations/cancel",
            Party(EditTeam),
            post(team_edit::cancel_invitation),
        )
        .route(
            "/teams/{id}/members",
            Party(EditTeam),
            post(team_edit::member),
        )
        .route(
            "/teams/{id}/leave",
            Party(TeamMember),
            post(team_edit::leave),
        )
        .route(
            "/team-invitations/{id}",
            Party(OwnTeamInvitation),
            post(team_edit::answer),
        )
        // Only the person invited has an invitation to answer (others: not found).
        .route(
            "/submissions/{id}/team-invitation",
            SignedIn,
            post(submissions::answer_team_invitation),
        )
        .route("/interests", SignedIn, get(interests::list_page))
        .route(
            "/interests",
            Party(ExpressInterest),
            post(interests::express),
        )
        .route(
            "/interests/{id}/answer",
            Party(AnswerInterest),
            post(interests::answer),
        )
        .route("/needs/{id}/terms", SignedIn, post(terms::accept))
        .route("/calls/{id}/terms", SignedIn, get(terms::show))
        .route("/calls/{id}/terms", CallOrganizer, post(terms::save))
        .route(
            "/calls/{id}/team-matching",
            CallOrganizer,
            get(runs::teams::overview_page).post(runs::teams::run),
        )
        .route(
            "/calls/{id}/team-matching/{run}",
            CallOrganizer,
            get(runs::teams::run_page),
        )
        .route(
            "/calls/{id}/team-matching/{run}/publish",
            CallOrganizer,
            post(runs::teams::publish),
        )
        // Conversations, notifications and roadshows (pages::conversations, pages::roadshows).
        .route(
            "/conversations/{kind}/{id}",
            Party(ConversationSubject),
            post(conversations::open_thread).body_limit(conversations::MESSAGE_BODY_LIMIT),
        )
        .route(
            "/threads/{id}",
            Party(Thread),
            get(conversations::thread_page)
                .post(conversations::reply)
                .body_limit(conversations::MESSAGE_BODY_LIMIT),
        )
        .route(
            "/message-files/{id}",
            Party(MessageFile),
            get(conversations::download),
        )
        .route("/messages", SignedIn, get(conversations::my_threads))
        .route(
            "/notifications",
            SignedIn,
            get(conversations::notifications),
        )
        .route(
            "/notifications/read-all",
            SignedIn,
            post(conversations::mark_all_read),
        )
        .route(
            "/notifications/{id}/read",
            Party(OwnNotice),
            post(conversations::mark_read),
        )
        .route("/events", Public, get(roadshows::list))
        .route("/events", Party(EventCall), post(roadshows::create))
        .route("/events/new", Party(RunsSomeCall), get(roadshows::new_page))
        .route("/events/{id}", Public, get(roadshows::event_page))
        .route("/events/{id}/register", SignedIn, post(roadshows::register))
        .route(
            "/events/{id}/unregister",
            SignedIn,
            post(roadshows::unregister),
        )
        .route(
            "/events/{id}/agenda",
            Party(ManageEvent),
            post(roadshows::add_to_agenda),
        )
        .route(
            "/events/{id}/agenda/{item}/delete",
            Party(ManageEvent),
            post(roadshows::remove_from_agenda),
        )
}

/// The route table: every (method, path) the web router answers, with its declared rule.
pub fn route_table() -> Vec<RouteInfo> {
    routes().routes().to_vec()
}

pub fn router(state: AppState) -> Router {
    routes()
        .into_router()
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

/// Refuses cross-site state changes by their Origin and NUL characters in the address before
/// any handler runs, and sets the headers every page carries.
async fn guard(req: Request, next: Next) -> Response {
    let uri = req.uri().to_string();
    if form::has_encoded_nul(uri.as_bytes()) {
        return form::nul_refused().into_response();
    }
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
    if res.status().is_client_error() && is_plain_text(&res) {
        // An extractor's rejection (a path id that is not a number, a malformed query): the
        // framework's English one-liner becomes drx's bilingual error page with that detail.
        let status = res.status();
        let body = axum::body::to_bytes(std::mem::take(res.body_mut()), 4096)
            .await
            .unwrap_or_default();
        res = error::rejection_page(status, &String::from_utf8_lossy(&body));
    }
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

fn is_plain_text(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|t| t.to_str().ok())
        .is_some_and(|t| t.starts_with("text/plain"))
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
