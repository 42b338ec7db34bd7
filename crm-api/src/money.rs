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

/// A sum of amounts in minor units, which may exceed what one amount holds: written as
/// [`Money`] is (`"1250.00"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Total(pub i128);

impl Total {
    /// The exact sum of amount x probability (minor units times percent) divided by 100,
    /// rounded half away from zero to the minor unit.
    pub fn percent_of(numerator: i128) -> Total {
        let half = if numerator < 0 { -50 } else { 50 };
        Total((numerator + half) / 100)
    }

    /// `self / n`, rounded half away from zero to the minor unit.
    pub fn mean(self, n: i64) -> Total {
        let n = i128::from(n.max(1));
        let half = if self.0 < 0 { -(n / 2) } else { n / 2 };
        Total((self.0 + half) / n)
    }
}

impl fmt::Display for Total {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Serialize for Total {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Total {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let (neg, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, "00"));
        let ok = !int.is_empty()
            && frac.len() == 2
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit());
        let parse = |s: &str| s.parse::<i128>().map_err(|e| de::Error::custom(format!("total {text:?}: {e}")));
        if !ok {
            return Err(de::Error::custom(format!("total {text:?} is not a decimal with two places")));
        }
        let minor = parse(int)? * 100 + parse(frac)?;
        Ok(Total(if neg { -minor } else { minor }))
    }
}

impl utoipa::PartialSchema for Total {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^-?\d+\.\d{2}$"))
            .description(Some("Exact decimal sum with two decimals"))
            .examples([serde_json::json!("1250.00")])
            .into()
    }
}
impl utoipa::ToSchema for Total {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_round_half_away_from_zero_once() {
        assert_eq!(Total::percent_of(12_345 * 50).to_string(), "61.73", "61.725 rounds up");
        assert_eq!(Total::percent_of(101).to_string(), "0.01");
        assert_eq!(Total::percent_of(149).to_string(), "0.01");
        assert_eq!(Total::percent_of(150).to_string(), "0.02");
        assert_eq!(Total(1001).mean(2).to_string(), "5.01", "10.01 / 2 = 5.005 rounds up");
        assert_eq!(Total(1000).mean(3).to_string(), "3.33");
        assert_eq!(Total(i128::from(i64::MAX) * 10).to_string(), "922337203685477580.70");
        let back: Total = serde_json::from_str("\"922337203685477580.70\"").expect("parse");
        assert_eq!(back, Total(i128::from(i64::MAX) * 10));
    }

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
