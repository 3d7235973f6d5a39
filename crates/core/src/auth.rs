//! Who is asking, and what each role may do: the one policy table of the platform.
//!
//! The gateway resolves the bearer token of a request into a [`Viewer`] and puts it, with the
//! [`RequestMeta`], into the request's data. Every generated resolver checks the policy for its
//! table's [`Family`] and scopes rows to the viewer's teams (see `schema::scope`).

use uuid::Uuid;

/// Platform roles (the values of `users.role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Admin,
    SecurityManager,
    Analyst,
    Developer,
    Auditor,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Admin, Role::SecurityManager, Role::Analyst, Role::Developer, Role::Auditor, Role::Viewer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::SecurityManager => "security_manager",
            Role::Analyst => "analyst",
            Role::Developer => "developer",
            Role::Auditor => "auditor",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// What a table holds, for the policy: each registered table belongs to one family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Findings, scans, assets, events, incidents…: the platform's working data (the default).
    Data,
    /// Catalogues seeded by migrations (priorities, statuses, rule catalogues, frameworks).
    Reference,
    /// People, teams, memberships, identities, MFA devices.
    Identity,
    /// Login sessions.
    Sessions,
    /// The audit trail (append-only; written only by the platform).
    Audit,
    /// Key material and integration credentials.
    Secrets,
}

impl Family {
    pub const ALL: [Family; 6] =
        [Family::Data, Family::Reference, Family::Identity, Family::Sessions, Family::Audit, Family::Secrets];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    Read,
    Create,
    Update,
    Delete,
}

impl Operation {
    pub const ALL: [Operation; 4] = [Operation::Read, Operation::Create, Operation::Update, Operation::Delete];
}

const R: &[Operation] = &[Operation::Read];
const RU: &[Operation] = &[Operation::Read, Operation::Update];
const RCUD: &[Operation] = &[Operation::Read, Operation::Create, Operation::Update, Operation::Delete];
const NONE: &[Operation] = &[];

/// The policy: which role may do what to which family. Rows are further limited to the
/// viewer's teams (admins see every team). A test walks this table.
/// The rules of one role: what it may do to each family.
pub type RoleRules = [(Family, &'static [Operation]); 6];

pub const POLICY: &[(Role, RoleRules)] = &[
    (
        Role::Admin,
        [
            (Family::Data, RCUD),
            (Family::Reference, RCUD),
            (Family::Identity, RCUD),
            (Family::Sessions, &[Operation::Read, Operation::Update, Operation::Delete]),
            (Family::Audit, R),
            (Family::Secrets, RCUD),
        ],
    ),
    (
        Role::SecurityManager,
        [
            (Family::Data, RCUD),
            (Family::Reference, RCUD),
            (Family::Identity, R),
            (Family::Sessions, NONE),
            (Family::Audit, R),
            (Family::Secrets, RCUD),
        ],
    ),
    (
        Role::Analyst,
        [
            (Family::Data, RCUD),
            (Family::Reference, R),
            (Family::Identity, R),
            (Family::Sessions, NONE),
            (Family::Audit, NONE),
            (Family::Secrets, NONE),
        ],
    ),
    (
        Role::Developer,
        [
            (Family::Data, RU),
            (Family::Reference, R),
            (Family::Identity, R),
            (Family::Sessions, NONE),
            (Family::Audit, NONE),
            (Family::Secrets, NONE),
        ],
    ),
    (
        Role::Auditor,
        [
            (Family::Data, R),
            (Family::Reference, R),
            (Family::Identity, R),
            (Family::Sessions, R),
            (Family::Audit, R),
            (Family::Secrets, R),
        ],
    ),
    (
        Role::Viewer,
        [
            (Family::Data, R),
            (Family::Reference, R),
            (Family::Identity, R),
            (Family::Sessions, NONE),
            (Family::Audit, NONE),
            (Family::Secrets, NONE),
        ],
    ),
];

/// Whether `role` may perform `operation` on tables of `family`.
pub fn allowed(role: Role, family: Family, operation: Operation) -> bool {
    POLICY
        .iter()
        .find(|(r, _)| *r == role)
        .and_then(|(_, rules)| rules.iter().find(|(f, _)| *f == family))
        .is_some_and(|(_, ops)| ops.contains(&operation))
}

/// Writes that only administrators may make: they need a session that passed MFA.
pub fn is_admin_operation(family: Family, operation: Operation) -> bool {
    operation != Operation::Read && matches!(family, Family::Identity | Family::Sessions | Family::Secrets)
}

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: Uuid,
    pub session_id: Uuid,
    pub role: Role,
    /// Teams the user is a member of.
    pub team_ids: Vec<Uuid>,
    /// The session passed the second factor (or the account has no MFA).
    pub mfa_verified: bool,
    /// The account has a second factor enrolled (admin operations require one).
    pub mfa_enabled: bool,
}

impl Viewer {
    /// Admins see every team's rows.
    pub fn sees_all_teams(&self) -> bool {
        self.role == Role::Admin
    }
}

/// Sensitive columns of people and sessions: readable only by roles that investigate.
pub fn may_read_sensitive(role: Role) -> bool {
    matches!(role, Role::Admin | Role::SecurityManager | Role::Auditor)
}

/// Whether a column of a table of `family` is sensitive (network origin and device traces of
/// people, lockout state).
pub fn is_sensitive_column(family: Family, column: &str) -> bool {
    matches!(family, Family::Identity | Family::Sessions | Family::Audit)
        && (column == "ip"
            || column.ends_with("_ip")
            || column == "user_agent"
            || column.starts_with("geo_")
            || column == "device_fingerprint"
            || column == "failed_login_count"
            || column == "locked_until")
}

/// Facts about the request itself, for the audit trail.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Uuid,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_a_rule_for_every_family() {
        for role in Role::ALL {
            let rules = &POLICY.iter().find(|(r, _)| *r == role).expect("role in policy").1;
            for family in Family::ALL {
                assert!(rules.iter().any(|(f, _)| *f == family), "{role:?} has no rule for {family:?}");
            }
        }
    }

    #[test]
    fn nobody_writes_the_audit_trail_through_the_api() {
        for role in Role::ALL {
            for op in [Operation::Create, Operation::Update, Operation::Delete] {
                assert!(!allowed(role, Family::Audit, op), "{role:?} may {op:?} audit rows");
            }
        }
    }
}
