//! The `resolute` command: parses arguments, runs the library, maps errors to
//! exit codes.

use clap::Parser;

fn main() {
    let cli = resolute::cli::Cli::parse();
    if let Err(err) = resolute::cli::run(cli) {
        eprint!("{}", err.render());
        std::process::exit(err.exit_code());
    }
}
