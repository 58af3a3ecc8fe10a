//! The `loyal` binary: parses the command line and reports errors at the edge.

/// mimalloc instead of glibc's malloc: an import's rows are parsed on one thread and freed on
/// another, and glibc spent a quarter of a 1M-order import in malloc, free and
/// malloc_consolidate on those cross-thread frees (with mimalloc a 1M-order import takes
/// 2.6 s instead of 3.6 s; a 10M-order import peaks at 264-278 MB with its default options).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    restore_default_sigpipe();
    // The language first, so that even `--help` and a refused command line speak it.
    loyal::cli::choose_language();
    let cli = loyal::cli::Cli::parse_translated();
    match loyal::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            let mut message = loyal::t!("cli-error", message = error.to_string());
            for cause in error.chain().skip(1) {
                let cause = loyal::t!("cli-caused-by", cause = cause.to_string());
                message.push_str(&format!("\n  {cause}"));
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
