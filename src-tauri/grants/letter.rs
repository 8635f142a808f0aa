//! The decision letter (stub).
