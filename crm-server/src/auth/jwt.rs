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
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub ttl_secs: i64,
    /// Tokens already verified, with their user and expiry: a client sends the same token
    /// with every request, and checking it again (decoding, HMAC, claims) was a tenth of a
    /// point read. Only a token string that verified is ever found here.
    verified: std::sync::Mutex<std::collections::HashMap<String, (i64, i64)>>,
}

/// Most verified tokens remembered; the memory is emptied when full.
const VERIFIED_MAX: usize = 10_000;

/// How far the clocks of the servers that issue and check a token may disagree.
const LEEWAY_SECS: u64 = 5;

/// How long a checked token is taken on trust before it is checked again with its account: a
/// user removed, or an id given again after a restore, is refused within this.
const RECHECK_SECS: i64 = 60;

impl JwtKeys {
    pub fn new(secret: &[u8], ttl_secs: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_required_spec_claims(&["exp", "sub"]);
        validation.leeway = LEEWAY_SECS;
        // Never written by the server, but a token that says it is not valid yet is not.
        validation.validate_nbf = true;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl_secs,
            verified: std::sync::Mutex::new(std::collections::HashMap::new()),
        }
    }

    /// A token for `user_id`, valid for the configured lifetime.
    pub fn issue(&self, user_id: i64) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims { sub: user_id.to_string(), iat: now, exp: now + self.ttl_secs };
        Ok(encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// The user id of a token [remembered](JwtKeys::remember) and not expired since.
    pub fn remembered(&self, token: &str) -> Option<i64> {
        let now = chrono::Utc::now().timestamp();
        let found = self.verified.lock().ok().as_ref().and_then(|m| m.get(token).copied());
        found.filter(|&(_, exp)| now < exp).map(|(user, _)| user)
    }

    /// Checks a token in full: its user id, expiry and time of issue, or why it is not valid.
    pub fn check(&self, token: &str) -> Result<(i64, i64), String> {
        self.check_issued(token).map(|(user, exp, _)| (user, exp))
    }

    /// [`JwtKeys::check`], with the token's time of issue (seconds).
    pub fn check_issued(&self, token: &str) -> Result<(i64, i64, i64), String> {
        use jsonwebtoken::errors::ErrorKind;
        let data = decode::<Claims>(token, &self.decoding, &self.validation).map_err(|e| match e.kind() {
            ErrorKind::ExpiredSignature => "the token has expired".to_string(),
            ErrorKind::ImmatureSignature => "the token is not valid yet".to_string(),
            ErrorKind::InvalidSignature => "the token's signature is invalid".to_string(),
            ErrorKind::InvalidAlgorithm => "the token's algorithm is not accepted".to_string(),
            _ => "the token is malformed".to_string(),
        })?;
        // Never written by the server either: a token issued in the future was forged.
        if data.claims.iat > chrono::Utc::now().timestamp() + LEEWAY_SECS as i64 {
            return Err("the token was issued in the future".to_string());
        }
        let user = data.claims.sub.parse().map_err(|_| "the token's subject is invalid".to_string())?;
        Ok((user, data.claims.exp, data.claims.iat))
    }

    /// Remembers a token that checked, and whose user exists, until its expiry or for
    /// [`RECHECK_SECS`], whichever comes first.
    pub fn remember(&self, token: &str, user: i64, exp: i64) {
        if let Ok(mut verified) = self.verified.lock() {
            if verified.len() >= VERIFIED_MAX {
                verified.clear();
            }
            let until = exp.min(chrono::Utc::now().timestamp() + RECHECK_SECS);
            verified.insert(token.to_string(), (user, until));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As the extractor does (less the account's check): remembered, or checked and remembered.
    fn verify(keys: &JwtKeys, token: &str) -> Result<i64, String> {
        if let Some(user) = keys.remembered(token) {
            return Ok(user);
        }
        let (user, exp) = keys.check(token)?;
        keys.remember(token, user, exp);
        Ok(user)
    }

    #[test]
    fn issues_and_verifies_and_rejects_tampering() {
        let keys = JwtKeys::new(b"a-test-secret-of-some-length-0123456789", 60);
        let t = keys.issue(42).expect("issue");
        assert_eq!(verify(&keys, &t), Ok(42));
        let other = JwtKeys::new(b"another-secret-of-some-length-0123456789", 60);
        assert!(verify(&other, &t).is_err());
        let expired = JwtKeys::new(b"a-test-secret-of-some-length-0123456789", -60);
        assert_eq!(verify(&keys, &expired.issue(42).expect("issue")), Err("the token has expired".into()));
        // Verified once, a token is remembered; a tampered copy is still checked in full.
        assert_eq!(verify(&keys, &t), Ok(42));
        let mut tampered = t.clone();
        tampered.pop();
        assert!(verify(&keys, &tampered).is_err());
    }

    #[test]
    fn a_token_is_taken_on_trust_for_a_minute_at_most() {
        let keys = JwtKeys::new(b"a-test-secret-of-some-length-0123456789", 3600);
        let t = keys.issue(9).expect("issue");
        assert_eq!(verify(&keys, &t), Ok(9));
        let until = keys.verified.lock().ok().and_then(|m| m.get(&t).copied()).map(|(_, until)| until);
        let now = chrono::Utc::now().timestamp();
        assert!(until.is_some_and(|u| u > now && u <= now + RECHECK_SECS), "{until:?}");
    }

    #[test]
    fn a_remembered_token_still_expires() {
        let keys = JwtKeys::new(b"a-test-secret-of-some-length-0123456789", 60);
        let t = keys.issue(7).expect("issue");
        assert_eq!(verify(&keys, &t), Ok(7));
        // The remembered expiry is in the past: the token is checked in full again, and the
        // leeway of 5 s does not cover a minute.
        if let Ok(mut m) = keys.verified.lock() {
            m.insert(t.clone(), (7, chrono::Utc::now().timestamp() - 1));
        }
        assert_eq!(verify(&keys, &t), Ok(7), "the token itself is still valid");
        let old = JwtKeys::new(b"a-test-secret-of-some-length-0123456789", -60).issue(7).expect("issue");
        if let Ok(mut m) = keys.verified.lock() {
            m.insert(old.clone(), (7, chrono::Utc::now().timestamp() - 60));
        }
        assert_eq!(verify(&keys, &old), Err("the token has expired".into()));
    }

    #[test]
    fn tokens_from_the_future_are_refused() {
        let keys = JwtKeys::new(b"a-test-secret-of-some-length-0123456789", 60);
        let now = chrono::Utc::now().timestamp();
        let sign = |claims: serde_json::Value| encode(&Header::new(Algorithm::HS256), &claims, &keys.encoding);
        let token = |claims| sign(claims).expect("sign");
        let soon = token(serde_json::json!({"sub": "1", "iat": now + 3, "exp": now + 60}));
        assert_eq!(keys.check(&soon).map(|(user, _)| user), Ok(1), "within the leeway");
        let later = token(serde_json::json!({"sub": "1", "iat": now + 60, "exp": now + 120}));
        assert_eq!(keys.check(&later), Err("the token was issued in the future".into()));
        let not_yet = token(serde_json::json!({"sub": "1", "iat": now, "nbf": now + 60, "exp": now + 120}));
        assert_eq!(keys.check(&not_yet), Err("the token is not valid yet".into()));
    }
}
