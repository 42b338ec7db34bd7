use std::process::ExitCode;

fn main() -> ExitCode {
    eprintln!("crm-tui: the terminal interface is not built yet; use the `crm` CLI or the HTTP API");
    ExitCode::FAILURE
}
