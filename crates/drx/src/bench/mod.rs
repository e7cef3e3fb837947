//! `drx bench ...`: the engine measured on datasets and instances read from disk.
use clap::Subcommand;

mod assign;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Optimal judge assignment on an instance from shared/bench/gen_instance.py.
    Assign {
        /// Directory with affinity.csv and problem.json.
        instance_dir: std::path::PathBuf,
    },
}

pub fn run(cmd: BenchCommand) -> anyhow::Result<()> {
    match cmd {
        BenchCommand::Assign { instance_dir } => assign::run(&instance_dir),
    }
}
