//! `loyal completions SHELL` and `loyal man`: the command tree as the shell's completion
//! script (clap_complete) and as roff manual pages (clap_mangen), in the language in use.

use anyhow::Context as _;
use std::path::Path;

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<()> {
    let mut cmd = super::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut cmd, "loyal", &mut out);
    Ok(())
}

/// The manual: `loyal.1` to standard output, or with `out` one page per command in that
/// folder (`loyal.1`, `loyal-import.1`, `loyal-customer-add.1` ...), returning how many.
pub fn man(out: Option<&Path>) -> anyhow::Result<usize> {
    let mut cmd = super::command();
    cmd.build();
    let Some(dir) = out else {
        let mut stdout = std::io::stdout().lock();
        clap_mangen::Man::new(cmd).render(&mut stdout)?;
        return Ok(1);
    };
    std::fs::create_dir_all(dir)
        .with_context(|| t!("cannot-create", path = dir.display().to_string()))?;
    let mut pages = 0;
    write_pages(&cmd, dir, &mut pages)?;
    Ok(pages)
}

fn write_pages(cmd: &clap::Command, dir: &Path, pages: &mut usize) -> anyhow::Result<()> {
    // After `build`, a subcommand's display name is its whole path: `loyal-customer-add`.
    let name = cmd
        .get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string();
    let path = dir.join(format!("{name}.1"));
    let mut file = std::fs::File::create(&path)
        .with_context(|| t!("cannot-write", path = path.display().to_string()))?;
    clap_mangen::Man::new(cmd.clone())
        .title(name.as_str())
        .render(&mut file)
        .with_context(|| t!("cannot-write", path = path.display().to_string()))?;
    *pages += 1;
    for sub in cmd.get_subcommands() {
        if sub.get_name() != "help" && !sub.is_hide_set() {
            write_pages(sub, dir, pages)?;
        }
    }
    Ok(())
}
