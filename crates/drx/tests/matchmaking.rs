//! Matchmaking through the web layer on the demo data: the team catalogue (bilingual search),
//! expressions of interest and their answers (with notices and mail), the confidentiality gate,
//! and the organizer's matching of teams with finalists; every permission allowed and denied.
mod common;

use axum::http::StatusCode;
use common::{demo_client, Client};
use drx::store::{accounts, matchmaking as mm, needs, outbox, raw_execute, Db};

const SECRET: &str = "SECRET-PRICE-4711";

async fn email_of_id(db: &Db, id: i64) -> String {
    accounts::person(db, id).await.unwrap().unwrap().email
}

/// An open need logged by `author` that nobody expressed interest in yet.
async fn fresh_need_of(db: &Db, author: i64) -> i64 {
    for id in 1..400 {
        if let Some(n) = needs::get(db, id).await.unwrap() {
            if n.created_by == Some(author)
                && n.status == drx::domain::NeedStatus::Open
                && mm::interests_of_need(db, id).await.unwrap().is_empty()
            {
                return id;
            }
        }
    }
    panic!("no fresh need of person {author}");
}

/// A member of team 2 (engineer@ is on team 1 only).
async fn other_engineer(db: &Db) -> String {
    let m = mm::members(db, 2).await.unwrap();
    email_of_id(db, m[0].person_id).await
}

/// The author of a need of another hospital than clinician@'s.
async fn other_clinician(db: &Db) -> String {
    let me = common::person_id(db, "clinician@drx.example").await;
    let my_org = accounts::person(db, me)
        .await
        .unwrap()
        .unwrap()
        .organization_id;
    for id in 1..400 {
        if let Some(n) = needs::get(db, id).await.unwrap() {
            if n.organization_id != my_org.unwrap_or(0) {
                if let Some(a) = n.created_by {
                    return email_of_id(db, a).await;
                }
            }
        }
    }
    panic!("no clinician of another hospital");
}

async fn express(
    c: &mut Client,
    from_page: &str,
    side: &str,
    team: i64,
    need: i64,
) -> common::Resp {
    c.submit(
        from_page,
        "/interests",
        &[
            ("side", side),
            ("team", &team.to_string()),
            ("need", &need.to_string()),
            ("submission", ""),
            ("message", "让我们合作 / let us work together"),
            ("next", &format!("/needs/{need}")),
        ],
    )
    .await
}

/// The newest interest between a need and a team.
async fn interest_between(db: &Db, need: i64, team: i64) -> mm::Interest {
    mm::interests_of_need(db, need)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.team_id == team)
        .expect("an interest")
}

db_test!(the_team_catalogue_finds_teams_in_both_languages, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let mut anon = Client::new(db);
    for path in ["/teams", "/teams/1", "/interests", "/calls/1/terms"] {
        let r = anon.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(r.location().starts_with("/login"), "{path}");
    }

    for action in [
        "/interests",
        "/interests/1/answer",
        "/needs/1/terms",
        "/calls/1/terms",
        "/calls/1/team-matching",
    ] {
        let r = anon
            .submit(
                "/login",
                action,
                &[("side", "team"), ("team", "1"), ("need", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{action}");
        assert!(r.location().starts_with("/login"), "{action}");
    }

    let mut eng = demo_client(db, "engineer@drx.example").await;
    eng.lang = Some("en");
    let all = eng.get("/teams").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains("Neuromuscular Stimulation Team"));
    assert!(
        all.body.contains("href=\"/needs\""),
        "the nav links the catalogues"
    );
    for q in ["%E5%BA%B7%E5%A4%8D", "rehabilitation+robot"] {
        let r = eng.get(&format!("/teams?q={q}")).await;
        assert!(
            r.body
                .contains("Rehabilitation Robotics and Wearables Team"),
            "{q}"
        );
        assert!(!r.body.contains("Endourology Instruments Team"), "{q}");
    }
    let none = eng.get("/teams?q=zzzqqq").await;
    assert!(none.body.contains("No team matches this search."));
    let field = drx::store::catalogue::field_id(db, "urology")
        .await
        .unwrap()
        .unwrap();
    let uro = eng.get(&format!("/teams?field={field}")).await;
    assert!(uro.body.contains("Endourology Instruments Team"));
    assert!(!uro.body.contains("Neuromuscular Stimulation Team"));

    let team = eng.get("/teams/1").await;
    assert_eq!(team.status, StatusCode::OK);
    assert!(team.body.contains("Open needs that fit this team"));
    assert!(team.body.contains("Shared terms"), "reasons are shown");
    assert!(
        !team.body.contains("Nearest past work"),
        "a team's own description is not past work"
    );
    assert!(team.body.contains("0 of"), "load beside capacity");
    assert!(
        team.body.contains("Express our team&#39;s interest")
            || team.body.contains("Express our team's interest")
    );
    assert_eq!(eng.get("/teams/9999").await.status, StatusCode::NOT_FOUND);

    // A need's page lists the teams that fit it; the Chinese page too.
    let mut clin = demo_client(db, "clinician@drx.example").await;
    let author = common::person_id(db, "clinician@drx.example").await;
    let need = fresh_need_of(db, author).await;
    let page = clin.get(&format!("/needs/{need}")).await;
    assert!(
        page.body.contains("与该需求相符的工程团队"),
        "{}",
        page.body
    );
    assert!(page.body.contains("向该团队表达合作意向"));
    assert!(clin.get("/teams").await.body.contains("工程团队"));
});

db_test!(interests_go_both_ways_with_answers_notices_and_mail, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let clinician = common::person_id(db, "clinician@drx.example").await;
    let need = fresh_need_of(db, clinician).await;
    let page = format!("/needs/{need}");
    let mut eng = demo_client(db, "engineer@drx.example").await;
    eng.lang = Some("en");

    // An engineer speaks for their own team only.
    let r = express(&mut eng, &page, "team", 2, need).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // ... and not for the need.
    let r = express(&mut eng, &page, "clinical", 1, need).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let mails_before = outbox::mail_to(db, "clinician@drx.example")
        .await
        .unwrap()
        .len();
    let r = express(&mut eng, &page, "team", 1, need).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), page);
    let i = interest_between(db, need, 1).await;
    assert_eq!((i.from_side.as_str(), i.status.as_str()), ("team", "open"));
    assert!(
        outbox::mail_to(db, "clinician@drx.example")
            .await
            .unwrap()
            .len()
            > mails_before,
        "the need's author is mailed"
    );

    // The same interest again is refused in words.
    let dup = express(&mut eng, &page, "team", 1, need).await;
    assert_eq!(dup.status, StatusCode::BAD_REQUEST);
    assert!(dup.body.contains("already exists"), "{}", dup.body);

    // Strangers cannot answer: anonymous, a clinician of another hospital, the asking side.
    let answer = format!("/interests/{}/answer", i.id);
    let mut anon = Client::new(db);
    let r = anon
        .submit("/login", &answer, &[("answer", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/login"));
    let mut stranger = demo_client(db, &other_clinician(db).await).await;
    let r = stranger
        .submit("/interests", &answer, &[("answer", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = eng
        .submit("/interests", &answer, &[("answer", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the asker does not answer");

    // The need's author sees it incoming and accepts; the team is told.
    let mut clin = demo_client(db, "clinician@drx.example").await;
    clin.lang = Some("en");
    let list = clin.get("/interests").await;
    assert!(list.body.contains("Waiting for your answer"));
    assert!(list.body.contains(&format!("/interests/{}/answer", i.id)));
    let r = clin
        .submit("/interests", &answer, &[("answer", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        interest_between(db, need, 1).await.status.as_str(),
        "accepted"
    );
    let mail = outbox::mail_to(db, "engineer@drx.example").await.unwrap();
    assert!(!mail.is_empty(), "the team is mailed");
    let again = clin
        .submit("/interests", &answer, &[("answer", "decline")])
        .await;
    assert_eq!(again.location(), "/interests", "refused: back to the list");
    assert!(clin
        .get("/interests")
        .await
        .body
        .contains("already answered"));
    let dup = express(&mut eng, &page, "team", 1, need).await;
    assert!(dup.body.contains("already matched"));
    assert!(eng.get("/interests").await.body.contains("Accepted"));

    // The clinical side asks team 2; a team 2 member declines; the engineer of team 1 may not.
    let r = express(&mut clin, &page, "clinical", 2, need).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let j = interest_between(db, need, 2).await;
    assert_eq!(j.from_side.as_str(), "clinical");
    let answer2 = format!("/interests/{}/answer", j.id);
    let r = eng
        .submit("/interests", &answer2, &[("answer", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "not on team 2");
    let other = other_engineer(db).await;
    assert!(!outbox::mail_to(db, &other).await.unwrap().is_empty());
    let mut t2 = demo_client(db, &other).await;
    let r = t2
        .submit("/interests", &answer2, &[("answer", "decline")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        interest_between(db, need, 2).await.status.as_str(),
        "declined"
    );

    // A clinician of another hospital does not speak for this need.
    let r = express(&mut stranger, &page, "clinical", 3, need).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(drx::store::audit::verify(db).await.unwrap(), None);
});

db_test!(
    the_confidential_part_opens_only_with_interest_and_current_terms,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        let clinician = common::person_id(db, "clinician@drx.example").await;
        let engineer = common::person_id(db, "engineer@drx.example").await;
        let need = fresh_need_of(db, clinician).await;
        let mut tx = db.begin().await.unwrap();
        needs::set_confidential(&mut tx, need, SECRET)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let page = format!("/needs/{need}");
        let call = mm::governing_call(db, need).await.unwrap().unwrap();

        // The author always sees it.
        let mut clin = demo_client(db, "clinician@drx.example").await;
        assert!(clin.get(&page).await.body.contains(SECRET));

        // Hidden before anything, with the acceptance form in its place.
        let mut eng = demo_client(db, "engineer@drx.example").await;
        eng.lang = Some("en");
        let r = eng.get(&page).await;
        assert!(!r.body.contains(SECRET));
        assert!(r.body.contains("Accept the terms"), "{}", r.body);

        // Hidden after accepting the terms, without an accepted interest.
        let before = drx::store::now();
        let r = eng
            .post_on(&page, "/terms", &[("version", "v1"), ("agree", "on")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let at = mm::accepted_at(db, engineer, call, "v1")
            .await
            .unwrap()
            .expect("the acceptance is recorded with its version");
        assert!(at >= before && at <= drx::store::now() + 1);
        let r = eng.get(&page).await;
        assert!(!r.body.contains(SECRET));
        assert!(r.body.contains("You accepted version v1"));

        // Open once the team's interest is accepted too.
        express(&mut eng, &page, "team", 1, need).await;
        let i = interest_between(db, need, 1).await;
        clin.submit(
            "/interests",
            &format!("/interests/{}/answer", i.id),
            &[("answer", "accept")],
        )
        .await;
        assert!(eng.get(&page).await.body.contains(SECRET));
        let eng_person = drx::store::accounts::person(db, engineer)
            .await
            .unwrap()
            .unwrap();
        let party = |db: &drx::store::Db| {
            let (db, p) = (db.clone(), eng_person.clone());
            async move {
                drx::services::conversations::is_party(
                    &db,
                    &p,
                    drx::services::conversations::Subject::Need,
                    need,
                )
                .await
                .unwrap()
            }
        };
        assert!(party(db).await, "the accepted team talks about the need");

        // A member of another team, with the terms accepted, still sees nothing; nor does a
        // clinician of another hospital.
        let mut other = demo_client(db, &other_engineer(db).await).await;
        other
            .post_on(&page, "/terms", &[("version", "v1"), ("agree", "on")])
            .await;
        assert!(!other.get(&page).await.body.contains(SECRET));
        let mut stranger = demo_client(db, &other_clinician(db).await).await;
        assert!(!stranger.get(&page).await.body.contains(SECRET));

        // Only the call's organizer sets terms, and only with a new version.
        let terms = format!("/calls/{call}/terms");
        let fields = |v: &'static str| {
            vec![
                ("version", v),
                ("text_en", "New terms."),
                ("text_zh", "新的条款。"),
            ]
        };
        let r = eng.submit(&terms, &terms, &fields("v2")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let mut org = demo_client(db, "organizer@drx.example").await;
        org.lang = Some("en");
        let r = org.submit(&terms, &terms, &fields("v1")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("give the new terms a new version"));
        let r = org.submit(&terms, &terms, &fields("v2")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        // Hidden again: the engineer accepted an old version only; so is the need's
        // conversation, with its files (issue 16, item 5).
        let r = eng.get(&page).await;
        assert!(!r.body.contains(SECRET));
        assert!(
            !party(db).await,
            "the conversation follows the confidential gate"
        );
        assert!(r.body.contains("version v2"));
        let stale = eng
            .post_on(&page, "/terms", &[("version", "v1"), ("agree", "on")])
            .await;
        assert_eq!(stale.location(), page, "refused: back to the need");
        assert!(eng.get(&page).await.body.contains("terms changed"));
        let r = eng
            .post_on(&page, "/terms", &[("version", "v2"), ("agree", "on")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(mm::accepted_at(db, engineer, call, "v2")
            .await
            .unwrap()
            .is_some());
        assert!(eng.get(&page).await.body.contains(SECRET));
        assert!(party(db).await);
        assert_eq!(drx::store::audit::verify(db).await.unwrap(), None);
    }
);

db_test!(organizers_match_teams_with_finalists_and_publish, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    raw_execute(
        db,
        "UPDATE submissions SET status = 'finalist' WHERE id IN \
         (SELECT id FROM submissions WHERE call_id = 1 AND status IN ('submitted', 'under_review') ORDER BY id LIMIT 4)",
    )
    .await
    .unwrap();
    let base = "/calls/1/team-matching";

    let mut anon = Client::new(db);
    assert_eq!(anon.get(base).await.status, StatusCode::SEE_OTHER);
    for email in [
        "engineer@drx.example",
        "clinician@drx.example",
        "judge@drx.example",
    ] {
        let mut c = demo_client(db, email).await;
        assert_eq!(c.get(base).await.status, StatusCode::FORBIDDEN, "{email}");
        let r = c
            .submit("/teams", base, &[("teams_per_finalist", "1")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
    }

    let mut org = demo_client(db, "organizer@drx.example").await;
    org.lang = Some("en");
    assert!(org.get(base).await.body.contains("4 finalists"));
    let r = org.submit(base, base, &[("teams_per_finalist", "1")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let run: i64 = r.location().rsplit('/').next().unwrap().parse().unwrap();
    let pairs = drx::store::matching::run_pairs(db, run).await.unwrap();
    assert_eq!(pairs.len(), 4, "one team per finalist");
    let teams = mm::team_cards(db).await.unwrap();
    for t in &teams {
        let n = pairs.iter().filter(|p| p.assignee_id == t.id).count() as i64;
        assert!(n <= t.capacity, "team {} over capacity", t.id);
    }
    assert!(pairs.iter().all(|p| !p.reason.is_empty()));
    let page = org.get(&format!("{base}/{run}")).await;
    assert!(page.body.contains("Pairs and reasons"));

    // Remove the first pair and re-run: it is gone, the rest still served.
    let removed = format!("{}-{}", pairs[0].submission_id, pairs[0].assignee_id);
    let r = org
        .submit(
            &format!("{base}/{run}"),
            base,
            &[("teams_per_finalist", "1"), ("forbid", &removed)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let rerun: i64 = r.location().rsplit('/').next().unwrap().parse().unwrap();
    let pairs2 = drx::store::matching::run_pairs(db, rerun).await.unwrap();
    assert_eq!(pairs2.len(), 4);
    assert!(!pairs2.iter().any(
        |p| p.submission_id == pairs[0].submission_id && p.assignee_id == pairs[0].assignee_id
    ));

    // Publish: matches recorded, both sides told, offered on the new-project page.
    let r = org
        .post_on(&format!("{base}/{rerun}"), "/publish", &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let matches = mm::matches_of_call(db, 1).await.unwrap();
    assert_eq!(matches.len(), 4);
    let m = &matches[0];
    let member = mm::members(db, m.team_id).await.unwrap()[0].person_id;
    let member_mail = outbox::mail_to(db, &email_of_id(db, member).await)
        .await
        .unwrap();
    assert!(!member_mail.is_empty(), "team members are mailed");
    let author = common::submission(db, m.submission_id).await.created_by;
    assert!(
        !outbox::mail_to(db, &email_of_id(db, author).await)
            .await
            .unwrap()
            .is_empty(),
        "finalist authors are mailed"
    );
    let again = org
        .post_on(&format!("{base}/{rerun}"), "/publish", &[])
        .await;
    assert!(again.body.contains("Only a draft run can be published."));
    let team_page = org.get(&format!("/teams/{}", m.team_id)).await;
    assert!(team_page.body.contains("Matched finalists"));
    let new_project = org.get("/projects/new").await;
    assert!(new_project.body.contains("Published team matches"));
    // Each published match makes its project in one form that may also name the PoC centre.
    let pair = format!("name=\"team\" value=\"{}\"", m.team_id);
    let row = &new_project.body[new_project.body.find(&pair).unwrap()..];
    let row = &row[..row.find("</form>").unwrap()];
    assert!(row.contains("<select name=\"poc\""), "{row}");
    let r = org
        .submit(
            "/projects/new",
            "/projects/new",
            &[
                ("submission", &m.submission_id.to_string()),
                ("team", &m.team_id.to_string()),
                ("poc", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let project = org.get(r.location()).await;
    assert!(
        project.body.contains(&m.team_en),
        "the project's team is the matched one"
    );

    // No room at all: the engine's explanation in words.
    raw_execute(db, "UPDATE teams SET capacity = 0")
        .await
        .unwrap();
    let r = org.submit(base, base, &[("teams_per_finalist", "1")]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("fewer than the 4 needed") || r.body.contains("has only 0 teams"),
        "{}",
        r.body
    );
    let bad = org.submit(base, base, &[("teams_per_finalist", "9")]).await;
    assert!(bad.body.contains("must be between 1 and 5"), "{}", bad.body);
    assert_eq!(drx::store::audit::verify(db).await.unwrap(), None);
});

async fn express_for_submission(
    c: &mut Client,
    side: &str,
    team: i64,
    submission: i64,
) -> common::Resp {
    c.submit(
        "/interests",
        "/interests",
        &[
            ("side", side),
            ("team", &team.to_string()),
            ("need", ""),
            ("submission", &submission.to_string()),
            ("message", ""),
            ("next", "/interests"),
        ],
    )
    .await
}

async fn submission_interest(db: &Db, author: i64, sub: i64, team: i64) -> mm::Interest {
    mm::interests_of_person(db, author, false)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.submission_id == Some(sub) && i.team_id == team)
        .expect("an interest")
}

db_test!(submissions_and_teams_exchange_interests, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let author = common::person_id(db, "clinician@drx.example").await;
    let sub = drx::store::catalogue::submissions_of_person(db, author)
        .await
        .unwrap()
        .into_iter()
        .find(|s| matches!(s.status.as_str(), "submitted" | "under_review") && s.call_id == 1)
        .expect("clinician@ has a submitted submission")
        .id;
    let mut clin = demo_client(db, "clinician@drx.example").await;
    clin.lang = Some("en");
    let page = clin.get(&format!("/submissions/{sub}")).await;
    assert!(
        page.body.contains("Best-fitting engineering teams"),
        "{}",
        page.body
    );

    // The submission's team proposes it to team 1; an engineer of team 1 accepts.
    let r = express_for_submission(&mut clin, "clinical", 1, sub).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let i = submission_interest(db, author, sub, 1).await;
    assert!(!outbox::mail_to(db, "engineer@drx.example")
        .await
        .unwrap()
        .is_empty());
    let mut stranger = demo_client(db, &other_clinician(db).await).await;
    let r = express_for_submission(&mut stranger, "clinical", 2, sub).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "not on the submission's team"
    );
    let mut eng = demo_client(db, "engineer@drx.example").await;
    eng.lang = Some("en");
    let r = eng
        .submit(
            "/interests",
            &format!("/interests/{}/answer", i.id),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        submission_interest(db, author, sub, 1)
            .await
            .status
            .as_str(),
        "accepted"
    );

    // Teams approach finalists only.
    let other = other_engineer(db).await;
    let mut t2 = demo_client(db, &other).await;
    t2.lang = Some("en");
    let r = express_for_submission(&mut t2, "team", 2, sub).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body.contains("Teams approach finalists only"),
        "{}",
        r.body
    );
    raw_execute(
        db,
        &format!("UPDATE submissions SET status = 'finalist' WHERE id = {sub}"),
    )
    .await
    .unwrap();
    let r = express_for_submission(&mut t2, "team", 2, sub).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let j = submission_interest(db, author, sub, 2).await;
    let answer = format!("/interests/{}/answer", j.id);
    let r = eng
        .submit("/interests", &answer, &[("answer", "accept")])
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "team 1 does not answer for the submission"
    );
    let r = clin
        .submit("/interests", &answer, &[("answer", "decline")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        submission_interest(db, author, sub, 2)
            .await
            .status
            .as_str(),
        "declined"
    );
    assert!(!outbox::mail_to(db, &other).await.unwrap().is_empty());
});
