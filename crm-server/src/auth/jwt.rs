//! Session tokens: HS256 JWTs with `sub` (the user id), `iat` and `exp`.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    iat: i64,
    exp: i64,
}

/// Signs and checks session tokens with one secret. The algorithm is pinned to HS256.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub ttl_secs: i64,
}

impl JwtKeys {
    pub fn new(secret: &[u8], ttl_secs: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_required_spec_claims(&["exp", "sub"]);
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl_secs,
        }
    }

    /// A token for `user_id`, valid for the configured lifetime.
    pub fn issue(&self, user_id: i64) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims { sub: user_id.to_string(), iat: now, exp: now + self.ttl_secs };
        Ok(encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// The user id of a valid token, or why it is not valid.
    pub fn verify(&self, token: &str) -> Result<i64, String> {
        use jsonwebtoken::errors::ErrorKind;
        let data = decode::<Claims>(token, &self.decoding, &self.validation).map_err(|e| match e.kind() {
            ErrorKind::ExpiredSignature => "the token has expired".to_string(),
            ErrorKind::InvalidSignature => "the token's signature is invalid".to_string(),
            ErrorKind::InvalidAlgorithm => "the token's algorithm is not accepted".to_string(),
            _ => "the token is malformed".to_string(),
        })?;
        data.claims.sub.parse().map_err(|_| "the token's subject is invalid".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_and_verifies_and_rejects_tampering() {
        let keys = JwtKeys::new(b"a-test-secret-of-some-length-0123456789", 60);
        let t = keys.issue(42).expect("issue");
        assert_eq!(keys.verify(&t), Ok(42));
        let other = JwtKeys::new(b"another-secret-of-some-length-0123456789", 60);
        assert!(other.verify(&t).is_err());
        let expired = JwtKeys::new(b"a-test-secret-of-some-length-0123456789", -60);
        assert_eq!(keys.verify(&expired.issue(42).expect("issue")), Err("the token has expired".into()));
    }
}
