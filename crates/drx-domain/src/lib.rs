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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_text() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(*r));
        }
        assert_eq!(Role::parse("superuser"), None);
    }
}
