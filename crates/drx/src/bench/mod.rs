//! `drx bench ...`: the engine measured on datasets and instances read from disk.
use clap::Subcommand;

mod calibrate;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Raw means against calibrated scores on simulated calls with known truth.
    Calibrate(calibrate::Args),
}

pub fn run(cmd: BenchCommand) -> anyhow::Result<()> {
    match cmd {
        BenchCommand::Calibrate(args) => calibrate::run(args),
    }
}
