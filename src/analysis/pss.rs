//! Pod Security Standards evaluation (to be implemented).
