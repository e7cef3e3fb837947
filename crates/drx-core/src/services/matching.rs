//! Affinity in the application: the engine's model built from the database's judges, teams,
//! submissions and needs, with the reasons shown to people.
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use drx_engine::affinity::{AffinityModel, Document, Explanation, Params, Profile};
use drx_engine::text::Analyzer;

use super::embeddings::{self, VectorLookup};
use super::{Result, ServiceError};
use drx_store::accounts::Person;
use drx_store::matching::{self as store, Expert, NeedText, SubmissionText, TeamExpertise};
use drx_store::Db;

/// One scored (expert or team, submission) pair with its reasons.
#[derive(Debug, Clone)]
pub struct Fit {
    /// Index into the model's profiles (judges or teams).
    pub profile: usize,
    /// Index into the model's documents (submissions).
    pub document: usize,
    pub score: f64,
    pub explanation: Explanation,
}

impl Fit {
    /// Profile `profile` against document `document` as ranked (`score`), with the model's
    /// reasons passed through `shown` (a team's past work is its past projects: [`team_explanation`]).
    fn new(
        model: &AffinityModel,
        profile: usize,
        document: usize,
        score: f64,
        shown: fn(Explanation) -> Explanation,
    ) -> Fit {
        Fit {
            profile,
            document,
            score,
            explanation: shown(model.explain(profile, document, 6)),
        }
    }
}

/// An explanation as the engine gives it (judges: their past work counts).
fn as_given(e: Explanation) -> Explanation {
    e
}

/// Why a judge may not review a submission, if they may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// The judge is on the submission's team.
    TeamMember,
    /// The judge works at the submitting hospital or a team member's organization.
    SameOrganization,
    /// The judge declared a conflict.
    Declared,
}

impl Conflict {
    pub fn key(self) -> &'static str {
        match self {
            Conflict::TeamMember => "conflict-member",
            Conflict::SameOrganization => "conflict-organization",
            Conflict::Declared => "conflict-declared",
        }
    }
}

/// The submission's document for the engine: title, need statement, solution, keywords, fields.
pub fn submission_document(s: &SubmissionText, v: &VectorLookup) -> Document {
    Document {
        id: s.id.to_string(),
        title: s.title.clone(),
        sections: vec![s.need_statement.clone(), s.solution.clone()],
        keywords: split_keywords(&s.keywords),
        fields: s.fields.clone(),
        embedding: v.get("submission", s.id, &embeddings::submission_text(s)),
    }
}

pub fn split_keywords(text: &str) -> Vec<String> {
    text.split([',', '，', ';', '；', '、'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn expert_profile(e: &Expert, v: &VectorLookup) -> Profile {
    Profile {
        id: e.person_id.to_string(),
        documents: e
            .documents
            .iter()
            .map(|d| Document {
                embedding: v.get("expertise", d.id, &embeddings::expertise_text(d)),
                ..Document::new(
                    format!("expertise-{}", d.id),
                    d.title.clone(),
                    d.body.clone(),
                )
            })
            .collect(),
        keywords: split_keywords(&e.keywords),
        fields: e.fields.clone(),
    }
}

pub fn team_profile(t: &TeamExpertise, v: &VectorLookup) -> Profile {
    let mut documents = vec![
        Document {
            embedding: v.get("team", t.team_id, &embeddings::team_text(t)),
            ..Document::new(
                format!("{}-capabilities", t.team_id),
                "能力 Capabilities",
                t.capabilities.clone(),
            )
        },
        Document::new(
            format!("{}-technologies", t.team_id),
            "技术 Technologies",
            t.technologies.clone(),
        ),
    ];
    // Each past project is a document of its own, so that the nearest one can be named.
    documents.extend(t.past_projects.iter().map(|p| {
        Document::new(
            format!("{}{}", PAST_PROJECT, p.id),
            p.title.clone(),
            p.description.clone(),
        )
    }));
    Profile {
        id: t.team_id.to_string(),
        documents,
        keywords: split_keywords(&t.technologies),
        fields: t.fields.clone(),
    }
}

/// The id prefix of a team's past-project documents in its profile.
const PAST_PROJECT: &str = "team-project-";

/// Builds the model off the async workers: analysis (word segmentation) is CPU work.
async fn build_model(profiles: Vec<Profile>, documents: Vec<Document>) -> AffinityModel {
    tokio::task::spawn_blocking(move || {
        AffinityModel::build(Analyzer::shared(), &profiles, &documents, Params::default())
    })
    .await
    .expect("the affinity model build does not panic")
}

/// The model of `profiles` (judges or teams) against `documents` (submissions or needs), each
/// put in the engine's terms with the stored vectors.
async fn model_of<P, D>(
    db: &Db,
    profiles: &[P],
    profile: fn(&P, &VectorLookup) -> Profile,
    documents: &[D],
    document: fn(&D, &VectorLookup) -> Document,
) -> Result<AffinityModel> {
    let vectors = VectorLookup::load(db).await?;
    let profiles: Vec<Profile> = profiles.iter().map(|p| profile(p, &vectors)).collect();
    let documents: Vec<Document> = documents.iter().map(|d| document(d, &vectors)).collect();
    Ok(build_model(profiles, documents).await)
}

/// Judges and submissions of one call with the affinity model over them.
pub struct JudgeModel {
    pub judges: Vec<Expert>,
    pub submissions: Vec<SubmissionText>,
    pub model: AffinityModel,
    pub declared: Vec<(i64, i64)>,
}

impl JudgeModel {
    pub async fn load(db: &Db, call_id: i64) -> Result<JudgeModel> {
        let judges = store::judges_of_call(db, call_id).await?;
        let submissions = store::submissions_of_call(db, call_id).await?;
        let declared = store::declared_conflicts(db, call_id).await?;
        let model = model_of(
            db,
            &judges,
            expert_profile,
            &submissions,
            submission_document,
        )
        .await?;
        Ok(JudgeModel {
            judges,
            submissions,
            model,
            declared,
        })
    }

    pub fn submission_index(&self, submission_id: i64) -> Option<usize> {
        self.submissions.iter().position(|s| s.id == submission_id)
    }

    pub fn judge_index(&self, person_id: i64) -> Option<usize> {
        self.judges.iter().position(|j| j.person_id == person_id)
    }

    /// Why judge `j` may not review submission `s`, if they may not.
    pub fn conflict(&self, j: usize, s: usize) -> Option<Conflict> {
        let judge = &self.judges[j];
        let sub = &self.submissions[s];
        if sub.members.contains(&judge.person_id) {
            Some(Conflict::TeamMember)
        } else if self.declared.contains(&(judge.person_id, sub.id)) {
            Some(Conflict::Declared)
        } else if judge
            .organization_id
            .is_some_and(|o| sub.member_organizations.contains(&o))
        {
            Some(Conflict::SameOrganization)
        } else {
            None
        }
    }

    /// The `k` best judges for a submission (conflicted ones included, flagged by [`Self::conflict`]).
    pub fn top_judges(&self, s: usize, k: usize) -> Vec<Fit> {
        self.model
            .top_profiles(s, k)
            .into_iter()
            .map(|r| Fit::new(&self.model, r.index, s, r.score, as_given))
            .collect()
    }

    /// The `k` submissions that fit judge `j` best, leaving out those they are in conflict with.
    pub fn top_submissions(&self, j: usize, k: usize) -> Vec<Fit> {
        self.model
            .top_documents(j, k + 8)
            .into_iter()
            .filter(|r| self.conflict(j, r.index).is_none())
            .take(k)
            .map(|r| Fit::new(&self.model, j, r.index, r.score, as_given))
            .collect()
    }
}

/// Engineering teams against a call's submissions.
pub struct TeamModel {
    pub teams: Vec<TeamExpertise>,
    pub submissions: Vec<SubmissionText>,
    pub model: AffinityModel,
}

impl TeamModel {
    /// The teams taking part in the call against its submissions.
    pub async fn load(db: &Db, call_id: i64) -> Result<TeamModel> {
        let teams = store::teams_of_call(db, call_id).await?;
        let submissions = store::submissions_of_call(db, call_id).await?;
        let model = model_of(db, &teams, team_profile, &submissions, submission_document).await?;
        Ok(TeamModel {
            teams,
            submissions,
            model,
        })
    }

    pub fn top_teams(&self, s: usize, k: usize) -> Vec<Fit> {
        self.model
            .top_profiles(s, k)
            .into_iter()
            .map(|r| Fit::new(&self.model, r.index, s, r.score, team_explanation))
            .collect()
    }

    pub fn team_index(&self, team_id: i64) -> Option<usize> {
        self.teams.iter().position(|t| t.team_id == team_id)
    }

    pub fn top_submissions(&self, t: usize, k: usize) -> Vec<Fit> {
        self.model
            .top_documents(t, k)
            .into_iter()
            .map(|r| Fit::new(&self.model, t, r.index, r.score, team_explanation))
            .collect()
    }
}

/// A team's explanation: of a team's profile documents only its past projects are past work,
/// so the nearest one is named only when it is a past project (never "Capabilities").
pub fn team_explanation(mut e: Explanation) -> Explanation {
    if e.nearest_work
        .as_ref()
        .is_some_and(|w| !w.id.starts_with(PAST_PROJECT))
    {
        e.nearest_work = None;
    }
    e
}

/// A one-line reason for a stored pair: shared terms, matched fields, nearest past work.
pub fn reason_line(e: &Explanation) -> String {
    let mut parts = Vec::new();
    if !e.shared_terms.is_empty() {
        let terms: Vec<&str> = e
            .shared_terms
            .iter()
            .take(5)
            .map(|t| t.surface.as_str())
            .collect();
        parts.push(format!("terms: {}", terms.join(", ")));
    }
    if !e.matched_fields.is_empty() {
        parts.push(format!("fields: {}", e.matched_fields.join(", ")));
    }
    if !e.matched_keywords.is_empty() {
        parts.push(format!("keywords: {}", e.matched_keywords.join(", ")));
    }
    if let Some(w) = &e.nearest_work {
        parts.push(format!("nearest: {}", w.title));
    }
    parts.join(" | ")
}

/// The need's document: "a way to <problem> in <population> that <outcome>" and current practice.
pub fn need_document(n: &NeedText, v: &VectorLookup) -> Document {
    Document {
        id: format!("need-{}", n.id),
        title: n.problem.clone(),
        sections: vec![
            n.population.clone(),
            n.outcome.clone(),
            n.current_practice.clone(),
        ],
        keywords: Vec::new(),
        fields: vec![n.field.clone()],
        embedding: v.get("need", n.id, &embeddings::need_text(n)),
    }
}

/// Engineering teams against the open needs of the catalogue.
pub struct NeedModel {
    pub teams: Vec<TeamExpertise>,
    pub needs: Vec<NeedText>,
    pub model: AffinityModel,
}

/// The need catalogue model of one database in this process: the last one built, which
/// catalogue state it was built for, and whether a rebuild is running.
#[derive(Default)]
struct NeedModelSlot {
    built_for: Option<[i64; 8]>,
    model: Option<Arc<NeedModel>>,
    building: bool,
    last_start: Option<Instant>,
    last_used: Option<Instant>,
}

/// One slot per open database (a server has one; a test process opens many at once, and one
/// database's rebuild must not evict another's model).
static NEED_MODELS: Mutex<Vec<(u64, NeedModelSlot)>> = Mutex::new(Vec::new());

/// Databases whose models are kept; the least recently used slot goes first.
const NEED_MODEL_SLOTS: usize = 16;

/// At most one background rebuild starts per interval, however fast needs arrive.
const NEED_MODEL_REBUILD_INTERVAL: Duration = Duration::from_secs(1);

/// Runs `f` on the slot of database `instance`, making one (and evicting the least recently
/// used) if needed.
fn with_need_model_slot<T>(instance: u64, f: impl FnOnce(&mut NeedModelSlot) -> T) -> T {
    let mut slots = NEED_MODELS.lock().unwrap_or_else(|e| e.into_inner());
    let at = match slots.iter().position(|(i, _)| *i == instance) {
        Some(at) => at,
        None => {
            if slots.len() >= NEED_MODEL_SLOTS {
                let oldest = (0..slots.len())
                    .filter(|&i| !slots[i].1.building)
                    .min_by_key(|&i| slots[i].1.last_used);
                if let Some(oldest) = oldest {
                    slots.swap_remove(oldest);
                }
            }
            slots.push((instance, NeedModelSlot::default()));
            slots.len() - 1
        }
    };
    let slot = &mut slots[at].1;
    slot.last_used = Some(Instant::now());
    f(slot)
}

/// Clears the "building" mark however the rebuild ends (error or panic included).
struct RebuildGuard(u64);

impl Drop for RebuildGuard {
    fn drop(&mut self) {
        with_need_model_slot(self.0, |s| s.building = false);
    }
}

impl NeedModel {
    /// The need catalogue's model, shared by every need and team page. It is built once per
    /// state of the catalogue (a fingerprint read from the database on every call, so several
    /// nodes stay coherent). When the catalogue changed, the model it had is served while one
    /// background rebuild runs (at most one per second), so a burst of new needs costs one
    /// rebuild, not one per page view; a new need shows in the recommendations within about a
    /// second and a build. Only the first call for a database builds while the caller waits.
    pub async fn shared(db: &Db) -> Result<Arc<NeedModel>> {
        let instance = db.instance();
        let key = store::need_catalogue_fingerprint(db).await?;
        let served = with_need_model_slot(instance, |c| {
            let m = c.model.clone()?;
            if c.built_for == Some(key) {
                return Some(m);
            }
            let due = c
                .last_start
                .is_none_or(|t| t.elapsed() >= NEED_MODEL_REBUILD_INTERVAL);
            if !c.building && due {
                c.building = true;
                c.last_start = Some(Instant::now());
                let db = db.clone();
                tokio::spawn(async move {
                    let _guard = RebuildGuard(instance);
                    match NeedModel::load(&db).await {
                        Ok(m) => with_need_model_slot(instance, |c| {
                            c.built_for = Some(key);
                            c.model = Some(Arc::new(m));
                        }),
                        Err(e) => tracing::error!("rebuilding the need model: {e}"),
                    }
                });
            }
            Some(m)
        });
        if let Some(model) = served {
            return Ok(model);
        }
        let model = Arc::new(NeedModel::load(db).await?);
        with_need_model_slot(instance, |c| {
            c.built_for = Some(key);
            c.model = Some(model.clone());
        });
        Ok(model)
    }

    pub async fn load(db: &Db) -> Result<NeedModel> {
        let teams = store::teams(db).await?;
        let needs = store::open_needs(db).await?;
        let model = model_of(db, &teams, team_profile, &needs, need_document).await?;
        Ok(NeedModel {
            teams,
            needs,
            model,
        })
    }

    pub fn team_index(&self, team_id: i64) -> Option<usize> {
        self.teams.iter().position(|t| t.team_id == team_id)
    }

    pub fn need_index(&self, need_id: i64) -> Option<usize> {
        self.needs.iter().position(|n| n.id == need_id)
    }

    /// The `k` teams that fit open need `n` best.
    pub fn top_teams(&self, n: usize, k: usize) -> Vec<Fit> {
        self.model
            .top_profiles(n, k)
            .into_iter()
            .map(|r| Fit::new(&self.model, r.index, n, r.score, team_explanation))
            .collect()
    }

    /// The `k` open needs that fit team `t` best.
    pub fn top_needs(&self, t: usize, k: usize) -> Vec<Fit> {
        self.model
            .top_documents(t, k)
            .into_iter()
            .map(|r| Fit::new(&self.model, t, r.index, r.score, team_explanation))
            .collect()
    }
}

/// The call of a submission, for those who run that call (the organizer's "who fits" view);
/// NotFound for no such submission, Forbidden for others.
pub async fn managed_call_of_submission(
    db: &Db,
    actor: &Person,
    submission_id: i64,
) -> Result<i64> {
    let call_id = store::call_of_submission(db, submission_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    super::require_call_manager(db, actor, call_id).await?;
    Ok(call_id)
}
