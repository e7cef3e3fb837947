//! The nouns of drx shared by every layer: roles, phases, stages, statuses.
//!
//! **Invariant:** no dependencies and no behaviour beyond naming a value and reading it back
//! (`as_str`, `parse`); every layer may use these types, so nothing here may depend on a layer.
use std::fmt;

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

text_enum!(
    /// What a person may do across the platform. Judge and organizer are also given per call.
    Role {
        Admin = "admin",
        Organizer = "organizer",
        Clinician = "clinician",
        Judge = "judge",
        Engineer = "engineer",
        Poc = "poc",
    }
);

text_enum!(
    /// The life of a call.
    Phase {
        Draft = "draft",
        Open = "open",
        Review = "review",
        Decision = "decision",
        Matchmaking = "matchmaking",
        Incubation = "incubation",
        Closed = "closed",
    }
);

text_enum!(
    /// Who is hidden from whom during review.
    BlindMode { Open = "open", Single = "single", Double = "double" }
);

text_enum!(
    /// What a personal API token may do: read only (GET), or read and write.
    TokenScope { Read = "read", Write = "write" }
);

text_enum!(
    /// When a judge of a submission reads the other judges' reviews of it: never, once their own
    /// review is submitted, or once the call has left its review phase.
    CoReviews { Never = "never", AfterOwn = "after_own", AfterPhase = "after_phase" }
);

text_enum!(
    /// How far a solution has come.
    Stage { Idea = "idea", Concept = "concept", Prototype = "prototype", ClinicalData = "clinical_data" }
);

text_enum!(
    SubmissionStatus {
        Draft = "draft",
        Submitted = "submitted",
        UnderReview = "under_review",
        Finalist = "finalist",
        NotSelected = "not_selected",
        Withdrawn = "withdrawn",
    }
);

text_enum!(
    OrganizationKind {
        Hospital = "hospital",
        Company = "company",
        University = "university",
        PocCentre = "poc_centre",
        Other = "other",
    }
);

text_enum!(
    /// Where an organization record is in its life: asked for at sign-up and not yet checked,
    /// in use, no longer offered, or folded into another record (which now holds its references).
    OrganizationStatus {
        Requested = "requested",
        Active = "active",
        Inactive = "inactive",
        Merged = "merged",
    }
);

text_enum!(
    /// The kind of object an audit event is about (the history of which it is part).
    AuditEntity {
        ApiToken = "api_token",
        Call = "call",
        Event = "event",
        Interest = "interest",
        Invitation = "invitation",
        Need = "need",
        Organization = "organization",
        Person = "person",
        Project = "project",
        Review = "review",
        Submission = "submission",
        Team = "team",
        Thread = "thread",
    }
);

text_enum!(
    /// What an audit event records. The text is part of the event's hash: never change one.
    AuditAction {
        AcceptInvitation = "accept-invitation",
        Accepted = "accepted",
        Activate = "activate",
        AgendaAdd = "agenda-add",
        AgendaRemove = "agenda-remove",
        Absorb = "absorb",
        Archive = "archive",
        AssignmentPublish = "assignment-publish",
        AssignmentRun = "assignment-run",
        Bids = "bids",
        Attach = "attach",
        ChangePassword = "change-password",
        Check = "check",
        Committee = "committee",
        ConflictDeclare = "conflict-declare",
        Create = "create",
        Deactivate = "deactivate",
        Decision = "decision",
        Decisions = "decisions",
        Declined = "declined",
        Delete = "delete",
        DemoSeed = "demo-seed",
        Detach = "detach",
        DocumentAdd = "document-add",
        Extend = "extend",
        FinalistOverride = "finalist-override",
        GateDecision = "gate-decision",
        Import = "import",
        LeadHandover = "lead-handover",
        Leave = "leave",
        Login = "login",
        LoginAlert = "login-alert",
        MemberRemove = "member-remove",
        Message = "message",
        Merge = "merge",
        MilestoneAdd = "milestone-add",
        MilestoneDone = "milestone-done",
        Open = "open",
        PastWorkAdd = "past-work-add",
        PastWorkImport = "past-work-import",
        PastWorkRemove = "past-work-remove",
        Pathway = "pathway",
        Phase = "phase",
        ProfileImport = "profile-import",
        ProfileUpdate = "profile-update",
        Register = "register",
        RequestPasswordReset = "request-password-reset",
        Resend = "resend",
        ResetPassword = "reset-password",
        Revise = "revise",
        ReviewReminders = "review-reminders",
        ReviewSave = "review-save",
        ReviewSubmit = "review-submit",
        Revoke = "revoke",
        SetOrganization = "set-organization",
        SetRoles = "set-roles",
        SignOutEverywhere = "sign-out-everywhere",
        Submit = "submit",
        TeamInvite = "team-invite",
        TeamMatchingPublish = "team-matching-publish",
        TeamMatchingRun = "team-matching-run",
        TermsAccept = "terms-accept",
        TermsSet = "terms-set",
        Unarchive = "unarchive",
        Uncheck = "uncheck",
        Update = "update",
        Withdraw = "withdraw",
    }
);

text_enum!(
    /// What a conversation thread is about: the kind of its subject.
    ThreadKind { Need = "need", Submission = "submission", Project = "project", Review = "review" }
);

text_enum!(
    /// Where a judge's review of one submission stands.
    ReviewStatus { Assigned = "assigned", InProgress = "in_progress", Submitted = "submitted" }
);

text_enum!(
    /// Where a clinical need stands in the catalogue.
    NeedStatus { Draft = "draft", Open = "open", Matched = "matched", Closed = "closed" }
);

text_enum!(
    /// How urgent a clinical need is.
    Urgency { Low = "low", Medium = "medium", High = "high" }
);

text_enum!(
    /// Whether a project is moving through its stages.
    ProjectStatus { Active = "active", OnHold = "on_hold", Stopped = "stopped", Launched = "launched" }
);

text_enum!(
    /// The stages of a project, in order; each ends at its gate, named like the stage.
    ProjectStage {
        Concept = "concept",
        ProofOfConcept = "proof_of_concept",
        Prototype = "prototype",
        DesignVerificationValidation = "design_verification_validation",
        Regulatory = "regulatory",
        ClinicalEvaluation = "clinical_evaluation",
        Registration = "registration",
        Launch = "launch",
    }
);

text_enum!(
    /// What is decided at a project's gate.
    GateDecision { Go = "go", Hold = "hold", Recycle = "recycle", Stop = "stop" }
);

text_enum!(
    /// Where an expression of interest between a need or submission and a team stands.
    InterestStatus { Open = "open", Accepted = "accepted", Declined = "declined" }
);

text_enum!(
    /// Which side of the matchmaking expressed an interest.
    InterestSide { Clinical = "clinical", Team = "team" }
);

text_enum!(
    /// A role held within one call (platform roles are [`Role`]).
    CallRole { Organizer = "organizer", Judge = "judge" }
);

text_enum!(
    /// What a matching run pairs: judges with submissions, or teams with finalists.
    RunKind { Judges = "judges", Teams = "teams" }
);

text_enum!(
    /// Where a matching run stands.
    RunStatus { Draft = "draft", Published = "published", Discarded = "discarded" }
);

text_enum!(
    /// A judge's bid on a submission before assignment (HotCRP / OpenReview style): how much
    /// they want to review it, or that they have a conflict of interest with it.
    Bid { Eager = "eager", Willing = "willing", NotWilling = "not_willing", Conflict = "conflict" }
);

/// Calls `$callback!(Role, Phase, ...)` with every enum of this crate, so that what must cover
/// them all (the round trip below, the literal guard of `tests/layers.rs`) names them once.
#[macro_export]
macro_rules! every_enum {
    ($callback:ident) => {
        $callback!(
            Role,
            Phase,
            BlindMode,
            CoReviews,
            Stage,
            SubmissionStatus,
            OrganizationKind,
            OrganizationStatus,
            AuditEntity,
            AuditAction,
            ThreadKind,
            ReviewStatus,
            NeedStatus,
            Urgency,
            ProjectStatus,
            ProjectStage,
            GateDecision,
            InterestStatus,
            InterestSide,
            CallRole,
            RunKind,
            RunStatus,
            Bid,
            TokenScope
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of an enum reads back from its own text; an unknown text reads as nothing.
    fn round_trips<T: Copy + PartialEq + fmt::Debug>(
        all: &[T],
        as_str: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        assert!(!all.is_empty());
        for x in all {
            assert_eq!(parse(as_str(*x)), Some(*x), "{x:?}");
        }
        assert_eq!(parse("no-such-value"), None);
        let mut texts: Vec<&str> = all.iter().map(|x| as_str(*x)).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), all.len(), "two values share a text");
    }

    macro_rules! all_round_trip {
        ($($t:ident),*) => {$( round_trips($t::ALL, $t::as_str, $t::parse); )*};
    }

    #[test]
    fn every_enum_round_trips_through_its_text() {
        every_enum!(all_round_trip);
    }
}
