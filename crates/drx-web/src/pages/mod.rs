//! One module per group of pages.
pub mod account;
pub mod admin;
pub mod assets;
pub mod auth;
pub mod bids;
pub mod call_list;
pub mod calls;
pub mod committee;
pub mod conversations;
pub mod dashboard;
pub mod history;
pub mod home;
pub mod imports;
pub mod interests;
pub mod list_exports;
pub mod matching;
pub mod needs;
pub mod open_calls;
pub mod organizations;
pub mod people;
pub mod profiles;
pub mod projects;
pub mod ranking;
pub mod register;
pub mod reviews;
pub mod roadshows;
pub mod runs;
pub mod submissions;
pub mod team_edit;
pub mod teams;
pub mod terms;

/// The "Export CSV · Export Excel" links of a list page.
pub fn list_exports_links(ctx: &crate::ctx::Ctx, list: &str, call: Option<i64>) -> maud::Markup {
    let query = call.map(|c| format!("?call={c}")).unwrap_or_default();
    maud::html! {
        p class="muted" {
            a href={ "/exports/" (list) "/csv" (query) } { (ctx.t("list-export-csv")) } " · "
            a href={ "/exports/" (list) "/xlsx" (query) } { (ctx.t("list-export-xlsx")) }
        }
    }
}

/// A list filter's `<select>` named `name` under the label `label`: "all", then one option a
/// thing `(id, English name, Chinese name)`, the one whose id is `chosen` selected.
pub fn named_filter<'a>(
    ctx: &crate::ctx::Ctx,
    label: &str,
    name: &str,
    chosen: &str,
    things: impl IntoIterator<Item = (i64, &'a str, &'a str)>,
) -> maud::Markup {
    maud::html! {
        label { (ctx.t(label)) br;
            select name=(name) { option value="" { (ctx.t("list-all")) }
                @for (id, en, zh) in things { option value=(id) selected[chosen == id.to_string()] { (ctx.pick(en, zh)) } } } }
    }
}
