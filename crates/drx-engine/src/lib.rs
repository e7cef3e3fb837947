//! drx-engine: the pure computational core of drx.
//!
//! Architecture invariant: no I/O, no async, no database, no web types. Plain data in, plain
//! data out. Everything here is deterministic for the same input.

pub mod affinity;
pub mod assign;
pub mod calibrate;
pub mod text;
