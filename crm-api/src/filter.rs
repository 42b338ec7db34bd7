//! The filter grammar shared by the API (`filter=`), the CLI (`--filter`) and the TUI search bar.
//!
//! ```text
//! filter := term ("," term)*                   terms are ANDed
//! term   := "or(" filter ")" | "and(" filter ")" | field "[" op "]" ":" value
//! op     := eq | neq | in | gt | gte | lt | lte | like | ilike | is
//! value  := "quoted \"string\"" | number | true | false | null | bare-word | "(" value ("," value)* ")"
//! ```
//! Example: `status[eq]:"Lead",or(rating[gte]:4,company[ilike]:"%acme%")`.

use std::fmt;

/// Most values an `[in]` list takes.
pub const MAX_IN_VALUES: usize = 100;

/// Longest filter accepted, in bytes.
pub const MAX_LEN: usize = 4096;
const MAX_DEPTH: usize = 8;
const MAX_CONDITIONS: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// Every part must hold.
    All(Vec<Filter>),
    /// At least one part must hold.
    Any(Vec<Filter>),
    Cond(Condition),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub field: String,
    pub op: Op,
    pub value: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Neq,
    In,
    Gt,
    Gte,
    Lt,
    Lte,
    Like,
    Ilike,
    Is,
}

impl Op {
    pub const ALL: &'static [Op] =
        &[Op::Eq, Op::Neq, Op::In, Op::Gt, Op::Gte, Op::Lt, Op::Lte, Op::Like, Op::Ilike, Op::Is];

    pub fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Neq => "neq",
            Op::In => "in",
            Op::Gt => "gt",
            Op::Gte => "gte",
            Op::Lt => "lt",
            Op::Lte => "lte",
            Op::Like => "like",
            Op::Ilike => "ilike",
            Op::Is => "is",
        }
    }

    fn parse(s: &str) -> Option<Op> {
        Op::ALL.iter().copied().find(|op| op.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A quoted string or a bare word.
    Str(String),
    /// A number, as written.
    Num(String),
    Bool(bool),
    Null,
    List(Vec<Value>),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Str(s) => f.write_str(&quote(s)),
            Value::Num(n) => f.write_str(n),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Null => f.write_str("null"),
            Value::List(items) => {
                f.write_str("(")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// Why a filter did not parse, with the byte offset where it went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.offset + 1)
    }
}

impl std::error::Error for ParseError {}

/// Parses a filter expression.
pub fn parse(input: &str) -> Result<Filter, ParseError> {
    if input.len() > MAX_LEN {
        return Err(ParseError { offset: MAX_LEN, message: format!("filter is longer than {MAX_LEN} bytes") });
    }
    let mut p = Parser { s: input.as_bytes(), src: input, pos: 0, conditions: 0 };
    p.ws();
    if p.pos == p.s.len() {
        return Ok(Filter::All(Vec::new()));
    }
    let mut terms = p.list(0)?;
    p.ws();
    if p.pos != p.s.len() {
        return Err(p.err("unexpected text after the filter"));
    }
    Ok(if terms.len() == 1 { terms.remove(0) } else { Filter::All(terms) })
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    pos: usize,
    conditions: usize,
}

impl Parser<'_> {
    fn err(&self, message: impl Into<String>) -> ParseError {
        ParseError { offset: self.pos, message: message.into() }
    }

    fn ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8) -> Result<(), ParseError> {
        self.ws();
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.err(format!("expected '{}'", b as char)))
        }
    }

    /// The terms of a comma-separated list, as written: a group of one term that is itself a
    /// group stays nested (`or(and(a,b))` is `a AND b`, not `a OR b`).
    fn list(&mut self, depth: usize) -> Result<Vec<Filter>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.err(format!("filter nests deeper than {MAX_DEPTH} groups")));
        }
        let mut terms = vec![self.term(depth)?];
        loop {
            self.ws();
            if self.peek() == Some(b',') {
                self.pos += 1;
                terms.push(self.term(depth)?);
            } else {
                break;
            }
        }
        Ok(terms)
    }

    fn ident(&mut self) -> &str {
        let start = self.pos;
        while self.pos < self.s.len() && (self.s[self.pos].is_ascii_alphanumeric() || self.s[self.pos] == b'_') {
            self.pos += 1;
        }
        &self.src[start..self.pos]
    }

    fn term(&mut self, depth: usize) -> Result<Filter, ParseError> {
        self.ws();
        let start = self.pos;
        let name = self.ident().to_ascii_lowercase();
        if name.is_empty() {
            return Err(self.err("expected a field name, or(...) or and(...)"));
        }
        self.ws();
        if self.peek() == Some(b'(') && (name == "or" || name == "and") {
            self.pos += 1;
            let parts = self.list(depth + 1)?;
            self.expect(b')')?;
            return Ok(if name == "or" { Filter::Any(parts) } else { Filter::All(parts) });
        }
        self.conditions += 1;
        if self.conditions > MAX_CONDITIONS {
            return Err(self.err(format!("filter has more than {MAX_CONDITIONS} conditions")));
        }
        if self.peek() != Some(b'[') {
            self.pos = start + name.len();
            return Err(self.err(format!("expected '[operator]' after field {name:?}")));
        }
        self.pos += 1;
        let op_start = self.pos;
        let op_name = self.ident().to_ascii_lowercase();
        let Some(op) = Op::parse(&op_name) else {
            self.pos = op_start;
            let known: Vec<_> = Op::ALL.iter().map(|o| o.as_str()).collect();
            return Err(self.err(format!("unknown operator {op_name:?}; operators are {}", known.join(", "))));
        };
        self.expect(b']')?;
        self.expect(b':')?;
        let value = self.value(true)?;
        Ok(Filter::Cond(Condition { field: name, op, value }))
    }

    fn value(&mut self, allow_list: bool) -> Result<Value, ParseError> {
        self.ws();
        match self.peek() {
            Some(b'"') => self.string().map(Value::Str),
            Some(b'(') if allow_list => {
                self.pos += 1;
                let mut items = vec![self.value(false)?];
                loop {
                    self.ws();
                    match self.peek() {
                        Some(b',') => {
                            self.pos += 1;
                            items.push(self.value(false)?);
                        }
                        Some(b')') => {
                            self.pos += 1;
                            break;
                        }
                        _ => return Err(self.err("expected ',' or ')' in a list")),
                    }
                }
                Ok(Value::List(items))
            }
            Some(_) => {
                let start = self.pos;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b')' | b'(' | b'"') || b.is_ascii_whitespace() {
                        break;
                    }
                    self.pos += 1;
                }
                let word = &self.src[start..self.pos];
                if word.is_empty() {
                    return Err(self.err("expected a value"));
                }
                Ok(match word.to_ascii_lowercase().as_str() {
                    "null" => Value::Null,
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ if is_number(word) => Value::Num(word.to_string()),
                    _ => Value::Str(word.to_string()),
                })
            }
            None => Err(self.err("expected a value")),
        }
    }

    fn string(&mut self) -> Result<String, ParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.src[self.pos..];
            let Some(c) = rest.chars().next() else {
                self.pos = start;
                return Err(self.err("unterminated string"));
            };
            self.pos += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(e) = self.src[self.pos..].chars().next() else {
                        return Err(self.err("unterminated string"));
                    };
                    self.pos += e.len_utf8();
                    match e {
                        '"' | '\\' => out.push(e),
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        _ => return Err(self.err(format!("unknown escape \\{e}"))),
                    }
                }
                _ => out.push(c),
            }
        }
    }
}

fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Quotes a string for use as a filter value.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(field: &str, op: Op, value: Value) -> Filter {
        Filter::Cond(Condition { field: field.into(), op, value })
    }

    #[test]
    fn parses_the_documented_example() {
        let f = parse(r#"status[eq]:"Lead",rating[gte]:4"#).expect("parses");
        assert_eq!(
            f,
            Filter::All(vec![
                cond("status", Op::Eq, Value::Str("Lead".into())),
                cond("rating", Op::Gte, Value::Num("4".into())),
            ])
        );
    }

    #[test]
    fn parses_groups_lists_and_escapes() {
        let f = parse(r#"or(status[in]:("Lead", Prospect),name[like]:"a \"b\", c"),email[is]:null"#).expect("parses");
        assert_eq!(
            f,
            Filter::All(vec![
                Filter::Any(vec![
                    cond("status", Op::In, Value::List(vec![Value::Str("Lead".into()), Value::Str("Prospect".into())])),
                    cond("name", Op::Like, Value::Str("a \"b\", c".into())),
                ]),
                cond("email", Op::Is, Value::Null),
            ])
        );
    }

    #[test]
    fn reports_where_it_went_wrong() {
        let e = parse("status[equals]:1").expect_err("bad op");
        assert!(e.message.contains("unknown operator \"equals\""), "{e}");
        assert!(parse("status[eq]").is_err());
        assert!(parse(r#"name[eq]:"open"#).is_err());
        assert!(parse("name[eq]:1)").is_err());
        assert!(parse(&"or(".repeat(20)).is_err());
        assert_eq!(parse("  ").expect("empty"), Filter::All(vec![]));
    }

    #[test]
    fn quote_round_trips() {
        let s = "it's \"quoted\", \\ ok";
        let f = parse(&format!("name[eq]:{}", quote(s))).expect("parses");
        assert_eq!(f, cond("name", Op::Eq, Value::Str(s.into())));
    }

    #[test]
    fn a_group_of_one_group_keeps_its_meaning() {
        let (a, b) = (cond("a", Op::Eq, Value::Num("1".into())), cond("b", Op::Eq, Value::Num("2".into())));
        let f = parse("or(and(a[eq]:1,b[eq]:2))").expect("parses");
        assert_eq!(f, Filter::Any(vec![Filter::All(vec![a.clone(), b.clone()])]), "a AND b, not a OR b");
        assert_eq!(parse("and(a[eq]:1)").expect("parses"), Filter::All(vec![a]));
    }

    #[test]
    fn a_printed_value_is_written_in_the_grammar() {
        let v = Value::List(vec![Value::Str("tab\t, nul\0, cr\r, \"q\"".into()), Value::Null]);
        // Debug-style escapes (`\0`, `\r`, `\u{..}`) are not in the grammar: the printer quotes as `quote` does.
        assert_eq!(v.to_string(), "(\"tab\\t, nul\0, cr\r, \\\"q\\\"\",null)");
        assert_eq!(parse(&format!("x[in]:{v}")).expect("parses"), cond("x", Op::In, v));
    }
}

/// Properties of the grammar over generated input: no input makes the parser panic, and every
/// filter the grammar describes parses back to the tree it was written from.
#[cfg(test)]
mod props {
    use proptest::prelude::*;

    use super::*;

    /// A field name as written (any case) and as parsed (lower case).
    fn field() -> impl Strategy<Value = (String, String)> {
        "[A-Za-z0-9_]{1,12}".prop_map(|f| (f.clone(), f.to_ascii_lowercase()))
    }

    /// An operator, its name written in any case.
    fn op() -> impl Strategy<Value = (String, Op)> {
        (proptest::sample::select(Op::ALL), any::<u32>()).prop_map(|(op, mask)| (mixed_case(op.as_str(), mask), op))
    }

    fn mixed_case(s: &str, mask: u32) -> String {
        s.chars().enumerate().map(|(i, c)| if mask >> (i % 32) & 1 == 1 { c.to_ascii_uppercase() } else { c }).collect()
    }

    /// Optional ASCII white space, where the grammar allows it.
    fn ws() -> impl Strategy<Value = String> {
        "[ \t\r\n]{0,2}"
    }

    /// A value that is not a list, as written and as parsed.
    fn scalar() -> impl Strategy<Value = (String, Value)> {
        prop_oneof![
            // Any string at all, quoted.
            any::<String>().prop_map(|s| (quote(&s), Value::Str(s))),
            // A bare word: no delimiter, no quote, not a number nor a keyword.
            "[^,()\"\\s0-9-][^,()\"\\s]{0,10}"
                .prop_filter("a bare word, not a keyword", |w| {
                    !["null", "true", "false"].contains(&w.to_ascii_lowercase().as_str())
                })
                .prop_map(|w| (w.clone(), Value::Str(w))),
            "-?[0-9]{1,12}(\\.[0-9]{1,6})?".prop_map(|n| (n.clone(), Value::Num(n))),
            (any::<bool>(), any::<u32>()).prop_map(|(b, mask)| (mixed_case(&b.to_string(), mask), Value::Bool(b))),
            any::<u32>().prop_map(|mask| (mixed_case("null", mask), Value::Null)),
        ]
    }

    fn value() -> impl Strategy<Value = (String, Value)> {
        prop_oneof![
            3 => scalar(),
            1 => proptest::collection::vec((scalar(), ws(), ws()), 1..6).prop_map(|items| {
                let text: Vec<String> = items.iter().map(|((t, _), a, b)| format!("{a}{t}{b}")).collect();
                (format!("({})", text.join(",")), Value::List(items.into_iter().map(|((_, v), _, _)| v).collect()))
            }),
        ]
    }

    fn condition() -> impl Strategy<Value = (String, Filter)> {
        (field(), op(), value(), ws(), ws(), ws(), ws()).prop_map(|((f, name), (o, op), (v, value), a, b, c, d)| {
            (format!("{f}{a}[{o}{b}]{c}:{d}{v}"), Filter::Cond(Condition { field: name, op, value }))
        })
    }

    /// A filter as written and as parsed: conditions, `or(...)` and `and(...)` groups nested
    /// at most three deep, each with one to four terms.
    fn group() -> impl Strategy<Value = (String, Filter)> {
        condition().prop_recursive(3, 24, 4, |inner| {
            (any::<bool>(), any::<u32>(), proptest::collection::vec((inner, ws()), 1..4)).prop_map(
                |(any_of, mask, parts)| {
                    let text: Vec<String> = parts.iter().map(|((t, _), w)| format!("{w}{t}{w}")).collect();
                    let name = mixed_case(if any_of { "or" } else { "and" }, mask);
                    let parts: Vec<Filter> = parts.into_iter().map(|((_, f), _)| f).collect();
                    (
                        format!("{name}({})", text.join(",")),
                        if any_of { Filter::Any(parts) } else { Filter::All(parts) },
                    )
                },
            )
        })
    }

    /// Top-level terms joined by commas: one term is itself, several are ANDed.
    fn filter() -> impl Strategy<Value = (String, Filter)> {
        proptest::collection::vec((group(), ws()), 1..4).prop_map(|terms| {
            let text: Vec<String> = terms.iter().map(|((t, _), w)| format!("{w}{t}{w}")).collect();
            let mut parts: Vec<Filter> = terms.into_iter().map(|((_, f), _)| f).collect();
            let f = if parts.len() == 1 { parts.remove(0) } else { Filter::All(parts) };
            (text.join(","), f)
        })
    }

    fn conditions(f: &Filter) -> usize {
        match f {
            Filter::All(parts) | Filter::Any(parts) => parts.iter().map(conditions).sum(),
            Filter::Cond(_) => 1,
        }
    }

    /// Pieces of the grammar, strung together at random: closer to a filter than arbitrary text.
    fn near_miss() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "or(",
            "and(",
            "OR(",
            "(",
            ")",
            ",",
            "status",
            "[eq]",
            "[in]",
            "[",
            "]",
            ":",
            "\"",
            "\\",
            "\\\"",
            "\\n",
            "\\x",
            "null",
            "4",
            "-1.5",
            "é",
            "ü\u{301}",
            " ",
            "\t",
            "\u{a0}",
            "\u{feff}",
        ]);
        proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    fn assert_refused_or_parsed(input: &str) {
        if let Err(e) = parse(input) {
            assert!(!e.message.is_empty(), "{input:?}: an error without a message");
            assert!(e.offset <= input.len(), "{input:?}: offset {} past the end", e.offset);
        }
    }

    proptest! {
        #[test]
        fn any_text_parses_or_is_refused_with_a_message(input in any::<String>()) {
            assert_refused_or_parsed(&input);
        }

        #[test]
        fn near_misses_parse_or_are_refused_with_a_message(input in near_miss()) {
            assert_refused_or_parsed(&input);
        }

        #[test]
        fn a_written_filter_parses_to_the_tree_it_was_written_from((text, expected) in filter()) {
            prop_assume!(conditions(&expected) <= MAX_CONDITIONS && text.len() <= MAX_LEN);
            prop_assert_eq!(parse(&text), Ok(expected), "{}", text);
        }

        #[test]
        fn quoted_strings_round_trip(s in any::<String>()) {
            prop_assume!(quote(&s).len() + "name[eq]:".len() <= MAX_LEN);
            let f = parse(&format!("name[eq]:{}", quote(&s)));
            prop_assert_eq!(f, Ok(Filter::Cond(Condition { field: "name".into(), op: Op::Eq, value: Value::Str(s) })));
        }

        #[test]
        fn a_printed_value_parses_back((_, v) in value()) {
            let f = parse(&format!("x[in]:{v}"));
            prop_assert_eq!(f, Ok(Filter::Cond(Condition { field: "x".into(), op: Op::In, value: v })));
        }
    }
}
