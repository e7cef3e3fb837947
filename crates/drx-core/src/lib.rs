//! drx's application core: the use cases (`services`), who may do what (`auth`), and the user's
//! messages in Chinese and English (`i18n`).
//!
//! **Invariant:** this is the only crate that depends on `drx-store`. Everything above it (the web
//! pages, the REST API, the command line) calls a service and gets back the core's types; it
//! never builds a query or decides a permission itself. Every rule of "may this person do this?"
//! is a function of `auth::authorization`.
pub mod auth;
pub mod i18n;
pub mod model;
pub mod services;

/// The database handle the layers above pass to the services (opened by the binary), and the
/// clock every service takes its `now` from.
pub use drx_store::{now, Db};
