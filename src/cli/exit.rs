//! Exit statuses: what a script can tell apart (a damaged file, a bug in loyal, any other
//! error), read off the error chain.

/// The exit status for a damaged database file (1 is any other error, 2 a usage error).
pub const EXIT_DAMAGED: u8 = 3;
/// The exit status for a bug in loyal itself (a panic outside redb), as sysexits' EX_SOFTWARE.
pub const EXIT_INTERNAL: u8 = 70;

/// A panic in loyal's own code, reported as one line instead of a backtrace.
#[derive(Debug, thiserror::Error)]
#[error("{}", t!("internal-error", reason = .0))]
pub struct InternalError(pub(super) String);

/// The exit status for `error`: [`EXIT_DAMAGED`] when the database file is damaged,
/// [`EXIT_INTERNAL`] for a bug, else 1.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if damaged_file(error).is_some() {
        EXIT_DAMAGED
    } else if error.downcast_ref::<InternalError>().is_some() {
        EXIT_INTERNAL
    } else {
        1
    }
}

/// The store error in `error`'s chain that says a file is damaged, if any.
pub(super) fn damaged_file(error: &anyhow::Error) -> Option<&crate::store::StoreError> {
    error.chain().find_map(|cause| {
        let store = cause
            .downcast_ref::<crate::store::StoreError>()
            .or_else(
                || match cause.downcast_ref::<crate::service::ServiceError>() {
                    Some(crate::service::ServiceError::Store(e)) => Some(e),
                    _ => None,
                },
            );
        store.filter(|e| e.is_damage())
    })
}
