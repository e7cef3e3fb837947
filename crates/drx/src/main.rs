//! The `drx` command line: serve, demo, migrate, admin, bench.
use clap::{Parser, Subcommand};

mod bench;

#[derive(Parser)]
#[command(name = "drx", version, about = "drx: clinical innovation calls, judging, matchmaking, pipeline")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Benchmarks of the engine on datasets and instances.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Bench(cmd) => bench::run(cmd),
    }
}
