//! Every route of the web route table, requested as anonymous and as each demo role, against who
//! is expected to be allowed. The cases are checked against `drx::web::route_table()`: a route
//! without a case here (or a case for a route that no longer exists) fails the test by name, and
//! the declared rule of each route (`Access`) must agree with the expected roles: a role rule
//! by its roles, a per-object rule (`Access::Party(ObjectRule)`) by asking it
//! (`services::guards::allows`) for each role before the request.
//!
//! Allowed means anything but a refusal: not 401/403/404 and not a redirect to the login page;
//! a 5xx always fails. POSTs carry a valid CSRF token and a minimal form. Each role gets its own
//! fresh database, and the POSTs that change a lot (phase, withdrawal, deactivation, logout) run
//! last. `/api/v1` is a separate router with token authentication and is not covered here.
mod common;

use std::collections::BTreeSet;

use common::fixture::{fixture, Fixture, PDF};
use common::{Backend, Client, Resp};
use drx::demo::DEMO_PASSWORD;
use drx::web::Access;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Anonymous,
    Clinician,
    Judge,
    Organizer,
    Engineer,
    Poc,
    Admin,
}
use Who::*;

const EVERYONE: &[Who] = &[Anonymous, Clinician, Judge, Organizer, Engineer, Poc, Admin];
const SIGNED_IN: &[Who] = &[Clinician, Judge, Organizer, Engineer, Poc, Admin];
const STAFF: &[Who] = &[Organizer, Admin];
/// Who keeps an expertise profile.
const EXPERTS: &[Who] = &[Judge, Engineer];
const ADMIN: &[Who] = &[Admin];
const NOBODY: &[Who] = &[];
/// The authors' side of a solution: the project's team (engineer@) and PoC centre work with the
/// authors.
const AUTHORS_SIDE: &[Who] = &[Clinician, Organizer, Engineer, Poc, Admin];
/// Who judges a solution of another hospital, and who runs the call.
const REVIEW_SIDE: &[Who] = &[Judge, Organizer, Admin];
/// The parties of a conversation on the clinician's solution.
const PARTIES: &[Who] = &[Clinician, Organizer, Admin];
/// Who creates engineering teams.
const TEAM_CREATORS: &[Who] = &[Organizer, Engineer, Admin];
/// Who keeps engineer@'s team (its lead, organizers, admins).
const TEAM_KEEPERS: &[Who] = &[Organizer, Engineer, Admin];
/// Who works on the project.
const PROJECT_TEAM: &[Who] = &[Organizer, Engineer, Poc, Admin];
/// Who decides on the project.
const PROJECT_LEADS: &[Who] = &[Organizer, Poc, Admin];

impl Who {
    fn email(self) -> Option<&'static str> {
        match self {
            Anonymous => None,
            Clinician => Some("clinician@drx.example"),
            Judge => Some("judge@drx.example"),
            Organizer => Some("organizer@drx.example"),
            Engineer => Some("engineer@drx.example"),
            Poc => Some("poc@drx.example"),
            Admin => Some("admin@drx.example"),
        }
    }
}

enum Body {
    None,
    Form(Vec<(&'static str, String)>),
    File(&'static str, Vec<u8>),
}

struct Case {
    method: &'static str,
    /// The route as declared in the table.
    route: &'static str,
    url: String,
    body: Body,
    allowed: &'static [Who],
}

fn get(route: &'static str, url: String, allowed: &'static [Who]) -> Case {
    Case {
        method: "GET",
        route,
        url,
        body: Body::None,
        allowed,
    }
}

/// A GET of `route` as written.
fn page(route: &'static str, allowed: &'static [Who]) -> Case {
    get(route, route.into(), allowed)
}

/// A GET of `route` with its placeholders (`{id}`, `{run}`) standing for `ids`, in order.
fn get_at(route: &'static str, ids: impl Ids, allowed: &'static [Who]) -> Case {
    get(route, fill(route, ids), allowed)
}

/// The ids an example URL is made of: one, or two.
trait Ids {
    fn ids(self) -> Vec<i64>;
}
impl Ids for i64 {
    fn ids(self) -> Vec<i64> {
        vec![self]
    }
}
impl Ids for (i64, i64) {
    fn ids(self) -> Vec<i64> {
        vec![self.0, self.1]
    }
}

/// `route` with each `{…}` replaced by the next of `ids`.
fn fill(route: &str, ids: impl Ids) -> String {
    let mut url = String::new();
    let mut ids = ids.ids().into_iter();
    let mut rest = route;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').unwrap();
        url.push_str(&rest[..open]);
        url.push_str(&ids.next().expect("an id for each placeholder").to_string());
        rest = &rest[close + 1..];
    }
    url.push_str(rest);
    assert!(
        ids.next().is_none(),
        "as many ids as placeholders in {route}"
    );
    url
}

/// A POST of an empty form to `route` as written.
fn action(route: &'static str, allowed: &'static [Who]) -> Case {
    post(route, route.into(), &[], allowed)
}

/// A POST of an empty form to `route` with its placeholders standing for `ids`.
fn post_at(route: &'static str, ids: impl Ids, allowed: &'static [Who]) -> Case {
    post(route, fill(route, ids), &[], allowed)
}

fn post(
    route: &'static str,
    url: String,
    form: &[(&'static str, &str)],
    allowed: &'static [Who],
) -> Case {
    // A POST like an upload, with the form for a body.
    let form = form.iter().map(|(k, v)| (*k, v.to_string())).collect();
    Case {
        body: Body::Form(form),
        ..upload(route, url, "", &[], allowed)
    }
}

fn upload(
    route: &'static str,
    url: String,
    name: &'static str,
    bytes: &[u8],
    allowed: &'static [Who],
) -> Case {
    Case {
        method: "POST",
        route,
        url,
        body: Body::File(name, bytes.to_vec()),
        allowed,
    }
}

/// Every route with an example and who may use it, in the order they are requested: pages
/// first, then posts, the posts that change the most last.
fn cases(f: &Fixture) -> Vec<Case> {
    let c = f.call;
    let own = f.own_submission;
    let other = f.other_submission;
    let p = f.project;
    let token = "0".repeat(64);
    let csv = "title,need_statement\n".as_bytes();
    vec![
        page("/", EVERYONE),
        page("/healthz", EVERYONE),
        page("/static/app.css", EVERYONE),
        get("/lang/{code}", "/lang/en".into(), EVERYONE),
        page("/login", EVERYONE),
        page("/password/forgot", EVERYONE),
        get(
            "/password/reset/{token}",
            format!("/password/reset/{token}"),
            EVERYONE,
        ),
        get("/invite/{token}", format!("/invite/{token}"), EVERYONE),
        page("/register", EVERYONE),
        get(
            "/register/verify/{token}",
            format!("/register/verify/{token}"),
            EVERYONE,
        ),
        page("/terms", EVERYONE),
        page("/open-calls", EVERYONE),
        get_at("/open-calls/{id}", c, EVERYONE),
        page("/account", SIGNED_IN),
        page("/account/profile", EXPERTS),
        page("/admin/profiles/import", STAFF),
        page("/admin/people", STAFF),
        get_at("/admin/people/{id}", f.person, STAFF),
        page("/admin/invitations", STAFF),
        page("/admin/organizations", ADMIN),
        get_at("/admin/organizations/{id}", f.organization, ADMIN),
        page("/calls", SIGNED_IN),
        get_at("/calls/{id}", c, SIGNED_IN),
        page("/calls/new", STAFF),
        get_at("/calls/{id}/edit", c, STAFF),
        get_at("/calls/{id}/committee", c, STAFF),
        get_at("/calls/{id}/delete", c, STAFF),
        get_at("/calls/{id}/submit", c, &[Clinician, Admin]),
        get_at("/calls/{id}/submissions", c, STAFF),
        get_at("/calls/{id}/overlaps", c, STAFF),
        get_at("/calls/{id}/export/csv", c, STAFF),
        get_at("/calls/{id}/export/xlsx", c, STAFF),
        page("/needs", SIGNED_IN),
        page("/teams", SIGNED_IN),
        get_at("/teams/{id}", f.team, SIGNED_IN),
        page("/teams/new", TEAM_CREATORS),
        get_at("/teams/{id}/edit", f.team, TEAM_KEEPERS),
        page("/interests", SIGNED_IN),
        get_at("/threads/{id}", f.thread, PARTIES),
        get_at("/message-files/{id}", f.message_file, PARTIES),
        page("/messages", SIGNED_IN),
        page("/notifications", SIGNED_IN),
        page("/events", EVERYONE),
        page("/events/new", STAFF),
        get_at("/events/{id}", f.event, EVERYONE),
        get_at("/calls/{id}/terms", c, SIGNED_IN),
        get_at("/calls/{id}/team-matching", c, STAFF),
        get_at("/calls/{id}/team-matching/{run}", (c, f.team_run), STAFF),
        page("/needs/import", STAFF),
        get_at("/calls/{id}/import", c, STAFF),
        get_at("/needs/{id}", f.need, SIGNED_IN),
        page("/needs/new", PARTIES),
        get_at("/submissions/{id}", own, AUTHORS_SIDE),
        get_at("/submissions/{id}", other, REVIEW_SIDE),
        get_at("/submissions/{id}/edit", own, &[Clinician]),
        get_at("/submissions/{id}/revisions", own, AUTHORS_SIDE),
        get_at("/submissions/{id}/revisions", other, REVIEW_SIDE),
        get_at("/attachments/{id}", f.attachment_own, AUTHORS_SIDE),
        get_at("/attachments/{id}", f.attachment_other, REVIEW_SIDE),
        get_at("/submissions/{id}/matches", own, STAFF),
        get_at("/calls/{id}/bids", c, &[Judge]),
        get_at("/calls/{id}/bids/coverage", c, STAFF),
        get_at("/calls/{id}/assignment", c, STAFF),
        get_at("/calls/{id}/assignment/{run}", (c, f.run), STAFF),
        get_at("/reviews/{id}", f.judge_review, &[Judge]),
        get_at("/reviews/{id}", f.other_judge_review, NOBODY),
        get_at("/submissions/{id}/discussion", other, REVIEW_SIDE),
        get_at("/calls/{id}/progress", c, STAFF),
        get_at("/calls/{id}/ranking", c, STAFF),
        get_at("/calls/{id}/reviews", c, STAFF),
        page("/dashboard", STAFF),
        page("/dashboard/export/csv", STAFF),
        page("/dashboard/export/xlsx", STAFF),
        get_at("/calls/{id}/report", c, STAFF),
        page("/projects", SIGNED_IN),
        page("/projects/new", STAFF),
        page("/projects/export/csv", SIGNED_IN),
        page("/projects/export/xlsx", SIGNED_IN),
        get_at("/projects/{id}", p, AUTHORS_SIDE),
        get(
            "/exports/{list}/{format}",
            "/exports/people/csv".into(),
            STAFF,
        ),
        get(
            "/exports/{list}/{format}",
            format!("/exports/ranking/xlsx?call={c}"),
            STAFF,
        ),
        get(
            "/exports/{list}/{format}",
            format!("/exports/reviews/csv?call={c}"),
            STAFF,
        ),
        get(
            "/exports/{list}/{format}",
            format!("/exports/decisions/xlsx?call={c}"),
            STAFF,
        ),
        get_at("/project-documents/{id}", f.document, AUTHORS_SIDE),
        // Posts that leave the fixture usable.
        action("/login", EVERYONE),
        action("/password/forgot", EVERYONE),
        post(
            "/password/reset/{token}",
            format!("/password/reset/{token}"),
            &[],
            EVERYONE,
        ),
        post("/invite/{token}", format!("/invite/{token}"), &[], EVERYONE),
        action("/register", EVERYONE),
        post(
            "/register/verify/{token}",
            format!("/register/verify/{token}"),
            &[],
            EVERYONE,
        ),
        action("/account/password", SIGNED_IN),
        post(
            "/account/tokens",
            "/account/tokens".into(),
            &[("name", "matrix")],
            SIGNED_IN,
        ),
        // Any signed-in person may post; only their own tokens are found (others: a notice).
        post(
            "/account/tokens/{id}/revoke",
            "/account/tokens/999999/revoke".into(),
            &[],
            SIGNED_IN,
        ),
        // Only one's own tokens, made before one's own password change.
        action("/account/tokens/revoke-older", SIGNED_IN),
        action("/account/profile", EXPERTS),
        post(
            "/account/profile/works",
            "/account/profile/works".into(),
            &[("title", "Matrix work")],
            EXPERTS,
        ),
        // Only one's own past work is found (others: a notice).
        post_at("/account/profile/works/{id}/delete", 999999, EXPERTS),
        upload(
            "/account/profile/import",
            "/account/profile/import".into(),
            "works.bib",
            b"@article{m, title = {Matrix}}",
            EXPERTS,
        ),
        upload(
            "/admin/profiles/import",
            "/admin/profiles/import".into(),
            "profiles.csv",
            b"email,keywords\n",
            STAFF,
        ),
        action("/admin/people", STAFF),
        action("/admin/invitations", STAFF),
        action("/admin/organizations", ADMIN),
        upload(
            "/admin/organizations/import",
            "/admin/organizations/import".into(),
            "orgs.csv",
            csv,
            ADMIN,
        ),
        post(
            "/admin/organizations/{id}",
            format!("/admin/organizations/{}", f.organization),
            &[("do", "activate")],
            ADMIN,
        ),
        post(
            "/admin/people/{id}",
            format!("/admin/people/{}", f.person),
            &[("organization", ""), ("role", "judge")],
            STAFF,
        ),
        post(
            "/admin/invitations/{id}",
            format!("/admin/invitations/{}", f.invitation),
            &[("do", "resend")],
            STAFF,
        ),
        post(
            "/admin/invitations/{id}",
            format!("/admin/invitations/{}", f.invitation),
            &[("do", "revoke")],
            STAFF,
        ),
        post(
            "/admin/people/{id}/roles",
            format!("/admin/people/{}/roles", f.person),
            &[("role", "judge")],
            STAFF,
        ),
        action("/calls/new", STAFF),
        post_at("/calls/{id}/edit", c, STAFF),
        post_at("/calls/{id}/extend", c, STAFF),
        post(
            "/calls/{id}/committee",
            format!("/calls/{c}/committee"),
            &[("op", "add_team"), ("id", &f.team.to_string())],
            STAFF,
        ),
        post(
            "/calls/{id}/committee/invite",
            format!("/calls/{c}/committee/invite"),
            &[("email", "invited.judge@h.cn"), ("role", "judge")],
            STAFF,
        ),
        post(
            "/calls/{id}/committee/invitations",
            format!("/calls/{c}/committee/invitations"),
            &[("do", "resend"), ("invitation", "not-a-number")],
            STAFF,
        ),
        post_at("/calls/{id}/delete", c, STAFF),
        post_at("/calls/{id}/submit", c, &[Clinician, Admin]),
        upload(
            "/needs/import",
            "/needs/import".into(),
            "needs.csv",
            csv,
            STAFF,
        ),
        upload(
            "/calls/{id}/import",
            format!("/calls/{c}/import"),
            "subs.csv",
            csv,
            STAFF,
        ),
        action("/needs/new", PARTIES),
        post_at("/submissions/{id}/edit", own, &[Clinician]),
        post_at("/submissions/{id}/submit", own, &[Clinician]),
        // Anyone signed in may answer; only an invitee has an invitation (others: a reason).
        post_at("/submissions/{id}/team-invitation", own, SIGNED_IN),
        upload(
            "/submissions/{id}/attachments",
            format!("/submissions/{own}/attachments"),
            "more.pdf",
            PDF,
            &[Clinician],
        ),
        post_at("/attachments/{id}/delete", f.attachment_own, &[Clinician]),
        post(
            "/calls/{id}/assignment",
            format!("/calls/{c}/assignment"),
            &[("reviews_per_submission", "0")],
            STAFF,
        ),
        post_at("/calls/{id}/bids", c, &[Judge]),
        post_at("/reviews/{id}", f.judge_review, &[Judge]),
        post_at("/reviews/{id}", f.other_judge_review, NOBODY),
        post_at("/reviews/{id}/conflict", f.other_judge_review, NOBODY),
        post_at("/submissions/{id}/discussion", other, REVIEW_SIDE),
        post_at("/calls/{id}/reminders", c, STAFF),
        post_at("/calls/{id}/decisions", c, STAFF),
        action("/projects/new", STAFF),
        // Conversations take multipart forms (a message may carry a file).
        upload(
            "/conversations/{kind}/{id}",
            format!("/conversations/submission/{own}"),
            "visit.pdf",
            PDF,
            PARTIES,
        ),
        upload(
            "/threads/{id}",
            format!("/threads/{}", f.thread),
            "minutes.pdf",
            PDF,
            PARTIES,
        ),
        post_at("/notifications/{id}/read", f.notice, &[Organizer]),
        action("/notifications/read-all", SIGNED_IN),
        post(
            "/events",
            "/events".into(),
            &[("call", &c.to_string())],
            STAFF,
        ),
        post_at("/events/{id}/register", f.event, SIGNED_IN),
        post_at("/events/{id}/unregister", f.event, SIGNED_IN),
        post_at("/events/{id}/agenda", f.event, STAFF),
        post(
            "/interests",
            "/interests".into(),
            &[
                ("side", "team"),
                ("team", &f.team.to_string()),
                ("need", &f.need.to_string()),
            ],
            &[Engineer],
        ),
        post(
            "/interests/{id}/answer",
            format!("/interests/{}/answer", f.interest_to_team),
            &[("answer", "accept")],
            &[Engineer],
        ),
        // Teams: empty forms are refused by their content (422) for those allowed.
        action("/teams/new", TEAM_CREATORS),
        post_at("/teams/{id}/edit", f.team, TEAM_KEEPERS),
        post_at("/teams/{id}/projects", f.team, TEAM_KEEPERS),
        post_at(
            "/teams/{id}/projects/{project}/delete",
            (f.team, 999999),
            TEAM_KEEPERS,
        ),
        post_at("/teams/{id}/invitations", f.team, TEAM_KEEPERS),
        post_at("/teams/{id}/members", f.team, TEAM_KEEPERS),
        post_at("/teams/{id}/invitations/cancel", f.team, TEAM_KEEPERS),
        // engineer@ is the team's only lead: refused by its content, the team unchanged.
        post_at("/teams/{id}/leave", f.team, &[Engineer]),
        post_at("/team-invitations/{id}", f.team_invitation, &[Engineer]),
        post_at("/needs/{id}/terms", f.need, SIGNED_IN),
        post_at("/calls/{id}/terms", c, STAFF),
        post_at("/calls/{id}/team-matching", c, STAFF),
        post(
            "/projects/{id}/check",
            format!("/projects/{p}/check"),
            &[("item", "none"), ("on", "1")],
            PROJECT_TEAM,
        ),
        post_at("/projects/{id}/pathway", p, PROJECT_LEADS),
        post_at("/projects/{id}/milestones", p, PROJECT_LEADS),
        post_at("/milestones/{id}/done", f.milestone, PROJECT_TEAM),
        upload(
            "/projects/{id}/documents",
            format!("/projects/{p}/documents"),
            "more.pdf",
            PDF,
            PROJECT_TEAM,
        ),
        post_at("/projects/{id}/decision", p, PROJECT_LEADS),
        // Posts that change a lot: last.
        post(
            "/events/{id}/agenda/{item}/delete",
            format!("/events/{}/agenda/{}/delete", f.event, f.agenda_item),
            &[],
            STAFF,
        ),
        post_at(
            "/calls/{id}/team-matching/{run}/publish",
            (c, f.team_run),
            STAFF,
        ),
        post_at("/calls/{id}/assignment/{run}/publish", (c, f.run), STAFF),
        post_at("/submissions/{id}/withdraw", own, &[Clinician]),
        post(
            "/calls/{id}/phase",
            format!("/calls/{c}/phase"),
            &[("phase", "decision")],
            STAFF,
        ),
        post_at("/admin/people/{id}/sessions", f.person, ADMIN),
        post(
            "/admin/people/{id}/active",
            format!("/admin/people/{}/active", f.person),
            &[("active", "0")],
            &[Admin],
        ),
        post_at("/calls/{id}/archive", c, STAFF),
        post_at("/calls/{id}/unarchive", c, ADMIN),
        action("/logout", EVERYONE),
    ]
}

fn role_of(who: Who) -> Option<drx::domain::Role> {
    use drx::domain::Role;
    match who {
        Anonymous => None,
        Clinician => Some(Role::Clinician),
        Judge => Some(Role::Judge),
        Organizer => Some(Role::Organizer),
        Engineer => Some(Role::Engineer),
        Poc => Some(Role::Poc),
        Admin => Some(Role::Admin),
    }
}

/// The rule of a case's route in the table.
fn rule_of(case: &Case) -> Option<Access> {
    drx::web::route_table()
        .into_iter()
        .find(|r| r.method == case.method && r.path == case.route)
        .map(|r| r.access)
}

/// The named inputs of a case: the path's parameters (matched against the route's pattern),
/// the query's and the form's fields.
fn inputs(case: &Case) -> Vec<(String, String)> {
    let (path, query) = case.url.split_once('?').unwrap_or((&case.url, ""));
    let mut out: Vec<(String, String)> = case
        .route
        .split('/')
        .zip(path.split('/'))
        .filter_map(|(pattern, value)| {
            let name = pattern.strip_prefix('{')?.strip_suffix('}')?;
            Some((name.to_string(), value.to_string()))
        })
        .collect();
    out.extend(
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    if let Body::Form(fields) = &case.body {
        out.extend(fields.iter().map(|(k, v)| (k.to_string(), v.clone())));
    }
    out
}

/// What the route's per-object rule answers for this person, asked the way the route's
/// declaration names it (`services::guards::allows`); None for rules that need no object.
async fn rule_says(
    db: &drx::store::Db,
    person: Option<&drx::store::accounts::Person>,
    case: &Case,
) -> Option<Verdict> {
    let Some(Access::Party(rule)) = rule_of(case) else {
        return None;
    };
    let named = inputs(case);
    let named: Vec<(&str, &str)> = named
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let yes = drx::services::guards::allows(db, person, rule, &named, drx::store::now())
        .await
        .unwrap_or_else(|e| {
            panic!(
                "{} {}: the rule {rule:?} failed: {e}",
                case.method, case.url
            )
        });
    Some(if yes {
        Verdict::Allowed
    } else {
        Verdict::Denied
    })
}

async fn person_of(db: &drx::store::Db, who: Who) -> Option<drx::store::accounts::Person> {
    let id = common::person_id(db, who.email()?).await;
    drx::store::accounts::person(db, id).await.unwrap()
}

/// What the declared rule says about the demo roles, when it says it without looking at an
/// object (None for per-object rules).
fn declared(access: Access) -> Option<BTreeSet<Who>> {
    let set = |f: &dyn Fn(Who) -> bool| EVERYONE.iter().copied().filter(|w| f(*w)).collect();
    match access {
        Access::Public => Some(set(&|_| true)),
        Access::SignedIn => Some(set(&|w| w != Anonymous)),
        Access::Roles(roles) => Some(set(&|w| role_of(w).is_some_and(|r| roles.contains(&r)))),
        // organizer@ organizes the demo call.
        Access::CallOrganizer => Some(set(&|w| w == Organizer || w == Admin)),
        Access::Party(_) => None,
    }
}

/// Every route has a case, every case a route, and the expectations agree with the rules.
fn check_coverage(cases: &[Case]) -> Vec<String> {
    let table = drx::web::route_table();
    let mut problems = Vec::new();
    for r in &table {
        if r.path.starts_with("/api/") {
            continue;
        }
        let mine: Vec<&Case> = cases
            .iter()
            .filter(|c| c.method == r.method && c.route == r.path)
            .collect();
        if mine.is_empty() {
            problems.push(format!(
                "route {} {} ({:?}) has no case in tests/authorization_matrix.rs",
                r.method, r.path, r.access
            ));
        }
        if let Some(want) = declared(r.access) {
            for c in mine {
                let got: BTreeSet<Who> = c.allowed.iter().copied().collect();
                if got != want {
                    problems.push(format!(
                        "{} {}: declared {:?} means {want:?}, the case expects {got:?}",
                        r.method, c.url, r.access
                    ));
                }
            }
        }
    }
    for c in cases {
        if !table
            .iter()
            .any(|r| r.method == c.method && r.path == c.route)
        {
            problems.push(format!(
                "case {} {} is for no route of the table",
                c.method, c.route
            ));
        }
    }
    problems
}

#[derive(Debug, PartialEq)]
enum Verdict {
    Allowed,
    Denied,
}

fn verdict(r: &Resp) -> Result<Verdict, String> {
    let s = r.status.as_u16();
    if s >= 500 {
        return Err(format!("server error {s}"));
    }
    // The login form answers wrong credentials with 401 and the form again: an answer.
    let login_form_again = s == 401 && r.body.contains("action=\"/login\"");
    if (matches!(s, 401 | 403 | 404) && !login_form_again)
        || (r.status.is_redirection() && r.location().starts_with("/login"))
    {
        return Ok(Verdict::Denied);
    }
    Ok(Verdict::Allowed)
}

async fn request(c: &mut Client, case: &Case) -> Resp {
    match &case.body {
        Body::None => c.get(&case.url).await,
        Body::Form(fields) => {
            let csrf = c.csrf_token().await;
            let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
            all.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            c.post_form(&case.url, &all).await
        }
        Body::File(name, bytes) => {
            let csrf = c.csrf_token().await;
            c.post_multipart(&case.url, &csrf, name, bytes).await
        }
    }
}

async fn run_matrix(backend: Backend) {
    let mut problems = Vec::new();
    let mut covered = false;
    for who in EVERYONE.iter().copied() {
        let Some(t) = common::fresh(backend).await else {
            eprintln!("DRX_TEST_DATABASE_URL is not set: PostgreSQL run skipped");
            return;
        };
        let f = fixture(&t.db).await;
        let cases = cases(&f);
        if !covered {
            problems.extend(check_coverage(&cases));
            covered = true;
        }
        let mut c = Client::new(&t.db);
        if let Some(email) = who.email() {
            let r = c.login(email, DEMO_PASSWORD).await;
            assert_eq!(r.status, 303, "{email} signs in");
        }
        let person = person_of(&t.db, who).await;
        for case in &cases {
            let expected = if case.allowed.contains(&who) {
                Verdict::Allowed
            } else {
                Verdict::Denied
            };
            // The declared per-object rule, asked before the request (which may change state),
            // must say what the case expects, and the route must then answer the same.
            if let Some(said) = rule_says(&t.db, person.as_ref(), case).await {
                if said != expected {
                    problems.push(format!(
                        "{} {} as {who:?}: the declared rule says {said:?}, the case expects {expected:?}",
                        case.method, case.url
                    ));
                }
            }
            let r = request(&mut c, case).await;
            match verdict(&r) {
                Err(e) => problems.push(format!("{} {} as {who:?}: {e}", case.method, case.url)),
                Ok(v) if v != expected => problems.push(format!(
                    "{} {} as {who:?}: expected {expected:?}, got {v:?} ({} {})",
                    case.method,
                    case.url,
                    r.status,
                    r.location()
                )),
                Ok(_) => {}
            }
        }
        t.close().await;
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

backend_tests!(run_matrix: every_route_as_every_role_sqlite, every_route_as_every_role_postgres);

#[test]
fn a_route_without_a_case_fails_by_name() {
    let f = Fixture {
        call: 1,
        own_submission: 1,
        other_submission: 2,
        attachment_own: 1,
        attachment_other: 2,
        judge_review: 1,
        other_judge_review: 2,
        need: 1,
        project: 1,
        milestone: 1,
        document: 1,
        run: 1,
        team_run: 2,
        team: 1,
        interest_to_team: 1,
        thread: 1,
        message_file: 1,
        notice: 1,
        event: 1,
        agenda_item: 1,
        person: 1,
        invitation: 1,
        team_invitation: 1,
        organization: 1,
    };
    assert_eq!(check_coverage(&cases(&f)), Vec::<String>::new());
    let without_account: Vec<Case> = cases(&f)
        .into_iter()
        .filter(|c| c.route != "/account")
        .collect();
    let problems = check_coverage(&without_account);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("GET /account"), "{problems:?}");
    let mut wrong = cases(&f);
    wrong[0].allowed = SIGNED_IN;
    assert!(check_coverage(&wrong)[0].contains("declared Public"));
}
