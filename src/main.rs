//! The `loyal` binary: parses the command line and reports errors at the edge.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = loyal::cli::Cli::parse();
    match loyal::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            let mut message = format!("error: {error}");
            for cause in error.chain().skip(1) {
                message.push_str(&format!("\n  caused by: {cause}"));
            }
            eprintln!("{}", loyal::text::sanitize(&message).replace("\\n", "\n"));
            std::process::ExitCode::FAILURE
        }
    }
}
