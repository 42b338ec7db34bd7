//! Reading CSV files as people have them: UTF-8 with or without a byte-order mark, CRLF or LF,
//! quoted fields with delimiters and newlines inside, `,` `;` or tab delimiters (detected from
//! the header line), and the column names other CRMs and spreadsheets use.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};

use crm_api::catalog::{EntityInfo, FieldKind};
use serde_json::{Map, Value, json};

use crate::exit::{CliError, Result};

/// Column names other tools use, normalized (lower case, letters and digits only), and the
/// field each one is. Every field's own name (`job_title` -> `jobtitle`) is understood too.
const ALIASES: &[(&str, &[&str])] = &[
    ("name", &["fullname", "contactname", "contact", "displayname", "dealname", "opportunityname"]),
    ("email", &["emailaddress", "email1", "emailaddress1", "primaryemail", "workemail", "mail", "email1value"]),
    (
        "phone",
        &[
            "phone1",
            "phonenumber",
            "phone1value",
            "mobile",
            "mobilephone",
            "cellphone",
            "cell",
            "telephone",
            "tel",
            "workphone",
            "primaryphone",
            "businessphone",
        ],
    ),
    (
        "company",
        &["companyname", "organization", "organisation", "organizationname", "account", "accountname", "business"],
    ),
    ("job_title", &["title", "position", "role", "jobposition"]),
    ("status", &["leadstatus", "contactstatus", "lifecyclestage"]),
    ("source", &["leadsource", "origin", "channel"]),
    ("notes", &["note", "comments", "comment", "remarks"]),
    ("rating", &["stars", "score"]),
    ("value", &["amount", "dealvalue", "opportunityvalue"]),
    ("amount", &["value", "dealamount", "dealvalue"]),
    ("stage", &["dealstage", "pipelinestage", "opportunitystage"]),
    ("expected_close_date", &["closedate", "expectedclose", "expectedclosedate"]),
    ("close_date", &["closedate", "closingdate", "expectedclosedate"]),
    ("due_date", &["due", "duedate", "deadline"]),
    ("type", &["activitytype", "kind"]),
    ("description", &["details", "subject", "summary"]),
    ("next_steps", &["nextstep", "nextsteps"]),
];

const FIRST_NAME: &[&str] = &["firstname", "givenname", "first", "forename"];
const LAST_NAME: &[&str] = &["lastname", "surname", "familyname", "last"];
const MIDDLE_NAME: &[&str] = &["middlename", "middle"];

/// Lower case, letters and digits only: `E-mail Address` -> `emailaddress`.
pub fn normalize(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// What a column of the file becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Field(&'static str),
    /// The record's id, for `--match id`.
    Id,
    FirstName,
    MiddleName,
    LastName,
    /// Set by the server (version, timestamps): read and ignored.
    ReadOnly,
    /// Unknown: reported, not imported.
    Unknown,
    /// `--map "Column=-"`: ignored on purpose.
    Skip,
}

/// How the columns of a file map to fields.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub headers: Vec<String>,
    pub targets: Vec<Target>,
}

impl Mapping {
    /// Maps `headers` for entity `e`; `overrides` are `--map "Column=field"` pairs.
    pub fn new(e: &'static EntityInfo, headers: &[String], overrides: &[String]) -> Result<Mapping> {
        let mut forced: BTreeMap<String, Target> = BTreeMap::new();
        for m in overrides {
            let Some((col, field)) = m.split_once('=') else {
                return Err(CliError::usage(format!("--map {m:?}: expected \"Column=field\"")));
            };
            let field = field.trim();
            let target = if field == "-" || field.is_empty() {
                Target::Skip
            } else if field == "id" {
                Target::Id
            } else {
                match e.writable().find(|f| f.name == field) {
                    Some(f) => Target::Field(f.name),
                    None => {
                        let names: Vec<&str> = e.writable().map(|f| f.name).collect();
                        return Err(CliError::usage(format!(
                            "--map {m:?}: {} have no writable field {field:?} (fields: {})",
                            e.path,
                            names.join(", ")
                        )));
                    }
                }
            };
            if !headers.iter().any(|h| h == col.trim() || normalize(h) == normalize(col)) {
                return Err(CliError::usage(format!("--map {m:?}: the file has no column {:?}", col.trim())));
            }
            forced.insert(normalize(col), target);
        }
        // --map first, then columns named exactly as a field, then the other tools' names; a
        // field already taken is not taken again (Phone 1, Phone 2: the first wins).
        let mut targets: Vec<Option<Target>> = headers.iter().map(|h| forced.get(&normalize(h)).cloned()).collect();
        let mut taken: Vec<&'static str> =
            targets.iter().flatten().filter_map(|t| if let Target::Field(f) = t { Some(*f) } else { None }).collect();
        for exact in [true, false] {
            for (h, slot) in headers.iter().zip(targets.iter_mut()) {
                if slot.is_some() {
                    continue;
                }
                let key = normalize(h);
                let t = guess(e, &key);
                let is_exact = e.fields.iter().any(|f| normalize(f.name) == key) || key == "id";
                if exact != is_exact {
                    continue;
                }
                *slot = Some(match t {
                    Target::Field(f) if taken.contains(&f) => Target::Unknown,
                    t => t,
                });
                if let Some(Target::Field(f)) = slot {
                    taken.push(f);
                }
            }
        }
        let targets: Vec<Target> = targets.into_iter().map(|t| t.unwrap_or(Target::Unknown)).collect();
        let mapping = Mapping { headers: headers.to_vec(), targets };
        if e.fields.iter().any(|f| f.name == "name" && f.required)
            && !mapping
                .targets
                .iter()
                .any(|t| matches!(t, Target::Field("name") | Target::FirstName | Target::LastName))
        {
            return Err(CliError::usage(format!(
                "no column gives the name (columns: {}); map one with --map \"Column=name\"",
                headers.join(", ")
            )));
        }
        Ok(mapping)
    }

    /// The `id` column only finds records with `--match id`; otherwise it is read and ignored,
    /// as in a file exported from another account.
    pub fn ignore_ids(&mut self) {
        for t in &mut self.targets {
            if *t == Target::Id {
                *t = Target::ReadOnly;
            }
        }
    }

    /// Columns that are not imported, to report.
    pub fn unknown(&self) -> Vec<&str> {
        self.headers
            .iter()
            .zip(&self.targets)
            .filter(|(_, t)| **t == Target::Unknown)
            .map(|(h, _)| h.as_str())
            .collect()
    }

    /// The request record of one row, or why the row cannot be sent.
    pub fn record(&self, e: &EntityInfo, row: &csv::StringRecord) -> std::result::Result<Value, String> {
        if row.len() != self.headers.len() {
            return Err(format!("row: has {} fields where the header has {}", row.len(), self.headers.len()));
        }
        let mut out = Map::new();
        let (mut first, mut middle, mut last) = (None, None, None);
        for (value, target) in row.iter().zip(&self.targets) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match target {
                Target::Field(name) => {
                    let kind = e.field(name).map(|f| f.kind).unwrap_or(FieldKind::Text { max: usize::MAX });
                    out.insert(name.to_string(), typed(name, kind, value)?);
                }
                Target::Id => {
                    let id: i64 = value.parse().map_err(|_| format!("id: not a whole number ({value:?})"))?;
                    out.insert("id".into(), json!(id));
                }
                Target::FirstName => first = Some(value),
                Target::MiddleName => middle = Some(value),
                Target::LastName => last = Some(value),
                Target::ReadOnly | Target::Unknown | Target::Skip => {}
            }
        }
        if !out.contains_key("name") {
            let parts: Vec<&str> = [first, middle, last].into_iter().flatten().collect();
            if !parts.is_empty() {
                out.insert("name".into(), json!(parts.join(" ")));
            }
        }
        Ok(Value::Object(out))
    }
}

fn guess(e: &EntityInfo, key: &str) -> Target {
    if key == "id" {
        return Target::Id;
    }
    if let Some(f) = e.fields.iter().find(|f| normalize(f.name) == key) {
        return if f.writable { Target::Field(f.name) } else { Target::ReadOnly };
    }
    if e.field("name").is_some() {
        if FIRST_NAME.contains(&key) {
            return Target::FirstName;
        }
        if LAST_NAME.contains(&key) {
            return Target::LastName;
        }
        if MIDDLE_NAME.contains(&key) {
            return Target::MiddleName;
        }
    }
    for (field, aliases) in ALIASES {
        if aliases.contains(&key)
            && let Some(f) = e.writable().find(|f| f.name == *field)
        {
            return Target::Field(f.name);
        }
    }
    Target::Unknown
}

/// A cell as the JSON value of its field: whole numbers and booleans parsed here (a bad one
/// fails the row with the field's name), amounts without currency signs or digit groups.
fn typed(name: &str, kind: FieldKind, value: &str) -> std::result::Result<Value, String> {
    match kind {
        FieldKind::Int { .. } | FieldKind::Link(_) | FieldKind::Id => {
            value.parse::<i64>().map(|n| json!(n)).map_err(|_| format!("{name}: not a whole number ({value:?})"))
        }
        FieldKind::Bool => match value.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "x" | "done" => Ok(json!(true)),
            "false" | "no" | "n" | "0" | "" => Ok(json!(false)),
            _ => Err(format!("{name}: not true or false ({value:?})")),
        },
        FieldKind::Money => {
            let v = value.trim_start_matches(['$', '€', '£', '¥']).trim();
            Ok(json!(ungroup(v).unwrap_or_else(|| v.to_string())))
        }
        _ => Ok(json!(value)),
    }
}

/// `1,250,000.50` -> `1250000.50`, when the commas separate groups of three digits.
fn ungroup(v: &str) -> Option<String> {
    let (sign, rest) = v.strip_prefix('-').map_or(("", v), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let groups: Vec<&str> = int.split(',').collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let ok = groups.len() > 1
        && groups.iter().all(|g| digits(g))
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3);
    ok.then(|| match frac {
        Some(f) => format!("{sign}{}.{f}", groups.concat()),
        None => format!("{sign}{}", groups.concat()),
    })
}

/// The header line is looked for in at most this many bytes.
const HEAD_MAX: usize = 1 << 20;

/// Strips a UTF-8 byte-order mark and picks the delimiter from the header line: the one of
/// `,` `;` tab that occurs most often outside quotes (`,` on a tie). The header line is read
/// whole first, even from a pipe that hands it over a few bytes at a time.
pub fn open(input: Box<dyn Read>, delimiter: Option<u8>) -> Result<csv::Reader<Box<dyn Read>>> {
    let mut reader = BufReader::with_capacity(256 * 1024, input);
    let mut head = Vec::new();
    while first_line_end(&head).is_none() && head.len() < HEAD_MAX {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        head.extend_from_slice(buf);
        reader.consume(n);
    }
    let start = if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let delimiter = match delimiter {
        Some(d) => d,
        None => sniff(&head[start..]),
    };
    let mut head = std::io::Cursor::new(head);
    head.set_position(start as u64);
    let boxed: Box<dyn Read> = Box::new(head.chain(reader));
    Ok(csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(boxed))
}

/// Where the first line ends (its `\n` outside quotes), if it does within `head`.
fn first_line_end(head: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &b) in head.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

fn sniff(head: &[u8]) -> u8 {
    let line = &head[..first_line_end(head).unwrap_or(head.len())];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    if counts[best] == 0 { b',' } else { [b',', b';', b'\t'][best] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crm_api::catalog::CONTACTS;

    fn read(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
        let mut r = open(Box::new(std::io::Cursor::new(text.as_bytes().to_vec())), None).expect("open");
        let headers = r.headers().expect("headers").iter().map(str::to_string).collect();
        let rows = r.records().map(|x| x.expect("row")).collect();
        (headers, rows)
    }

    #[test]
    fn dialects() {
        let (h, rows) =
            read("\u{feff}Name;E-mail\r\n\"Doe; Jane\";jane@example.com\r\n\"Multi\r\nline\";x@example.com\r\n");
        assert_eq!(h, ["Name", "E-mail"]);
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "Doe; Jane");
        assert_eq!(&rows[1][0], "Multi\r\nline");
        let (h, _) = read("a\tb\tc\n1\t2\t3\n");
        assert_eq!(h, ["a", "b", "c"]);
        let (h, _) = read("\"x;y\",b\n1,2\n");
        assert_eq!(h, ["x;y", "b"]);
    }

    /// Hands its bytes over `step` at a time, as a pipe may.
    struct Trickle {
        bytes: Vec<u8>,
        at: usize,
        step: usize,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len() - self.at);
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn a_file_as_people_have_it_read_a_few_bytes_at_a_time() {
        let text = "\u{feff}Name;E-mail;Notes\r\n\"Zoë Ångström\";zoe@example.com;\"two\r\nlines; one \"\"quoted\"\"\"\r\n\
                    José Núñez;JOSE@example.com;\r\n";
        for step in [1, 2, 3, 7, 64 * 1024] {
            let input = Trickle { bytes: text.as_bytes().to_vec(), at: 0, step };
            let mut r = open(Box::new(input), None).expect("open");
            let headers: Vec<String> = r.headers().expect("headers").iter().map(str::to_string).collect();
            assert_eq!(headers, ["Name", "E-mail", "Notes"], "{step} bytes a read");
            let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
            assert_eq!(rows.len(), 2, "{step} bytes a read");
            assert_eq!(&rows[0][0], "Zoë Ångström");
            assert_eq!(&rows[0][2], "two\r\nlines; one \"quoted\"");
            assert_eq!((&rows[1][0], &rows[1][1]), ("José Núñez", "JOSE@example.com"));
        }
    }

    #[test]
    fn an_empty_or_headerless_input_reads_as_nothing() {
        let (h, rows) = read("");
        assert!(h.is_empty() && rows.is_empty());
        let (h, rows) = read("\u{feff}");
        assert!(h.is_empty() && rows.is_empty());
        let (h, _) = read("only;header");
        assert_eq!(h, ["only", "header"]);
    }

    #[test]
    fn aliases_and_names() {
        let headers: Vec<String> = [
            "First Name",
            "Last Name",
            "Email Address",
            "Phone 1",
            "Phone 2",
            "Company Name",
            "Job Title",
            "Shoe size",
            "version",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let m = Mapping::new(&CONTACTS, &headers, &[]).expect("mapping");
        assert_eq!(m.unknown(), ["Phone 2", "Shoe size"]);
        let row = csv::StringRecord::from(vec![
            "Ada",
            "Lovelace",
            "ada@example.com",
            "+44 1",
            "+44 2",
            "Engines",
            "Analyst",
            "38",
            "3",
        ]);
        let rec = m.record(&CONTACTS, &row).expect("record");
        assert_eq!(
            rec,
            json!({"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+44 1", "company": "Engines", "job_title": "Analyst"})
        );
        let m = Mapping::new(&CONTACTS, &headers, &["Shoe size=notes".into(), "Phone 2=-".into()]).expect("mapping");
        assert!(m.unknown().is_empty());
        assert!(Mapping::new(&CONTACTS, &headers, &["Shoe size=colour".into()]).is_err());
        assert!(Mapping::new(&CONTACTS, &["Email".to_string()], &[]).is_err(), "no name column");
        // A contact's Title is the job title; a column named exactly as a field wins over an alias.
        let h: Vec<String> = ["First Name", "Last Name", "Title"].iter().map(|s| s.to_string()).collect();
        let m = Mapping::new(&CONTACTS, &h, &[]).expect("mapping");
        let rec = m.record(&CONTACTS, &csv::StringRecord::from(vec!["Ada", "Lovelace", "CEO"])).expect("record");
        assert_eq!(rec, json!({"name": "Ada Lovelace", "job_title": "CEO"}));
        let h: Vec<String> = ["Contact", "Name", "Amount"].iter().map(|s| s.to_string()).collect();
        let m = Mapping::new(&crm_api::catalog::DEALS, &h, &[]).expect("mapping");
        assert_eq!(m.unknown(), ["Contact"]);
    }

    #[test]
    fn typed_cells() {
        assert_eq!(typed("rating", FieldKind::Int { min: 0, max: 5 }, "4"), Ok(json!(4)));
        assert!(typed("rating", FieldKind::Int { min: 0, max: 5 }, "four").is_err_and(|e| e.starts_with("rating:")));
        assert_eq!(typed("amount", FieldKind::Money, "$1,250.50"), Ok(json!("1250.50")));
        assert_eq!(typed("amount", FieldKind::Money, "12,5"), Ok(json!("12,5")), "left for the server to judge");
        assert_eq!(typed("completed", FieldKind::Bool, "Yes"), Ok(json!(true)));
    }

    /// Properties over generated input: no bytes make the reader panic, and what the csv
    /// writer writes (any text, quoted as it needs, with or without a byte-order mark, CRLF or
    /// LF, read a few bytes at a time) reads back as it was.
    mod props {
        use proptest::prelude::*;

        use super::*;

        /// Any text, and text made of what a CSV writer must quote.
        fn text() -> BoxedStrategy<String> {
            prop_oneof![".{0,12}", "[\"',;\t\r\n aé\u{feff}ü]{0,12}"].boxed()
        }

        /// Column names without a delimiter in them, as column names are.
        fn name() -> BoxedStrategy<String> {
            prop_oneof!["[^,;\t]{0,12}", "[\"\r\n aé\u{feff}ü]{0,12}"].boxed()
        }

        /// A table: a header of one to five columns and up to six rows as wide.
        fn table(cell: fn() -> BoxedStrategy<String>) -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
            (1usize..6).prop_flat_map(move |width| {
                let header = proptest::collection::vec(cell(), width);
                (header, proptest::collection::vec(proptest::collection::vec(text(), width), 0..6))
            })
        }

        #[derive(Debug, Clone)]
        struct Dialect {
            delimiter: u8,
            bom: bool,
            crlf: bool,
            quote_all: bool,
            step: usize,
        }

        fn dialect() -> impl Strategy<Value = Dialect> {
            (proptest::sample::select(vec![b',', b';', b'\t']), any::<bool>(), any::<bool>(), any::<bool>(), 1usize..40)
                .prop_map(|(delimiter, bom, crlf, quote_all, step)| Dialect { delimiter, bom, crlf, quote_all, step })
        }

        fn write(d: &Dialect, header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
            let mut out = if d.bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
            let mut w = csv::WriterBuilder::new()
                .delimiter(d.delimiter)
                .terminator(if d.crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
                .quote_style(if d.quote_all { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary })
                .from_writer(&mut out);
            w.write_record(header).expect("header");
            for row in rows {
                w.write_record(row).expect("row");
            }
            w.flush().expect("flush");
            drop(w);
            out
        }

        fn read_back(d: &Dialect, bytes: Vec<u8>, delimiter: Option<u8>) -> (Vec<String>, Vec<Vec<String>>) {
            let input = Trickle { bytes, at: 0, step: d.step };
            let mut r = open(Box::new(input), delimiter).expect("open");
            let header = r.headers().expect("headers").iter().map(str::to_string).collect();
            let rows = r.records().map(|x| x.expect("row").iter().map(str::to_string).collect()).collect();
            (header, rows)
        }

        /// A leading U+FEFF is a byte-order mark wherever it comes from: no header starts with one.
        fn no_leading_bom(header: &[String]) -> bool {
            !header[0].starts_with('\u{feff}')
        }

        /// Bytes made mostly of what matters to a CSV reader.
        fn csvish() -> impl Strategy<Value = Vec<u8>> {
            let byte = proptest::sample::select(vec![
                b'"', b',', b';', b'\t', b'\r', b'\n', b'a', b' ', 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xFF, 0x00,
            ]);
            proptest::collection::vec(byte, 0..200)
        }

        /// Reads everything there is, as the import does, and maps each row as contacts.
        fn read_all(bytes: Vec<u8>, delimiter: Option<u8>, step: usize) {
            let mut r = open(Box::new(Trickle { bytes, at: 0, step }), delimiter).expect("open never fails on bytes");
            let Ok(header) = r.headers().map(|h| h.iter().map(str::to_string).collect::<Vec<_>>()) else {
                return;
            };
            let mapping = Mapping::new(&CONTACTS, &header, &[]).ok();
            let mut raw = csv::ByteRecord::new();
            while let Ok(true) = r.read_byte_record(&mut raw) {
                if let (Some(m), Ok(row)) = (&mapping, csv::StringRecord::from_byte_record(raw.clone())) {
                    let _ = m.record(&CONTACTS, &row);
                }
            }
        }

        proptest! {
            #[test]
            fn any_bytes_read_or_fail_without_panicking(
                bytes in proptest::collection::vec(any::<u8>(), 0..400),
                delimiter in proptest::option::of(proptest::sample::select(vec![b',', b';', b'\t', b'|'])),
                step in 1usize..64,
            ) {
                read_all(bytes, delimiter, step);
            }

            #[test]
            fn csvish_bytes_read_or_fail_without_panicking(bytes in csvish(), step in 1usize..16) {
                read_all(bytes, None, step);
            }

            /// A header that is not UTF-8 fails with the csv crate's error, which names its line.
            #[test]
            fn a_header_that_is_not_utf8_is_an_error_naming_its_line(
                before in "[a-z]{0,5}", after in "[a-z]{0,5}", step in 1usize..16
            ) {
                let mut bytes = before.into_bytes();
                bytes.push(0xFF);
                bytes.extend_from_slice(format!("{after},b\nx,y\n").as_bytes());
                let mut r = open(Box::new(Trickle { bytes, at: 0, step }), None).expect("open");
                let e = r.headers().expect_err("not UTF-8").to_string();
                prop_assert!(e.contains("line 1"), "{}", e);
            }

            #[test]
            fn written_records_read_back_identical_with_the_delimiter_given(
                (header, rows) in table(text), d in dialect()
            ) {
                prop_assume!(no_leading_bom(&header));
                let bytes = write(&d, &header, &rows);
                prop_assert_eq!(read_back(&d, bytes, Some(d.delimiter)), (header, rows));
            }

            /// Sniffed from a header of two columns or more whose names hold no delimiter (as
            /// column names do not), or whose every name is quoted.
            #[test]
            fn written_records_read_back_identical_with_the_delimiter_sniffed(
                (header, rows) in table(name), d in dialect()
            ) {
                prop_assume!(header.len() >= 2 && no_leading_bom(&header));
                let bytes = write(&d, &header, &rows);
                prop_assert_eq!(read_back(&d, bytes, None), (header, rows));
            }

            #[test]
            fn quoted_headers_sniff_whatever_they_hold(
                (header, rows) in table(text), d in dialect()
            ) {
                prop_assume!(header.len() >= 2 && no_leading_bom(&header));
                let d = Dialect { quote_all: true, ..d };
                let bytes = write(&d, &header, &rows);
                prop_assert_eq!(read_back(&d, bytes, None), (header, rows));
            }

            /// Every writable field of every entity as a column, any text in each cell: the row
            /// becomes a record of those fields (blank cells left out), or fails naming the field.
            #[test]
            fn a_row_becomes_a_record_or_fails_naming_its_field(
                entity in proptest::sample::select(crm_api::catalog::ENTITIES.to_vec()),
                cells in proptest::collection::vec(prop_oneof![any::<String>(), "-?[0-9]{1,20}", "[ynYN01]"], 30),
            ) {
                let header: Vec<String> = entity.writable().map(|f| f.name.to_string()).collect();
                let m = Mapping::new(entity, &header, &[]).expect("every field named as itself");
                let row = csv::StringRecord::from(cells[..header.len()].to_vec());
                match m.record(entity, &row) {
                    Ok(Value::Object(rec)) => {
                        for (k, v) in &rec {
                            let i = header.iter().position(|h| h == k).expect("a column of the file");
                            prop_assert!(!row[i].trim().is_empty(), "{} from a blank cell", k);
                            prop_assert!(!v.is_null(), "{} is null", k);
                        }
                    }
                    Ok(other) => prop_assert!(false, "not an object: {}", other),
                    Err(e) => {
                        let field = e.split(':').next().unwrap_or_default();
                        prop_assert!(header.iter().any(|h| h == field), "{:?} names no field", e);
                    }
                }
            }

            /// `1,250,000.50` and `$1,250,000.50` are `1250000.50`, for any whole amount.
            #[test]
            fn grouped_amounts_lose_their_commas_and_currency_sign(
                n in any::<i64>(), cents in proptest::option::of(0u8..100), sign in "[$€£¥]?"
            ) {
                let digits = n.unsigned_abs().to_string();
                let groups: Vec<&str> = {
                    let head = digits.len() % 3;
                    let mut g = if head > 0 { vec![&digits[..head]] } else { vec![] };
                    g.extend(digits.as_bytes()[head..].chunks(3).map(|c| std::str::from_utf8(c).expect("digits")));
                    g
                };
                let minus = if n < 0 { "-" } else { "" };
                let frac = cents.map(|c| format!(".{c:02}")).unwrap_or_default();
                let cell = format!("{sign}{minus}{}{frac}", groups.join(","));
                prop_assert_eq!(typed("amount", FieldKind::Money, &cell), Ok(json!(format!("{minus}{digits}{frac}"))));
            }
        }
    }
}
