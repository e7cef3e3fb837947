//! The demo's conversations and roadshow: two threads of the demo clinician with the organizer
//! (on a solution and on a need) and an upcoming showcase roadshow with its agenda and a few
//! registrations. Fixed times, no randomness.
use drx_core::services::conversations::{self as talk, Subject};
use drx_core::services::roadshows::{self, local_input, EventInput};
use drx_store::{accounts, catalogue, events, needs, submissions, Db};

const DAY: i64 = 86_400;
const BASE_URL: &str = "http://localhost:8080";

/// A demo person by email, named by it when missing.
async fn demo_person(db: &Db, email: &str) -> anyhow::Result<accounts::Person> {
    super::demo_person(db, email, email).await
}

/// A thread on `subject` `id` opened at `at` with the first message; the others are replies,
/// each `(author, text, hours after at)`.
async fn conversation(
    db: &Db,
    subject: Subject,
    id: i64,
    title: &str,
    messages: &[(&accounts::Person, &str, i64)],
    at: i64,
) -> anyhow::Result<()> {
    let Some(((opener, first, _), replies)) = messages.split_first() else {
        return Ok(());
    };
    let t = talk::open_thread(db, opener, subject, id, title, first, None, BASE_URL, at).await?;
    for (author, text, hours) in replies {
        talk::reply(db, author, t, text, None, BASE_URL, at + hours * 3600).await?;
    }
    Ok(())
}

/// Seeds the exchange features; `t0` is the demo's base time.
pub async fn seed(db: &Db, t0: i64) -> anyhow::Result<()> {
    let organizer = demo_person(db, "organizer@drx.example").await?;
    let clinician = demo_person(db, "clinician@drx.example").await?;
    let engineer = demo_person(db, "engineer@drx.example").await?;
    let call = catalogue::calls(db).await?[0].id;
    let mine = catalogue::submissions_of_person(db, clinician.id).await?;

    // A conversation on the clinician's solution with the call's organizer; the clinician wrote
    // last, so the organizer has an unread message.
    if let Some(s) = mine.first() {
        let messages = [
            (&clinician, "我们科室可以提供试用场地，请问需要准备哪些伦理材料？\nOur ward can host the pilot: which ethics documents should we prepare?", 0),
            (&organizer, "请准备伦理批件和知情同意书模板，决赛前提交即可。\nPlease prepare the ethics approval and the consent form template before the finals.", 3),
            (&clinician, "好的，下周提交。/ Thank you, we will send them next week.", 5),
        ];
        let title = "临床试用场地 / Pilot site";
        conversation(
            db,
            Subject::Submission,
            s.id,
            title,
            &messages,
            t0 + 62 * DAY,
        )
        .await?;
    }

    // A conversation on a need: the organizer (a curator) asks, the need's author answers.
    let mut need = None;
    for s in &mine {
        if let Some(n) = submissions::get(db, s.id).await?.and_then(|x| x.need_id) {
            if needs::get(db, n).await?.and_then(|x| x.created_by) == Some(clinician.id) {
                need = Some(n);
                break;
            }
        }
    }
    if let Some(n) = need {
        let messages = [
            (
                &organizer,
                "这个需求是否也适用于儿科病人？/ Does this need also cover paediatric patients?",
                0,
            ),
            (
                &clinician,
                "暂不包括儿科，先聚焦成人。/ Not yet: adults first.",
                2,
            ),
        ];
        let title = "需求范围确认 / Scope of the need";
        conversation(db, Subject::Need, n, title, &messages, t0 + 64 * DAY).await?;
    }

    // An upcoming showcase roadshow (during the incubation phase) with its agenda.
    let starts = t0 + 300 * DAY + 6 * 3600; // 14:00 China time
    let event = roadshows::create(
        db,
        &organizer,
        &EventInput {
            call_id: call,
            title: "Dr. X 2026 成果路演 / Showcase roadshow".into(),
            location: "上海国际会议中心 3 号厅 / Shanghai International Convention Center, Hall 3"
                .into(),
            description: "入选项目向医院、企业和投资方展示，随后为交流时间。\nSelected projects present to hospitals, companies and investors, followed by networking.".into(),
            starts: local_input(starts),
            ends: local_input(starts + 4 * 3600),
        },
        t0 + 100 * DAY,
    )
    .await?;
    // The demo call has not chosen its finalists yet: the agenda previews four solutions
    // (written directly, as the agenda service takes finalists only).
    let mut tx = db.begin().await?;
    let presented: Vec<i64> = mine
        .iter()
        .map(|s| s.id)
        .chain(
            catalogue::submissions_of_call(db, call, 40)
                .await?
                .iter()
                .map(|s| s.id),
        )
        .fold(Vec::new(), |mut v, id| {
            if !v.contains(&id) && v.len() < 4 {
                v.push(id);
            }
            v
        });
    for (i, sid) in presented.iter().enumerate() {
        let from = starts + 30 * 60 + (i as i64) * 25 * 60;
        events::insert_agenda_item(&mut tx, event, *sid, from, from + 20 * 60).await?;
    }
    for p in [&clinician, &engineer] {
        events::register(&mut tx, event, p.id, t0 + 101 * DAY).await?;
    }
    tx.commit().await?;
    Ok(())
}
