//! One module per group of pages.
pub mod account;
pub mod admin;
pub mod assets;
pub mod assignment;
pub mod auth;
pub mod call_list;
pub mod calls;
pub mod dashboard;
pub mod home;
pub mod imports;
pub mod matching;
pub mod needs;
pub mod projects;
pub mod ranking;
pub mod reviews;
pub mod submissions;
