//! One module per group of pages.
pub mod account;
pub mod admin;
pub mod assets;
pub mod auth;
pub mod call_list;
pub mod calls;
pub mod conversations;
pub mod dashboard;
pub mod history;
pub mod home;
pub mod imports;
pub mod interests;
pub mod list_exports;
pub mod matching;
pub mod needs;
pub mod organizations;
pub mod profiles;
pub mod projects;
pub mod ranking;
pub mod reviews;
pub mod roadshows;
pub mod runs;
pub mod submissions;
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
