//! drx, the binary: the command line (`cli`), the demo data set (`demo`) and the benchmarks
//! (`bench`) on top of the layers. The layers are crates, so the dependency graph keeps them
//! apart: `drx-engine` (pure) <- `drx-store` (all SQL) <- `drx-core` (services, authorization)
//! <- `drx-web` (pages, REST API) <- this crate. See ARCHITECTURE.md.
//!
//! The re-exports below let the integration tests (which drive the whole program) name each
//! layer by its short name.
pub mod bench;
pub mod cli;
pub mod demo;

pub use drx_core::{auth, i18n, services};
pub use drx_domain as domain;
pub use drx_store as store;
pub use drx_web as web;
