//! The one place that answers "may this person do this?". Pages, the API and exports ask here
//! and never re-derive a rule themselves.
use drx_domain::{CallRole, Phase, ReviewStatus, Role};
use drx_store::accounts::Person;

/// Platform-wide permissions. Per-call and per-object questions join this list as they arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See the list of accounts.
    ListAccounts,
    /// Create an account or an invitation with the given role.
    GrantRole(Role),
    /// Activate or deactivate accounts.
    DeactivateAccounts,
    /// See every call's submissions.
    SeeAllSubmissions,
    /// Submit needs and solutions.
    Submit,
    /// Create, edit, deactivate, merge and import organizations.
    ManageOrganizations,
}

pub fn can(person: &Person, permission: Permission) -> bool {
    let has = |r: Role| person.active && person.roles.contains(&r);
    let admin = has(Role::Admin);
    match permission {
        Permission::ListAccounts | Permission::SeeAllSubmissions => admin || has(Role::Organizer),
        // Only an admin makes admins; organizers bring in everyone else.
        Permission::GrantRole(Role::Admin) => admin,
        Permission::GrantRole(_) => admin || has(Role::Organizer),
        Permission::DeactivateAccounts | Permission::ManageOrganizations => admin,
        Permission::Submit => has(Role::Clinician) || admin,
    }
}

/// May this person run the call (assignment, decisions, matchmaking)? `call_roles` are the
/// person's roles in that call, as `store::catalogue::call_roles` returns them.
pub fn can_manage_call(person: &Person, call_roles: &[CallRole]) -> bool {
    person.active
        && (person.roles.contains(&Role::Admin) || call_roles.contains(&CallRole::Organizer))
}

/// May this person file something (a need) in the name of this organization? Their own; any,
/// for the catalogue's curators (organizers and admins), who record needs for hospitals.
pub fn can_act_for_organization(person: &Person, organization_id: i64) -> bool {
    person.active && (person.organization_id == Some(organization_id) || can_curate_needs(person))
}

/// May this person see the call at all? A draft is seen only by those who run it (its
/// organizers and admins); from its opening on, by everyone signed in.
pub fn can_see_call(person: &Person, phase: drx_domain::Phase, call_roles: &[CallRole]) -> bool {
    phase != drx_domain::Phase::Draft || can_manage_call(person, call_roles)
}

/// May this person add or remove a call's co-organizers? Its creator and admins (co-organizers
/// run the call but do not choose who else runs it).
pub fn can_change_co_organizers(person: &Person, is_creator: bool) -> bool {
    person.active && (is_creator || person.roles.contains(&Role::Admin))
}

/// May this person delete the call? Those who run it, while it is a draft.
pub fn can_delete_call(person: &Person, call_roles: &[CallRole], phase: drx_domain::Phase) -> bool {
    can_manage_call(person, call_roles) && phase == drx_domain::Phase::Draft
}

/// May this person archive the call? Those who run it, once it is past draft.
pub fn can_archive_call(
    person: &Person,
    call_roles: &[CallRole],
    phase: drx_domain::Phase,
) -> bool {
    can_manage_call(person, call_roles) && phase != drx_domain::Phase::Draft
}

/// May this person bring an archived call back? Admins.
pub fn can_unarchive_call(person: &Person) -> bool {
    person.active && person.roles.contains(&Role::Admin)
}

/// May an invitation into a call's committee be answered by a person who holds `role` on the
/// platform? Judges join the judge pool, organizers the organizers.
pub fn fits_call_role(roles: &[Role], call_role: CallRole) -> bool {
    match call_role {
        CallRole::Judge => roles.contains(&Role::Judge),
        CallRole::Organizer => roles.contains(&Role::Organizer),
    }
}

/// May this person bid on a call's submissions? Active judges in the call's judge pool.
pub fn can_bid(person: &Person, call_roles: &[CallRole]) -> bool {
    person.active && person.roles.contains(&Role::Judge) && call_roles.contains(&CallRole::Judge)
}

/// Why bidding is closed, as a message key; None while it is open: the call is open or in
/// review, not archived, and no judge assignment of it has been published (bids feed that run).
pub fn bidding_closed(
    phase: Phase,
    archived: bool,
    assignment_published: bool,
) -> Option<&'static str> {
    if archived {
        Some("error-call-archived")
    } else if !matches!(phase, Phase::Open | Phase::Review) {
        Some("bids-closed-phase")
    } else if assignment_published {
        Some("bids-closed-published")
    } else {
        None
    }
}

/// How much of a submission a judge sees while bidding: content only in a double-blind call,
/// as on an assigned review.
pub fn bid_view(blind_mode: drx_domain::BlindMode) -> SubmissionView {
    if blind_mode == drx_domain::BlindMode::Double {
        SubmissionView::Blind
    } else {
        SubmissionView::Full
    }
}

/// Who sees every judge's bids of a call (the coverage): those who run it. A judge sees only
/// their own; authors none.
pub fn can_see_bids(person: &Person, call_roles: &[CallRole]) -> bool {
    can_manage_call(person, call_roles)
}

/// An active person with these roles, for the unit tests of this module.
#[cfg(test)]
fn test_person(id: i64, roles: &[Role], organization_id: Option<i64>) -> Person {
    Person {
        id,
        email: "a@b.c".into(),
        name: "A".into(),
        title: String::new(),
        organization_id,
        organization_en: String::new(),
        organization_zh: String::new(),
        locale: "en".into(),
        active: true,
        roles: roles.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(roles: &[Role]) -> Person {
        test_person(1, roles, None)
    }

    #[test]
    fn organizers_grant_every_role_but_admin() {
        let o = person(&[Role::Organizer]);
        assert!(can(&o, Permission::GrantRole(Role::Judge)));
        assert!(!can(&o, Permission::GrantRole(Role::Admin)));
        assert!(can(
            &person(&[Role::Admin]),
            Permission::GrantRole(Role::Admin)
        ));
    }

    #[test]
    fn clinicians_and_judges_cannot_list_accounts() {
        for r in [Role::Clinician, Role::Judge, Role::Engineer, Role::Poc] {
            assert!(!can(&person(&[r]), Permission::ListAccounts), "{r}");
        }
    }

    #[test]
    fn only_the_calls_organizers_and_admins_manage_it() {
        let organizer_elsewhere = person(&[Role::Organizer]);
        assert!(!can_manage_call(&organizer_elsewhere, &[]));
        assert!(can_manage_call(
            &organizer_elsewhere,
            &[CallRole::Organizer]
        ));
        assert!(!can_manage_call(
            &person(&[Role::Judge]),
            &[CallRole::Judge]
        ));
        assert!(can_manage_call(&person(&[Role::Admin]), &[]));
    }

    #[test]
    fn only_the_creator_and_admins_change_co_organizers() {
        let o = person(&[Role::Organizer]);
        assert!(can_change_co_organizers(&o, true));
        assert!(!can_change_co_organizers(&o, false));
        assert!(can_change_co_organizers(&person(&[Role::Admin]), false));
    }

    #[test]
    fn drafts_are_deleted_and_the_rest_archived() {
        use drx_domain::Phase;
        let co = [CallRole::Organizer];
        let o = person(&[Role::Organizer]);
        assert!(can_delete_call(&o, &co, Phase::Draft));
        assert!(!can_delete_call(&o, &co, Phase::Open));
        assert!(!can_delete_call(&o, &[], Phase::Draft));
        assert!(can_archive_call(&o, &co, Phase::Review));
        assert!(!can_archive_call(&o, &co, Phase::Draft));
        assert!(!can_unarchive_call(&o));
        assert!(can_unarchive_call(&person(&[Role::Admin])));
    }

    #[test]
    fn a_deactivated_admin_can_do_nothing() {
        let mut a = person(&[Role::Admin]);
        a.active = false;
        assert!(!can(&a, Permission::ListAccounts));
    }
}

/// What the authorization layer needs to know about one submission and one person, gathered
/// by the store in one query (`store::submissions::access`). Per-object rules, HotCRP style.
#[derive(Debug, Clone)]
pub struct SubmissionAccess {
    pub status: drx_domain::SubmissionStatus,
    pub blind_mode: drx_domain::BlindMode,
    /// The person created the submission or is listed in its team.
    pub on_team: bool,
    /// The person organizes the submission's call (call_roles).
    pub call_organizer: bool,
    /// The person has a review row for the submission (assigned by the judging module).
    pub assigned_judge: bool,
    /// The person works with the authors: a member of a team matched to the submission (a
    /// published team match, an accepted interest, or its project), or of its project's PoC
    /// centre.
    pub engineering_partner: bool,
}

/// The audit history of a submission names judges and organizers: only those who run its call
/// (and admins) see it; its authors follow their own versions on the revisions page.
pub fn can_see_submission_history(person: &Person, a: &SubmissionAccess) -> bool {
    person.active && (a.call_organizer || person.roles.contains(&Role::Admin))
}

/// How much of a submission a person may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmissionView {
    /// Everything, authors and hospitals included.
    Full,
    /// Content only: no authors, hospitals, team or attachment names (double-blind judging).
    Blind,
}

/// Who may see a submission, and how much. None: not at all (the page answers 404 for it).
pub fn can_view_submission(person: &Person, a: &SubmissionAccess) -> Option<SubmissionView> {
    use drx_domain::{BlindMode, SubmissionStatus};
    if !person.active {
        return None;
    }
    if a.on_team || a.call_organizer || person.roles.contains(&Role::Admin) {
        return Some(SubmissionView::Full);
    }
    // The engineers and PoC centre who work with the authors see what the authors see, once
    // the submission was sent (a draft stays with its authors).
    if a.engineering_partner && a.status != SubmissionStatus::Draft {
        return Some(SubmissionView::Full);
    }
    // A judge sees only what was assigned, and never a draft.
    if a.assigned_judge && a.status != SubmissionStatus::Draft {
        return Some(if a.blind_mode == BlindMode::Double {
            SubmissionView::Blind
        } else {
            SubmissionView::Full
        });
    }
    None
}

/// Who may change a submission's content, attachments, or submit it. The deadline is checked
/// by the service (it depends on the clock), not here.
pub fn can_edit_submission(person: &Person, a: &SubmissionAccess) -> bool {
    use drx_domain::SubmissionStatus;
    person.active
        && a.on_team
        && matches!(
            a.status,
            SubmissionStatus::Draft | SubmissionStatus::Submitted
        )
}

/// Withdrawing is for the team, until judging has decided.
pub fn can_withdraw_submission(person: &Person, a: &SubmissionAccess) -> bool {
    use drx_domain::SubmissionStatus;
    person.active
        && a.on_team
        && matches!(
            a.status,
            SubmissionStatus::Draft | SubmissionStatus::Submitted | SubmissionStatus::UnderReview
        )
}

/// The organizer's surfaces of a submission's call (its matches link, the call's list).
pub fn can_manage_submission_call(person: &Person, a: &SubmissionAccess) -> bool {
    let roles: &[CallRole] = if a.call_organizer {
        &[CallRole::Organizer]
    } else {
        &[]
    };
    can_manage_call(person, roles)
}

/// Who curates the need catalogue (edits any need, reads every need's confidential part and
/// history, imports needs): organizers and admins.
pub fn can_curate_needs(person: &Person) -> bool {
    person.active
        && (person.roles.contains(&Role::Admin) || person.roles.contains(&Role::Organizer))
}

/// Who reads a need's confidential details outright: its curators and the person who logged
/// it (engineers pass the confidentiality gate of `services::confidentiality` instead).
pub fn can_see_need_confidential(person: &Person, created_by: Option<i64>) -> bool {
    can_curate_needs(person) || (person.active && created_by == Some(person.id))
}

/// Creating a new call, and importing needs.
pub fn can_create_call(person: &Person) -> bool {
    person.active
        && (person.roles.contains(&Role::Admin) || person.roles.contains(&Role::Organizer))
}

/// Whether a person keeps an expertise profile (fields, keywords, bio, past work): judges and
/// engineers.
pub fn can_keep_profile(person: &Person) -> bool {
    person.active && (person.roles.contains(&Role::Judge) || person.roles.contains(&Role::Engineer))
}

/// Whether a person may import the profiles of many judges at once: organizers and admins.
pub fn can_import_profiles(person: &Person) -> bool {
    can_create_call(person)
}

#[cfg(test)]
mod submission_tests {
    use super::*;
    use drx_domain::{BlindMode, SubmissionStatus};

    fn person(roles: &[Role]) -> Person {
        test_person(1, roles, None)
    }

    fn access() -> SubmissionAccess {
        SubmissionAccess {
            status: SubmissionStatus::Submitted,
            blind_mode: BlindMode::Double,
            on_team: false,
            call_organizer: false,
            assigned_judge: false,
            engineering_partner: false,
        }
    }

    #[test]
    fn strangers_see_nothing_even_with_a_clinician_or_organizer_role() {
        for r in [
            Role::Clinician,
            Role::Organizer,
            Role::Judge,
            Role::Engineer,
        ] {
            assert_eq!(can_view_submission(&person(&[r]), &access()), None, "{r}");
        }
    }

    #[test]
    fn judges_of_a_double_blind_call_get_the_blind_view_only_when_assigned() {
        let j = person(&[Role::Judge]);
        let mut a = access();
        a.assigned_judge = true;
        assert_eq!(can_view_submission(&j, &a), Some(SubmissionView::Blind));
        a.blind_mode = BlindMode::Single;
        assert_eq!(can_view_submission(&j, &a), Some(SubmissionView::Full));
        a.status = SubmissionStatus::Draft;
        assert_eq!(can_view_submission(&j, &a), None, "never a draft");
    }

    #[test]
    fn engineering_partners_see_a_sent_submission_in_full_but_never_edit_it() {
        let e = person(&[Role::Engineer]);
        let mut a = access();
        a.engineering_partner = true;
        a.status = SubmissionStatus::Finalist;
        assert_eq!(can_view_submission(&e, &a), Some(SubmissionView::Full));
        assert!(!can_edit_submission(&e, &a));
        a.status = SubmissionStatus::Draft;
        assert_eq!(can_view_submission(&e, &a), None, "never a draft");
    }

    #[test]
    fn the_team_edits_until_review_and_organizers_never_edit() {
        let c = person(&[Role::Clinician]);
        let mut a = access();
        a.on_team = true;
        assert!(can_edit_submission(&c, &a));
        a.status = SubmissionStatus::Withdrawn;
        assert!(!can_edit_submission(&c, &a));
        let o = person(&[Role::Organizer]);
        let mut b = access();
        b.call_organizer = true;
        assert_eq!(can_view_submission(&o, &b), Some(SubmissionView::Full));
        assert!(!can_edit_submission(&o, &b));
        assert!(can_manage_submission_call(&o, &b));
        assert!(!can_manage_submission_call(&o, &access()));
        assert!(can_manage_submission_call(
            &person(&[Role::Admin]),
            &access()
        ));
    }
}

/// May this person change this review? Only its own judge, only while the call is in its
/// review phase (the caller passes the call's phase).
pub fn can_edit_review(
    person: &Person,
    review_judge_id: i64,
    call_phase: Phase,
    call_archived: bool,
) -> bool {
    person.active && person.id == review_judge_id && call_phase == Phase::Review && !call_archived
}

/// May this person read and write a submission's discussion? The call's organizers (and
/// admins) always; a judge of the submission only once their own review is submitted, so that
/// nobody's score is anchored by the others'.
pub fn can_join_discussion(
    person: &Person,
    a: &SubmissionAccess,
    own_review: Option<ReviewStatus>,
) -> bool {
    if !person.active {
        return false;
    }
    if a.call_organizer || person.roles.contains(&Role::Admin) {
        return true;
    }
    own_review == Some(ReviewStatus::Submitted)
}

/// May this person see the judges' comments for the authors? The team, once decided.
pub fn can_see_feedback(person: &Person, a: &SubmissionAccess) -> bool {
    use drx_domain::SubmissionStatus;
    person.active
        && a.on_team
        && matches!(
            a.status,
            SubmissionStatus::Finalist | SubmissionStatus::NotSelected
        )
}

/// Who reads a submission's reviews, and how the judges are named to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewVisibility {
    pub reader: ReviewReader,
    /// Judges are named; otherwise each is "Judge A/B/C" (letters stable per submission).
    pub judge_names: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewReader {
    /// Runs the call (its organizers, admins): every review in every state, both kinds of
    /// comments, the declared conflicts.
    Organizer,
    /// A judge of the submission, under the call's co-review rule: their own review and the
    /// others' submitted ones (scores, confidence, both kinds of comments); no conflicts.
    CoJudge,
}

impl ReviewVisibility {
    /// Whether this reader sees a review in this state (`own`: the reader wrote it). Drafts
    /// stay with their judge and the organizers.
    pub fn shows(&self, status: ReviewStatus, own: bool) -> bool {
        self.reader == ReviewReader::Organizer || own || status == ReviewStatus::Submitted
    }

    /// Whether this reader sees the conflicts judges declared on the submission.
    pub fn shows_conflicts(&self) -> bool {
        self.reader == ReviewReader::Organizer
    }
}

/// What deciding who reads a submission's reviews needs: the person's relation to it and the
/// call's rules (`store::reviews::reading_rules`).
#[derive(Debug, Clone)]
pub struct ReviewFacts {
    /// The person organizes the submission's call.
    pub call_organizer: bool,
    /// The person created the submission or is listed in its team.
    pub on_team: bool,
    /// The person's own review of the submission, if they hold one.
    pub own_review: Option<ReviewStatus>,
    pub call_phase: drx_domain::Phase,
    pub co_reviews: drx_domain::CoReviews,
    pub organizers_see_judges: bool,
    pub judges_see_judges: bool,
}

/// May this person read the judges' reviews of a submission, and how? Those who run the call
/// always (names or letters as the call says); a judge of the submission as the call's
/// co-review rule says (never; once their own review is submitted; once the review phase is
/// over); nobody else. Authors never do: they get `can_see_feedback`, the comments for authors
/// without names, and nothing here even if they also judge.
pub fn can_read_reviews(person: &Person, f: &ReviewFacts) -> Option<ReviewVisibility> {
    use drx_domain::{CoReviews, Phase};
    if !person.active {
        return None;
    }
    if f.call_organizer || person.roles.contains(&Role::Admin) {
        return Some(ReviewVisibility {
            reader: ReviewReader::Organizer,
            judge_names: f.organizers_see_judges,
        });
    }
    if f.on_team {
        return None;
    }
    let own = f.own_review?;
    let open = match f.co_reviews {
        CoReviews::Never => false,
        CoReviews::AfterOwn => own == ReviewStatus::Submitted,
        CoReviews::AfterPhase => f.call_phase > Phase::Review,
    };
    open.then_some(ReviewVisibility {
        reader: ReviewReader::CoJudge,
        judge_names: f.judges_see_judges,
    })
}

#[cfg(test)]
mod review_tests {
    use super::*;
    use drx_domain::{BlindMode, SubmissionStatus};

    fn person(id: i64, roles: &[Role]) -> Person {
        test_person(id, roles, None)
    }

    fn access(status: SubmissionStatus) -> SubmissionAccess {
        SubmissionAccess {
            status,
            blind_mode: BlindMode::Single,
            on_team: false,
            call_organizer: false,
            assigned_judge: false,
            engineering_partner: false,
        }
    }

    #[test]
    fn only_the_own_judge_edits_and_only_in_the_review_phase() {
        let j = person(7, &[Role::Judge]);
        assert!(can_edit_review(&j, 7, Phase::Review, false));
        assert!(!can_edit_review(&j, 7, Phase::Review, true));
        assert!(!can_edit_review(&j, 8, Phase::Review, false));
        assert!(!can_edit_review(&j, 7, Phase::Decision, false));
        assert!(!can_edit_review(
            &person(1, &[Role::Admin]),
            7,
            Phase::Review,
            false
        ));
    }

    #[test]
    fn judges_join_the_discussion_only_after_submitting() {
        let j = person(7, &[Role::Judge]);
        let mut a = access(SubmissionStatus::UnderReview);
        a.assigned_judge = true;
        assert!(!can_join_discussion(&j, &a, None));
        assert!(!can_join_discussion(&j, &a, Some(ReviewStatus::InProgress)));
        assert!(can_join_discussion(&j, &a, Some(ReviewStatus::Submitted)));
        let mut o = access(SubmissionStatus::UnderReview);
        o.call_organizer = true;
        assert!(can_join_discussion(
            &person(2, &[Role::Organizer]),
            &o,
            None
        ));
        let mut team = access(SubmissionStatus::UnderReview);
        team.on_team = true;
        assert!(!can_join_discussion(
            &person(3, &[Role::Clinician]),
            &team,
            None
        ));
    }

    #[test]
    fn feedback_is_for_the_team_after_the_decision() {
        let c = person(3, &[Role::Clinician]);
        let mut a = access(SubmissionStatus::UnderReview);
        a.on_team = true;
        assert!(!can_see_feedback(&c, &a));
        a.status = SubmissionStatus::NotSelected;
        assert!(can_see_feedback(&c, &a));
        a.on_team = false;
        a.call_organizer = true;
        assert!(!can_see_feedback(&c, &a));
    }
}

/// One person's relation to one project (gathered by `store::projects`).
#[derive(Debug, Clone, Default)]
pub struct ProjectAccess {
    /// Organizer of the call the project's submission came from.
    pub call_organizer: bool,
    /// Member of the project's engineering team.
    pub on_team: bool,
    /// Author or listed member of the project's submission.
    pub clinician: bool,
    /// The PoC centre hosting the project, if any.
    pub poc_centre_id: Option<i64>,
}

/// Staff of the project's proof-of-concept centre: the `poc` role and that organization.
fn poc_staff(person: &Person, a: &ProjectAccess) -> bool {
    person.roles.contains(&Role::Poc)
        && a.poc_centre_id.is_some()
        && person.organization_id == a.poc_centre_id
}

/// Organizers and admins see every project, the board and the dashboards.
pub fn can_oversee_projects(person: &Person) -> bool {
    can_create_call(person)
}

/// Who sees a project: overseers, its call's organizers, its team, its clinicians, its PoC centre.
pub fn can_view_project(person: &Person, a: &ProjectAccess) -> bool {
    person.active
        && (can_oversee_projects(person)
            || a.call_organizer
            || a.on_team
            || a.clinician
            || poc_staff(person, a))
}

/// Who takes gate decisions, sets the regulatory pathway and plans milestones: the call's
/// organizers, admins, and the hosting PoC centre's staff.
pub fn can_decide_gate(person: &Person, a: &ProjectAccess) -> bool {
    person.active
        && (person.roles.contains(&Role::Admin) || a.call_organizer || poc_staff(person, a))
}

/// A project's history records the gate work of the people its page already names (team,
/// deciders, PoC centre): everyone who sees the project sees it.
pub fn can_see_project_history(person: &Person, a: &ProjectAccess) -> bool {
    can_view_project(person, a)
}

/// Who works the checklist and closes milestones: the deciders and the engineering team.
pub fn can_work_on_project(person: &Person, a: &ProjectAccess) -> bool {
    can_decide_gate(person, a) || (person.active && a.on_team)
}

#[cfg(test)]
mod project_tests {
    use super::*;

    fn person(roles: &[Role], org: Option<i64>) -> Person {
        test_person(1, roles, org)
    }

    #[test]
    fn poc_staff_decide_only_for_projects_their_centre_hosts() {
        let a = ProjectAccess {
            poc_centre_id: Some(7),
            ..Default::default()
        };
        assert!(can_decide_gate(&person(&[Role::Poc], Some(7)), &a));
        assert!(can_view_project(&person(&[Role::Poc], Some(7)), &a));
        assert!(!can_decide_gate(&person(&[Role::Poc], Some(8)), &a));
        assert!(!can_view_project(&person(&[Role::Poc], Some(8)), &a));
        // Working at the centre without the poc role is not enough.
        assert!(!can_decide_gate(&person(&[Role::Clinician], Some(7)), &a));
    }

    #[test]
    fn teams_and_clinicians_read_and_only_the_team_works() {
        let team = ProjectAccess {
            on_team: true,
            ..Default::default()
        };
        let clin = ProjectAccess {
            clinician: true,
            ..Default::default()
        };
        let e = person(&[Role::Engineer], None);
        assert!(can_view_project(&e, &team) && can_work_on_project(&e, &team));
        assert!(!can_decide_gate(&e, &team));
        let c = person(&[Role::Clinician], None);
        assert!(can_view_project(&c, &clin) && !can_work_on_project(&c, &clin));
        assert!(!can_view_project(&c, &ProjectAccess::default()));
        assert!(can_view_project(
            &person(&[Role::Organizer], None),
            &ProjectAccess::default()
        ));
    }
}

/// The catalogues (needs, teams) are for everyone signed in.
pub fn can_browse_catalogues(person: &Person) -> bool {
    person.active
}

/// Who speaks for a need in matchmaking: the person who logged it, and the curators of the
/// catalogue (admins, organizers).
pub fn can_speak_for_need(person: &Person, need_created_by: Option<i64>) -> bool {
    person.active
        && (need_created_by == Some(person.id)
            || person.roles.contains(&Role::Admin)
            || person.roles.contains(&Role::Organizer))
}

/// Who speaks for a submission in matchmaking: its team (authors and members).
pub fn can_speak_for_submission(person: &Person, a: &SubmissionAccess) -> bool {
    person.active && a.on_team
}

/// Who speaks for an engineering team: its members.
pub fn can_speak_for_team(person: &Person, is_member: bool) -> bool {
    person.active && is_member
}

/// The confidential part of a need: its owner and the curators always; an engineer only when
/// their team's interest in the need was accepted AND they accepted the current version of the
/// governing call's confidentiality terms.
pub fn can_open_confidential(
    person: &Person,
    owner: bool,
    team_interest_accepted: bool,
    accepted_current_terms: bool,
) -> bool {
    person.active && (owner || (team_interest_accepted && accepted_current_terms))
}

#[cfg(test)]
mod matchmaking_tests {
    use super::*;

    fn person(id: i64, roles: &[Role]) -> Person {
        test_person(id, roles, None)
    }

    #[test]
    fn confidential_parts_need_both_the_accepted_interest_and_the_terms() {
        let e = person(3, &[Role::Engineer]);
        assert!(!can_open_confidential(&e, false, false, false));
        assert!(!can_open_confidential(&e, false, false, true));
        assert!(!can_open_confidential(&e, false, true, false));
        assert!(can_open_confidential(&e, false, true, true));
        assert!(can_open_confidential(&e, true, false, false));
    }

    #[test]
    fn a_need_is_spoken_for_by_its_author_and_the_curators() {
        assert!(can_speak_for_need(&person(3, &[Role::Clinician]), Some(3)));
        assert!(!can_speak_for_need(&person(4, &[Role::Clinician]), Some(3)));
        assert!(can_speak_for_need(&person(4, &[Role::Organizer]), Some(3)));
        assert!(!can_speak_for_need(&person(4, &[Role::Engineer]), None));
    }
}

/// One person's relation to the subject of a conversation (gathered by
/// `services::conversations`).
#[derive(Debug, Clone)]
pub enum ConversationSubject {
    /// A need: its author; a member of a team whose interest in it was accepted, once they may
    /// open its confidential part (`confidential_closed`: the need has one they may not open).
    Need {
        author: bool,
        accepted_team: bool,
        confidential_closed: bool,
    },
    /// A submission: its authors, its call's organizers, a member of a team with an accepted
    /// interest or a published match. Judges are not parties as judges (blind review).
    Submission {
        on_team: bool,
        call_organizer: bool,
        matched_team: bool,
    },
    /// A project: those who work on it and its clinicians.
    Project(ProjectAccess),
}

/// Who may read, start and answer the conversations on a subject and download their files:
/// the subject's parties, and for needs the catalogue's curators (organizers and admins).
pub fn is_conversation_party(person: &Person, s: &ConversationSubject) -> bool {
    if !person.active {
        return false;
    }
    let admin = person.roles.contains(&Role::Admin);
    match s {
        ConversationSubject::Need {
            author,
            accepted_team,
            confidential_closed,
        } => {
            *author
                || (*accepted_team && !*confidential_closed)
                || admin
                || person.roles.contains(&Role::Organizer)
        }
        ConversationSubject::Submission {
            on_team,
            call_organizer,
            matched_team,
        } => *on_team || *call_organizer || *matched_team || admin,
        ConversationSubject::Project(a) => can_work_on_project(person, a) || a.clinician,
    }
}

#[cfg(test)]
mod conversation_tests {
    use super::*;

    fn person(roles: &[Role]) -> Person {
        test_person(1, roles, None)
    }

    #[test]
    fn judges_are_never_parties_of_a_submissions_conversation() {
        let none = ConversationSubject::Submission {
            on_team: false,
            call_organizer: false,
            matched_team: false,
        };
        assert!(!is_conversation_party(&person(&[Role::Judge]), &none));
        assert!(!is_conversation_party(&person(&[Role::Organizer]), &none));
        assert!(is_conversation_party(&person(&[Role::Admin]), &none));
        let matched = ConversationSubject::Submission {
            on_team: false,
            call_organizer: false,
            matched_team: true,
        };
        assert!(is_conversation_party(&person(&[Role::Engineer]), &matched));
    }

    #[test]
    fn needs_are_talked_about_by_author_accepted_teams_and_curators() {
        let none = ConversationSubject::Need {
            author: false,
            accepted_team: false,
            confidential_closed: false,
        };
        assert!(!is_conversation_party(&person(&[Role::Engineer]), &none));
        assert!(!is_conversation_party(&person(&[Role::Clinician]), &none));
        assert!(is_conversation_party(&person(&[Role::Organizer]), &none));
        let team = ConversationSubject::Need {
            author: false,
            accepted_team: true,
            confidential_closed: false,
        };
        assert!(is_conversation_party(&person(&[Role::Engineer]), &team));
        // A need with a confidential part the engineer may not open yet (terms not accepted):
        // its conversation, and its files, stay closed too.
        let gated = ConversationSubject::Need {
            author: false,
            accepted_team: true,
            confidential_closed: true,
        };
        assert!(!is_conversation_party(&person(&[Role::Engineer]), &gated));
        assert!(is_conversation_party(&person(&[Role::Organizer]), &gated));
        let mut gone = person(&[Role::Engineer]);
        gone.active = false;
        assert!(!is_conversation_party(&gone, &team));
    }

    #[test]
    fn a_projects_clinicians_and_team_talk_but_a_stranger_does_not() {
        let clin = ProjectAccess {
            clinician: true,
            ..Default::default()
        };
        assert!(is_conversation_party(
            &person(&[Role::Clinician]),
            &ConversationSubject::Project(clin)
        ));
        assert!(!is_conversation_party(
            &person(&[Role::Organizer]),
            &ConversationSubject::Project(ProjectAccess::default())
        ));
    }
}

/// What the authorization layer needs to know about one engineering team and one person
/// (`store::teams::membership`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TeamAccess {
    /// The person is on the team.
    pub member: bool,
    /// The person leads it.
    pub lead: bool,
}

fn staff(person: &Person) -> bool {
    person.roles.contains(&Role::Admin) || person.roles.contains(&Role::Organizer)
}

/// Who creates an engineering team: an engineer (who becomes its lead), organizers and admins
/// (who name its lead).
pub fn can_create_team(person: &Person) -> bool {
    person.active && (person.roles.contains(&Role::Engineer) || staff(person))
}

/// Who names someone else as a new team's lead: organizers and admins.
pub fn can_name_team_lead(person: &Person) -> bool {
    person.active && staff(person)
}

/// Who may be on a team (be invited, join, lead it): an active engineer.
pub fn can_join_team(person: &Person) -> bool {
    person.active && person.roles.contains(&Role::Engineer)
}

/// Who edits a team's profile and keeps its members (invites, removes, hands over the lead):
/// its lead, organizers and admins. Other members read it.
pub fn can_edit_team(person: &Person, a: &TeamAccess) -> bool {
    person.active && (a.lead || staff(person))
}

/// Who may leave a team: its members (the service keeps the last lead from leaving).
pub fn can_leave_team(person: &Person, a: &TeamAccess) -> bool {
    person.active && a.member
}

#[cfg(test)]
mod team_tests {
    use super::*;

    fn person(roles: &[Role]) -> Person {
        test_person(7, roles, None)
    }

    #[test]
    fn engineers_and_staff_create_teams_judges_and_clinicians_do_not() {
        assert!(can_create_team(&person(&[Role::Engineer])));
        assert!(can_create_team(&person(&[Role::Organizer])));
        assert!(can_create_team(&person(&[Role::Admin])));
        for r in [Role::Judge, Role::Clinician, Role::Poc] {
            assert!(!can_create_team(&person(&[r])), "{r}");
        }
        assert!(!can_name_team_lead(&person(&[Role::Engineer])));
        assert!(can_name_team_lead(&person(&[Role::Organizer])));
    }

    #[test]
    fn the_lead_and_staff_edit_members_only_read() {
        let e = person(&[Role::Engineer]);
        let lead = TeamAccess {
            member: true,
            lead: true,
        };
        let member = TeamAccess {
            member: true,
            lead: false,
        };
        assert!(can_edit_team(&e, &lead));
        assert!(!can_edit_team(&e, &member));
        assert!(!can_edit_team(&e, &TeamAccess::default()));
        assert!(can_edit_team(
            &person(&[Role::Organizer]),
            &TeamAccess::default()
        ));
        assert!(can_leave_team(&e, &member));
        assert!(!can_leave_team(&e, &TeamAccess::default()));
        let mut gone = e.clone();
        gone.active = false;
        assert!(!can_edit_team(&gone, &lead));
    }
}

#[cfg(test)]
mod review_reading_tests {
    use super::*;
    use drx_domain::{CoReviews, Phase};

    fn facts() -> ReviewFacts {
        ReviewFacts {
            call_organizer: false,
            on_team: false,
            own_review: None,
            call_phase: Phase::Review,
            co_reviews: CoReviews::AfterOwn,
            organizers_see_judges: true,
            judges_see_judges: false,
        }
    }

    #[test]
    fn organizers_read_every_review_with_names_or_letters_as_the_call_says() {
        let o = test_person(2, &[Role::Organizer], None);
        let mut f = facts();
        assert_eq!(
            can_read_reviews(&o, &f),
            None,
            "an organizer of another call"
        );
        f.call_organizer = true;
        let v = can_read_reviews(&o, &f).unwrap();
        assert_eq!((v.reader, v.judge_names), (ReviewReader::Organizer, true));
        assert!(v.shows(ReviewStatus::Assigned, false) && v.shows_conflicts());
        f.organizers_see_judges = false;
        assert!(!can_read_reviews(&o, &f).unwrap().judge_names);
        let admin = test_person(3, &[Role::Admin], None);
        assert!(can_read_reviews(&admin, &facts()).is_some());
    }

    #[test]
    fn judges_read_the_others_as_the_co_review_rule_says_and_by_letter() {
        let j = test_person(7, &[Role::Judge], None);
        let mut f = facts();
        assert_eq!(can_read_reviews(&j, &f), None, "not a judge of it");
        f.own_review = Some(ReviewStatus::InProgress);
        assert_eq!(can_read_reviews(&j, &f), None, "before submitting");
        f.own_review = Some(ReviewStatus::Submitted);
        let v = can_read_reviews(&j, &f).unwrap();
        assert_eq!((v.reader, v.judge_names), (ReviewReader::CoJudge, false));
        assert!(
            !v.shows(ReviewStatus::InProgress, false) && v.shows(ReviewStatus::Submitted, false)
        );
        assert!(v.shows(ReviewStatus::InProgress, true) && !v.shows_conflicts());
        f.judges_see_judges = true;
        assert!(can_read_reviews(&j, &f).unwrap().judge_names);
        f.co_reviews = CoReviews::Never;
        assert_eq!(can_read_reviews(&j, &f), None, "never");
        f.co_reviews = CoReviews::AfterPhase;
        assert_eq!(
            can_read_reviews(&j, &f),
            None,
            "submitted, but the phase lasts"
        );
        f.call_phase = Phase::Decision;
        f.own_review = Some(ReviewStatus::Assigned);
        assert!(can_read_reviews(&j, &f).is_some(), "after the review phase");
    }

    #[test]
    fn authors_and_strangers_never_read_reviews() {
        let mut f = facts();
        f.on_team = true;
        f.own_review = Some(ReviewStatus::Submitted);
        let c = test_person(4, &[Role::Clinician, Role::Judge], None);
        assert_eq!(can_read_reviews(&c, &f), None);
        let e = test_person(5, &[Role::Engineer], None);
        assert_eq!(can_read_reviews(&e, &facts()), None);
        let mut gone = test_person(6, &[Role::Admin], None);
        gone.active = false;
        assert_eq!(can_read_reviews(&gone, &facts()), None);
    }
}

#[cfg(test)]
mod bid_tests {
    use super::*;

    #[test]
    fn only_pool_judges_bid_and_only_call_runners_see_bids() {
        let judge = test_person(1, &[Role::Judge], None);
        let pool = [CallRole::Judge];
        assert!(can_bid(&judge, &pool));
        assert!(!can_bid(&judge, &[]), "a judge outside the pool");
        let organizer = test_person(2, &[Role::Organizer], None);
        assert!(!can_bid(&organizer, &pool), "no judge role on the platform");
        assert!(!can_bid(&test_person(3, &[Role::Clinician], None), &[]));
        let mut gone = judge.clone();
        gone.active = false;
        assert!(!can_bid(&gone, &pool));
        assert!(can_see_bids(&organizer, &[CallRole::Organizer]));
        assert!(!can_see_bids(&judge, &pool));
        assert!(can_see_bids(&test_person(4, &[Role::Admin], None), &[]));
    }

    #[test]
    fn bidding_is_open_in_open_and_review_until_publication() {
        assert_eq!(bidding_closed(Phase::Open, false, false), None);
        assert_eq!(bidding_closed(Phase::Review, false, false), None);
        assert_eq!(
            bidding_closed(Phase::Review, false, true),
            Some("bids-closed-published")
        );
        assert_eq!(
            bidding_closed(Phase::Draft, false, false),
            Some("bids-closed-phase")
        );
        assert_eq!(
            bidding_closed(Phase::Open, true, false),
            Some("error-call-archived")
        );
        assert_eq!(
            bid_view(drx_domain::BlindMode::Double),
            SubmissionView::Blind
        );
    }
}
