//! Exit statuses a script can tell apart, read off the error chain: 0 done, 1 nothing found,
//! 2 a usage error, 3 refused, 4 the database file missing, locked out or damaged, 5 any other
//! failure (a file that cannot be read or written), 70 a bug in loyal.

use crate::service::ServiceError;
use crate::store::StoreError;

/// Nothing matched: a lookup without a hit, an unknown customer, complaint, plan or import.
pub const EXIT_NOT_FOUND: u8 = 1;
/// The command line is wrong: an unknown option (clap's own status) or a value that is not a
/// date, an amount or a label.
pub const EXIT_USAGE: u8 = 2;
/// Refused: a check failed (a field, a file's rows), a stale version, a missing permission,
/// a business rule (a step the complaint flow does not allow).
pub const EXIT_REFUSED: u8 = 3;
/// The database file is missing, cannot be opened (permissions, locked by another program,
/// not a loyal file, written by a newer loyal) or is damaged.
pub const EXIT_DATABASE: u8 = 4;
/// Any other failure: a file to read or write, the terminal.
pub const EXIT_FAILED: u8 = 5;
/// A bug in loyal itself (a panic outside redb), as sysexits' EX_SOFTWARE.
pub const EXIT_INTERNAL: u8 = 70;
/// The old name of [`EXIT_DATABASE`] for a damaged file.
pub const EXIT_DAMAGED: u8 = EXIT_DATABASE;

/// A panic in loyal's own code, reported as one line instead of a backtrace.
#[derive(Debug, thiserror::Error)]
#[error("{}", t!("internal-error", reason = .0))]
pub struct InternalError(pub(super) String);

/// Nothing was found; what was printed already said so (or `Some` says it now).
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.as_deref().unwrap_or(""))]
pub struct NothingFound(pub Option<String>);

/// A value on the command line that is not what its option takes.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Usage(pub String);

/// Input that was checked and refused (a file's rows, a field).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// No database where one was expected, and none was made (status 4).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NoDatabase(pub String);

/// A usage error: `--since: "next week" is not a date …` (status 2).
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    Usage(message.into()).into()
}

/// A refusal of checked input (status 3).
pub fn refused(message: impl Into<String>) -> anyhow::Error {
    Refused(message.into()).into()
}

/// The exit status for `error` (see the module's list).
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if damaged_file(error).is_some() {
        return EXIT_DATABASE;
    }
    for cause in error.chain() {
        if cause.is::<InternalError>() {
            return EXIT_INTERNAL;
        }
        if cause.is::<NothingFound>() {
            return EXIT_NOT_FOUND;
        }
        if cause.is::<Usage>()
            || cause.is::<crate::domain::LabelError>()
            || cause.is::<crate::domain::MoneyError>()
        {
            return EXIT_USAGE;
        }
        if cause.is::<Refused>() {
            return EXIT_REFUSED;
        }
        if cause.is::<NoDatabase>() {
            return EXIT_DATABASE;
        }
        if let Some(e) = cause.downcast_ref::<ServiceError>() {
            return service_code(e);
        }
        if let Some(e) = cause.downcast_ref::<StoreError>() {
            return store_code(e);
        }
    }
    EXIT_FAILED
}

fn service_code(error: &ServiceError) -> u8 {
    match error {
        ServiceError::Store(e) => store_code(e),
        ServiceError::UnknownCustomer(_) | ServiceError::NotFound { .. } => EXIT_NOT_FOUND,
        ServiceError::Invalid { .. }
        | ServiceError::Forbidden { .. }
        | ServiceError::Stale { .. }
        | ServiceError::Rejected(_)
        | ServiceError::Unreadable(_)
        | ServiceError::PossibleDuplicate(_) => EXIT_REFUSED,
    }
}

fn store_code(error: &StoreError) -> u8 {
    match error {
        StoreError::MissingCustomer(_) => EXIT_NOT_FOUND,
        StoreError::DuplicateExternalId(_) | StoreError::TotalOverflow { .. } => EXIT_REFUSED,
        _ => EXIT_DATABASE,
    }
}

/// The store error in `error`'s chain that says a file is damaged, if any.
pub(super) fn damaged_file(error: &anyhow::Error) -> Option<&StoreError> {
    error.chain().find_map(|cause| {
        let store = cause.downcast_ref::<StoreError>().or_else(|| {
            match cause.downcast_ref::<ServiceError>() {
                Some(ServiceError::Store(e)) => Some(e),
                _ => None,
            }
        });
        store.filter(|e| e.is_damage())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_error_has_its_status() {
        let cases: Vec<(anyhow::Error, u8)> = vec![
            (NothingFound(None).into(), EXIT_NOT_FOUND),
            (
                ServiceError::UnknownCustomer("C-1".into()).into(),
                EXIT_NOT_FOUND,
            ),
            (
                ServiceError::not_found("complaint", "no complaint CM-9").into(),
                EXIT_NOT_FOUND,
            ),
            (usage("--since: bad"), EXIT_USAGE),
            (
                ServiceError::invalid("summary", "required").into(),
                EXIT_REFUSED,
            ),
            (refused("orders.csv: 3 rows refused"), EXIT_REFUSED),
            (
                StoreError::Missing {
                    path: "x.redb".into(),
                }
                .into(),
                EXIT_DATABASE,
            ),
            (
                anyhow::Error::from(ServiceError::Store(StoreError::ReadOnly {
                    path: "x.redb".into(),
                }))
                .context("opening database x.redb"),
                EXIT_DATABASE,
            ),
            (std::io::Error::other("disk full").into(), EXIT_FAILED),
            (InternalError("oops".into()).into(), EXIT_INTERNAL),
        ];
        for (error, code) in cases {
            assert_eq!(exit_code(&error), code, "{error:#}");
        }
    }
}
