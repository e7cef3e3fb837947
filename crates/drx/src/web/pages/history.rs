//! An entity's history from the audit log: when, who, what. Shown to those who run the call
//! (the log names judges and organizers, so never to authors or judges).
use std::collections::HashMap;

use maud::{html, Markup};

use crate::store::{accounts, audit, Db};
use crate::web::ctx::Ctx;
use crate::web::error::WebError;
use crate::web::layout::datetime;

pub async fn section(ctx: &Ctx, db: &Db, entity: &str, id: i64) -> Result<Markup, WebError> {
    let events = audit::history(db, entity, id).await?;
    let mut names: HashMap<i64, String> = HashMap::new();
    for e in &events {
        if let Some(a) = e.actor_id {
            if !names.contains_key(&a) {
                let n = accounts::person(db, a)
                    .await?
                    .map(|p| p.name)
                    .unwrap_or_default();
                names.insert(a, n);
            }
        }
    }
    Ok(html! {
        div class="card" {
            h2 { (ctx.t("history-title")) }
            @if events.is_empty() { p class="muted" { (ctx.t("history-none")) } }
            ol class="history" {
                @for e in &events {
                    li {
                        span class="muted" { (datetime(e.at)) } " "
                        (e.actor_id.and_then(|a| names.get(&a)).cloned().unwrap_or_else(|| ctx.t("history-system"))) " · "
                        code { (e.action) }
                    }
                }
            }
        }
    })
}
