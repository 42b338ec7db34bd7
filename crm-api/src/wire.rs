//! The wire types of an entity and its description, made from one declaration that names
//! each field once: the stored record, the create body and the update body (with their serde
//! rules, defaults and validation), and the entity's [`EntityInfo`] in the catalog (kinds,
//! limits, nullability, filter and search flags, hooks) that the server, the CLI and the
//! OpenAPI document read.

use crate::catalog::{EntityInfo, FieldInfo, FieldKind};
use crate::validate::Errors;

/// A value a field of a request may hold, checked against the field's description.
pub trait FieldValue {
    fn check(&self, f: &FieldInfo, e: &mut Errors);
}

impl FieldValue for String {
    fn check(&self, f: &FieldInfo, e: &mut Errors) {
        match f.kind {
            FieldKind::Text { max } if !f.nullable => e.required_text(f.name, self, max),
            FieldKind::Text { max } => e.text(f.name, self, max),
            FieldKind::Email => e.email(f.name, Some(self)),
            FieldKind::Phone => e.phone(f.name, Some(self)),
            FieldKind::Currency => e.currency(f.name, Some(self)),
            FieldKind::StageName => e.text(f.name, self, crate::pipelines::NAME_MAX),
            _ => {}
        }
    }
}

impl FieldValue for i64 {
    fn check(&self, f: &FieldInfo, e: &mut Errors) {
        match f.kind {
            FieldKind::Id | FieldKind::Link(_) => e.id(f.name, Some(*self)),
            FieldKind::Int { min, max } => e.range(f.name, Some(*self), min, max),
            _ => {}
        }
    }
}

impl FieldValue for crate::Money {
    fn check(&self, f: &FieldInfo, e: &mut Errors) {
        e.money(f.name, Some(*self));
    }
}

/// Values whose type holds every rule already (a parsed date, a closed set, a flag).
macro_rules! checked_by_type {
    ($($t:ty),*) => { $(impl FieldValue for $t { fn check(&self, _: &FieldInfo, _: &mut Errors) {} })* };
}
checked_by_type!(bool, chrono::NaiveDate, crate::ContactStatus, crate::Stage, crate::ActivityType, crate::Priority);

/// Checks the value, if any, of the field `name` of `info`.
pub fn check<V: FieldValue + ?Sized>(e: &mut Errors, info: &EntityInfo, name: &str, value: Option<&V>) {
    match info.field(name) {
        Some(f) => {
            if let Some(v) = value {
                v.check(f, e);
            }
        }
        None => e.add(name, "is not a field of this entity"),
    }
}

/// Declares an entity (see the module's documentation). Each field is
/// `name: Type = mode, kind, "help" [modifiers]` (`name as "wire"` when the wire name is a
/// keyword), where the mode is
/// - `required`: given on create, never null;
/// - `default`, or `default("path", path)` (the function serde and Rust call): never null, the
///   default applies on create;
/// - `optional`: may be absent or null;
///
/// and the modifiers are the catalog's (`searched`, `no_filter`). The `resource` is the marker
/// type of the typed client and the server ([`crate::resource::Resource`]). The record also has `id`
/// first and `version`, `created_at`, `updated_at`, `deleted_at` last, after the `system`
/// times that the server sets.
macro_rules! entity {
    (
        $(#[doc = $resdoc:literal])* resource $Res:ident;
        $(#[$im:meta])* info $INFO:ident = $path:literal, $ename:literal, $hooks:expr, [$($col:literal),* $(,)?];
        $(#[doc = $rdoc:literal])* record $Record:ident;
        $(#[doc = $ndoc:literal])* new $New:ident;
        $(#[doc = $pdoc:literal])* patch $Patch:ident;
        fields { $($fields:tt)* }
        system { $($sys:ident : $sys_help:literal),* $(,)? }
    ) => {
        $crate::wire::entity!(@munch
            { [$($resdoc)*] $Res; [$(#[$im])*] $INFO $path $ename ($hooks) [$($col),*];
              [$($rdoc)*] $Record; [$($ndoc)*] $New; [$($pdoc)*] $Patch; [$($sys $sys_help),*] }
            [] [] [] [] [] []
            $($fields)*
        );
    };

    (@munch $hdr:tt [$($r:tt)*] [$($n:tt)*] [$($p:tt)*] [$($d:tt)*] [$($c:tt)*] [$($i:tt)*]
        $(#[doc = $doc:literal])* $name:ident $(as $wire:literal)? : $ty:ty = required, $kind:expr, $help:literal
        $([$($m:ident),* $(,)?])? $(, $($rest:tt)*)?
    ) => {
        $crate::wire::entity!(@munch $hdr
            [$($r)* $(#[doc = $doc])* $(#[serde(rename = $wire)])? pub $name: $ty,]
            [$($n)* $(#[doc = $doc])* $(#[serde(rename = $wire)])? pub $name: $ty,]
            [$($p)* $(#[doc = $doc])* $(#[serde(rename = $wire)])?
                #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
                pub $name: Option<$ty>,]
            [$($d)* $name: Default::default(),]
            [$($c)* (value $name [$($wire)?]),]
            [$($i)* $crate::catalog::FieldInfo::new($crate::wire::entity!(@wire $name [$($wire)?]), $kind, $help).required() $($(.$m())*)?,]
            $($($rest)*)?
        );
    };

    // Never null, with the type's default on create, or the one a function gives (named twice:
    // as serde reads it, and as Rust calls it).
    (@munch $hdr:tt [$($r:tt)*] [$($n:tt)*] [$($p:tt)*] [$($d:tt)*] [$($c:tt)*] [$($i:tt)*]
        $(#[doc = $doc:literal])* $name:ident $(as $wire:literal)? : $ty:ty = default $(($fs:literal, $f:path))?, $kind:expr, $help:literal
        $([$($m:ident),* $(,)?])? $(, $($rest:tt)*)?
    ) => {
        $crate::wire::entity!(@munch $hdr
            [$($r)* $(#[doc = $doc])* $(#[serde(rename = $wire)])? pub $name: $ty,]
            [$($n)* $(#[doc = $doc])* $(#[serde(rename = $wire)])? #[serde(default $(= $fs)?)] pub $name: $ty,]
            [$($p)* $(#[doc = $doc])* $(#[serde(rename = $wire)])?
                #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
                pub $name: Option<$ty>,]
            [$($d)* $name: $crate::wire::entity!(@default $($f)?),]
            [$($c)* (value $name [$($wire)?]),]
            [$($i)* $crate::catalog::FieldInfo::new($crate::wire::entity!(@wire $name [$($wire)?]), $kind, $help).not_null() $($(.$m())*)?,]
            $($($rest)*)?
        );
    };

    (@munch $hdr:tt [$($r:tt)*] [$($n:tt)*] [$($p:tt)*] [$($d:tt)*] [$($c:tt)*] [$($i:tt)*]
        $(#[doc = $doc:literal])* $name:ident $(as $wire:literal)? : $ty:ty = optional, $kind:expr, $help:literal
        $([$($m:ident),* $(,)?])? $(, $($rest:tt)*)?
    ) => {
        $crate::wire::entity!(@munch $hdr
            [$($r)* $(#[doc = $doc])* $(#[serde(rename = $wire)])? pub $name: Option<$ty>,]
            [$($n)* $(#[doc = $doc])* $(#[serde(rename = $wire)])?
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $name: Option<$ty>,]
            [$($p)* $(#[doc = $doc])* $(#[serde(rename = $wire)])?
                #[serde(default, deserialize_with = "crate::patch::double_option", skip_serializing_if = "Option::is_none")]
                pub $name: Option<Option<$ty>>,]
            [$($d)* $name: None,]
            [$($c)* (option $name [$($wire)?]),]
            [$($i)* $crate::catalog::FieldInfo::new($crate::wire::entity!(@wire $name [$($wire)?]), $kind, $help) $($(.$m())*)?,]
            $($($rest)*)?
        );
    };

    // Every field read.
    (@munch { [$($resdoc:literal)*] $Res:ident; [$($im:tt)*] $INFO:ident $path:literal $ename:literal ($hooks:expr) [$($col:literal),*];
              [$($rdoc:literal)*] $Record:ident; [$($ndoc:literal)*] $New:ident; [$($pdoc:literal)*] $Patch:ident;
              [$($sys:ident $sys_help:literal),*] }
        [$($r:tt)*] [$($n:tt)*] [$($p:tt)*] [$($d:tt)*] [$(($how:ident $cname:ident $cw:tt),)*] [$($i:tt)*]
    ) => {
        $(#[doc = $resdoc])*
        pub struct $Res;

        impl $crate::resource::Resource for $Res {
            const PATH: &'static str = $path;
            const NAME: &'static str = $ename;
            type Record = $Record;
            type New = $New;
            type Patch = $Patch;
        }

        $($im)*
        pub const $INFO: $crate::catalog::EntityInfo = $crate::catalog::EntityInfo {
            path: $path,
            name: $ename,
            fields: &[
                $crate::catalog::ID,
                $($i)*
                $($crate::catalog::FieldInfo::new(stringify!($sys), $crate::catalog::FieldKind::Timestamp, $sys_help).system(),)*
                $crate::catalog::VERSION,
                $crate::catalog::CREATED_AT,
                $crate::catalog::UPDATED_AT,
                $crate::catalog::DELETED_AT,
            ],
            hooks: $hooks,
            table_columns: &[$($col),*],
        };

        $(#[doc = $rdoc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $Record {
            pub id: i64,
            $($r)*
            $(
                #[serde(default, with = "crate::time::option")]
                pub $sys: Option<chrono::DateTime<chrono::Utc>>,
            )*
            /// Row version; the `ETag` of the record is `"<version>"`.
            pub version: i64,
            #[serde(with = "crate::time")]
            pub created_at: chrono::DateTime<chrono::Utc>,
            #[serde(with = "crate::time")]
            pub updated_at: chrono::DateTime<chrono::Utc>,
            /// Set when the record is in the trash.
            #[serde(default, with = "crate::time::option")]
            pub deleted_at: Option<chrono::DateTime<chrono::Utc>>,
        }

        $(#[doc = $ndoc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $New {
            $($n)*
            /// When it was created (default now); not in the future. Lets records brought
            /// from another CRM keep their dates.
            #[serde(default, with = "crate::time::option", skip_serializing_if = "Option::is_none")]
            pub created_at: Option<chrono::DateTime<chrono::Utc>>,
        }

        impl Default for $New {
            fn default() -> Self {
                $New { $($d)* created_at: None }
            }
        }

        $(#[doc = $pdoc])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $Patch {
            $($p)*
        }

        $crate::wire::entity!(@schema $Record, record_schema, $INFO, concat!($($rdoc),*));
        $crate::wire::entity!(@schema $New, new_schema, $INFO, concat!($($ndoc),*));
        $crate::wire::entity!(@schema $Patch, patch_schema, $INFO, concat!($($pdoc),*));

        impl $crate::validate::Validate for $New {
            fn validate(&self) -> Result<(), Vec<$crate::FieldError>> {
                let mut e = $crate::validate::Errors::default();
                $( $crate::wire::entity!(@check_new e self $INFO, $how $cname $cw); )*
                e.into_result()
            }
        }

        impl $crate::validate::Validate for $Patch {
            fn validate(&self) -> Result<(), Vec<$crate::FieldError>> {
                let mut e = $crate::validate::Errors::default();
                $( $crate::wire::entity!(@check_patch e self $INFO, $how $cname $cw); )*
                e.into_result()
            }
        }
    };

    (@schema $T:ident, $schema:ident, $INFO:ident, $about:expr) => {
        impl utoipa::PartialSchema for $T {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::wire::$schema(&$INFO, $about.trim())
            }
        }
        impl utoipa::ToSchema for $T {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($T))
            }
        }
    };

    (@default) => { Default::default() };
    (@default $f:path) => { $f() };
    (@wire $name:ident []) => { stringify!($name) };
    (@wire $name:ident [$wire:literal]) => { $wire };
    (@check_new $e:ident $s:ident $info:ident, value $name:ident $w:tt) => {
        $crate::wire::check(&mut $e, &$info, $crate::wire::entity!(@wire $name $w), Some(&$s.$name))
    };
    (@check_new $e:ident $s:ident $info:ident, option $name:ident $w:tt) => {
        $crate::wire::check(&mut $e, &$info, $crate::wire::entity!(@wire $name $w), $s.$name.as_ref())
    };
    (@check_patch $e:ident $s:ident $info:ident, value $name:ident $w:tt) => {
        $crate::wire::check(&mut $e, &$info, $crate::wire::entity!(@wire $name $w), $s.$name.as_ref())
    };
    (@check_patch $e:ident $s:ident $info:ident, option $name:ident $w:tt) => {
        $crate::wire::check(
            &mut $e,
            &$info,
            $crate::wire::entity!(@wire $name $w),
            $s.$name.as_ref().and_then(Option::as_ref),
        )
    };
}
pub(crate) use entity;

// --- OpenAPI schemas, from the description -------------------------------------------------

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type};

use crate::validate::schema as limits;

fn ty(t: Type, nullable: bool) -> SchemaType {
    if nullable { SchemaType::from_iter([t, Type::Null]) } else { SchemaType::new(t) }
}

fn typed(t: Type, nullable: bool) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(ty(t, nullable))
}

fn formatted(t: Type, format: KnownFormat, nullable: bool) -> ObjectBuilder {
    typed(t, nullable).format(Some(SchemaFormat::KnownFormat(format)))
}

fn values(texts: &[&str], nullable: bool) -> ObjectBuilder {
    let mut all: Vec<serde_json::Value> = texts.iter().map(|t| serde_json::Value::from(*t)).collect();
    if nullable {
        all.push(serde_json::Value::Null);
    }
    typed(Type::String, nullable).enum_values(Some(all))
}

/// `help` as the description of a field's schema.
fn described(schema: RefOr<Schema>, help: &str) -> RefOr<Schema> {
    match schema {
        RefOr::T(Schema::Object(mut o)) => {
            o.description.get_or_insert_with(|| help.to_string());
            RefOr::T(Schema::Object(o))
        }
        RefOr::T(Schema::AnyOf(mut a)) => {
            a.description.get_or_insert_with(|| help.to_string());
            RefOr::T(Schema::AnyOf(a))
        }
        other => other,
    }
}

/// A field as a request may give it, with every rule the server checks.
fn input(f: &FieldInfo) -> RefOr<Schema> {
    let n = f.nullable;
    let schema = match f.kind {
        FieldKind::Text { max } if !n => limits::required_text(max),
        FieldKind::Text { max } => limits::text(max, true),
        FieldKind::Email => limits::email(n),
        FieldKind::Phone => limits::phone(n),
        FieldKind::Int { min, max } => limits::range(min, max, n),
        FieldKind::Id | FieldKind::Link(_) => limits::id(n),
        FieldKind::Money => limits::amount(),
        FieldKind::Currency => limits::currency(),
        FieldKind::StageName => limits::text(crate::pipelines::NAME_MAX, n),
        FieldKind::Enum(texts) => values(texts, n).into(),
        FieldKind::Date => formatted(Type::String, KnownFormat::Date, n).into(),
        FieldKind::Timestamp => formatted(Type::String, KnownFormat::DateTime, n).into(),
        FieldKind::Bool => typed(Type::Boolean, n).into(),
    };
    described(schema, f.help)
}

/// A field as the server writes it in a record.
fn output(f: &FieldInfo) -> RefOr<Schema> {
    let n = f.nullable;
    let schema: RefOr<Schema> = match f.kind {
        FieldKind::Id | FieldKind::Link(_) | FieldKind::Int { .. } => {
            formatted(Type::Integer, KnownFormat::Int64, n).into()
        }
        FieldKind::Money => typed(Type::String, n).pattern(Some(r"^-?[0-9]+\.[0-9]{2}$")).into(),
        FieldKind::Text { .. } | FieldKind::Email | FieldKind::Phone | FieldKind::Currency | FieldKind::StageName => {
            typed(Type::String, n).into()
        }
        FieldKind::Enum(texts) => values(texts, n).into(),
        FieldKind::Date => formatted(Type::String, KnownFormat::Date, n).into(),
        FieldKind::Timestamp => formatted(Type::String, KnownFormat::DateTime, n).into(),
        FieldKind::Bool => typed(Type::Boolean, n).into(),
    };
    described(schema, f.help)
}

/// The schema of a stored record: every field, always present.
pub fn record_schema(info: &EntityInfo, about: &str) -> RefOr<Schema> {
    let mut o = ObjectBuilder::new().schema_type(Type::Object).description(Some(about));
    for f in info.fields {
        o = o.property(f.name, output(f)).required(f.name);
    }
    o.into()
}

/// The schema of a create body: the fields clients set, those without a default required.
pub fn new_schema(info: &EntityInfo, about: &str) -> RefOr<Schema> {
    let mut o = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(about))
        .additional_properties(Some(utoipa::openapi::schema::AdditionalProperties::FreeForm(false)));
    for f in info.creatable() {
        // A backdated time may be null: now.
        let f = if f.on_create { &FieldInfo { nullable: true, ..*f } } else { f };
        o = o.property(f.name, input(f));
        if f.required {
            o = o.required(f.name);
        }
    }
    o.into()
}

/// The schema of an update body: any of the fields clients set; `null` clears those that may
/// be empty.
pub fn patch_schema(info: &EntityInfo, about: &str) -> RefOr<Schema> {
    let mut o = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(about))
        .additional_properties(Some(utoipa::openapi::schema::AdditionalProperties::FreeForm(false)));
    for f in info.writable() {
        o = o.property(f.name, input(f));
    }
    o.into()
}
