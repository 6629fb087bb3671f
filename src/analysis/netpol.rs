//! NetworkPolicy reachability (to be implemented).
