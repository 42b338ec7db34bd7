//! Accounts, tokens and profiles.

use std::io::{BufRead, IsTerminal};

use clap::ArgMatches;
use crm_api::auth::{LoginRequest, NewApiToken, RegisterRequest, Session};
use crm_api::client::Client;
use serde_json::{Value, json};

use crate::Ctx;
use crate::exit::{CliError, Code, Result};
use crate::output::Columns;
use crate::records::{print_all, value};

pub async fn health(ctx: &mut Ctx) -> Result<()> {
    match ctx.client.readyz().await {
        Ok(_) => {}
        Err(e) => match e.status() {
            Some(status) => return Err(CliError::new(Code::Server, format!("server not ready: HTTP {status}"))),
            None => return Err(e.into()),
        },
    }
    ctx.out.line(&format!("ok: {} is up and its database answers", ctx.client.base()))?;
    Ok(())
}

/// The password: without echo from the terminal, or the first line of stdin for scripts.
fn password(m: &ArgMatches) -> Result<String> {
    let from_stdin = m.get_flag("password-stdin") || !std::io::stdin().is_terminal();
    let pw = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        rpassword::prompt_password("Password: ").map_err(|e| CliError::failure(format!("reading the password: {e}")))?
    };
    if pw.is_empty() {
        return Err(CliError::usage("password: is empty"));
    }
    Ok(pw)
}

fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this machine".to_string())
}

/// Trades a session for a named API token (revocable, unlike the session) and stores it in
/// the profile.
async fn keep_session(ctx: &mut Ctx, session: Session) -> Result<()> {
    let client = ctx.client.clone().with_token(&session.token);
    let created =
        client.create_token(&NewApiToken { name: format!("crm on {}", host_name()), expires_in_days: None }).await?;
    let profile = ctx.config.profiles.entry(ctx.profile.clone()).or_default();
    profile.server = Some(ctx.client.base().to_string());
    profile.token = Some(created.token);
    profile.email = Some(session.user.email.clone());
    let path = ctx.config.save()?;
    ctx.out.line(&format!(
        "logged in as {} (profile {:?}; token stored in {})",
        session.user.email,
        ctx.profile,
        path.display()
    ))?;
    Ok(())
}

pub async fn register(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    let email = m.get_one::<String>("email").cloned().unwrap_or_default();
    let req = RegisterRequest { email, password: password(m)?, name: m.get_one::<String>("name").cloned() };
    let session = ctx.client.register(&req).await?;
    keep_session(ctx, session).await
}

pub async fn login(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    let email = m.get_one::<String>("email").cloned().unwrap_or_default();
    let session = ctx.client.login(&LoginRequest { email, password: password(m)? }).await?;
    keep_session(ctx, session).await
}

pub async fn logout(ctx: &mut Ctx) -> Result<()> {
    let Some(profile) = ctx.config.profiles.get(&ctx.profile).cloned() else {
        ctx.out.line(&format!("not logged in (profile {:?})", ctx.profile))?;
        return Ok(());
    };
    if let Some(token) = &profile.token {
        // Revoke it on the server, found by its prefix; a token the server no longer accepts
        // is forgotten all the same.
        let client = Client::new(profile.server.as_deref().unwrap_or(ctx.client.base()))?.with_token(token);
        if let Ok(tokens) = client.list_tokens().await
            && let Some(t) = tokens.iter().find(|t| token.starts_with(&t.prefix) && t.revoked_at.is_none())
        {
            client.revoke_token(t.id).await?;
        }
    }
    if let Some(p) = ctx.config.profiles.get_mut(&ctx.profile) {
        p.token = None;
        p.email = None;
    }
    ctx.config.save()?;
    ctx.out.line(&format!("logged out (profile {:?})", ctx.profile))?;
    Ok(())
}

pub async fn whoami(ctx: &mut Ctx) -> Result<()> {
    ctx.need_token()?;
    let me = ctx.client.me().await?;
    ctx.out.record(&Columns::plain(&["id", "email", "name", "created_at"]), &value(&me)?)?;
    Ok(())
}

const TOKEN_COLUMNS: &[&str] = &["id", "name", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at"];

pub async fn token(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    match m.subcommand() {
        Some(("create", m)) => {
            let req = NewApiToken {
                name: m.get_one::<String>("name").cloned().unwrap_or_default(),
                expires_in_days: m.get_one::<i64>("expires-in-days").copied(),
            };
            let created = ctx.client.create_token(&req).await?;
            if ctx.out.quiet {
                ctx.out.line(&created.token)?;
            } else {
                let mut cols = TOKEN_COLUMNS.to_vec();
                cols.insert(1, "token");
                let mut rec = value(&created.info)?;
                rec["token"] = json!(created.token);
                ctx.out.record(&Columns::plain(&cols), &rec)?;
                eprintln!("crm: keep the token now; it is not shown again");
            }
        }
        Some(("list", _)) => {
            let tokens = ctx.client.list_tokens().await?;
            print_all(&mut ctx.out, &Columns::plain(TOKEN_COLUMNS), &tokens)?;
        }
        Some(("revoke", m)) => {
            let id = m.get_one::<i64>("id").copied().unwrap_or_default();
            ctx.client.revoke_token(id).await?;
            ctx.out.line(&format!("revoked token {id}"))?;
        }
        _ => return Err(CliError::usage("token: which subcommand?")),
    }
    Ok(())
}

pub fn profile(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    match m.subcommand() {
        Some(("list", _)) => {
            let current = ctx.profile.clone();
            let rows: Vec<Value> = ctx
                .config
                .profiles
                .iter()
                .map(|(name, p)| {
                    json!({
                        "id": name,
                        "current": *name == current,
                        "server": p.server,
                        "email": p.email,
                        "logged_in": p.token.is_some(),
                    })
                })
                .collect();
            let cols = Columns::plain(&["id", "current", "server", "email", "logged_in"]);
            ctx.out.begin(&cols);
            ctx.out.items(&rows)?;
            ctx.out.end()?;
        }
        Some(("use", m)) => {
            let name = m.get_one::<String>("name").cloned().unwrap_or_default();
            if !ctx.config.profiles.contains_key(&name) {
                return Err(CliError::new(Code::NotFound, format!("profile {name:?} does not exist")));
            }
            ctx.config.default_profile = Some(name.clone());
            ctx.config.save()?;
            ctx.out.line(&format!("default profile: {name}"))?;
        }
        Some(("set", m)) => {
            let name = m.get_one::<String>("name").cloned().unwrap_or_default();
            let server = m.get_one::<String>("server").cloned().unwrap_or_default();
            if !(server.starts_with("http://") || server.starts_with("https://")) {
                return Err(CliError::usage(format!("--server-url: {server:?} is not an http:// or https:// URL")));
            }
            ctx.config.profiles.entry(name.clone()).or_default().server = Some(server);
            ctx.config.save()?;
            ctx.out.line(&format!("profile {name} saved"))?;
        }
        _ => return Err(CliError::usage("profile: which subcommand?")),
    }
    Ok(())
}
