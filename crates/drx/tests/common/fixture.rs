//! The demo data plus what it lacks for testing access to every kind of object: reviews of two
//! judges, attachments, a project with a milestone and a document, an assignment run, a spare
//! account. Used by the authorization matrix and the security tests.
#![allow(dead_code)]

use drx::store::accounts::{self, Person};
use drx::store::{catalogue, matching, projects, reviews, submissions, Db};

/// The ids the example URLs are made of.
pub struct Fixture {
    pub call: i64,
    /// A submitted solution of clinician@ (hospital 1), made a project.
    pub own_submission: i64,
    /// A solution of another hospital, reviewed by judge@ and by another judge.
    pub other_submission: i64,
    pub attachment_own: i64,
    pub attachment_other: i64,
    pub judge_review: i64,
    pub other_judge_review: i64,
    pub need: i64,
    pub project: i64,
    pub milestone: i64,
    pub document: i64,
    pub run: i64,
    /// A draft teams -> finalists run of the call.
    pub team_run: i64,
    /// engineer@'s team.
    pub team: i64,
    /// An open interest of the clinical side in engineer@'s team (the team answers).
    pub interest_to_team: i64,
    /// A conversation of clinician@ on the own submission, with a file.
    pub thread: i64,
    pub message_file: i64,
    /// A notice of organizer@ (from that conversation).
    pub notice: i64,
    /// The demo roadshow and one item of its agenda.
    pub event: i64,
    pub agenda_item: i64,
    /// An account the admin pages act on.
    pub person: i64,
    /// clinician@'s hospital, for the organization pages.
    pub organization: i64,
    /// A pending invitation sent by admin@, for the invitation actions.
    pub invitation: i64,
    /// A pending invitation of engineer@ to another team.
    pub team_invitation: i64,
}

pub async fn person(db: &Db, email: &str) -> Person {
    accounts::list_people(db, None)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.email == email)
        .unwrap_or_else(|| panic!("{email} exists"))
}

/// A submitted solution of this person (the demo clinician has one).
pub async fn submitted_solution_of(db: &Db, person: i64) -> i64 {
    catalogue::submissions_of_person(db, person)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.status.as_str() == "submitted")
        .expect("the demo clinician has a submitted solution")
        .id
}

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

/// [`PDF`] to store as `filename` with the checksum `sha256`.
fn pdf<'a>(filename: &'a str, sha256: &'a str) -> drx::store::NewFile<'a> {
    drx::store::NewFile {
        filename,
        content_type: "application/pdf",
        sha256,
        content: PDF,
    }
}

/// The demo, plus the objects the demo lacks: reviews, attachments, a project with a milestone
/// and a document, an assignment run, a spare account.
pub async fn fixture(db: &Db) -> Fixture {
    drx::demo::generate(db, 2026).await.unwrap();
    let now = drx::store::now();
    let call = catalogue::calls(db).await.unwrap()[0].id;
    let clinician = person(db, "clinician@drx.example").await;
    let organizer = person(db, "organizer@drx.example").await;
    let judge = person(db, "judge@drx.example").await;
    let own_submission = submitted_solution_of(db, clinician.id).await;
    let home = clinician.organization_id.unwrap();
    let mut other_submission = None;
    for row in catalogue::submissions_of_call(db, call, 1000)
        .await
        .unwrap()
    {
        let s = submissions::get(db, row.id).await.unwrap().unwrap();
        if s.organization_id != home
            && s.members.iter().all(|m| m.organization_id != Some(home))
            && s.members
                .iter()
                .all(|m| m.organization_id != judge.organization_id)
        {
            other_submission = Some(row.id);
            break;
        }
    }
    let other_submission = other_submission.expect("a solution of another hospital");
    let other_judge = matching::judges_of_call(db, call)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.person_id)
        .filter(|id| *id != judge.id)
        .min()
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    reviews::insert_review(&mut tx, other_submission, judge.id, now)
        .await
        .unwrap();
    reviews::insert_review(&mut tx, other_submission, other_judge, now)
        .await
        .unwrap();
    let sha = "0".repeat(64);
    let mut attachments = Vec::new();
    for (submission, name, by) in [
        (own_submission, "own.pdf", clinician.id),
        (other_submission, "other.pdf", organizer.id),
    ] {
        let id = submissions::insert_attachment(&mut tx, submission, &pdf(name, &sha), by, now)
            .await
            .unwrap();
        attachments.push(id);
    }
    let (attachment_own, attachment_other) = (attachments[0], attachments[1]);
    let mut runs = Vec::new();
    for kind in [drx::domain::RunKind::Judges, drx::domain::RunKind::Teams] {
        let id = matching::insert_run(&mut tx, call, kind, "{}", 0.0, organizer.id, now);
        runs.push(id.await.unwrap());
    }
    let (run, team_run) = (runs[0], runs[1]);
    tx.commit().await.unwrap();
    let judge_review = reviews::review_of(db, other_submission, judge.id)
        .await
        .unwrap()
        .unwrap()
        .0;
    let other_judge_review = reviews::review_of(db, other_submission, other_judge)
        .await
        .unwrap()
        .unwrap()
        .0;
    let team = projects::teams(db).await.unwrap()[0].id;
    let centre = person(db, "poc@drx.example").await.organization_id;
    let project =
        drx::services::projects::create(db, &organizer, own_submission, team, centre, now)
            .await
            .unwrap();
    let milestone = drx::services::projects::add_milestone(
        db,
        &organizer,
        project,
        "原型 Prototype",
        None,
        now + 86_400 * 30,
        now,
    )
    .await
    .unwrap();
    let mut tx = db.begin().await.unwrap();
    let document =
        projects::insert_document(&mut tx, project, &pdf("plan.pdf", &sha), organizer.id, now)
            .await
            .unwrap();
    tx.commit().await.unwrap();
    let need = drx::store::needs::get(db, 1)
        .await
        .unwrap()
        .expect("need 1")
        .id;
    let spare = super::account(db, "spare@drx.example", &[drx::domain::Role::Judge]).await;
    let engineer = person(db, "engineer@drx.example").await;
    let team = drx::store::matchmaking::team_ids_of(db, engineer.id)
        .await
        .unwrap()[0];
    let interest_to_team = drx::store::matchmaking::interests_of_team(db, team)
        .await
        .unwrap()
        .into_iter()
        .find(|i| {
            i.status == drx::domain::InterestStatus::Open
                && i.from_side == drx::domain::InterestSide::Clinical
        })
        .expect("the demo has an open interest in the engineer's team")
        .id;
    let thread = drx::services::conversations::open_thread(
        db,
        &clinician,
        drx::services::conversations::Subject::Submission,
        own_submission,
        "Pilot site",
        "Which documents does the ethics committee need?",
        Some(&drx::services::conversations::Upload {
            name: "protocol.pdf",
            bytes: PDF,
        }),
        "http://127.0.0.1:8080",
        now,
    )
    .await
    .unwrap();
    let message_file = drx::store::conversations::attachments_of_thread(db, thread)
        .await
        .unwrap()[0]
        .id;
    let notice = drx::store::notices::list(db, organizer.id, 1)
        .await
        .unwrap()[0]
        .id;
    let event = drx::store::events::list(db).await.unwrap()[0].id;
    let agenda_item = drx::store::events::agenda(db, event).await.unwrap()[0].id;
    let inviter = person(db, "admin@drx.example").await;
    drx::services::accounts::invite(
        db,
        &inviter,
        "invited@drx.example",
        drx::domain::Role::Judge,
        None,
        "http://drx.test",
        now,
    )
    .await
    .unwrap();
    let invitation = drx::store::people::invitations(db).await.unwrap()[0].id;
    let other_team = drx::store::matchmaking::team_cards(db)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.id != team)
        .expect("the demo has a second team")
        .id;
    let mut tx = db.begin().await.unwrap();
    let team_invitation =
        drx::store::teams::insert_invitation(&mut tx, other_team, engineer.id, organizer.id, now)
            .await
            .unwrap();
    tx.commit().await.unwrap();
    Fixture {
        call,
        thread,
        message_file,
        notice,
        event,
        agenda_item,
        team_run,
        team,
        interest_to_team,
        team_invitation,
        own_submission,
        other_submission,
        attachment_own,
        attachment_other,
        judge_review,
        other_judge_review,
        need,
        project,
        milestone,
        document,
        run,
        person: spare,
        organization: home,
        invitation,
    }
}
