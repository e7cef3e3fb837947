//! Who you are (`credentials`: passwords, tokens) and what you may do (`authorization`).
pub mod authorization;
pub mod credentials;
