//! Submissions: drafts for an open call, edits until the deadline (with the call's grace), every
//! version kept, submission with a receipt (in-app notice and outbox mail in the same
//! transaction), withdrawal, and attachments checked by their content.
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::decision_notices::status_told;
pub use super::uploads::{
    check_upload, clean_filename, sniff, CheckedFile, FileKind, MAX_ATTACHMENT_BYTES,
};
use super::{Msg, Result, ServiceError};
use crate::auth::authorization::{
    can, can_edit_submission, can_view_submission, can_withdraw_submission, Permission,
    SubmissionAccess, SubmissionView,
};
use crate::i18n::{self, Lang};
use drx_domain::{AuditAction, AuditEntity};
use drx_domain::{Stage, SubmissionStatus};
use drx_store::accounts::Person;
use drx_store::submissions::{
    self as store, AccessFacts, CallInfo, Content, NewMember, Submission,
};
use drx_store::{outbox, Db};

pub const IP_STATUSES: &[&str] = &["none", "filed", "granted", "licensed"];
pub const CONFIDENTIALITY: &[&str] = &["normal", "confidential"];
pub const MAX_MEMBERS: usize = 12;
/// Largest attachment accepted.
pub const MAX_ATTACHMENTS: usize = 10;

/// One extra team row of the form.
#[derive(Debug, Clone, Default)]
pub struct MemberInput {
    pub name: String,
    pub email: String,
    pub organization_id: Option<i64>,
}

/// The eight text parts of a submission: what the form sends and what a kept version holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SubmissionText {
    pub title: String,
    pub need_statement: String,
    pub solution: String,
    pub evidence: String,
    pub stage: String,
    pub keywords: String,
    pub ip_status: String,
    pub confidentiality: String,
}

impl SubmissionText {
    /// The stored text of a submission.
    pub fn of(s: &Submission) -> SubmissionText {
        SubmissionText {
            title: s.title.clone(),
            need_statement: s.need_statement.clone(),
            solution: s.solution.clone(),
            evidence: s.evidence.clone(),
            stage: s.stage.to_string(),
            keywords: s.keywords.clone(),
            ip_status: s.ip_status.clone(),
            confidentiality: s.confidentiality.clone(),
        }
    }

    /// The text of content about to be written.
    fn of_content(c: &Content) -> SubmissionText {
        SubmissionText {
            title: c.title.clone(),
            need_statement: c.need_statement.clone(),
            solution: c.solution.clone(),
            evidence: c.evidence.clone(),
            stage: c.stage.clone(),
            keywords: c.keywords.clone(),
            ip_status: c.ip_status.clone(),
            confidentiality: c.confidentiality.clone(),
        }
    }
}

/// What the submission form sends.
#[derive(Debug, Clone, Default)]
pub struct SubmissionInput {
    pub text: SubmissionText,
    pub need_id: Option<i64>,
    /// The lead hospital; the author's own when not given.
    pub organization_id: Option<i64>,
    pub field_ids: Vec<i64>,
    pub members: Vec<MemberInput>,
}

/// A kept version: what the revision view compares. Self-contained (names, not ids); the text
/// is flattened so that the saved JSON has one level.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Snapshot {
    #[serde(flatten)]
    pub text: SubmissionText,
    pub need_id: Option<i64>,
    pub hospital: String,
    pub fields: Vec<String>,
    pub members: Vec<String>,
}

impl Snapshot {
    pub fn of(s: &Submission) -> Snapshot {
        Snapshot {
            text: SubmissionText::of(s),
            need_id: s.need_id,
            hospital: format!("{} / {}", s.organization_zh, s.organization_en),
            fields: s
                .fields
                .iter()
                .map(|f| format!("{} / {}", f.name_zh, f.name_en))
                .collect(),
            members: s
                .members
                .iter()
                .map(|m| {
                    if m.organization_zh.is_empty() {
                        m.name.clone()
                    } else {
                        format!("{} ({})", m.name, m.organization_zh)
                    }
                })
                .collect(),
        }
    }

    /// (label key, text) of every compared part, in page order.
    pub fn parts(&self) -> Vec<(&'static str, String)> {
        let t = &self.text;
        vec![
            ("field-submission-title", t.title.clone()),
            ("field-need-statement", t.need_statement.clone()),
            ("field-solution", t.solution.clone()),
            ("field-evidence", t.evidence.clone()),
            ("field-stage", t.stage.clone()),
            ("field-fields", self.fields.join("; ")),
            ("field-keywords", t.keywords.clone()),
            ("field-hospital", self.hospital.clone()),
            ("field-team", self.members.join("; ")),
            ("field-ip-status", t.ip_status.clone()),
            ("field-confidentiality", t.confidentiality.clone()),
        ]
    }
}

/// The authorization view of the stored facts. The team (unless it runs the call) sees the
/// decision it was told of, not one still internal to the committee.
pub fn access_of(f: &AccessFacts) -> SubmissionAccess {
    let status = if f.on_team && !f.call_organizer {
        status_told(f.status, f.decision_told)
    } else {
        f.status
    };
    SubmissionAccess {
        status,
        blind_mode: f.blind_mode,
        on_team: f.on_team,
        call_organizer: f.call_organizer,
        assigned_judge: f.assigned_judge,
        engineering_partner: f.engineering_partner,
    }
}

/// A deadline as people in the call's time zone read it.
pub fn deadline_text(call: &CallInfo, ts: i64) -> String {
    // Only Chinese time zones are used by drx's calls; UTC otherwise.
    let offset = super::calls::zone_offset(&call.timezone);
    let label = if offset == 0 { "UTC" } else { "UTC+8" };
    format!("{} ({label})", super::calls::minute_text(ts + offset, ' '))
}

/// The last second at which a submission may still be changed, grace included.
pub fn last_edit_at(call: &CallInfo) -> Option<i64> {
    call.open_ends_at.map(|e| e + call.grace_seconds.max(0))
}

/// Refuses a change outside the call's submission window, with a message naming the deadline.
pub fn check_window(call: &CallInfo, now: i64) -> Result<()> {
    if call.archived_at.is_some() {
        return Err(ServiceError::invalid("error-call-archived"));
    }
    if call.phase != drx_domain::Phase::Open {
        return Err(ServiceError::invalid("error-call-not-open"));
    }
    if let Some(start) = call.open_starts_at {
        if now < start {
            return Err(ServiceError::Invalid(
                Msg::new("error-call-not-yet-open").arg("start", deadline_text(call, start)),
            ));
        }
    }
    if let (Some(end), Some(last)) = (call.open_ends_at, last_edit_at(call)) {
        if now > last {
            return Err(ServiceError::Invalid(
                Msg::new("error-deadline-passed").arg("deadline", deadline_text(call, end)),
            ));
        }
    }
    Ok(())
}

fn limited(value: &str, max: usize, field: &'static str) -> Result<String> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(super::too_long(field, max));
    }
    Ok(v.to_string())
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Checks and normalizes the form into stored content. `complete` asks for what a submitted
/// entry needs (a draft needs only a title).
async fn content(
    db: &Db,
    actor: &Person,
    call: &CallInfo,
    input: &SubmissionInput,
    current: &[store::Member],
    complete: bool,
) -> Result<Content> {
    let keep_lead = current.first();
    let text = &input.text;
    let title = super::required_text(&text.title, 200, "submission-title")?;
    let need_statement = limited(&text.need_statement, 4000, "need-statement")?;
    let solution = limited(&text.solution, 10000, "solution")?;
    let evidence = limited(&text.evidence, 10000, "evidence")?;
    let keywords = limited(&text.keywords, 500, "keywords")?;
    let stage =
        Stage::parse(text.stage.trim()).ok_or_else(|| ServiceError::invalid("error-bad-choice"))?;
    let ip_status = if text.ip_status.is_empty() {
        "none"
    } else {
        text.ip_status.as_str()
    };
    let confidentiality = if text.confidentiality.is_empty() {
        "normal"
    } else {
        text.confidentiality.as_str()
    };
    if !IP_STATUSES.contains(&ip_status) || !CONFIDENTIALITY.contains(&confidentiality) {
        return Err(ServiceError::invalid("error-bad-choice"));
    }
    let allowed = store::call_fields(db, call.id).await?;
    let field_ids = super::chosen_ids(
        &input.field_ids,
        allowed.iter().map(|f| f.id),
        "error-bad-choice",
    )?;
    let hospitals = store::hospitals(db).await?;
    let known_org = |id: i64| hospitals.iter().any(|h| h.id == id);
    let organization_id = input
        .organization_id
        .or(actor.organization_id)
        .ok_or_else(|| ServiceError::invalid("error-sub-hospital"))?;
    if !known_org(organization_id) && Some(organization_id) != actor.organization_id {
        return Err(ServiceError::invalid("error-sub-hospital"));
    }
    // The lead hospital is the lead's own (a new entry's lead is its author).
    let lead_is_actor = keep_lead.is_none_or(|m| m.person_id == Some(actor.id));
    if lead_is_actor
        && input.organization_id.is_some()
        && !crate::auth::authorization::can_act_for_organization(actor, organization_id)
    {
        return Err(ServiceError::invalid("error-not-your-organization"));
    }
    if let Some(n) = input.need_id {
        if !store::need_exists(db, n).await? {
            return Err(ServiceError::invalid("error-sub-need"));
        }
    }
    // The team: the lead first (the author on a new entry), then the form's rows. A person named
    // by email is invited (a member only once they accept), unless they already are a member;
    // a row without an email keeps the account link of the same person already on the team.
    let mut members: Vec<NewMember> = vec![match keep_lead {
        Some(m) => NewMember {
            role: "lead".into(),
            ..NewMember::from(m)
        },
        None => NewMember {
            person_id: Some(actor.id),
            invited_person_id: None,
            name: actor.name.clone(),
            organization_id: Some(organization_id),
            role: "lead".into(),
        },
    }];
    for m in &input.members {
        let name = m.name.trim();
        let email = drx_store::accounts::normalize_email(&m.email);
        if name.is_empty() && email.is_empty() {
            continue;
        }
        if name.chars().count() > 100 {
            return Err(super::too_long("name", 100));
        }
        let mut row = NewMember {
            name: name.to_string(),
            organization_id: m.organization_id,
            role: "member".into(),
            ..NewMember::default()
        };
        if !email.is_empty() {
            let email = super::valid_email(&email)?;
            if let Some(store::Recipient { id: pid, .. }) =
                store::person_by_email(db, &email).await?
            {
                if current.iter().any(|c| c.person_id == Some(pid)) {
                    row.person_id = Some(pid);
                } else {
                    row.invited_person_id = Some(pid);
                }
                if row.name.is_empty() {
                    row.name = drx_store::accounts::person(db, pid)
                        .await?
                        .map(|p| p.name)
                        .unwrap_or_default();
                }
            }
        } else if let Some(same) = current
            .iter()
            .skip(1)
            .find(|c| c.name == row.name && c.organization_id == row.organization_id)
        {
            row.person_id = same.person_id;
            row.invited_person_id = same.invited_person_id;
        }
        if row.name.is_empty() {
            return Err(ServiceError::Invalid(
                Msg::new("error-required").arg("field", "name"),
            ));
        }
        if let Some(o) = m.organization_id {
            if !known_org(o) {
                return Err(ServiceError::invalid("error-sub-hospital"));
            }
        }
        let account = row.person_id.or(row.invited_person_id);
        if account.is_some()
            && members
                .iter()
                .any(|x| x.person_id.or(x.invited_person_id) == account)
        {
            continue;
        }
        members.push(row);
    }
    if members.len() > MAX_MEMBERS {
        return Err(ServiceError::Invalid(
            Msg::new("error-sub-too-many-members").arg("max", MAX_MEMBERS),
        ));
    }
    if complete {
        for (v, f) in [(&need_statement, "need-statement"), (&solution, "solution")] {
            if v.is_empty() {
                return Err(ServiceError::Invalid(
                    Msg::new("error-required").arg("field", f),
                ));
            }
        }
        if field_ids.is_empty() {
            return Err(ServiceError::invalid("error-sub-no-field"));
        }
    }
    let lang = if has_cjk(&title) || has_cjk(&solution) {
        "zh"
    } else {
        "en"
    };
    Ok(Content {
        need_id: input.need_id,
        organization_id,
        title,
        need_statement,
        solution,
        evidence,
        stage: stage.as_str().into(),
        keywords,
        ip_status: ip_status.into(),
        confidentiality: confidentiality.into(),
        lang: lang.into(),
        field_ids,
        members,
    })
}

async fn call_of(db: &Db, call_id: i64) -> Result<CallInfo> {
    store::call(db, call_id)
        .await?
        .ok_or(ServiceError::NotFound)
}

async fn snapshot_json(db: &Db, id: i64) -> Result<String> {
    // Read through the pool before the write transaction starts (SQLite has one writer).
    let s = store::get(db, id).await?.ok_or(ServiceError::NotFound)?;
    Ok(serde_json::to_string(&Snapshot::of(&s)).expect("a snapshot serializes"))
}

/// The snapshot of content that is about to be written, built without reading it back.
pub async fn snapshot_of_content(db: &Db, c: &Content) -> Result<String> {
    let hospitals = store::hospitals(db).await?;
    let org = |id: Option<i64>| {
        id.and_then(|i| hospitals.iter().find(|h| h.id == i))
            .map(|h| (h.name_en.clone(), h.name_zh.clone()))
    };
    let fields = drx_store::catalogue::fields(db).await?;
    let (hen, hzh) = org(Some(c.organization_id)).unwrap_or_default();
    let s = Snapshot {
        text: SubmissionText::of_content(c),
        need_id: c.need_id,
        hospital: format!("{hzh} / {hen}"),
        fields: fields
            .iter()
            .filter(|f| c.field_ids.contains(&f.id))
            .map(|f| format!("{} / {}", f.name_zh, f.name_en))
            .collect(),
        members: c
            .members
            .iter()
            .map(|m| match org(m.organization_id) {
                Some((_, zh)) => format!("{} ({zh})", m.name),
                None => m.name.clone(),
            })
            .collect(),
    };
    Ok(serde_json::to_string(&s).expect("a snapshot serializes"))
}

/// A new draft for an open call; version 1 is kept as the first revision.
pub async fn create_draft(
    db: &Db,
    actor: &Person,
    call_id: i64,
    input: &SubmissionInput,
    now: i64,
) -> Result<i64> {
    if !can(actor, Permission::Submit) {
        return Err(ServiceError::Forbidden);
    }
    let call = call_of(db, call_id).await?;
    check_window(&call, now)?;
    let c = content(db, actor, &call, input, &[], false).await?;
    let snapshot = snapshot_of_content(db, &c).await?;
    let invitees = new_invitees(db, &c, &[]).await?;
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, call_id, actor.id, &c, SubmissionStatus::Draft, now).await?;
    store::insert_revision(&mut tx, id, 1, &snapshot, actor.id, now).await?;
    invite_to_team(&mut tx, actor, &c.title, &invitees, now).await?;
    let detail = serde_json::json!({ "call": call_id, "version": 1 }).to_string();
    super::commit_created(
        tx,
        Some(actor.id),
        AuditEntity::Submission,
        id,
        &detail,
        now,
    )
    .await
}

/// What a person may see of a submission; NotFound when nothing (existence is not revealed).
pub async fn load(
    db: &Db,
    actor: &Person,
    id: i64,
) -> Result<(Submission, SubmissionView, SubmissionAccess)> {
    let facts = store::access(db, id, actor.id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let access = access_of(&facts);
    let view = can_view_submission(actor, &access).ok_or(ServiceError::NotFound)?;
    let mut s = store::get(db, id).await?.ok_or(ServiceError::NotFound)?;
    s.status = access.status;
    Ok((s, view, access))
}

/// Loads for a change by the team; Forbidden when the person may see but not change it.
async fn load_for_edit(db: &Db, actor: &Person, id: i64) -> Result<(Submission, CallInfo)> {
    let (s, _, access) = load(db, actor, id).await?;
    if !can_edit_submission(actor, &access) {
        return Err(ServiceError::Forbidden);
    }
    let call = call_of(db, s.call_id).await?;
    Ok((s, call))
}

/// Saves new content as the next version. Returns the new version number.
pub async fn save(
    db: &Db,
    actor: &Person,
    id: i64,
    input: &SubmissionInput,
    now: i64,
) -> Result<i64> {
    let (s, call) = load_for_edit(db, actor, id).await?;
    check_window(&call, now)?;
    let complete = s.status != SubmissionStatus::Draft;
    let c = content(db, actor, &call, input, &s.members, complete).await?;
    let snapshot = snapshot_of_content(db, &c).await?;
    let invitees = new_invitees(db, &c, &s.members).await?;
    let mut tx = db.begin().await?;
    let version = store::update_content(&mut tx, id, &c, now).await?;
    store::insert_revision(&mut tx, id, version, &snapshot, actor.id, now).await?;
    invite_to_team(&mut tx, actor, &c.title, &invitees, now).await?;
    let detail = serde_json::json!({ "version": version }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Submission,
        id,
        AuditAction::Revise,
        &detail,
        now,
    )
    .await?;
    Ok(version)
}

/// The accounts `c` invites that `current` had not invited yet, with what a mail needs.
async fn new_invitees(
    db: &Db,
    c: &Content,
    current: &[store::Member],
) -> Result<Vec<drx_store::accounts::Person>> {
    let mut out = Vec::new();
    for m in &c.members {
        let Some(pid) = m.invited_person_id else {
            continue;
        };
        if current.iter().any(|x| x.invited_person_id == Some(pid)) {
            continue;
        }
        if let Some(p) = drx_store::accounts::person(db, pid).await? {
            out.push(p);
        }
    }
    Ok(out)
}

/// Tells each invitee (a notice and a mail, in their language) that `actor` named them on the
/// team of the submission titled `title`, to accept or decline on their home page.
async fn invite_to_team(
    tx: &mut drx_store::Tx,
    actor: &Person,
    title: &str,
    invitees: &[drx_store::accounts::Person],
    now: i64,
) -> Result<()> {
    for p in invitees {
        let lang = Lang::parse(&p.locale).unwrap_or(Lang::Zh);
        let args = [("by", actor.name.clone()), ("title", title.to_string())];
        let notice = i18n::t_args(lang, "sub-team-invite-notice", &args);
        drx_store::notices::insert(tx, p.id, &notice, "/", now).await?;
        let subject = i18n::t_args(lang, "sub-team-invite-subject", &args);
        let body = i18n::t_args(lang, "sub-team-invite-body", &args);
        outbox::enqueue(tx, &p.email, &subject, &body, now).await?;
    }
    Ok(())
}

/// The submission teams the actor was invited into and has not answered.
pub async fn team_invitations(db: &Db, actor: &Person) -> Result<Vec<store::TeamInvitation>> {
    Ok(store::team_invitations(db, actor.id).await?)
}

/// The actor accepts (a member from now on, with a member's access) or declines their
/// invitation into submission `id`'s team; NotFound when they have no such invitation.
pub async fn answer_team_invitation(
    db: &Db,
    actor: &Person,
    id: i64,
    accept: bool,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    if !store::answer_team_invitation(&mut tx, id, actor.id, accept).await? {
        return Err(ServiceError::NotFound);
    }
    let action = if accept {
        AuditAction::AcceptInvitation
    } else {
        AuditAction::Declined
    };
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Submission,
        id,
        action,
        "{}",
        now,
    )
    .await
}

/// A short code identifying the submitted content (the receipt quotes it).
pub fn receipt_code(snapshot: &str) -> String {
    hex::encode(Sha256::digest(snapshot.as_bytes()))[..16].to_uppercase()
}

/// Submits a complete draft: status, audit, a notice and a receipt mail for every team member
/// with an account, all in one transaction.
pub async fn submit(db: &Db, actor: &Person, id: i64, base_url: &str, now: i64) -> Result<String> {
    let (s, call) = load_for_edit(db, actor, id).await?;
    check_window(&call, now)?;
    if s.status != SubmissionStatus::Draft {
        return Err(ServiceError::invalid("error-sub-already-submitted"));
    }
    // The stored content must be complete; the same rules as an edit of a submitted entry.
    let input = input_of(&s);
    content(db, actor, &call, &input, &s.members, true).await?;
    let snapshot = snapshot_json(db, id).await?;
    let code = receipt_code(&snapshot);
    let link = format!("/submissions/{id}");
    let url = format!("{}{link}", base_url.trim_end_matches('/'));
    let mut tx = db.begin().await?;
    if !store::set_status(
        &mut tx,
        id,
        &[SubmissionStatus::Draft],
        SubmissionStatus::Submitted,
        now,
    )
    .await?
    {
        return Err(ServiceError::invalid("error-sub-already-submitted"));
    }
    for store::Recipient {
        id: pid,
        email,
        locale,
    } in store::team_recipients(&mut tx, id).await?
    {
        let lang = Lang::parse(&locale).unwrap_or(Lang::Zh);
        let args = [
            ("title", s.title.clone()),
            (
                "call",
                lang.pick(&call.title_en, &call.title_zh).to_string(),
            ),
            ("version", s.version.to_string()),
            ("code", code.clone()),
            ("at", deadline_text(&call, now)),
            ("link", url.clone()),
        ];
        let notice = i18n::t_args(lang, "sub-receipt-notice", &args);
        drx_store::notices::insert(&mut tx, pid, &notice, &link, now).await?;
        let subject = i18n::t_args(lang, "sub-receipt-subject", &args);
        let body = i18n::t_args(lang, "sub-receipt-body", &args);
        outbox::enqueue(&mut tx, &email, &subject, &body, now).await?;
    }
    let detail = serde_json::json!({ "version": s.version, "receipt": code }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Submission,
        id,
        AuditAction::Submit,
        &detail,
        now,
    )
    .await?;
    Ok(code)
}

/// Withdraws a submission (kept, with every version; no longer judged).
pub async fn withdraw(db: &Db, actor: &Person, id: i64, now: i64) -> Result<()> {
    let (_, _, access) = load(db, actor, id).await?;
    if !can_withdraw_submission(actor, &access) {
        return Err(ServiceError::Forbidden);
    }
    let mut tx = db.begin().await?;
    if !store::set_status(
        &mut tx,
        id,
        &[
            SubmissionStatus::Draft,
            SubmissionStatus::Submitted,
            SubmissionStatus::UnderReview,
        ],
        SubmissionStatus::Withdrawn,
        now,
    )
    .await?
    {
        return Err(ServiceError::Forbidden);
    }
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Submission,
        id,
        AuditAction::Withdraw,
        "{}",
        now,
    )
    .await?;
    Ok(())
}

/// The form's values for a stored submission (for the edit page).
pub fn input_of(s: &Submission) -> SubmissionInput {
    SubmissionInput {
        text: SubmissionText::of(s),
        need_id: s.need_id,
        organization_id: Some(s.organization_id),
        field_ids: s.fields.iter().map(|f| f.id).collect(),
        members: s
            .members
            .iter()
            .skip(1)
            .map(|m| MemberInput {
                name: m.name.clone(),
                email: String::new(),
                organization_id: m.organization_id,
            })
            .collect(),
    }
}

/// The kept versions of a submission the person may see.
pub async fn revisions(
    db: &Db,
    actor: &Person,
    id: i64,
) -> Result<(Submission, SubmissionView, Vec<(store::Revision, Snapshot)>)> {
    let (s, view, _) = load(db, actor, id).await?;
    let mut out = Vec::new();
    for r in store::revisions(db, id).await? {
        let snap: Snapshot = serde_json::from_str(&r.snapshot).unwrap_or_default();
        out.push((r, snap));
    }
    Ok((s, view, out))
}

pub async fn attach(
    db: &Db,
    actor: &Person,
    id: i64,
    filename: &str,
    bytes: &[u8],
    now: i64,
) -> Result<i64> {
    let (_, call) = load_for_edit(db, actor, id).await?;
    check_window(&call, now)?;
    let checked = check_upload(filename, bytes)?;
    if store::attachments(db, id).await?.len() >= MAX_ATTACHMENTS {
        return Err(ServiceError::Invalid(
            Msg::new("error-file-too-many").arg("max", MAX_ATTACHMENTS),
        ));
    }
    let mut tx = db.begin().await?;
    let file = checked.stored(bytes);
    let aid = store::insert_attachment(&mut tx, id, &file, actor.id, now).await?;
    let detail =
        serde_json::json!({ "attachment": aid, "sha256": checked.sha, "bytes": bytes.len() })
            .to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Submission,
        id,
        AuditAction::Attach,
        &detail,
        now,
    )
    .await?;
    Ok(aid)
}

/// The submission an attachment belongs to; NotFound when there is no such attachment.
pub async fn submission_of_attachment(db: &Db, attachment_id: i64) -> Result<i64> {
    let (a, _) = store::attachment(db, attachment_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(a.submission_id)
}

/// Removes an attachment (the team, within the window).
pub async fn detach(db: &Db, actor: &Person, attachment_id: i64, now: i64) -> Result<i64> {
    let (a, _) = store::attachment(db, attachment_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let (_, call) = load_for_edit(db, actor, a.submission_id).await?;
    check_window(&call, now)?;
    let mut tx = db.begin().await?;
    store::delete_attachment(&mut tx, attachment_id).await?;
    let detail = serde_json::json!({ "attachment": attachment_id, "sha256": a.sha256 }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Submission,
        a.submission_id,
        AuditAction::Detach,
        &detail,
        now,
    )
    .await?;
    Ok(a.submission_id)
}

/// A file to send: (name to show, content type, bytes). In the blind view the name is
/// replaced by `attachment-<id>.<ext>` so it cannot reveal authors or hospitals.
pub async fn download(
    db: &Db,
    actor: &Person,
    attachment_id: i64,
) -> Result<(String, String, Vec<u8>)> {
    let (a, bytes) = store::attachment(db, attachment_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let (_, view, _) = load(db, actor, a.submission_id).await?;
    Ok((shown_filename(&a, view), a.content_type.clone(), bytes))
}

/// The name under which a person sees an attachment.
pub fn shown_filename(a: &store::Attachment, view: SubmissionView) -> String {
    match view {
        SubmissionView::Full => a.filename.clone(),
        SubmissionView::Blind => {
            let ext = FileKind::from_content_type(&a.content_type)
                .map(FileKind::extension)
                .unwrap_or("bin");
            format!("attachment-{}.{ext}", a.id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(phase: &str, ends: Option<i64>, grace: i64) -> CallInfo {
        CallInfo {
            id: 1,
            slug: "c".into(),
            title_en: "C".into(),
            title_zh: "C".into(),
            description_en: String::new(),
            description_zh: String::new(),
            phase: drx_domain::Phase::parse(phase).unwrap(),
            blind_mode: drx_domain::BlindMode::Double,
            timezone: "Asia/Shanghai".into(),
            grace_seconds: grace,
            reviews_per_submission: 3,
            judge_min_load: 0,
            judge_max_load: 10,
            finalists: 16,
            open_starts_at: Some(100),
            open_ends_at: ends,
            archived_at: None,
        }
    }

    #[test]
    fn the_window_closes_one_second_after_deadline_plus_grace() {
        let c = call("open", Some(1000), 60);
        assert!(check_window(&c, 100).is_ok());
        assert!(check_window(&c, 1060).is_ok(), "the last second of grace");
        assert!(check_window(&c, 1061).is_err());
        assert!(check_window(&c, 99).is_err(), "not yet open");
        assert!(check_window(&call("review", Some(1000), 60), 500).is_err());
        assert!(check_window(&call("open", None, 0), 1_000_000).is_ok());
    }

    #[test]
    fn the_deadline_message_names_the_deadline_in_china_time() {
        let mut c = call("open", Some(0), 0);
        c.open_starts_at = Some(-100);
        match check_window(&c, 10) {
            Err(ServiceError::Invalid(m)) => {
                assert_eq!(m.key, "error-deadline-passed");
                assert_eq!(m.args[0].1, "1970-01-01 08:00 (UTC+8)");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn files_are_told_by_their_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(FileKind::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(FileKind::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(FileKind::Jpeg));
        assert_eq!(
            sniff(b"PK\x03\x04....[Content_Types].xml....word/document.xml"),
            Some(FileKind::Docx)
        );
        assert_eq!(
            sniff(b"PK\x03\x04....[Content_Types].xml..xl/workbook.xml"),
            Some(FileKind::Xlsx)
        );
        assert_eq!(
            sniff(b"PK\x03\x04....[Content_Types].xml..ppt/slides/"),
            Some(FileKind::Pptx)
        );
        assert_eq!(sniff(b"PK\x03\x04 a plain zip"), None);
        assert_eq!(sniff(b"MZ\x90\x00 an exe"), None);
        assert_eq!(sniff(b"<html><script>"), None);
    }

    #[test]
    fn file_names_lose_paths_and_take_the_real_extension() {
        assert_eq!(
            clean_filename("C:\\docs\\方案.exe", FileKind::Pdf),
            "方案.pdf"
        );
        assert_eq!(
            clean_filename("../../etc/passwd", FileKind::Png),
            "passwd.png"
        );
        assert_eq!(clean_filename("", FileKind::Jpeg), "file.jpg");
        assert_eq!(clean_filename("a\"b\r\n.pdf", FileKind::Pdf), "ab.pdf");
        // Bidirectional overrides and zero-width characters cannot disguise the type.
        assert_eq!(clean_filename("\u{202e}gnp.pdf", FileKind::Png), "gnp.png");
        assert_eq!(
            clean_filename("re\u{200b}port\u{2066}\u{feff}\u{200f}.pdf", FileKind::Pdf),
            "report.pdf"
        );
    }
}

/// A submission's attachments, for a person who may see the submission (in the blind view the
/// caller shows them with `shown_filename`).
pub async fn attachments(
    db: &Db,
    actor: &Person,
    id: i64,
) -> Result<Vec<drx_store::submissions::Attachment>> {
    load(db, actor, id).await?;
    Ok(store::attachments(db, id).await?)
}
