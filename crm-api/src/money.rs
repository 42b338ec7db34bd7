//! Exact money: integer minor units (cents), shown as a decimal with two places.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in minor units (1/100 of the currency unit). Serialized as a string with two
/// decimals (`"1250.00"`); accepts a string or a JSON number with at most two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub i64);

/// Largest amount accepted: 10^15 units, well inside `i64` minor units and any sum of them a
/// user could store.
pub const MAX_UNITS: i64 = 1_000_000_000_000_000;

impl Money {
    pub fn from_minor(minor: i64) -> Self {
        Self(minor)
    }
    pub fn minor(self) -> i64 {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("is not a decimal number")]
    NotANumber,
    #[error("has more than two decimal places")]
    TooPrecise,
    #[error("is out of range (at most 10^15)")]
    OutOfRange,
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        if (int.is_empty() && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || (digits.contains('.') && frac.is_empty())
        {
            return Err(MoneyError::NotANumber);
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        let int = int.trim_start_matches('0');
        if int.len() > 16 {
            return Err(MoneyError::OutOfRange);
        }
        let units: i64 = if int.is_empty() { 0 } else { int.parse().map_err(|_| MoneyError::OutOfRange)? };
        if units > MAX_UNITS {
            return Err(MoneyError::OutOfRange);
        }
        let mut cents: i64 = 0;
        for (i, b) in frac.bytes().enumerate() {
            cents += i64::from(b - b'0') * if i == 0 { 10 } else { 1 };
        }
        let minor = units * 100 + cents;
        if minor > MAX_UNITS * 100 {
            return Err(MoneyError::OutOfRange);
        }
        Ok(Money(if neg { -minor } else { minor }))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount with at most two decimals, as a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                v.parse().map_err(|e: MoneyError| E::custom(format!("amount {e}")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                if !v.is_finite() {
                    return Err(E::custom("amount is not a finite number"));
                }
                // The shortest representation that round-trips is the decimal the client wrote.
                self.visit_str(&format!("{v}"))
            }
        }
        d.deserialize_any(V)
    }
}

impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^-?\d+(\.\d{1,2})?$"))
            .description(Some("Exact decimal amount with at most two decimals"))
            .examples([serde_json::json!("1250.00")])
            .into()
    }
}
impl utoipa::ToSchema for Money {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_exactly() {
        assert_eq!("12.5".parse::<Money>(), Ok(Money(1250)));
        assert_eq!("0.01".parse::<Money>(), Ok(Money(1)));
        assert_eq!("-3".parse::<Money>(), Ok(Money(-300)));
        assert_eq!("1.230".parse::<Money>(), Ok(Money(123)));
        assert_eq!(Money(123456).to_string(), "1234.56");
        assert_eq!(Money(-5).to_string(), "-0.05");
    }

    #[test]
    fn rejects_bad_amounts() {
        assert_eq!("1.005".parse::<Money>(), Err(MoneyError::TooPrecise));
        assert_eq!("abc".parse::<Money>(), Err(MoneyError::NotANumber));
        assert_eq!("1e5".parse::<Money>(), Err(MoneyError::NotANumber));
        assert_eq!("".parse::<Money>(), Err(MoneyError::NotANumber));
        assert_eq!("1.".parse::<Money>(), Err(MoneyError::NotANumber));
        assert_eq!("99999999999999999999".parse::<Money>(), Err(MoneyError::OutOfRange));
    }

    #[test]
    fn json_numbers_keep_their_decimals() {
        let m: Money = serde_json::from_str("19.99").expect("valid");
        assert_eq!(m, Money(1999));
        assert!(serde_json::from_str::<Money>("0.001").is_err());
        assert_eq!(serde_json::to_string(&Money(1999)).expect("ser"), "\"19.99\"");
    }
}
