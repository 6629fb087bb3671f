//! RBAC effective permissions (to be implemented).
