//! Staff roles: what a person may do through `loyal`.

use super::labels::labelled_enum;

labelled_enum! {
    /// From least to most trusted.
    pub enum Role as "role" {
        /// Look up and read.
        Viewer = "viewer" | "read-only",
        /// Daily work: customer files, follow-ups, care plans, complaints, imports.
        Agent = "agent" | "staff",
        /// Deleting (merging away) files, bulk export of personal data, team settings, roles.
        Admin = "admin" | "administrator",
    }
}

impl Role {
    /// Whether this role may do what `needed` may.
    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }

    pub(crate) fn code(self) -> u8 {
        match self {
            Role::Viewer => 0,
            Role::Agent => 1,
            Role::Admin => 2,
        }
    }

    pub(crate) fn from_code(code: u8) -> Role {
        match code {
            0 => Role::Viewer,
            1 => Role::Agent,
            _ => Role::Admin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered() {
        assert!(Role::Admin.allows(Role::Agent) && Role::Agent.allows(Role::Viewer));
        assert!(!Role::Viewer.allows(Role::Agent) && !Role::Agent.allows(Role::Admin));
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), *r);
        }
    }
}
