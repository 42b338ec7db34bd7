//! `crm`: the command-line client of the CRM.
//!
//! This first version checks a server and the caller's identity; the resource subcommands
//! come with the CLI's own work.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use crm_api::client::Client;

#[derive(Parser)]
#[command(name = "crm", version, about = "Command-line client of the CRM")]
struct Cli {
    /// Base URL of the server.
    #[arg(long, env = "CRM_SERVER", default_value = "http://127.0.0.1:3000", global = true)]
    server: String,
    /// Bearer token (a session JWT or an API token).
    #[arg(long, env = "CRM_TOKEN", hide_env_values = true, global = true)]
    token: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks that the server is up and its database answers.
    Health,
    /// Shows the account the token belongs to.
    Whoami,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut client = Client::new(&cli.server);
    if let Some(t) = &cli.token {
        client = client.with_token(t);
    }
    let result = match cli.command {
        Command::Health => health(&client).await,
        Command::Whoami => client
            .me()
            .await
            .map(|u| println!("{} <{}> (id {})", u.name.unwrap_or_default(), u.email, u.id))
            .map_err(Into::into),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crm: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn health(client: &Client) -> anyhow::Result<()> {
    let resp = client.request(reqwest::Method::GET, "/readyz").send().await?;
    anyhow::ensure!(resp.status().is_success(), "server not ready: HTTP {}", resp.status());
    println!("ok: {} is up and its database answers", client.base());
    Ok(())
}
