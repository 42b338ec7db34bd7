//! Field checks shared by the request types.

use crate::FieldError;

/// Collects the problems of a request; each names its field.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    pub fn into_result(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() { Ok(()) } else { Err(self.0) }
    }

    /// A required text: not blank, at most `max` characters.
    pub fn required_text(&mut self, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.add(field, "must not be blank");
        } else {
            self.text(field, value, max);
        }
    }

    /// An optional text: at most `max` characters, no control characters but newlines and tabs.
    pub fn text(&mut self, field: &str, value: &str, max: usize) {
        let n = value.chars().count();
        if n > max {
            self.add(field, format!("must be at most {max} characters (got {n})"));
        } else if has_control(value) {
            self.add(field, "must not contain control characters");
        }
    }

    pub fn opt_text(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            self.text(field, v, max);
        }
    }

    pub fn email(&mut self, field: &str, value: Option<&str>) {
        if let Some(v) = value
            && let Err(msg) = check_email(v)
        {
            self.add(field, msg);
        }
    }

    pub fn phone(&mut self, field: &str, value: Option<&str>) {
        let Some(v) = value else { return };
        if v.chars().count() > 32 {
            self.add(field, "must be at most 32 characters");
        } else if !v.chars().all(|c| c.is_ascii_digit() || " +-().x/".contains(c))
            || !v.chars().any(|c| c.is_ascii_digit())
        {
            self.add(field, "must be a phone number: digits, spaces and + - ( ) . x /");
        }
    }

    pub fn range(&mut self, field: &str, value: Option<i64>, min: i64, max: i64) {
        if let Some(v) = value
            && !(min..=max).contains(&v)
        {
            self.add(field, format!("must be between {min} and {max} (got {v})"));
        }
    }

    pub fn currency(&mut self, field: &str, value: Option<&str>) {
        if let Some(v) = value
            && crate::currency::normalize(v).is_none()
        {
            self.add(field, format!("must be an ISO 4217 currency code such as USD or EUR (got {v:?})"));
        }
    }

    pub fn money(&mut self, field: &str, value: Option<crate::Money>) {
        if let Some(m) = value
            && m.0 < 0
        {
            self.add(field, "must not be negative");
        }
    }

    pub fn id(&mut self, field: &str, value: Option<i64>) {
        if let Some(v) = value
            && v <= 0
        {
            self.add(field, "must be a positive id");
        }
    }
}

/// Syntax check of an e-mail address (the addr-spec most mail systems accept).
pub fn check_email(v: &str) -> Result<(), &'static str> {
    if v.chars().count() > 254 {
        return Err("must be at most 254 characters");
    }
    let Some((local, domain)) = v.rsplit_once('@') else {
        return Err("must be an e-mail address like name@example.com");
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    // A domain's labels are letters and digits, of any script (`bücher.de`, or its `xn--` form),
    // and inner hyphens: ASCII letters and digits, or any character past the control characters
    // (which a pattern can state exactly, as Unicode letter classes it cannot).
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || u32::from(c) > 0x9F)
        });
    if local_ok && domain_ok { Ok(()) } else { Err("must be an e-mail address like name@example.com") }
}

/// A request body that checks its own fields.
pub trait Validate {
    fn validate(&self) -> Result<(), Vec<FieldError>>;
}

#[cfg(test)]
mod tests {
    use super::check_email;

    #[test]
    fn email_syntax() {
        assert!(check_email("ann@example.com").is_ok());
        assert!(check_email("a.b+tag@sub.example.co.uk").is_ok());
        assert!(check_email("ann@bücher.de").is_ok(), "a domain in another script");
        assert!(check_email("ann@xn--bcher-kva.de").is_ok());
        for bad in ["", "ann", "ann@", "@x.com", "ann@localhost", "a b@x.com", "a..b@x.com", "ann@x..com", "ann@-x.com"]
        {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }
}

/// Whether a text holds a control character other than tab, line feed and carriage return
/// (what [`schema::CONTROL`] lists).
pub fn has_control(value: &str) -> bool {
    value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// The OpenAPI schemas of the checks above: each accepts exactly what its check accepts, so
/// that a request the document calls valid is never refused, and one it calls invalid is.
/// Fields name them with `#[schema(schema_with = ...)]`.
pub mod schema {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type};

    /// What Rust's `char::is_whitespace` (and so `str::trim`) takes for white space, as a
    /// regular-expression class body.
    pub const WHITESPACE: &str = r"\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";
    /// The control characters a text may not hold (all but tab, line feed and carriage return).
    pub const CONTROL: &str = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F";

    fn ty(t: Type, nullable: bool) -> SchemaType {
        if nullable { SchemaType::from_iter([t, Type::Null]) } else { SchemaType::new(t) }
    }

    fn string(nullable: bool) -> ObjectBuilder {
        ObjectBuilder::new().schema_type(ty(Type::String, nullable))
    }

    fn done(b: ObjectBuilder) -> RefOr<Schema> {
        RefOr::T(Schema::Object(b.build()))
    }

    /// Any text of at most `max` characters without control characters.
    pub fn text(max: usize, nullable: bool) -> RefOr<Schema> {
        done(string(nullable).max_length(Some(max)).pattern(Some(format!("^[^{CONTROL}]*$"))))
    }

    /// A text that is not blank: [`text`] with a character that is not white space.
    pub fn required_text(max: usize) -> RefOr<Schema> {
        done(
            string(false)
                .min_length(Some(1))
                .max_length(Some(max))
                .pattern(Some(format!("^[^{CONTROL}]*[^{CONTROL}{WHITESPACE}][^{CONTROL}]*$")))
                .description(Some("Not blank")),
        )
    }

    /// What [`super::check_email`] accepts.
    pub fn email(nullable: bool) -> RefOr<Schema> {
        const LOCAL: &str = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
        // A letter or digit: ASCII ones, or any character past the control characters.
        const ALNUM: &str = r"[^\x00-\x2F\x3A-\x40\x5B-\x60\x7B-\x9F]";
        // The same, or a hyphen.
        const INNER: &str = r"[^\x00-\x2C\x2E\x2F\x3A-\x40\x5B-\x60\x7B-\x9F]";
        let label = format!("{ALNUM}(?:{INNER}{{0,61}}{ALNUM})?");
        // The local part is at most 64 characters: no 65 that are not `@` at the start.
        let pattern = format!("^(?![^@]{{65}}){LOCAL}+(?:\\.{LOCAL}+)*@{label}(?:\\.{label})+$");
        done(
            // No `format`: `email` refuses domains in other scripts, and `idn-email` refuses
            // characters (symbols, marks) that the pattern, like the server, lets through.
            string(nullable).max_length(Some(254)).pattern(Some(pattern)),
        )
    }

    /// What [`super::Errors::phone`] accepts.
    pub fn phone(nullable: bool) -> RefOr<Schema> {
        done(string(nullable).max_length(Some(32)).pattern(Some(r"^[ +\-().x/]*[0-9][0-9 +\-().x/]*$")))
    }

    /// An integer from `min` to `max`.
    pub fn range(min: i64, max: i64, nullable: bool) -> RefOr<Schema> {
        done(
            ObjectBuilder::new()
                .schema_type(ty(Type::Integer, nullable))
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                .minimum(Some(min))
                .maximum(Some(max)),
        )
    }

    /// The id of a record (1 and up).
    pub fn id(nullable: bool) -> RefOr<Schema> {
        range(1, i64::MAX, nullable)
    }

    /// An ISO 4217 code in any case, as [`crate::currency::normalize`] reads it.
    pub fn currency() -> RefOr<Schema> {
        let codes: Vec<String> = crate::currency::CODES
            .iter()
            .map(|c| c.chars().map(|ch| format!("[{ch}{}]", ch.to_ascii_lowercase())).collect())
            .collect();
        let pattern = format!("^[{WHITESPACE}]*(?:{})[{WHITESPACE}]*$", codes.join("|"));
        done(
            string(false)
                .pattern(Some(pattern))
                .description(Some("ISO 4217 currency code, in any case"))
                .examples([serde_json::json!("EUR")]),
        )
    }

    /// An amount as a request may give it ([`crate::Money`]): a string or a number, with at
    /// most two decimals that are not zero, from 0 to 10^15 (as a number, below 2^46).
    pub fn amount() -> RefOr<Schema> {
        const W: &str = WHITESPACE;
        // Leading zeros, up to 15 digits and two decimals (more only if zeros), or exactly
        // 10^15; a minus sign only before zero.
        let unsigned = r"0*(?:[0-9]{1,15}(?:\.[0-9]{1,2}0*)?|\.[0-9]{1,2}0*|1000000000000000(?:\.0+)?)";
        let zero = r"-(?:0+(?:\.0+)?|\.0+)";
        let text = string(false).pattern(Some(format!("^[{W}]*(?:\\+?{unsigned}|{zero})[{W}]*$")));
        // A number is read as a double: exact only below 2^46 units
        // (`crate::money::MAX_JSON_NUMBER`); larger amounts are sent as strings.
        let number = ObjectBuilder::new()
            .schema_type(Type::Number)
            .minimum(Some(0))
            .exclusive_maximum(Some(crate::money::MAX_JSON_NUMBER))
            .multiple_of(Some(0.01));
        RefOr::T(Schema::AnyOf(
            utoipa::openapi::schema::AnyOfBuilder::new()
                .item(text)
                .item(number)
                .description(Some(
                    "Exact amount with at most two decimals, 0 to 10^15, as a string or a number; \
                     a number must be below 2^46 (70368744177664), larger amounts are written as \
                     strings",
                ))
                .examples([serde_json::json!("1250.00")])
                .build(),
        ))
    }
}
