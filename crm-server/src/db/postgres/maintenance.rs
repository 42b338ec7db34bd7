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
/// linked to `dest` once complete. Returns the dump's size.
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
        // A link, not a rename: it fails rather than replace a file made at `dest` meanwhile.
        std::fs::hard_link(&partial, dest).with_context(|| format!("naming the dump {}", dest.display()))
    });
    let _ = std::fs::remove_file(&partial);
    done?;
    Ok(std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0))
}

/// The newest migration a dump records (its `_sqlx_migrations` rows), if it has that table.
fn dump_version(src: &Path) -> anyhow::Result<Option<i64>> {
    let out = Command::new(program("pg_restore")?)
        .args(["--data-only", "--table=_sqlx_migrations", "--file=-"])
        .arg(src)
        .output()
        .context("running pg_restore")?;
    if !out.status.success() {
        bail!("{} is not a dump pg_restore reads: {}", src.display(), String::from_utf8_lossy(&out.stderr).trim());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut rows = text.lines().skip_while(|l| !l.starts_with("COPY ")).skip(1).take_while(|l| *l != "\\.");
    Ok(rows
        .try_fold(None::<i64>, |newest, row| {
            let v: i64 = row.split('\t').next().unwrap_or_default().parse().ok()?;
            Some(Some(newest.map_or(v, |n| n.max(v))))
        })
        .flatten())
}

/// Replaces the database's content with the dump at `src`, in one transaction: the schema is
/// emptied and the dump's SQL (`pg_restore --file=-`) run by `psql --single-transaction`, so
/// that tables a later migration added go too, and a failure changes nothing. A dump that is no
/// CRM database's, or of a server newer than `known` (the newest migration this one knows), is
/// refused first.
pub fn restore(url: &str, src: &Path, known: i64) -> anyhow::Result<()> {
    use std::io::Write as _;
    use std::process::Stdio;
    if !src.is_file() {
        bail!("{} does not exist", src.display());
    }
    crate::db::restorable(src, dump_version(src)?, known)?;
    let (url, password) = split_password(url);
    let mut dump = Command::new(program("pg_restore")?)
        .args(["--no-owner", "--file=-"])
        .arg(src)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("running pg_restore")?;
    let mut psql = Command::new(program("psql")?);
    psql.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--file=-"])
        .arg(format!("--dbname={url}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(p) = password {
        psql.env("PGPASSWORD", p);
    }
    let mut psql = psql.spawn().context("running psql")?;
    let fed = (|| -> anyhow::Result<()> {
        let mut into = psql.stdin.take().context("psql's input")?;
        let mut from = dump.stdout.take().context("pg_restore's output")?;
        into.write_all(b"DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n")?;
        std::io::copy(&mut from, &mut into)?;
        Ok(())
    })();
    let dumped = dump.wait_with_output().context("pg_restore")?;
    let applied = psql.wait_with_output().context("psql")?;
    if !dumped.status.success() {
        bail!("pg_restore failed ({}): {}", dumped.status, String::from_utf8_lossy(&dumped.stderr).trim());
    }
    if !applied.status.success() {
        bail!("the restore was rolled back ({}): {}", applied.status, String::from_utf8_lossy(&applied.stderr).trim());
    }
    fed.context("handing the dump to psql")
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
