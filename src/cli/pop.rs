//! `loyal pop PHONE [--to STAFF]`: for a telephony hook (an Asterisk AGI or FreeSWITCH
//! script, a softphone's on-call command), brings the caller up in every workbench of one
//! staff member on this server (see [`crate::pop`]).

use super::Context;

pub fn run(context: &Context, phone: &str, to: Option<String>) -> anyhow::Result<()> {
    // The database must be the one meant: a mistyped path is an error, never a pop into an
    // empty folder nobody listens to.
    let service = context.open()?;
    let db = service.database_path().to_path_buf();
    drop(service);
    let to = to.unwrap_or_else(crate::config::os_account);
    let pop = crate::pop::Pop {
        phone: phone.to_string(),
        to: to.clone(),
        at: chrono::Utc::now().timestamp_millis(),
    };
    match crate::pop::send(&db, &pop) {
        Ok(_) => {
            println!(
                "{}",
                t!(
                    "cli-popped",
                    phone = crate::text::sanitize(phone.trim()).into_owned(),
                    to = crate::text::sanitize(&to).into_owned()
                )
            );
            Ok(())
        }
        Err(e @ (crate::pop::PopError::BadPhone(_) | crate::pop::PopError::NoOne)) => {
            Err(super::exit::refused(e.to_string()))
        }
        Err(e) => Err(e.into()),
    }
}
