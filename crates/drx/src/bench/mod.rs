//! `drx bench ...`: the engine measured on datasets and instances read from disk.
use clap::Subcommand;

pub mod affinity;
mod assign;
mod calibrate;
mod calibrate_file;
mod calibrate_stability;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Affinity model on the gold-standard reviewer-expertise layout: predictions and loss.
    Affinity(affinity::AffinityArgs),
    /// Affinity candidate retrieval on a synthetic pool: inverted index against every pair.
    AffinityScale(affinity::ScaleArgs),
    /// Raw means against calibrated scores on simulated calls with known truth, or on review
    /// data from a CSV file (--scores).
    Calibrate(calibrate::Args),
    /// Optimal judge assignment on an instance from shared/bench/gen_instance.py.
    Assign {
        /// Directory with affinity.csv and problem.json.
        instance_dir: std::path::PathBuf,
    },
}

pub fn run(cmd: BenchCommand) -> anyhow::Result<()> {
    match cmd {
        BenchCommand::Affinity(args) => affinity::run(args),
        BenchCommand::AffinityScale(args) => affinity::run_scale(args),
        BenchCommand::Calibrate(args) => calibrate::run(args),
        BenchCommand::Assign { instance_dir } => assign::run(&instance_dir),
    }
}
