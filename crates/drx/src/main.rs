//! The `drx` binary: see `drx --help`.
fn main() -> std::process::ExitCode {
    drx::cli::main()
}
