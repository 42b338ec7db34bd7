//! Closed sets of values, matched case-insensitively (spaces, `-` and `_` ignored) on input
//! and returned in the seed's canonical spelling.

macro_rules! closed_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? } default $default:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, utoipa::ToSchema)]
        pub enum $name {
            $(#[schema(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every value's canonical spelling, in order.
            pub const TEXTS: &'static [&'static str] = &[$($text),+];

            /// The canonical spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses any spelling that matches a value case-insensitively.
            pub fn parse(s: &str) -> Option<Self> {
                let key = $crate::enums::fold(s);
                $(if key == $crate::enums::fold($text) { return Some($name::$variant); })+
                None
            }

            /// The list of values, for error messages.
            pub fn expected() -> String {
                [$($text),+].join(", ")
            }
        }

        impl Default for $name {
            fn default() -> Self { $name::$default }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                Self::parse(s).ok_or_else(|| format!("unknown value {s:?}, expected one of: {}", Self::expected()))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use closed_enum;

/// The canonical spelling, among `texts`, of any spelling that matches one of them
/// case-insensitively (as the closed enums parse).
pub fn canonical(texts: &'static [&'static str], s: &str) -> Option<&'static str> {
    let key = fold(s);
    texts.iter().copied().find(|t| fold(t) == key)
}

/// Lower-cases and drops separators, so `closed won`, `Closed-Won` and `CLOSED_WON` agree.
pub fn fold(s: &str) -> String {
    folded(s).collect()
}

/// Whether `a` and `b` agree once folded ([`fold`]), without building either.
pub fn fold_eq(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !matches!(c, ' ' | '-' | '_')).flat_map(char::to_lowercase)
}

closed_enum!(
    /// Where a contact is in the relationship.
    ContactStatus { Lead => "Lead", Prospect => "Prospect", Customer => "Customer", Closed => "Closed" } default Lead
);

closed_enum!(
    /// The stages of the pipeline every user starts with (see
    /// [`crate::pipelines::DEFAULT_STAGES`]); users add, rename and reorder their own.
    Stage {
        Prospect => "Prospect",
        Qualification => "Qualification",
        Proposal => "Proposal",
        Negotiation => "Negotiation",
        ClosedWon => "Closed-Won",
        ClosedLost => "Closed-Lost",
    } default Prospect
);

closed_enum!(
    /// What a stage means: a record in it is still open, won or lost.
    StageKind { Open => "open", Won => "won", Lost => "lost" } default Open
);

closed_enum!(
    /// Kind of activity.
    ActivityType { Call => "Call", Email => "Email", Meeting => "Meeting", Task => "Task", Note => "Note" } default Task
);

closed_enum!(
    /// Urgency of an activity.
    Priority { Low => "Low", Normal => "Normal", High => "High", Urgent => "Urgent" } default Normal
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_case_insensitively_and_returns_canonical_spelling() {
        assert_eq!(Stage::parse("closed won"), Some(Stage::ClosedWon));
        assert_eq!(Stage::parse("CLOSED_LOST"), Some(Stage::ClosedLost));
        assert_eq!(ContactStatus::parse("lead"), Some(ContactStatus::Lead));
        assert_eq!(Stage::ClosedWon.to_string(), "Closed-Won");
        assert!(Priority::parse("meh").is_none());
        let p: Priority = serde_json::from_str("\"URGENT\"").expect("valid");
        assert_eq!(p, Priority::Urgent);
    }

    #[test]
    fn fold_eq_agrees_with_fold() {
        for (a, b) in [
            ("Closed-Won", "closed won"),
            ("Past Client", "PAST_CLIENT"),
            ("Closed", "Close"),
            ("Ä-b", "äB"),
            ("", "-"),
            ("İ", "i\u{307}"),
            ("İ", "i"),
        ] {
            assert_eq!(fold_eq(a, b), fold(a) == fold(b), "{a} / {b}");
        }
        assert!(fold_eq("Realtor.com", "realtor.COM"));
        assert!(!fold_eq("Closed", "Closed Won"));
    }
}
