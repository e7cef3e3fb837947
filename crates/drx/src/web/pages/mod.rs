//! One module per group of pages.
pub mod account;
pub mod admin;
pub mod assets;
pub mod assignment;
pub mod auth;
pub mod home;
pub mod matching;
