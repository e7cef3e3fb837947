//! Simulated judging for the demo: publishes an assignment of the Dr. X call and fills seeded
//! reviews (judges with their own severity and spread around each submission's hidden quality),
//! leaving a few judges behind so that progress, reminders and the ranking have something to show.
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use drx_core::services::assignment::{self, AssignParams, RunOutcome};
use drx_domain::ReviewStatus;
use drx_store::reviews::{self, ReviewInput};
use drx_store::Db;

const FOR_AUTHORS: &[&str] = &[
    "临床需求明确，建议补充对照数据。/ The clinical need is clear; add comparison data.",
    "原型可行，注意注册路径。/ The prototype is feasible; mind the regulatory path.",
    "创新点需要与现有产品更清楚地区分。/ Set the novelty apart from existing products more clearly.",
    "建议扩大样本量并明确终点指标。/ Enlarge the sample and define the endpoints.",
];
const FOR_COMMITTEE: &[&str] = &[
    "团队执行力存疑。/ Unsure the team can deliver.",
    "值得进入决赛讨论。/ Worth discussing for the finals.",
    "",
];

/// A standard normal draw (Box–Muller), enough for demo data.
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u: f64 = rng.gen_range(1e-12..1.0);
    let v: f64 = rng.gen_range(0.0..1.0);
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}

/// Assigns the demo call's judges (if nobody has a review yet) and fills their reviews.
/// Returns (reviews submitted, reviews left unfinished).
pub async fn simulate_reviews(db: &Db, seed: u64) -> anyhow::Result<(usize, usize)> {
    let organizer = super::demo_person(db, "organizer@drx.example", "organizer").await?;
    let now = drx_store::now();
    if reviews::reviews_of_call(db, 1).await?.is_empty() {
        let params = AssignParams {
            one_judge_per_org: true,
            ..AssignParams::default()
        };
        match assignment::run_judges(db, &organizer, 1, &params, now, &|_| {}).await? {
            RunOutcome::Saved { run_id, .. } => {
                assignment::publish(db, &organizer, run_id, "http://localhost:8080", now).await?;
            }
            RunOutcome::Infeasible(why) => {
                anyhow::bail!("the demo assignment is infeasible: {why:?}")
            }
        }
    }
    let criteria = reviews::criteria(db, 1).await?;
    let all = reviews::reviews_of_call(db, 1).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x005E_ED0F_4EE5);
    let mut quality = std::collections::HashMap::new();
    let mut judge = std::collections::HashMap::new();
    let (mut done, mut open) = (0, 0);
    let mut tx = db.begin().await?;
    for drx_store::reviews::Held {
        id: rid,
        submission_id: sid,
        judge_id: jid,
    } in all
    {
        let q = *quality.entry(sid).or_insert_with(|| normal(&mut rng));
        let (bias, spread, slow) = *judge.entry(jid).or_insert_with(|| {
            (
                0.8 * normal(&mut rng),
                rng.gen_range(0.6..1.4),
                rng.gen_bool(0.15),
            )
        });
        // A slow judge leaves about half of their reviews unfinished.
        if slow && rng.gen_bool(0.5) {
            open += 1;
            continue;
        }
        let scores = criteria
            .iter()
            .map(|c| {
                let mid = (c.scale_min + c.scale_max) as f64 / 2.0;
                let half = (c.scale_max - c.scale_min) as f64 / 2.0;
                let raw = mid + half * 0.35 * (spread * q + bias + 0.5 * normal(&mut rng));
                let s = (raw * 2.0).round() / 2.0;
                (c.id, s.clamp(c.scale_min as f64, c.scale_max as f64))
            })
            .collect();
        let input = ReviewInput {
            scores,
            confidence: Some(rng.gen_range(2..=5)),
            comments_for_authors: FOR_AUTHORS[rng.gen_range(0..FOR_AUTHORS.len())].to_string(),
            comments_for_committee: FOR_COMMITTEE[rng.gen_range(0..FOR_COMMITTEE.len())]
                .to_string(),
        };
        reviews::save(&mut tx, rid, &input, ReviewStatus::Submitted, now).await?;
        done += 1;
    }
    tx.commit().await?;
    Ok((done, open))
}
