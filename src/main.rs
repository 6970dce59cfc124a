//! The `resolute` command: parses arguments, runs the library, maps errors to
//! exit codes.

use clap::Parser;

/// Counts memory against the run's limit (see `resolute::Counting`).
#[global_allocator]
static ALLOCATOR: resolute::Counting = resolute::Counting;

fn main() {
    let cli = resolute::cli::Cli::parse();
    let code = match resolute::cli::run(cli) {
        Ok(()) => 0,
        // The reader of our output has gone: end quietly, as Unix tools do.
        Err(problems) if problems.is_broken_pipe() => 0,
        Err(problems) => {
            resolute::cli::print::message(&problems.render());
            problems.exit_code()
        }
    };
    std::process::exit(code);
}
