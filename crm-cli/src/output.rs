//! Printing records: a table fitted to the terminal, JSON, NDJSON, CSV, or ids only.
//!
//! Tables are compact, as `psql` and `kubectl get` print them: a header, a rule under it, then
//! one line per record with the columns aligned; a cell too long for its column is cut short
//! with `…`, so a record never takes more than one line.
//!
//! Lists are streamed: every format but the table prints each page as it arrives, so
//! `crm contacts list --all | head` starts at once and stops quietly.

use std::io::{self, IsTerminal, Write};

use comfy_table::{Attribute, Cell, ContentArrangement, LineStyle, Row, Table, TableStyle};
use crm_api::catalog::{EntityInfo, FieldKind};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table fitted to the terminal (the default on a terminal).
    Table,
    /// JSON: an object, or an array for lists (the default when piped).
    Json,
    /// One JSON object per line.
    Ndjson,
    /// CSV with a header row.
    Csv,
}

/// A column: the key of a record and, for entity fields, its kind.
#[derive(Debug, Clone)]
pub struct Column {
    pub key: String,
    pub kind: Option<FieldKind>,
}

/// The columns of a kind of record: all of them (JSON keys in order, CSV) and the ones a
/// table of many shows.
#[derive(Debug, Clone)]
pub struct Columns {
    pub all: Vec<Column>,
    pub table: Vec<String>,
}

impl Columns {
    pub fn of_entity(e: &EntityInfo) -> Columns {
        Columns {
            all: e.fields.iter().map(|f| Column { key: f.name.to_string(), kind: Some(f.kind) }).collect(),
            table: e.table_columns.iter().map(|c| c.to_string()).collect(),
        }
    }

    /// Columns of a record that is not an entity, all of them in a table too.
    pub fn plain(keys: &[&str]) -> Columns {
        Columns {
            all: keys.iter().map(|k| Column { key: k.to_string(), kind: None }).collect(),
            table: keys.iter().map(|k| k.to_string()).collect(),
        }
    }

    fn kind(&self, key: &str) -> Option<FieldKind> {
        self.all.iter().find(|c| c.key == key).and_then(|c| c.kind)
    }
}

enum State {
    Idle,
    Json { first: bool },
    Table { rows: Vec<Value> },
    Csv { header: bool },
    Other,
}

/// Standard output in the chosen format.
pub struct Out {
    pub format: Format,
    /// The format was asked for (`-o`), not the default of where the output goes.
    pub chosen: bool,
    /// Ids only, one per line.
    pub quiet: bool,
    color: bool,
    w: io::BufWriter<io::Stdout>,
    state: State,
    cols: Option<Columns>,
}

impl Out {
    pub fn new(format: Option<Format>, quiet: bool) -> Out {
        let tty = io::stdout().is_terminal();
        let chosen = format.is_some();
        let format = format.unwrap_or(if tty { Format::Table } else { Format::Json });
        let color = tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Out { format, chosen, quiet, color, w: io::BufWriter::new(io::stdout()), state: State::Idle, cols: None }
    }

    /// Writes a line of text (messages that are the command's result, not records).
    pub fn line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.w, "{text}")
    }

    /// Writes bytes as they are (a streamed export).
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.w.write_all(bytes)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    /// Colour and bold are used (a terminal, and `NO_COLOR` not set).
    pub fn color(&self) -> bool {
        self.color
    }

    /// A value as the server sent it: pretty JSON, or one line with `-o ndjson`.
    pub fn json<T: serde::Serialize>(&mut self, v: &T) -> io::Result<()> {
        if self.format == Format::Ndjson {
            serde_json::to_writer(&mut self.w, v)?;
        } else {
            serde_json::to_writer_pretty(&mut self.w, v)?;
        }
        writeln!(self.w)
    }

    /// Rows that are not records: one table on a terminal, else rows of the format (CSV,
    /// NDJSON, a JSON array).
    pub fn figures(&mut self, cols: &Columns, rows: &[Value]) -> io::Result<()> {
        if self.format == Format::Table {
            let text = self.table_text(cols, rows);
            return self.line(&text);
        }
        self.begin(cols);
        self.items(rows)?;
        self.end()
    }

    /// Rows as a compact table (as `end` prints a list), returned as text to print among
    /// other text.
    pub fn table_text(&self, cols: &Columns, rows: &[Value]) -> String {
        if rows.is_empty() {
            return "(none)".to_string();
        }
        list_table(cols, rows, self.color, terminal_width())
    }

    /// A heading among text: bold on a terminal.
    pub fn heading(&self, text: &str) -> String {
        if self.color { format!("\x1b[1m{text}\x1b[0m") } else { text.to_string() }
    }

    /// A bar of a chart: green on a terminal.
    pub fn paint_bar(&self, bar: &str) -> String {
        if self.color && !bar.is_empty() { format!("\x1b[32m{bar}\x1b[0m") } else { bar.to_string() }
    }

    /// One record.
    pub fn record(&mut self, cols: &Columns, rec: &Value) -> io::Result<()> {
        if self.quiet {
            return writeln!(self.w, "{}", id_of(rec));
        }
        match self.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut self.w, &ordered(cols, rec))?;
                writeln!(self.w)
            }
            Format::Ndjson => {
                serde_json::to_writer(&mut self.w, &ordered(cols, rec))?;
                writeln!(self.w)
            }
            Format::Csv => {
                self.begin(cols);
                self.items(std::slice::from_ref(rec))?;
                self.end()
            }
            Format::Table => {
                let text = record_table(cols, rec, self.color, terminal_width());
                writeln!(self.w, "{text}")
            }
        }
    }

    /// Starts a list of records of these columns.
    pub fn begin(&mut self, cols: &Columns) {
        self.cols = Some(cols.clone());
        self.state = match (self.quiet, self.format) {
            (true, _) => State::Other,
            (_, Format::Json) => State::Json { first: true },
            (_, Format::Table) => State::Table { rows: Vec::new() },
            (_, Format::Csv) => State::Csv { header: false },
            (_, Format::Ndjson) => State::Other,
        };
    }

    /// Prints (or, for a table, keeps) the next records of the list.
    pub fn items(&mut self, recs: &[Value]) -> io::Result<()> {
        let Some(cols) = self.cols.clone() else { return Ok(()) };
        if self.quiet {
            for r in recs {
                writeln!(self.w, "{}", id_of(r))?;
            }
            return self.w.flush();
        }
        match &mut self.state {
            State::Json { first } => {
                for r in recs {
                    self.w.write_all(if *first { b"[\n  " } else { b",\n  " })?;
                    *first = false;
                    serde_json::to_writer(&mut self.w, &ordered(&cols, r))?;
                }
            }
            State::Table { rows } => rows.extend_from_slice(recs),
            State::Csv { header } => {
                let mut csv = csv::WriterBuilder::new().has_headers(false).from_writer(&mut self.w);
                if !*header {
                    csv.write_record(cols.all.iter().map(|c| c.key.as_str()))?;
                    *header = true;
                }
                for r in recs {
                    csv.write_record(cols.all.iter().map(|c| crm_api::csv_field(&r[&c.key])))?;
                }
                csv.flush()?;
            }
            State::Other | State::Idle => {
                for r in recs {
                    serde_json::to_writer(&mut self.w, &ordered(&cols, r))?;
                    writeln!(self.w)?;
                }
            }
        }
        self.w.flush()
    }

    /// Ends the list.
    pub fn end(&mut self) -> io::Result<()> {
        let state = std::mem::replace(&mut self.state, State::Idle);
        let cols = self.cols.take();
        match state {
            State::Json { first: true } => writeln!(self.w, "[]")?,
            State::Json { first: false } => writeln!(self.w, "\n]")?,
            State::Table { rows } => {
                let Some(cols) = cols else { return Ok(()) };
                if rows.is_empty() {
                    writeln!(self.w, "(none)")?;
                } else {
                    let text = list_table(&cols, &rows, self.color, terminal_width());
                    writeln!(self.w, "{text}")?;
                }
            }
            State::Csv { header: false } => {
                if let Some(cols) = cols {
                    let mut csv = csv::Writer::from_writer(&mut self.w);
                    csv.write_record(cols.all.iter().map(|c| c.key.as_str()))?;
                    csv.flush()?;
                }
            }
            _ => {}
        }
        self.w.flush()
    }
}

/// Records as a table, one line each: a header, a rule, a line per record, each cell that is
/// too long for its column cut short with `…`. `width` is the terminal's, when known; on a
/// terminal (`color`) the table finds it itself.
fn list_table(cols: &Columns, rows: &[Value], color: bool, width: Option<u16>) -> String {
    let mut t = table(color, width);
    // Cut long cells anywhere, not after the last word that fits: more of them shows.
    t.set_delimiter('\0');
    t.set_header(one_line(cols.table.iter().map(|k| head(k, color))));
    for r in rows {
        t.add_row(one_line(cols.table.iter().map(|k| Cell::new(cell_text(cols, r, k)))));
    }
    finish(t)
}

/// One record as a table of its fields, one a line; a long value wraps rather than being cut,
/// as this is all there is to see of the record.
fn record_table(cols: &Columns, rec: &Value, color: bool, width: Option<u16>) -> String {
    let mut t = table(color, width);
    t.set_header(vec![head("field", color), head("value", color)]);
    for c in &cols.all {
        t.add_row(vec![Cell::new(&c.key), Cell::new(cell_text(cols, rec, &c.key))]);
    }
    finish(t)
}

fn table(color: bool, width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(COMPACT).set_content_arrangement(ContentArrangement::Dynamic);
    if !color {
        t.force_no_tty();
        if let Some(w) = width {
            t.set_width(w);
        }
    }
    t
}

fn head(text: &str, color: bool) -> Cell {
    let c = Cell::new(text);
    if color { c.add_attribute(Attribute::Bold) } else { c }
}

/// No borders and no rules between rows: a rule under the header, nothing else.
const COMPACT: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─'));

/// A row of a list: one line, a cell that does not fit its column cut short with `…`.
fn one_line(cells: impl IntoIterator<Item = Cell>) -> Row {
    let mut row = Row::from(cells.into_iter().collect::<Vec<_>>());
    row.max_height(1);
    row
}

/// The table as text: columns two spaces apart, flush left, no white space at line ends.
fn finish(mut t: Table) -> String {
    let last = t.column_count().saturating_sub(1);
    for (i, c) in t.column_iter_mut().enumerate() {
        c.set_padding((0, if i == last { 0 } else { 2 }));
    }
    t.trim_fmt()
}

/// The width of the terminal on stdout, when `COLUMNS` says it.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}

fn id_of(rec: &Value) -> String {
    match &rec["id"] {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// The record with its keys in column order (serde_json's own map sorts them).
fn ordered<'a>(cols: &'a Columns, rec: &'a Value) -> InOrder<'a> {
    InOrder(cols, rec)
}

struct InOrder<'a>(&'a Columns, &'a Value);

impl serde::Serialize for InOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Value::Object(map) = self.1 else { return self.1.serialize(s) };
        let mut m = s.serialize_map(Some(map.len()))?;
        for c in &self.0.all {
            if let Some(v) = map.get(&c.key) {
                m.serialize_entry(&c.key, v)?;
            }
        }
        for (k, v) in map {
            if !self.0.all.iter().any(|c| &c.key == k) {
                m.serialize_entry(k, v)?;
            }
        }
        m.end()
    }
}

/// A value as a table cell: money with its currency and digit groups, times to the minute.
fn cell_text(cols: &Columns, rec: &Value, key: &str) -> String {
    let v = &rec[key];
    match (cols.kind(key), v) {
        (_, Value::Null) => String::new(),
        (Some(FieldKind::Money), Value::String(s)) => match rec["currency"].as_str() {
            Some(cur) => format!("{} {cur}", group_digits(s)),
            None => group_digits(s),
        },
        (Some(FieldKind::Bool), Value::Bool(b)) => if *b { "yes" } else { "no" }.to_string(),
        (_, Value::String(s)) => short_time(s).unwrap_or_else(|| s.clone()),
        (_, Value::Array(items)) if items.iter().all(Value::is_string) => {
            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")
        }
        (_, other) => crm_api::csv_field(other),
    }
}

/// `2026-11-24T09:15:02.123456Z` -> `2026-11-24 09:15`, in UTC.
fn short_time(s: &str) -> Option<String> {
    if s.len() < 20 || s.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    let t = chrono::DateTime::parse_from_rfc3339(s).ok()?;
    Some(t.with_timezone(&chrono::Utc).format("%Y-%m-%d %H:%M").to_string())
}

/// `1234567.50` -> `1,234,567.50`.
pub fn group_digits(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    if !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// The width to draw to: `COLUMNS`, else the terminal's, else 80.
pub fn width() -> usize {
    if let Some(w) = terminal_width() {
        return usize::from(w).max(20);
    }
    let probe = Table::new();
    probe.width().map_or(80, |w| usize::from(w).max(20))
}

/// A bar of `value` out of `max`, at most `width` cells, drawn with block characters to the
/// eighth of a cell; any value above 0 shows at least a sliver.
pub fn bar(value: f64, max: f64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if value.is_nan() || max.is_nan() || value <= 0.0 || max <= 0.0 || width == 0 {
        return String::new();
    }
    let eighths = ((value / max).min(1.0) * (width * 8) as f64).round().max(1.0) as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8]);
    }
    s
}

/// A sparkline of `values`, one character each, scaled to the largest.
pub fn sparkline(values: &[i64]) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if v <= 0 || max <= 0 {
                ' '
            } else {
                LEVELS[((v as f64 / max as f64) * 7.0).round().clamp(0.0, 7.0) as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_times_in_tables() {
        assert_eq!(group_digits("1234567.50"), "1,234,567.50");
        assert_eq!(group_digits("-12.00"), "-12.00");
        assert_eq!(group_digits("999"), "999");
        assert_eq!(short_time("2026-11-24T09:15:02.123456Z").as_deref(), Some("2026-11-24 09:15"));
        assert_eq!(short_time("Lead"), None);
    }

    fn people() -> (Columns, Vec<Value>) {
        let cols = Columns::plain(&["id", "name", "company"]);
        let rows = vec![
            serde_json::json!({"id": 1, "name": "Ada Lovelace", "company": "Analytical Engines of Great Britain"}),
            serde_json::json!({"id": 22, "name": "Charles Babbage", "company": "Difference\nEngines"}),
        ];
        (cols, rows)
    }

    #[test]
    fn a_list_is_a_header_a_rule_and_one_line_per_record() {
        let (cols, rows) = people();
        let wide = list_table(&cols, &rows, false, Some(80));
        assert_eq!(
            wide.lines().collect::<Vec<_>>(),
            [
                "id  name             company",
                "─".repeat(56).as_str(),
                "1   Ada Lovelace     Analytical Engines of Great Britain",
                "22  Charles Babbage  Difference…",
            ],
            "\n{wide}"
        );
        let narrow = list_table(&cols, &rows, false, Some(30));
        assert_eq!(narrow.lines().count(), 4, "still one line a record:\n{narrow}");
        assert!(narrow.lines().all(|l| l.chars().count() <= 30), "fits 30 columns:\n{narrow}");
        assert!(narrow.lines().nth(2).is_some_and(|l| l.starts_with("1   Ada") && l.ends_with('…')), "{narrow}");
    }

    #[test]
    fn one_record_is_a_line_per_field_and_long_values_wrap() {
        let (cols, rows) = people();
        let t = record_table(&cols, &rows[0], false, Some(30));
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "field    value");
        assert_eq!(lines[2], "id       1");
        assert!(t.contains("Analytical") && t.contains("Britain") && !t.contains('…'), "all of it shows:\n{t}");
    }
}
