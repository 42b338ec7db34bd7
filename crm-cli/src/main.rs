//! `crm`: the command-line client of the CRM. `crm <resource> <verb>`; see `crm --help`.

mod account;
mod cli;
mod csvin;
mod dashboard;
mod exit;
mod figures;
mod import;
mod output;
mod pipelines;
mod records;
mod sync;

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::ArgMatches;
use crm_api::client::Client;

use crate::exit::{CliError, Code, Result};
use crate::output::{Format, Out};
use crm_api::profiles::Config;

/// What every command works with.
pub struct Ctx {
    pub client: Client,
    pub out: Out,
    pub config: Config,
    /// The profile in use.
    pub profile: String,
    /// A token was given on the command line or in the environment, or found in the profile.
    pub has_token: bool,
}

impl Ctx {
    fn new(m: &ArgMatches) -> Result<Ctx> {
        let config = Config::load()?;
        let conn = config
            .connection(
                m.get_one::<String>("server").map(String::as_str),
                m.get_one::<String>("token").map(String::as_str),
                m.get_one::<String>("profile").map(String::as_str),
            )
            .map_err(|e| CliError::usage(e.to_string()))?;
        let mut client = Client::new(&conn.server).map_err(|e| CliError::usage(format!("--server: {e}")))?;
        if let Some(t) = &conn.token {
            client = client.with_token(t);
        }
        let (profile, token) = (conn.profile, conn.token);
        let out = Out::new(m.get_one::<Format>("output").copied(), m.get_flag("quiet"));
        Ok(Ctx { client, out, config, profile, has_token: token.is_some() })
    }

    /// Fails with the auth exit code when there is no token at all.
    pub fn need_token(&self) -> Result<()> {
        if self.has_token {
            Ok(())
        } else {
            Err(CliError::new(
                Code::Auth,
                format!(
                    "not logged in (profile {:?}): run `crm login --email ...`, or pass --token / CRM_TOKEN",
                    self.profile
                ),
            ))
        }
    }
}

fn main() -> ExitCode {
    let matches = match cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            // Help and version go to stdout with success; usage errors to stderr with 2.
            let code = if e.use_stderr() { Code::Usage as u8 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("crm: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(&matches)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crm: {e}");
            e.exit_code()
        }
    }
}

async fn run(m: &ArgMatches) -> Result<()> {
    let Some((name, sub)) = m.subcommand() else { return Err(CliError::usage("no command given")) };
    if name == "completions" {
        return completions(sub);
    }
    let mut ctx = Ctx::new(m)?;
    let result = dispatch(&mut ctx, name, sub).await;
    let flushed = ctx.out.flush().map_err(CliError::from);
    match result.and(flushed) {
        // The reader of our output went away (`crm contacts list | head`): not an error.
        Err(e) if e.pipe_closed => Ok(()),
        other => other,
    }
}

async fn dispatch(ctx: &mut Ctx, name: &str, m: &ArgMatches) -> Result<()> {
    match name {
        "health" => account::health(ctx).await,
        "register" => account::register(ctx, m).await,
        "login" => account::login(ctx, m).await,
        "logout" => account::logout(ctx).await,
        "whoami" => account::whoami(ctx).await,
        "token" => account::token(ctx, m).await,
        "profile" => account::profile(ctx, m),
        "audit" => records::audit(ctx, m).await,
        "imports" => records::imports(ctx, m).await,
        "dashboard" => dashboard::run(ctx, m).await,
        "pipelines" => pipelines::run(ctx, m).await,
        "pipeline" => figures::pipeline(ctx, m).await,
        "forecast" => figures::forecast(ctx, m).await,
        "sync" => sync::sync(ctx, m).await,
        "integrations" => sync::integrations(ctx, m).await,
        path => match crm_api::catalog::entity(path) {
            Some(e) => records::run(ctx, e, m).await,
            None => Err(CliError::usage(format!("unknown command {path:?}"))),
        },
    }
}

fn completions(m: &ArgMatches) -> Result<()> {
    let Some(shell) = m.get_one::<clap_complete::Shell>("shell").copied() else {
        return Err(CliError::usage("completions: which shell?"));
    };
    let mut cmd = cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "crm", &mut buf);
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&buf).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::from),
    }
}
