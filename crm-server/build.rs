//! Embeds the SQLite migrations (`../migrations/sqlite/NNNN_name.sql`) as a list the server
//! applies at start-up (`src/db/sqlite/migrate.rs`); PostgreSQL's are embedded by sqlx.

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
    // Read when the script runs, not when it is compiled: a script built for a copy of the
    // workspace elsewhere must not read that copy's migrations.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR is set");
    let dir = std::path::Path::new(&manifest).join("../migrations/sqlite");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("migrations/sqlite is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for path in files {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("a UTF-8 file name");
        let (number, name) = stem.split_once('_').expect("migration files are named NNNN_name.sql");
        let version: i64 = number.parse().expect("migration files start with their number");
        let description = name.replace('_', " ");
        writeln!(
            out,
            "    Migration {{ version: {version}, description: {description:?}, sql: include_str!({:?}) }},",
            path.display()
        )
        .expect("write to a string");
    }
    out.push(']');
    let target = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("sqlite_migrations.rs");
    std::fs::write(target, out).expect("write the migration list");
}
