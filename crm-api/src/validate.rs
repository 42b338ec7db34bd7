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
        } else if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
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
    if v.len() > 254 {
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
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
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
        for bad in ["", "ann", "ann@", "@x.com", "ann@localhost", "a b@x.com", "a..b@x.com", "ann@x..com"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }
}
