//! drx: the open platform for clinical innovation: calls and submissions, judging, matchmaking,
//! pipeline. This crate is the application (storage, services, web, CLI) on top of `drx-engine`.
//!
//! Layers, top to bottom: `cli` and `web` (adapters) -> `services` (use cases, permissions via
//! `auth`, audit) -> `store` (all SQL). `domain` and `i18n` are shared by all of them.
pub mod auth;
pub mod bench;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod services;
pub mod store;
pub mod web;
