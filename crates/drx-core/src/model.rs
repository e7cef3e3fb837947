//! The records the core hands to the layers above: plain data read by the store, passed up
//! through the services. Above the core they are only data (the web renders them; it cannot run
//! a query or write with them); the store's functions stay out of reach.
pub use drx_store::accounts::Person;
pub use drx_store::api_tokens::ApiToken;
pub use drx_store::calls::{CallSettings, CallTeam, CommitteeMember, Criterion};
pub use drx_store::catalogue::{
    CallJudging, CallSummary, Field, LabelCount, OpenNeed, PublicFinalist, SubmissionRow, TeamRow,
};
pub use drx_store::conversations::ThreadSummary;
pub use drx_store::events::Event;
pub use drx_store::matching::{Run, RunPair};
pub use drx_store::matchmaking::{Interest, Member as TeamMember, Target, TeamCard};
pub use drx_store::needs::{Need, NeedFilter};
pub use drx_store::organizations::Organization;
pub use drx_store::projects::{Milestone, ProjectRow};
/// A rubric criterion with its id (how the reviews' scores name it).
pub use drx_store::reviews::Criterion as ReviewCriterion;
pub use drx_store::submissions::{
    Attachment, CallInfo, ListFilter, ListSort, Notice, Recipient, Submission,
};
pub use drx_store::teams::{Invitation as TeamInvitation, PastProject, TeamProfile};
pub use drx_store::Named;
