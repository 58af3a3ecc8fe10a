//! `loyal init [--group STAFF]`: create the database, private to its owner, or shared with a
//! group of staff (file 0660, directory setgid 2770, both owned by that group).

use super::Context;
use anyhow::{Context as _, bail};
use std::path::Path;

/// The id of a group named in `/etc/group`.
fn group_id(name: &str) -> anyhow::Result<u32> {
    let groups = std::fs::read_to_string("/etc/group")
        .with_context(|| t!("cannot-read", path = "/etc/group"))?;
    groups
        .lines()
        .find_map(|line| {
            let mut fields = line.split(':');
            let group = fields.next()?;
            let gid = fields.nth(1)?;
            (group == name).then(|| gid.parse().ok()).flatten()
        })
        .with_context(|| t!("init-no-group", name = format!("{name:?}")))
}

#[cfg(unix)]
fn share(path: &Path, gid: u32, mode: u32) -> anyhow::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    let c_path =
        std::ffi::CString::new(path.as_os_str().as_bytes()).with_context(|| t!("path-nul"))?;
    // SAFETY: a valid NUL-terminated path; uid -1 leaves the owner unchanged.
    let rc = unsafe { libc::chown(c_path.as_ptr(), u32::MAX, gid) };
    if rc != 0 {
        let err = std::io::Error::last_os_error();
        bail!(
            "{}",
            t!(
                "init-cannot-chown",
                path = path.display().to_string(),
                gid = gid.to_string(),
                reason = err.to_string()
            )
        );
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .with_context(|| t!("init-cannot-chmod", path = path.display().to_string()))
}

pub fn run(context: &Context, group: Option<&str>) -> anyhow::Result<()> {
    let service = context.create()?;
    let path = context.db_path.as_path();
    let (user, role) = service.whoami();
    let (user, role) = (user.to_string(), role);
    drop(service);
    match group {
        None => println!(
            "{}",
            t!(
                "cli-init-private",
                file = path.display().to_string(),
                user = &user,
                role = role.title()
            )
        ),
        Some(group) => {
            #[cfg(unix)]
            {
                let gid = group_id(group)?;
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    share(dir, gid, 0o2770)?;
                }
                share(path, gid, 0o660)?;
                println!(
                    "{}",
                    t!(
                        "cli-init-shared",
                        file = path.display().to_string(),
                        group = group,
                        user = &user,
                        role = role.title()
                    )
                );
            }
            #[cfg(not(unix))]
            bail!("{}", t!("init-needs-unix", group = group));
        }
    }
    Ok(())
}
