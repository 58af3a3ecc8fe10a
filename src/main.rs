//! The `loyal` binary: parses the command line and reports errors at the edge.

use clap::Parser;

fn main() -> std::process::ExitCode {
    restore_default_sigpipe();
    let cli = loyal::cli::Cli::parse();
    match loyal::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            let mut message = format!("error: {error}");
            for cause in error.chain().skip(1) {
                message.push_str(&format!("\n  caused by: {cause}"));
            }
            // Not eprintln!: it panics when standard error is a terminal that has gone away.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                loyal::text::sanitize(&message).replace("\\n", "\n")
            );
            std::process::ExitCode::from(loyal::cli::exit_code(&error))
        }
    }
}

/// Rust ignores SIGPIPE, so `loyal export | head` would fail with an error on the closed pipe;
/// like other command-line tools, end quietly instead.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
