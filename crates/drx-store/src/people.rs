//! What the page of one person and the invitations list read: the calls a person judges or
//! organizes, their live sessions, and invitations with who sent them. Reads only; the tables
//! are written by `accounts` (people, sessions, invitations) and `calls` (call roles).
use super::{Db, Result};
use drx_domain::Role;

row! {
    /// An invitation as the list shows it; its state is told from the times.
    #[derive(Debug, Clone)]
    pub struct InvitationRow {
        pub id: i64,
        pub email: String,
        pub role: Role,
        pub organization_id: Option<i64>,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub invited_by: i64,
        pub invited_by_name: String = "inviter",
        pub created_at: i64,
        pub sent_at: i64,
        pub expires_at: i64,
        pub used_at: Option<i64>,
        pub revoked_at: Option<i64>,
        /// The call whose committee the invitation brings the person into, if any.
        pub call_id: Option<i64>,
    }
}

macro_rules! invitations {
    ($tail:literal) => {
        concat!(
            "SELECT i.id, i.email, i.role, i.organization_id, \
             COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh, \
             i.invited_by, COALESCE(p.name, '') AS inviter, i.created_at, i.sent_at, \
             i.expires_at, i.used_at, i.revoked_at, i.call_id \
             FROM invitations i LEFT JOIN organizations o ON o.id = i.organization_id \
             LEFT JOIN people p ON p.id = i.invited_by ",
            $tail
        )
    };
}

/// Every invitation, newest first.
pub async fn invitations(db: &Db) -> Result<Vec<InvitationRow>> {
    db.all(invitations!("ORDER BY i.created_at DESC, i.id DESC"), ())
        .await
}

/// The invitations into one call's committee, newest first.
pub async fn call_invitations(db: &Db, call_id: i64) -> Result<Vec<InvitationRow>> {
    db.all(
        invitations!("WHERE i.call_id = ? ORDER BY i.created_at DESC, i.id DESC"),
        (call_id,),
    )
    .await
}

/// The invitations sent to one address (already normalized), newest first.
pub async fn invitations_to(db: &Db, email: &str) -> Result<Vec<InvitationRow>> {
    db.all(
        invitations!("WHERE i.email = ? ORDER BY i.created_at DESC, i.id DESC"),
        (email,),
    )
    .await
}

pub async fn invitation(db: &Db, id: i64) -> Result<Option<InvitationRow>> {
    db.opt(invitations!("WHERE i.id = ?"), (id,)).await
}

row! {
    /// A call a person holds a role in (organizer or judge).
    #[derive(Debug, Clone)]
    pub struct CallRole {
        pub call_id: i64,
        pub title_en: String,
        pub title_zh: String,
        pub phase: String,
        pub role: String,
    }
}

/// The calls the person organizes or judges, newest call first.
pub async fn call_roles(db: &Db, person_id: i64) -> Result<Vec<CallRole>> {
    db.all(
        "SELECT c.id AS call_id, c.title_en, c.title_zh, c.phase, r.role \
         FROM call_roles r JOIN calls c ON c.id = r.call_id \
         WHERE r.person_id = ? ORDER BY c.id DESC, r.role",
        (person_id,),
    )
    .await
}

/// How many sessions of the person are live now.
pub async fn live_sessions(db: &Db, person_id: i64, now: i64) -> Result<i64> {
    db.one(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM sessions WHERE person_id = ? AND expires_at > ?",
        (person_id, now),
    )
    .await
}
