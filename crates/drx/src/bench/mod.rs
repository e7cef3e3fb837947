//! `drx bench ...`: the engine measured on datasets and instances read from disk.
use clap::Subcommand;

#[derive(Subcommand)]
pub enum BenchCommand {}

pub fn run(cmd: BenchCommand) -> anyhow::Result<()> {
    match cmd {}
}
