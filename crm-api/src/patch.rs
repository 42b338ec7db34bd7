//! Partial-update helpers: a field that is absent stays as it is, `null` clears it.

use serde::{Deserialize, Deserializer};

/// Deserializes a present field (even `null`) into `Some(..)`, so that `Option<Option<T>>`
/// tells "absent" (`None`) from "set to null" (`Some(None)`). Use with `#[serde(default)]`.
pub fn double_option<'de, T, D>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(de).map(Some)
}

/// Deserializes a present field into `Some(..)`, refusing `null`: for fields that can be
/// changed but not cleared. Use with `#[serde(default)]`.
pub fn not_null<'de, T, D>(de: D) -> Result<Option<T>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(de).map(Some)
}
