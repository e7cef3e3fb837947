//! The route table as data. Every route is declared with the rule that guards it, while the axum
//! `Router` is built, so that [`super::route_table`] can list each (method, path, rule) and
//! `tests/authorization_matrix.rs` can request every route as every role. A route cannot be added
//! without a rule, and a route the matrix test does not know fails that test.
//!
//! The rule is a declaration, checked by the test: it is enforced where it always was, in
//! `services` and `auth::authorization`, never here.
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{self, MethodRouter};
use axum::Router;

use super::AppState;
use drx_core::services::guards::ObjectRule;
use drx_domain::Role;

/// Who may use a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person.
    SignedIn,
    /// Signed-in people holding one of these platform roles.
    Roles(&'static [Role]),
    /// The organizers of the call in the path, and admins.
    CallOrganizer,
    /// Decided per object by the rule (team members of a submission, the judge of a review,
    /// those who work on a project, ...), which `services::guards::allows` answers.
    Party(ObjectRule),
}

/// One row of the route table.
#[derive(Clone, Debug)]
pub struct RouteInfo {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

/// The handlers of one path, by method, remembering which methods they are.
pub struct Methods {
    router: MethodRouter<AppState>,
    methods: Vec<&'static str>,
}

/// A GET handler (HEAD is answered by it too).
pub fn get<H: Handler<T, AppState>, T: 'static>(handler: H) -> Methods {
    Methods {
        router: routing::get(handler),
        methods: vec!["GET"],
    }
}

/// A POST handler.
pub fn post<H: Handler<T, AppState>, T: 'static>(handler: H) -> Methods {
    Methods {
        router: routing::post(handler),
        methods: vec!["POST"],
    }
}

impl Methods {
    pub fn post<H: Handler<T, AppState>, T: 'static>(mut self, handler: H) -> Methods {
        self.router = self.router.post(handler);
        self.methods.push("POST");
        self
    }

    /// Accept bodies up to `bytes` on this path (uploads); others keep the form limit.
    pub fn body_limit(mut self, bytes: usize) -> Methods {
        self.router = self.router.layer(DefaultBodyLimit::max(bytes));
        self
    }
}

/// The router being built and the table of what it holds.
pub struct RouteTable {
    router: Router<AppState>,
    routes: Vec<RouteInfo>,
}

impl Default for RouteTable {
    fn default() -> Self {
        RouteTable::new()
    }
}

impl RouteTable {
    pub fn new() -> RouteTable {
        RouteTable {
            router: Router::new(),
            routes: Vec::new(),
        }
    }

    /// Adds `path` with its handlers, all guarded by `access`. A path whose methods need
    /// different rules is declared once per rule.
    pub fn route(mut self, path: &'static str, access: Access, methods: Methods) -> RouteTable {
        for method in &methods.methods {
            self.routes.push(RouteInfo {
                method,
                path,
                access,
            });
        }
        self.router = self.router.route(path, methods.router);
        self
    }

    pub fn routes(&self) -> &[RouteInfo] {
        &self.routes
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}
