//! `/exports/{list}/{format}`: the ranking, review progress, reviews, decision record, bid coverage, need
//! catalogue and accounts as CSV or XLSX, in the reader's language, with the same permissions as
//! their pages.
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::download::{CSV, XLSX};
use crate::error::WebError;
use crate::AppState;
use drx_core::now;
use drx_core::services::list_exports;
use drx_core::services::reports::{to_xlsx, Table};

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    call: Option<i64>,
}

pub async fn export(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((list, format)): Path<(String, String)>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let call = || {
        q.call.ok_or(WebError::BadRequest {
            en: "Which call? Add ?call=ID.".into(),
            zh: "请指定大赛：?call=ID。".into(),
        })
    };
    let table: Table = match list.as_str() {
        "ranking" => list_exports::ranking_table(&state.db, user, call()?, ctx.lang).await?,
        "progress" => {
            list_exports::progress_table(&state.db, user, call()?, ctx.lang, now()).await?
        }
        "reviews" => list_exports::reviews_table(&state.db, user, call()?, ctx.lang, now()).await?,
        "decisions" => list_exports::decisions_table(&state.db, user, call()?, ctx.lang).await?,
        "bids" => list_exports::bids_table(&state.db, user, call()?, ctx.lang).await?,
        "needs" => list_exports::needs_table(&state.db, user, ctx.lang).await?,
        "people" => list_exports::people_table(&state.db, user, ctx.lang).await?,
        _ => return Err(WebError::NotFound),
    };
    let name = match q.call {
        Some(c) => format!("{list}-call-{c}"),
        None => list.clone(),
    };
    match format.as_str() {
        "csv" => Ok(crate::download::export(
            table.to_csv(),
            CSV,
            &format!("{name}.csv"),
        )),
        "xlsx" => Ok(crate::download::export(
            to_xlsx(&[table]).map_err(WebError::internal)?,
            XLSX,
            &format!("{name}.xlsx"),
        )),
        _ => Err(WebError::NotFound),
    }
}
