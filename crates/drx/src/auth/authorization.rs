//! The one place that answers "may this person do this?". Pages, the API and exports ask here
//! and never re-derive a rule themselves.
use crate::domain::Role;
use crate::store::accounts::Person;

/// Platform-wide permissions. Per-call and per-object questions join this list as they arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See the list of accounts.
    ListAccounts,
    /// Create an account or an invitation with the given role.
    GrantRole(Role),
    /// Activate or deactivate accounts.
    DeactivateAccounts,
    /// See every call's submissions.
    SeeAllSubmissions,
    /// Submit needs and solutions.
    Submit,
}

pub fn can(person: &Person, permission: Permission) -> bool {
    let has = |r: Role| person.active && person.roles.contains(&r);
    let admin = has(Role::Admin);
    match permission {
        Permission::ListAccounts | Permission::SeeAllSubmissions => admin || has(Role::Organizer),
        // Only an admin makes admins; organizers bring in everyone else.
        Permission::GrantRole(Role::Admin) => admin,
        Permission::GrantRole(_) => admin || has(Role::Organizer),
        Permission::DeactivateAccounts => admin,
        Permission::Submit => has(Role::Clinician) || admin,
    }
}

/// May this person run the call (assignment, decisions, matchmaking)? `call_roles` are the
/// person's roles in that call, as `store::catalogue::call_roles` returns them.
pub fn can_manage_call(person: &Person, call_roles: &[String]) -> bool {
    person.active
        && (person.roles.contains(&Role::Admin) || call_roles.iter().any(|r| r == "organizer"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(roles: &[Role]) -> Person {
        Person {
            id: 1,
            email: "a@b.c".into(),
            name: "A".into(),
            title: String::new(),
            organization_id: None,
            organization_en: String::new(),
            organization_zh: String::new(),
            locale: "en".into(),
            active: true,
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn organizers_grant_every_role_but_admin() {
        let o = person(&[Role::Organizer]);
        assert!(can(&o, Permission::GrantRole(Role::Judge)));
        assert!(!can(&o, Permission::GrantRole(Role::Admin)));
        assert!(can(
            &person(&[Role::Admin]),
            Permission::GrantRole(Role::Admin)
        ));
    }

    #[test]
    fn clinicians_and_judges_cannot_list_accounts() {
        for r in [Role::Clinician, Role::Judge, Role::Engineer, Role::Poc] {
            assert!(!can(&person(&[r]), Permission::ListAccounts), "{r}");
        }
    }

    #[test]
    fn only_the_calls_organizers_and_admins_manage_it() {
        let organizer_elsewhere = person(&[Role::Organizer]);
        assert!(!can_manage_call(&organizer_elsewhere, &[]));
        assert!(can_manage_call(
            &organizer_elsewhere,
            &["organizer".to_string()]
        ));
        assert!(!can_manage_call(
            &person(&[Role::Judge]),
            &["judge".to_string()]
        ));
        assert!(can_manage_call(&person(&[Role::Admin]), &[]));
    }

    #[test]
    fn a_deactivated_admin_can_do_nothing() {
        let mut a = person(&[Role::Admin]);
        a.active = false;
        assert!(!can(&a, Permission::ListAccounts));
    }
}
