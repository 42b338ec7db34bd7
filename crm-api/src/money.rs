//! Exact money: integer minor units (cents), shown as a decimal with two places.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in minor units (1/100 of the currency unit). Serialized as a string with two
/// decimals (`"1250.00"`); accepts a string or a JSON number with at most two decimals (a
/// number only below [`MAX_JSON_NUMBER`] units: send larger ones as strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub i64);

/// Largest amount accepted: 10^15 units, well inside `i64` minor units and any sum of them a
/// user could store.
pub const MAX_UNITS: i64 = 1_000_000_000_000_000;

/// Bound (excluded) of the amounts accepted as JSON numbers (2^46 units, about 7 x 10^13): a
/// JSON number with a decimal point is read as a double, and below 2^46 doubles lie less than
/// half a cent apart, so the shortest decimal that gives the double back is the amount written.
/// Above it, two amounts a cent apart can be the same double: such an amount is refused, not
/// rounded to a neighbour. Whole numbers are held to the same bound: JSON Schema cannot tell
/// `1000000000000000` from `1000000000000000.0`, so the OpenAPI document could not say which
/// of the two a larger amount may be written as.
pub const MAX_JSON_NUMBER: f64 = 70_368_744_177_664.0;

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

/// Why a JSON number of [`MAX_JSON_NUMBER`] units or more is refused.
const TOO_LARGE: &str = "amount is too large to be exact as a JSON number: send it as a string";

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
                self.visit_u64(v.unsigned_abs()).map(|m| if v < 0 { Money(-m.0) } else { m })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                if v as f64 >= MAX_JSON_NUMBER {
                    return Err(E::custom(TOO_LARGE));
                }
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                if !v.is_finite() {
                    return Err(E::custom("amount is not a finite number"));
                }
                // Refused even when whole: above 2^49 a fraction of a cent may have rounded to
                // a whole number.
                if v.abs() >= MAX_JSON_NUMBER {
                    return Err(E::custom(TOO_LARGE));
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
        if !ok {
            return Err(de::Error::custom(format!("total {text:?} is not a decimal with two places")));
        }
        let minor = int
            .parse::<i128>()
            .ok()
            .and_then(|units| units.checked_mul(100)?.checked_add(frac.parse().ok()?))
            .ok_or_else(|| de::Error::custom(format!("total {text:?} is out of range")))?;
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
    fn large_json_numbers_are_refused_not_rounded() {
        // As a double, 78312602939366.37 is 78312602939366.375, written back as ...366.38.
        assert!(serde_json::from_str::<Money>("78312602939366.37").is_err());
        assert_eq!(
            serde_json::from_str::<Money>("\"78312602939366.37\"").expect("a string"),
            Money(7_831_260_293_936_637)
        );
        assert_eq!(
            serde_json::from_str::<Money>("70368744177663.99").expect("below 2^46"),
            Money(7_036_874_417_766_399)
        );
        // Whole numbers too, which JSON Schema does not tell from those with `.0`.
        assert!(serde_json::from_str::<Money>("100000000000000").is_err());
        assert!(serde_json::from_str::<Money>("1000000000000000.0").is_err());
        assert_eq!(
            serde_json::from_str::<Money>("\"100000000000000\"").expect("a string"),
            Money(MAX_UNITS / 10 * 100)
        );
        assert_eq!(serde_json::from_str::<Money>("70368744177663").expect("below 2^46"), Money(7_036_874_417_766_300));
        assert_eq!(serde_json::from_str::<Money>("-5").expect("a minus sign"), Money(-500));
    }

    #[test]
    fn totals_out_of_range_are_refused_not_wrapped() {
        assert!(serde_json::from_str::<Total>("\"99999999999999999999999999999999999999.00\"").is_err());
        assert!(serde_json::from_str::<Total>(&format!("\"{}\"", Total(i128::MIN))).is_err());
    }

    #[test]
    fn json_numbers_keep_their_decimals() {
        let m: Money = serde_json::from_str("19.99").expect("valid");
        assert_eq!(m, Money(1999));
        assert!(serde_json::from_str::<Money>("0.001").is_err());
        assert_eq!(serde_json::to_string(&Money(1999)).expect("ser"), "\"19.99\"");
    }
}

/// Properties of the money parser over generated input: it never panics, formatting then
/// parsing gives every amount in range back, and what it cannot hold exactly it refuses.
#[cfg(test)]
mod props {
    use proptest::prelude::*;

    use super::*;

    /// Largest amount accepted, in minor units.
    const MAX_MINOR: i64 = MAX_UNITS * 100;
    /// Below this many minor units a JSON number is read exactly.
    const EXACT: i64 = MAX_JSON_NUMBER as i64 * 100;

    fn in_range() -> impl Strategy<Value = i64> {
        prop_oneof![-MAX_MINOR..=MAX_MINOR, -10_000i64..=10_000, Just(MAX_MINOR), Just(-MAX_MINOR)]
    }

    /// Text made of what amounts are made of, and a little more.
    fn numberish() -> impl Strategy<Value = String> {
        "[ +\\-0-9.,e]{0,24}"
    }

    proptest! {
        #[test]
        fn any_text_parses_or_is_refused(s in any::<String>()) {
            if let Ok(m) = s.parse::<Money>() {
                prop_assert!(m.minor().abs() <= MAX_MINOR, "{s:?} gave {m:?}");
            }
        }

        /// An accepted amount is exactly the decimal written: the reference here reads the
        /// digits into 128 bits, where nothing a 24-character string holds can overflow.
        #[test]
        fn accepted_amounts_are_the_decimal_written(s in numberish()) {
            let t = s.trim();
            let (neg, digits) = match t.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, t.strip_prefix('+').unwrap_or(t)),
            };
            let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
            let well_formed = !(int.is_empty() && frac.is_empty())
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && !(digits.contains('.') && frac.is_empty());
            let expected = if !well_formed {
                Err(MoneyError::NotANumber)
            } else if frac.trim_end_matches('0').len() > 2 {
                Err(MoneyError::TooPrecise)
            } else {
                let cents: u128 = format!("{:0<2}", &frac.trim_end_matches('0')).parse().expect("two digits");
                let units: u128 = if int.is_empty() { 0 } else { int.parse().expect("at most 24 digits") };
                let minor = units * 100 + cents;
                if minor > MAX_MINOR as u128 {
                    Err(MoneyError::OutOfRange)
                } else {
                    let minor = i64::try_from(minor).expect("in range");
                    Ok(Money(if neg { -minor } else { minor }))
                }
            };
            prop_assert_eq!(s.parse::<Money>(), expected, "{:?}", s);
        }

        #[test]
        fn formatting_then_parsing_gives_the_amount_back(m in in_range()) {
            let text = Money(m).to_string();
            prop_assert_eq!(text.parse::<Money>(), Ok(Money(m)));
            let json = serde_json::to_string(&Money(m)).expect("serializes");
            prop_assert_eq!(serde_json::from_str::<Money>(&json).expect("deserializes"), Money(m));
        }

        /// What the OpenAPI schema promises: `^-?\d+\.\d{2}$`, for any `i64` at all.
        #[test]
        fn every_amount_is_written_with_two_decimals(m in any::<i64>()) {
            let text = Money(m).to_string();
            let digits = text.strip_prefix('-').unwrap_or(&text);
            let (int, frac) = digits.split_once('.').expect("a decimal point");
            prop_assert!(!int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()), "{}", text);
            prop_assert!(frac.len() == 2 && frac.bytes().all(|b| b.is_ascii_digit()), "{}", text);
            prop_assert_eq!(text.starts_with('-'), m < 0);
        }

        #[test]
        fn trailing_zeros_leading_zeros_signs_and_spaces_change_nothing(
            m in in_range(), zeros in 0usize..20, lead in 0usize..20, plus in any::<bool>()
        ) {
            let text = Money(m).to_string();
            let (sign, digits) = match text.strip_prefix('-') {
                Some(d) => ("-", d),
                None => (if plus { "+" } else { "" }, text.as_str()),
            };
            let padded = format!(" {sign}{}{digits}{} ", "0".repeat(lead), "0".repeat(zeros));
            prop_assert_eq!(padded.parse::<Money>(), Ok(Money(m)), "{:?}", padded);
        }

        /// A third decimal that is not zero is refused, never rounded away.
        #[test]
        fn more_than_two_decimals_are_refused(m in in_range(), extra in "[0-9]{0,10}[1-9]") {
            let text = format!("{}{extra}", Money(m));
            prop_assert_eq!(text.parse::<Money>(), Err(MoneyError::TooPrecise), "{}", text);
            if let Ok(v) = extra.parse::<u64>() {
                // As a JSON number too, for as many digits as a double holds.
                let json = format!("0.01{v}");
                if json.len() <= 17 {
                    prop_assert!(serde_json::from_str::<Money>(&json).is_err(), "{}", json);
                }
            }
        }

        /// Past 10^15 units an amount is refused, however large, never wrapped.
        #[test]
        fn amounts_out_of_range_are_refused(
            units in (MAX_UNITS as u128 + 1)..u128::MAX, cents in 0u8..100, neg in any::<bool>()
        ) {
            let sign = if neg { "-" } else { "" };
            for text in [format!("{sign}{units}"), format!("{sign}{units}.{cents:02}")] {
                prop_assert_eq!(text.parse::<Money>(), Err(MoneyError::OutOfRange), "{}", text);
                prop_assert!(serde_json::from_str::<Money>(&text).is_err(), "{} as a JSON number", text);
            }
        }

        /// A JSON number is read as a double: what it holds exactly must come back exactly.
        /// A JSON number is read as a double: one that holds the amount exactly gives it back,
        /// a larger one is refused, never rounded to the next cent.
        #[test]
        fn json_numbers_give_the_amount_back_or_are_refused(m in prop_oneof![in_range(), -EXACT..EXACT]) {
            let json = Money(m).to_string();
            let back = serde_json::from_str::<Money>(&json);
            if m.abs() < EXACT {
                prop_assert_eq!(back.expect("a JSON number in range"), Money(m), "{}", json);
            } else {
                prop_assert!(back.is_err(), "{} read as {:?}", json, back);
            }
        }

        #[test]
        fn json_whole_numbers_are_exact_or_refused(n in prop_oneof![any::<i64>(), -EXACT / 100..EXACT / 100]) {
            let back = serde_json::from_str::<Money>(&n.to_string());
            if n.unsigned_abs() < MAX_JSON_NUMBER as u64 {
                prop_assert_eq!(back.expect("in range"), Money(n * 100));
            } else {
                prop_assert!(back.is_err(), "{}", n);
            }
        }

        #[test]
        fn totals_round_trip(t in prop_oneof![any::<i128>(), Just(i128::MAX), Just(i128::MIN + 1)]) {
            let json = serde_json::to_string(&Total(t)).expect("serializes");
            prop_assert_eq!(serde_json::from_str::<Total>(&json).expect("deserializes"), Total(t));
        }

        #[test]
        fn any_total_text_deserializes_or_is_refused(s in "-?[0-9]{0,45}(\\.[0-9]{0,3})?") {
            if let Ok(t) = serde_json::from_str::<Total>(&format!("{s:?}")) {
                let again = serde_json::to_string(&t).expect("serializes");
                prop_assert_eq!(serde_json::from_str::<Total>(&again).expect("deserializes"), t);
            }
        }
    }
}
