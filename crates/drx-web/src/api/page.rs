//! Pagination: `?limit=&offset=`, the limit capped, and every list answered as
//! `{ "items": [...], "total": n, "next": "<link to the next page>" | null }`.
use serde::Deserialize;
use utoipa::IntoParams;

use super::problem::Problem;

/// Items per page when the client does not say.
pub const DEFAULT_LIMIT: i64 = 20;
/// The most items one page holds; a larger limit is lowered to this.
pub const MAX_LIMIT: i64 = 100;

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page (1 to 100; larger values are lowered to 100). Default 20.
    #[param(minimum = 1)]
    pub limit: Option<i64>,
    /// Items to skip. Default 0.
    #[param(minimum = 0)]
    pub offset: Option<i64>,
}

/// Longest search text accepted, in characters.
pub const MAX_SEARCH: usize = 200;

/// The `q` of a list: at most [`MAX_SEARCH`] characters (longer is a 400, as documented).
pub fn search_text(q: Option<&str>) -> Result<String, Problem> {
    let q = q.unwrap_or("");
    if q.chars().count() > MAX_SEARCH {
        return Err(Problem::bad_request(format!(
            "q is too long: at most {MAX_SEARCH} characters."
        )));
    }
    Ok(q.to_string())
}

/// A checked page request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub limit: i64,
    pub offset: i64,
}

impl PageQuery {
    pub fn window(&self) -> Result<Window, Problem> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        let offset = self.offset.unwrap_or(0);
        if limit < 1 {
            return Err(Problem::bad_request("limit must be at least 1."));
        }
        if offset < 0 {
            return Err(Problem::bad_request("offset must not be negative."));
        }
        Ok(Window {
            limit: limit.min(MAX_LIMIT),
            offset,
        })
    }
}

impl Window {
    /// The link to the next page of `path` (which may carry its own filters), if there is one.
    pub fn next(&self, path: &str, extra: &[(&str, &str)], total: i64) -> Option<String> {
        let next = self.offset.checked_add(self.limit)?;
        if next >= total {
            return None;
        }
        let mut q: Vec<String> = extra
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::error::urlencode(v)))
            .collect();
        q.push(format!("limit={}", self.limit));
        q.push(format!("offset={next}"));
        Some(format!("/api/v1{path}?{}", q.join("&")))
    }

    /// This page of a list held in memory, each item put in its answer's form by `item`, with
    /// the list's total and the link to the next page of `path` (with its filters `extra`).
    pub fn page<T, U>(
        &self,
        all: Vec<T>,
        item: impl FnMut(T) -> U,
        path: &str,
        extra: &[(&str, &str)],
    ) -> Paged<U> {
        let total = all.len() as i64;
        Paged {
            items: self.slice(all).into_iter().map(item).collect(),
            total,
            next: self.next(path, extra, total),
        }
    }

    /// This page of a list held in memory.
    pub fn slice<T>(&self, all: Vec<T>) -> Vec<T> {
        let skip = usize::try_from(self.offset).unwrap_or(usize::MAX);
        all.into_iter()
            .skip(skip)
            .take(self.limit as usize)
            .collect()
    }
}

/// One page of a list: what every page type holds.
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub next: Option<String>,
}

/// Declares the page type of an item type: `{ items, total, next }`.
macro_rules! page_of {
    ($page:ident, $item:ty) => {
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $page {
            pub items: Vec<$item>,
            /// How many items match, over every page.
            pub total: i64,
            /// The link to the next page; null on the last.
            pub next: Option<String>,
        }

        impl From<$crate::api::page::Paged<$item>> for $page {
            fn from(p: $crate::api::page::Paged<$item>) -> Self {
                $page {
                    items: p.items,
                    total: p.total,
                    next: p.next,
                }
            }
        }
    };
}
pub(crate) use page_of;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_capped_and_checked() {
        let q = |limit, offset| PageQuery { limit, offset };
        assert_eq!(
            q(Some(1000), None).window().unwrap(),
            Window {
                limit: MAX_LIMIT,
                offset: 0
            }
        );
        assert!(q(Some(0), None).window().is_err());
        assert!(q(None, Some(-1)).window().is_err());
        let w = q(Some(10), Some(10)).window().unwrap();
        assert_eq!(
            w.next("/needs", &[("q", "a b")], 25).as_deref(),
            Some("/api/v1/needs?q=a%20b&limit=10&offset=20")
        );
        assert_eq!(w.next("/needs", &[], 20), None);
        assert_eq!(w.slice((0..25).collect()), (10..20).collect::<Vec<_>>());
    }
}
