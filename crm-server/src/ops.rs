//! `crm-server db backup FILE | restore FILE | vacuum | verify | migrate`: the database's
//! upkeep, each safe to run while servers use the database (on the `DATABASE_URL` of the
//! environment, as the server reads it).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::Config;
use crate::db::postgres::maintenance as pg;
use crate::db::sqlite::maintenance as lite;
use crate::db::{Col, Db, sqlite};
use crate::service::sync::secret_context;
use crate::store;

pub const USAGE: &str =
    "       crm-server db backup FILE   write a consistent copy of the database to FILE, while it is in use
       crm-server db restore FILE  replace the database's content with the backup in FILE
       crm-server db vacuum        give free space back and refresh the planner's statistics
       crm-server db verify        check the database (exit 1 naming each problem found)
       crm-server db migrate       apply the migrations not applied yet";

/// A `db` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbCommand {
    Backup(PathBuf),
    Restore(PathBuf),
    Vacuum,
    Verify,
    Migrate,
}

impl DbCommand {
    /// The command of the arguments after `db`.
    pub fn parse(args: &[&str]) -> anyhow::Result<DbCommand> {
        Ok(match args {
            ["backup", file] => DbCommand::Backup(PathBuf::from(file)),
            ["restore", file] => DbCommand::Restore(PathBuf::from(file)),
            ["vacuum"] => DbCommand::Vacuum,
            ["verify"] => DbCommand::Verify,
            ["migrate"] => DbCommand::Migrate,
            ["backup" | "restore"] => bail!("db {}: name the file", args[0]),
            other => bail!("unknown command: db {}", other.join(" ")),
        })
    }
}

/// Runs `command`, writing what it did to `out`. `Ok(false)`: the command ran and found
/// problems (verify).
pub async fn run(config: &Config, command: &DbCommand, out: &mut impl Write) -> anyhow::Result<bool> {
    let url = config.database_url.as_str();
    let file = sqlite_file(url)?;
    match command {
        DbCommand::Backup(dest) => {
            let size = match &file {
                Some(db) => {
                    let (db, dest) = (db.clone(), dest.clone());
                    tokio::task::spawn_blocking(move || lite::backup(&db, &dest)).await??
                }
                None => pg::backup(url, dest)?,
            };
            writeln!(out, "crm-server: backed up to {} ({} bytes)", dest.display(), size)?;
        }
        DbCommand::Restore(src) => {
            match &file {
                Some(db) => {
                    let (db, src) = (db.clone(), src.clone());
                    tokio::task::spawn_blocking(move || lite::restore(&db, &src)).await??;
                }
                None => pg::restore(url, src, crate::db::postgres::newest_migration())?,
            }
            // A backup of an older server is brought to this one's schema.
            let version = migrate(config).await?;
            writeln!(out, "crm-server: restored {} (schema version {version})", src.display())?;
            writeln!(
                out,
                "crm-server: restart the servers: a running one keeps the sessions it has checked, \
                 and ids of accounts made after the backup will be given again"
            )?;
        }
        DbCommand::Vacuum => {
            let (before, after) = match &file {
                Some(db) => {
                    let db = db.clone();
                    tokio::task::spawn_blocking(move || lite::vacuum(&db)).await??
                }
                None => {
                    let db = open(config).await?;
                    let Db::Postgres(p) = &db else { bail!("a postgres:// URL opened as SQLite") };
                    let done = pg::vacuum(p.pool()).await;
                    db.close().await;
                    done?
                }
            };
            writeln!(out, "crm-server: vacuumed ({before} bytes before, {after} after)")?;
        }
        DbCommand::Verify => return verify(config, file.as_deref(), out).await,
        DbCommand::Migrate => {
            let version = migrate(config).await?;
            writeln!(out, "crm-server: the database is at schema version {version}")?;
        }
    }
    Ok(true)
}

/// The SQLite file of `url`, or `None` for PostgreSQL.
fn sqlite_file(url: &str) -> anyhow::Result<Option<PathBuf>> {
    if url.starts_with("sqlite:") { Ok(Some(sqlite::path_of(url)?)) } else { Ok(None) }
}

async fn open(config: &Config) -> anyhow::Result<Db> {
    store::open(&config.database_url, 2).await
}

/// Opens the database as a server does (which applies the migrations) and reads its version.
async fn migrate(config: &Config) -> anyhow::Result<i64> {
    let db = open(config).await?;
    let version = db
        .read(async |c| {
            use crate::db::Conn as _;
            let row = c.fetch_one("SELECT max(version) AS v FROM _sqlx_migrations", &[], &[("v", Col::Int)]).await?;
            Ok::<_, crate::db::DbError>(row.and_then(|r| r.int("v").ok().flatten()).unwrap_or(0))
        })
        .await;
    db.close().await;
    Ok(version?)
}

/// `db verify`: SQLite's own checks of the file first (before anything opens it to write),
/// then the data's rules ([`store::verify`]), then every stored secret against the key.
async fn verify(config: &Config, file: Option<&Path>, out: &mut impl Write) -> anyhow::Result<bool> {
    let mut failed = 0;
    let mut report = |out: &mut dyn Write, check: &str, problems: &[String]| -> std::io::Result<()> {
        if problems.is_empty() {
            writeln!(out, "ok    {check}")
        } else {
            failed += 1;
            writeln!(out, "FAIL  {check}")?;
            problems.iter().try_for_each(|p| writeln!(out, "      {p}"))
        }
    };
    if let Some(db) = file {
        if !db.exists() {
            bail!("{} does not exist", db.display());
        }
        let path = db.to_path_buf();
        let found = tokio::task::spawn_blocking(move || lite::integrity(&path)).await??;
        report(out, "SQLite pages and indexes are whole", &found.pages)?;
        if !found.pages.is_empty() {
            writeln!(out, "crm-server: the file is damaged; restore a backup (crm-server db restore FILE)")?;
            return Ok(false);
        }
        report(out, "every foreign key names a row", &found.foreign_keys)?;
    }
    let db = open(config).await.context("opening the database")?;
    let checked = async {
        let findings = db.read(async |c| store::verify::all(c).await).await?;
        let accounts = db.read(async |c| store::integrations::all_accounts(c).await).await?;
        anyhow::Ok((findings, accounts))
    }
    .await;
    db.close().await;
    let (findings, accounts) = checked?;
    for f in &findings {
        report(out, f.check, &f.problems)?;
    }
    let mut sealed = Vec::new();
    if !accounts.is_empty() {
        let ring = crate::secrets::load(&config.encryption)?;
        for a in &accounts {
            if let Err(e) = ring.open(&secret_context(a.user_id, a.source), &a.secret) {
                sealed.push(format!("account {} (user {}, {}): {e}", a.id, a.user_id, a.source.as_str()));
            }
        }
    }
    report(out, "every stored secret opens with the server's key", &sealed)?;
    if failed == 0 {
        writeln!(out, "crm-server: the database passed every check")?;
    } else {
        writeln!(out, "crm-server: {failed} checks failed")?;
    }
    Ok(failed == 0)
}

#[cfg(test)]
mod tests {
    use super::DbCommand;

    #[test]
    fn commands_parse_and_strangers_are_refused() {
        assert_eq!(DbCommand::parse(&["backup", "x.db"]).expect("backup"), DbCommand::Backup("x.db".into()));
        assert_eq!(DbCommand::parse(&["verify"]).expect("verify"), DbCommand::Verify);
        assert!(DbCommand::parse(&["backup"]).is_err());
        assert!(DbCommand::parse(&["verify", "now"]).is_err());
        assert!(DbCommand::parse(&["drop"]).is_err());
        assert!(DbCommand::parse(&[]).is_err());
    }
}
