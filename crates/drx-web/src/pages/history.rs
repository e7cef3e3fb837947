//! An object's history from the audit log: when, who, what; shown only to those
//! `auth::authorization` lets read it (`services::history`).
use maud::{html, Markup};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::datetime;
use drx_core::model::Person;
use drx_core::services::history::{self, Subject};
use drx_core::Db;

/// The history card, or None for a person who may not read it.
pub async fn section(
    ctx: &Ctx,
    db: &Db,
    user: &Person,
    subject: Subject,
) -> Result<Option<Markup>, WebError> {
    let Some(events) = history::of(db, user, subject).await? else {
        return Ok(None);
    };
    Ok(Some(html! {
        div class="card" {
            h2 { (ctx.t("history-title")) }
            @if events.is_empty() { p class="muted" { (ctx.t("history-none")) } }
            ol class="history" {
                @for e in &events {
                    li {
                        span class="muted" { (datetime(e.at)) } " "
                        (e.actor.clone().unwrap_or_else(|| ctx.t("history-system"))) " · "
                        (ctx.t(&format!("audit-action-{}", e.action)))
                    }
                }
            }
        }
    }))
}
