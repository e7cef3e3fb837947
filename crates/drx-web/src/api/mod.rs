//! The REST API under `/api/v1`: JSON over the same services and authorization as the pages
//! (no rule of its own), personal API tokens as bearer credentials (no cookies, hence no CSRF),
//! pages of `{ items, total, next }`, errors as problem details, and an OpenAPI document made
//! from the handlers' own declarations and served at `/api/v1/openapi.json`.
pub mod extract;
pub mod page;
pub mod problem;

mod assignment;
mod bids;
mod calls;
mod me;
mod needs;
mod organizations;
mod projects;
mod ranking;
mod reviews;
mod submissions;
mod team_members;
mod teams;
mod threads;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use problem::{Problem, PROBLEM_JSON};

/// Where the API lives.
pub const BASE: &str = "/api/v1";
/// Largest JSON body accepted.
pub const BODY_LIMIT: usize = 256 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "drx API",
        version = "1",
        description = "The drx platform (calls, needs, submissions, judging, matchmaking, projects) for programs. \
            Authenticate with a personal API token (created on the account page) as `Authorization: Bearer drx_...`. \
            Lists take `limit` (at most 100) and `offset` and answer `{ items, total, next }`. \
            Errors are RFC 9457 problem details."
    ),
    modifiers(&BearerScheme),
    components(schemas(Problem)),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("drx personal API token")
                    .build(),
            ),
        );
    }
}

/// Every endpoint, each declared once: its route and its documentation come from the same
/// `#[utoipa::path]` annotation.
fn endpoints() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(me::me))
        .routes(routes!(calls::list))
        .routes(routes!(calls::get, calls::delete))
        .routes(routes!(calls::set_archived))
        .routes(routes!(calls::committee, calls::set_committee))
        .routes(routes!(needs::list, needs::create))
        .routes(routes!(needs::get))
        .routes(routes!(needs::answers))
        .routes(routes!(submissions::of_call, submissions::create))
        .routes(routes!(submissions::get, submissions::update))
        .routes(routes!(submissions::submit))
        .routes(routes!(submissions::withdraw))
        .routes(routes!(reviews::mine))
        .routes(routes!(reviews::get, reviews::save))
        .routes(routes!(reviews::declare_conflict))
        .routes(routes!(reviews::of_submission))
        .routes(routes!(assignment::of_call))
        .routes(routes!(assignment::get))
        .routes(routes!(bids::mine, bids::set))
        .routes(routes!(bids::coverage))
        .routes(routes!(ranking::get))
        .routes(routes!(organizations::list, organizations::create))
        .routes(routes!(organizations::get, organizations::update))
        .routes(routes!(organizations::merge))
        .routes(routes!(teams::list, teams::create))
        .routes(routes!(teams::get, teams::update))
        .routes(routes!(team_members::list, team_members::invite))
        .routes(routes!(team_members::remove))
        .routes(routes!(team_members::leave))
        .routes(routes!(team_members::cancel_invitation))
        .routes(routes!(projects::list))
        .routes(routes!(projects::get))
        .routes(routes!(projects::add_milestone))
        .routes(routes!(projects::milestone_done))
        .routes(routes!(threads::list, threads::open))
        .routes(routes!(threads::get))
        .routes(routes!(threads::messages, threads::reply))
}

/// Error statuses every operation may answer with a problem.
const ERROR_STATUSES: &[(&str, &str)] = &[
    (
        "400",
        "Malformed request (bad JSON, query or path parameter)",
    ),
    ("401", "Missing, unknown or revoked API token"),
    ("403", "Your account may not do this"),
    ("404", "No such resource, or you may not see it"),
    ("409", "Conflict with the resource's current state"),
    ("413", "Request body too large"),
    ("415", "The body must be application/json"),
    (
        "422",
        "Well-formed but refused by the rules (the detail says why)",
    ),
    ("429", "Too many attempts"),
];

/// The OpenAPI document: the endpoints' declarations with their paths under [`BASE`] and the
/// problem responses every operation shares.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut doc) = endpoints().split_for_parts();
    let paths = std::mem::take(&mut doc.paths.paths);
    for (path, mut item) in paths {
        for op in operations(&mut item) {
            // Handler names repeat across modules (`get`, `list`): prefix them with the tag.
            if let (Some(tag), Some(id)) =
                (op.tags.as_ref().and_then(|t| t.first()), &op.operation_id)
            {
                op.operation_id = Some(format!("{tag}_{id}"));
            }
            for (status, description) in ERROR_STATUSES {
                op.responses
                    .responses
                    .entry(status.to_string())
                    .or_insert_with(|| {
                        ResponseBuilder::new()
                            .description(*description)
                            .content(
                                PROBLEM_JSON,
                                ContentBuilder::new()
                                    .schema(Some(Ref::from_schema_name("Problem")))
                                    .build(),
                            )
                            .build()
                            .into()
                    });
            }
        }
        doc.paths.paths.insert(format!("{BASE}{path}"), item);
    }
    doc
}

fn operations(item: &mut utoipa::openapi::PathItem) -> Vec<&mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .filter_map(|o| o.as_mut())
    .collect()
}

/// The API's router, to be nested at [`BASE`]. It has its own fallback (a 404 problem) and
/// none of the page layers: no session, no CSRF cookie.
pub fn router() -> Router<AppState> {
    let (routes, _) = endpoints().split_for_parts();
    let doc = serde_json::to_string(&openapi()).expect("the OpenAPI document serializes");
    routes
        .route("/openapi.json", get(move || serve_doc(doc.clone())))
        .fallback(|| async {
            Problem::new(
                axum::http::StatusCode::NOT_FOUND,
                "There is no such path in the API.",
                "API 中没有此路径。",
            )
        })
        .layer(middleware::from_fn(problem::problems_everywhere))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

async fn serve_doc(doc: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        doc,
    )
        .into_response()
}

/// A score for JSON, which has no NaN or infinity: such a score is 0.
pub(crate) fn finite_or_zero(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}
