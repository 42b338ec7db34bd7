//! Upkeep of a PostgreSQL database, safe while servers use it: a backup and a restore by
//! PostgreSQL's own `pg_dump` and `pg_restore` (a dump is one consistent snapshot; a restore
//! is one transaction), and VACUUM.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use sqlx::postgres::PgPool;

/// Where PostgreSQL's client program `name` is: on the `PATH`, else in the newest of Debian's
/// `/usr/lib/postgresql/<version>/bin`.
fn program(name: &str) -> anyhow::Result<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join(name)).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| dirs.filter_map(Result::ok).map(|d| d.path().join("bin").join(name)).collect())
        .unwrap_or_default();
    debian.sort_by_key(|p| {
        let version = p.parent().and_then(Path::parent).and_then(Path::file_name);
        std::cmp::Reverse(version.and_then(|v| v.to_str()).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0))
    });
    on_path.into_iter().chain(debian).find(|p| p.is_file()).with_context(|| {
        format!(
            "{name} was not found: install PostgreSQL's client programs (Debian: apt-get install postgresql-client), \
             or run it yourself, e.g. `pg_dump --format=custom --file=FILE \"$DATABASE_URL\"`"
        )
    })
}

/// `url` without its password, and the password, so that the password is handed to the
/// program in its environment rather than on its command line (which any user can list).
fn split_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else { return (url.to_string(), None) };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let Some((userinfo, host)) = authority.rsplit_once('@') else { return (url.to_string(), None) };
    let Some((user, password)) = userinfo.split_once(':') else { return (url.to_string(), None) };
    let decoded = form_urlencoded::parse(format!("p={}", password.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| password.to_string());
    (format!("{scheme}://{user}@{host}{tail}"), Some(decoded))
}

fn run(name: &str, url: &str, args: &[&std::ffi::OsStr]) -> anyhow::Result<()> {
    let (url, password) = split_password(url);
    let mut cmd = Command::new(program(name)?);
    cmd.args(args).arg(format!("--dbname={url}"));
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    let out = cmd.output().with_context(|| format!("running {name}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!("{name} failed ({}): {}", out.status, err.trim());
    }
    Ok(())
}

/// Dumps the database at `url` to `dest` (pg_dump's custom format), written beside it and
/// renamed once complete. Returns the dump's size.
pub fn backup(url: &str, dest: &Path) -> anyhow::Result<u64> {
    if dest.exists() {
        bail!("{} already exists: name a new file (a backup never overwrites one)", dest.display());
    }
    let mut name = dest.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    let partial = dest.with_file_name(name);
    let _ = std::fs::remove_file(&partial);
    // Readable by its owner only: pg_dump writes into it.
    crate::config::write_private(&partial, b"")?;
    let done = run(
        "pg_dump",
        url,
        &["--format=custom".as_ref(), "--no-owner".as_ref(), "--file".as_ref(), partial.as_os_str()],
    )
    .and_then(|()| {
        std::fs::File::open(&partial).and_then(|f| f.sync_all()).context("flushing the dump")?;
        std::fs::rename(&partial, dest).with_context(|| format!("renaming the dump to {}", dest.display()))
    });
    if let Err(e) = done {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    Ok(std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0))
}

/// Replaces the database's tables with those of the dump at `src`, in one transaction.
pub fn restore(url: &str, src: &Path) -> anyhow::Result<()> {
    if !src.is_file() {
        bail!("{} does not exist", src.display());
    }
    run(
        "pg_restore",
        url,
        &[
            "--clean".as_ref(),
            "--if-exists".as_ref(),
            "--no-owner".as_ref(),
            "--single-transaction".as_ref(),
            "--exit-on-error".as_ref(),
            src.as_os_str(),
        ],
    )
}

/// VACUUM (ANALYZE) of the whole database. Returns its size before and after, bytes.
pub async fn vacuum(pool: &PgPool) -> anyhow::Result<(u64, u64)> {
    let size = async || -> anyhow::Result<u64> {
        let n: i64 = sqlx::query_scalar("SELECT pg_database_size(current_database())").fetch_one(pool).await?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    let before = size().await?;
    sqlx::raw_sql("VACUUM (ANALYZE)").execute(pool).await.context("VACUUM")?;
    Ok((before, size().await?))
}

#[cfg(test)]
mod tests {
    use super::split_password;

    #[test]
    fn the_password_leaves_the_url() {
        assert_eq!(
            split_password("postgres://crm:s%40cret@db:5432/crm?sslmode=require"),
            ("postgres://crm@db:5432/crm?sslmode=require".to_string(), Some("s@cret".to_string()))
        );
        assert_eq!(split_password("postgres://crm@127.0.0.1:5/x"), ("postgres://crm@127.0.0.1:5/x".to_string(), None));
        assert_eq!(split_password("postgres://db/x"), ("postgres://db/x".to_string(), None));
    }
}
