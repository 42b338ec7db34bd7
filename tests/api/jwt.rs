//! Attacks on the session tokens, against the real server: forged algorithms, forged and
//! tampered claims, stale and revoked tokens, and garbage. Each is refused with the same 401
//! (problem+json, `WWW-Authenticate: Bearer`), whose body says nothing of why.
//!
//! Tokens are made here by hand (base64url and HMAC-SHA256 with the test servers' secret), so
//! that a header or claim the server would never write can be written.

use aws_lc_rs::{hmac, rand as lc_rand, signature};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use crm_api::auth::NewApiToken;
use crm_api::client::Client;
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, HeaderValue};
use serde_json::{Value, json};

backend_tests!(
    a_token_forged_with_the_servers_secret_is_accepted,
    alg_none_is_refused,
    other_algorithms_are_refused_whatever_signs_them,
    expired_tokens_are_refused,
    tokens_from_the_future_are_refused,
    a_wrong_secret_is_refused,
    a_signed_token_of_no_user_is_refused,
    a_tampered_payload_is_refused,
    a_revoked_api_token_is_refused,
    malformed_tokens_are_refused,
);

/// The secret test servers sign their tokens with.
fn secret() -> Vec<u8> {
    crm_tests::test_config("").jwt_secret
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The claims the server writes: `sub` (the user id as a string), `iat`, `exp`.
fn claims(user: i64) -> Value {
    json!({"sub": user.to_string(), "iat": now(), "exp": now() + 600})
}

/// `header.payload`, base64url without padding, as signed.
fn signing_input(header: &Value, claims: &Value) -> String {
    format!("{}.{}", b64(header.to_string().as_bytes()), b64(claims.to_string().as_bytes()))
}

fn hmac_sha256(key: &[u8], msg: &str) -> String {
    b64(hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, key), msg.as_bytes()).as_ref())
}

/// A token whose header names `alg`, signed with HMAC-SHA256 of `key`.
fn hs256_as(alg: &str, key: &[u8], claims: &Value) -> String {
    let input = signing_input(&json!({"alg": alg, "typ": "JWT"}), claims);
    let sig = hmac_sha256(key, &input);
    format!("{input}.{sig}")
}

/// A token as the server would sign it.
fn signed(claims: &Value) -> String {
    hs256_as("HS256", &secret(), claims)
}

/// A genuine ES256 token, signed with a P-256 key of the attacker's own.
fn es256_with_own_key(claims: &Value) -> String {
    let rng = lc_rand::SystemRandom::new();
    let pkcs8 = signature::EcdsaKeyPair::generate_pkcs8(&signature::ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
        .expect("a P-256 key");
    let key = signature::EcdsaKeyPair::from_pkcs8(&signature::ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref())
        .expect("the key");
    let input = signing_input(&json!({"alg": "ES256", "typ": "JWT"}), claims);
    let sig = key.sign(&rng, input.as_bytes()).expect("a signature");
    format!("{input}.{}", b64(sig.as_ref()))
}

/// A server with one user; the user's client and id.
async fn server_with_user(b: Backend) -> (TestServer, Client, i64) {
    let s = TestServer::start(b).await;
    let user = s.user("jwt").await;
    let id = user.me().await.expect("me").id;
    (s, user, id)
}

/// What a protected endpoint answers to `Authorization: <value>`: the status, the
/// `WWW-Authenticate` header and the body without its request id.
async fn answer(s: &TestServer, value: HeaderValue) -> (StatusCode, Option<String>, Option<String>, Value) {
    let resp = s
        .anon()
        .request(reqwest::Method::GET, "/api/crm/contacts")
        .header(AUTHORIZATION, value)
        .send()
        .await
        .expect("an answer");
    let status = resp.status();
    let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let (www, content_type) = (header("www-authenticate"), header("content-type"));
    let mut body: Value = serde_json::from_slice(&resp.bytes().await.expect("a body")).unwrap_or(Value::Null);
    if let Some(problem) = body.as_object_mut() {
        problem.remove("request_id");
    }
    (status, www, content_type, body)
}

fn bearer(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("Bearer {token}")).expect("a header value")
}

/// Whether `token` is let in.
async fn accepted(s: &TestServer, token: &str) -> bool {
    answer(s, bearer(token)).await.0 == StatusCode::OK
}

/// Each of `tokens` is refused exactly as a token that is not a JWT at all is: 401,
/// problem+json, `WWW-Authenticate: Bearer ... error="invalid_token"`, the same body.
#[track_caller]
fn assert_refused_alike(
    reference: &(StatusCode, Option<String>, Option<String>, Value),
    what: &str,
    got: &(StatusCode, Option<String>, Option<String>, Value),
) {
    let (status, www, content_type, body) = got;
    assert_eq!(*status, StatusCode::UNAUTHORIZED, "{what}: {body}");
    assert_eq!(content_type.as_deref(), Some("application/problem+json"), "{what}");
    let www = www.as_deref().unwrap_or_default();
    assert!(www.starts_with("Bearer realm=\"crm\", error=\"invalid_token\""), "{what}: {www}");
    assert_eq!(Some(www), reference.1.as_deref(), "{what}: WWW-Authenticate says more than for any bad token");
    assert_eq!(body, &reference.3, "{what}: the body says more than for any bad token");
}

/// Each case is refused as a token that is not a JWT at all is. A header over 64 KB may also
/// be refused before its token is read (431 or 400), but never with a 500.
async fn refuse_values(s: &TestServer, cases: Vec<(String, HeaderValue)>) {
    let reference = answer(s, bearer("not-a-jwt")).await;
    assert_refused_alike(&reference, "not-a-jwt", &reference);
    assert_eq!(reference.3["status"], 401);
    for (what, value) in cases {
        let huge = value.len() > 64 * 1024;
        let got = answer(s, value).await;
        if huge && matches!(got.0.as_u16(), 400 | 431) {
            continue;
        }
        assert_refused_alike(&reference, &what, &got);
    }
}

/// Each token is refused as a token that is not a JWT at all is.
async fn refuse(s: &TestServer, tokens: Vec<(String, String)>) {
    refuse_values(s, tokens.into_iter().map(|(what, t)| (what, bearer(&t))).collect()).await;
}

/// The forger is right: what it signs with the server's secret the server takes. Every
/// refusal below is then the server's doing, not a slip of the forger.
async fn a_token_forged_with_the_servers_secret_is_accepted(b: Backend) {
    let (s, user, id) = server_with_user(b).await;
    let forged = signed(&claims(id));
    assert!(accepted(&s, &forged).await, "a well-forged token is let in");
    let me = s.anon().with_token(forged).me().await.expect("me with the forged token");
    assert_eq!(me.id, id);
    assert!(accepted(&s, user.token().expect("the session token")).await);
}

async fn alg_none_is_refused(b: Backend) {
    let (s, _user, id) = server_with_user(b).await;
    let mut tokens = Vec::new();
    for alg in ["none", "None", "NONE", "nOnE"] {
        let input = signing_input(&json!({"alg": alg, "typ": "JWT"}), &claims(id));
        tokens.push((format!("alg {alg}, no signature"), format!("{input}.")));
        tokens.push((format!("alg {alg}, no signature segment"), input.clone()));
        tokens.push((format!("alg {alg}, a made-up signature"), format!("{input}.{}", b64(b"signature"))));
        tokens.push((format!("alg {alg}, HMAC of the secret"), hs256_as(alg, &secret(), &claims(id))));
    }
    let input = signing_input(&json!({"typ": "JWT"}), &claims(id));
    tokens.push(("no alg at all".into(), format!("{input}.{}", hmac_sha256(&secret(), &input))));
    refuse(&s, tokens).await;
}

/// The algorithm is pinned to HS256: a header naming another one is refused, whether the
/// signature is HMAC-SHA256 of the server's secret (key confusion) or genuine for its
/// algorithm with the attacker's key.
async fn other_algorithms_are_refused_whatever_signs_them(b: Backend) {
    let (s, _user, id) = server_with_user(b).await;
    let mut tokens = Vec::new();
    for alg in ["RS256", "ES256", "PS256", "EdDSA", "HS384", "HS512", "hs256", "HS256 "] {
        tokens.push((format!("{alg} over HMAC of the secret"), hs256_as(alg, &secret(), &claims(id))));
        tokens.push((
            format!("{alg} over HMAC of a random key"),
            hs256_as(alg, &rand::random::<[u8; 32]>(), &claims(id)),
        ));
    }
    let input = signing_input(&json!({"alg": "HS512", "typ": "JWT"}), &claims(id));
    let hs512 = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA512, &secret()), input.as_bytes());
    tokens.push(("HS512 signed with the secret".into(), format!("{input}.{}", b64(hs512.as_ref()))));
    tokens.push(("ES256 signed with the attacker's key".into(), es256_with_own_key(&claims(id))));
    tokens.push(("HS256 with an embedded key".into(), {
        let key = b"attacker-key";
        let header = json!({"alg": "HS256", "typ": "JWT", "jwk": {"kty": "oct", "k": b64(key)}});
        let input = signing_input(&header, &claims(id));
        let sig = hmac_sha256(key, &input);
        format!("{input}.{sig}")
    }));
    refuse(&s, tokens).await;
}

async fn expired_tokens_are_refused(b: Backend) {
    let (s, _user, id) = server_with_user(b).await;
    let at = |iat: i64, exp: i64| signed(&json!({"sub": id.to_string(), "iat": iat, "exp": exp}));
    assert!(accepted(&s, &at(now(), now() + 60)).await, "a token with time left is let in");
    refuse(
        &s,
        vec![
            // After a restore an id can be given again: a token older than its account is not its.
            ("issued an hour before its account was made".into(), at(now() - 3600, now() + 600)),
            ("expired an hour ago".into(), at(now() - 7200, now() - 3600)),
            ("expired a minute ago (past the leeway)".into(), at(now() - 3600, now() - 60)),
            ("expired at the epoch".into(), at(0, 0)),
            ("a negative expiry".into(), at(now(), -1)),
            ("no expiry".into(), signed(&json!({"sub": id.to_string(), "iat": now()}))),
            ("an expiry that is text".into(), signed(&json!({"sub": id.to_string(), "iat": now(), "exp": "never"}))),
            ("an expiry past i64".into(), signed(&json!({"sub": id.to_string(), "iat": now(), "exp": u64::MAX}))),
        ],
    )
    .await;
    // A server whose tokens live an hour ago: its own issue, refused.
    let stale = crm_server::auth::jwt::JwtKeys::new(&secret(), -3600).issue(id).expect("issue");
    refuse(&s, vec![("issued by the server, expired".into(), stale)]).await;
}

/// The server never writes a token issued, or valid only, in the future: one that says so was
/// not written by it, and is refused (beyond the few seconds of leeway the clocks are given).
async fn tokens_from_the_future_are_refused(b: Backend) {
    let (s, _user, id) = server_with_user(b).await;
    let sub = id.to_string();
    assert!(accepted(&s, &signed(&json!({"sub": sub, "iat": now(), "nbf": now() - 10, "exp": now() + 600}))).await);
    refuse(
        &s,
        vec![
            ("iat in an hour".into(), signed(&json!({"sub": sub, "iat": now() + 3600, "exp": now() + 7200}))),
            ("iat in a minute".into(), signed(&json!({"sub": sub, "iat": now() + 60, "exp": now() + 600}))),
            (
                "nbf in an hour".into(),
                signed(&json!({"sub": sub, "iat": now(), "nbf": now() + 3600, "exp": now() + 7200})),
            ),
            (
                "nbf in a minute".into(),
                signed(&json!({"sub": sub, "iat": now(), "nbf": now() + 60, "exp": now() + 600})),
            ),
            ("nbf that is text".into(), signed(&json!({"sub": sub, "iat": now(), "nbf": "soon", "exp": now() + 600}))),
        ],
    )
    .await;
}

async fn a_wrong_secret_is_refused(b: Backend) {
    let (s, _user, id) = server_with_user(b).await;
    let c = claims(id);
    let mut near = secret();
    near[0] ^= 1;
    let mut longer = secret();
    longer.push(b'0');
    let mut tokens = vec![
        ("a random secret".to_string(), hs256_as("HS256", &rand::random::<[u8; 32]>(), &c)),
        ("an empty secret".into(), hs256_as("HS256", b"", &c)),
        ("the secret with one bit flipped".into(), hs256_as("HS256", &near, &c)),
        ("the secret and one more byte".into(), hs256_as("HS256", &longer, &c)),
        ("the secret's first half".into(), hs256_as("HS256", &secret()[..secret().len() / 2], &c)),
    ];
    let other = crm_server::auth::jwt::JwtKeys::new(b"another-secret-another-secret-0123456789", 600);
    tokens.push(("issued by a server with another secret".into(), other.issue(id).expect("issue")));
    refuse(&s, tokens).await;
}

/// A signature that holds does not make a user: a token of an id that has no account, or of
/// no id, is refused. (Users cannot be deleted through the API, so a token of a user who was
/// deleted is one of an id that has no account.)
async fn a_signed_token_of_no_user_is_refused(b: Backend) {
    let (s, _user, id) = server_with_user(b).await;
    let with_sub = |sub: Value| signed(&json!({"sub": sub, "iat": now(), "exp": now() + 600}));
    refuse(
        &s,
        vec![
            ("the next id, not yet registered".into(), with_sub(json!((id + 1).to_string()))),
            ("a large id".into(), with_sub(json!("999999999"))),
            ("id 0".into(), with_sub(json!("0"))),
            ("id -1".into(), with_sub(json!("-1"))),
            ("i64::MAX".into(), with_sub(json!(i64::MAX.to_string()))),
            ("past i64".into(), with_sub(json!("9223372036854775808"))),
            ("a name".into(), with_sub(json!("admin"))),
            ("an empty subject".into(), with_sub(json!(""))),
            ("a subject that is a number".into(), with_sub(json!(id))),
            ("a subject that is a list".into(), with_sub(json!([id.to_string()]))),
            ("no subject".into(), signed(&json!({"iat": now(), "exp": now() + 600}))),
        ],
    )
    .await;
    // Nor can such a token write: the first request made the server remember nothing.
    let ghost = with_sub(json!("999999999"));
    let resp = s
        .anon()
        .request(reqwest::Method::POST, "/api/crm/contacts")
        .bearer_auth(&ghost)
        .json(&json!({"name": "Ghost"}))
        .send()
        .await
        .expect("an answer");
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
}

/// The server's own token with its claims changed and its signature kept.
async fn a_tampered_payload_is_refused(b: Backend) {
    let (s, user, id) = server_with_user(b).await;
    let other_id = s.user("other").await.me().await.expect("me").id;
    let token = user.token().expect("the session token").to_string();
    assert!(accepted(&s, &token).await);
    let parts: Vec<&str> = token.split('.').collect();
    let (header, payload, sig) = (parts[0], parts[1], parts[2]);
    let mut claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64url")).expect("JSON claims");
    assert_eq!(claims["sub"], id.to_string(), "the claims are as documented");
    let with = |change: &dyn Fn(&mut Value)| {
        let mut c = claims.clone();
        change(&mut c);
        format!("{header}.{}.{sig}", b64(c.to_string().as_bytes()))
    };
    let mut tokens = vec![
        ("sub of another user".to_string(), with(&|c| c["sub"] = json!(other_id.to_string()))),
        ("exp a year later".into(), with(&|c| c["exp"] = json!(now() + 365 * 86400))),
        ("a claim added".into(), with(&|c| c["admin"] = json!(true))),
        ("sub with a leading zero".into(), with(&|c| c["sub"] = json!(format!("0{id}")))),
        ("the header re-encoded".into(), format!("{}.{payload}.{sig}", b64(br#"{"typ":"JWT","alg":"HS256"}"#))),
        ("the signature of another token".into(), {
            let other = signed(&json!({"sub": other_id.to_string(), "iat": now(), "exp": now() + 600}));
            format!("{header}.{payload}.{}", other.rsplit('.').next().unwrap_or_default())
        }),
        ("the signature cut short".into(), format!("{header}.{payload}.{}", &sig[..sig.len() - 2])),
        ("the signature padded".into(), format!("{header}.{payload}.{sig}=")),
        ("the signature in standard base64".into(), {
            let raw = URL_SAFE_NO_PAD.decode(sig).expect("base64url");
            format!("{header}.{payload}.{}", base64::engine::general_purpose::STANDARD.encode(raw))
        }),
    ];
    // The payload as it was, written with the same JSON but in another order of keys.
    claims = json!({"exp": claims["exp"], "iat": claims["iat"], "sub": claims["sub"]});
    tokens.push(("the claims reordered".into(), format!("{header}.{}.{sig}", b64(claims.to_string().as_bytes()))));
    tokens.retain(|(_, t)| *t != token);
    refuse(&s, tokens).await;
    assert!(accepted(&s, &token).await, "the genuine token still works");
}

async fn a_revoked_api_token_is_refused(b: Backend) {
    let (s, user, _id) = server_with_user(b).await;
    let created =
        user.create_token(&NewApiToken { name: "script".into(), expires_in_days: None }).await.expect("create");
    assert!(accepted(&s, &created.token).await);
    let mut altered = created.token.clone();
    let last = altered.pop().expect("a character");
    altered.push(if last == 'A' { 'B' } else { 'A' });
    user.revoke_token(created.info.id).await.expect("revoke");
    refuse(
        &s,
        vec![
            ("a revoked API token".into(), created.token.clone()),
            ("an API token one character off".into(), altered),
            ("the API token prefix alone".into(), "crm_".into()),
            ("an API token that is a JWT".into(), format!("crm_{}", user.token().expect("the session token"))),
        ],
    )
    .await;
    // The session that revoked it still works.
    assert!(accepted(&s, user.token().expect("the session token")).await);
}

async fn malformed_tokens_are_refused(b: Backend) {
    let (s, user, id) = server_with_user(b).await;
    let good = user.token().expect("the session token").to_string();
    let parts: Vec<&str> = good.split('.').collect();
    let input = signing_input(&json!({"alg": "HS256", "typ": "JWT"}), &claims(id));
    let sign = |input: &str| format!("{input}.{}", hmac_sha256(&secret(), input));
    let tokens: Vec<(String, String)> = vec![
        ("one segment".into(), parts[0].into()),
        ("two segments".into(), format!("{}.{}", parts[0], parts[1])),
        ("four segments".into(), format!("{good}.{}", parts[2])),
        ("five segments, as an encrypted token has".into(), format!("{good}.{}.{}", parts[1], parts[2])),
        ("empty segments".into(), "..".into()),
        ("a dot".into(), ".".into()),
        ("non-base64".into(), "!!!.@@@.###".into()),
        ("base64 of junk".into(), format!("{}.{}.{}", b64(b"\xff\xfe"), b64(b"\x00"), b64(b"x"))),
        ("a header that is not JSON, signed".into(), sign(&format!("{}.{}", b64(b"{alg"), parts[1]))),
        ("claims that are not JSON, signed".into(), sign(&format!("{}.{}", parts[0], b64(b"sub=1")))),
        ("claims that are a list, signed".into(), sign(&format!("{}.{}", parts[0], b64(b"[1,2]")))),
        ("claims with sub twice, signed".into(), {
            let json = format!(r#"{{"sub":"{id}","sub":"{}","iat":{},"exp":{}}}"#, id + 1, now(), now() + 600);
            sign(&format!("{}.{}", parts[0], b64(json.as_bytes())))
        }),
        ("a space inside".into(), format!("{} {}", &good[..10], &good[10..])),
        ("the signature segment of another token only".into(), format!("..{}", parts[2])),
        ("a valid token twice".into(), format!("{good}{good}")),
        ("a signed token's input padded with '='".into(), sign(&format!("{input}="))),
        ("a huge token (100 KB)".into(), format!("{}.{}.{}", parts[0], "A".repeat(100_000), parts[2])),
        ("a huge token of dots".into(), ".".repeat(100_000)),
    ];
    let mut cases: Vec<(String, HeaderValue)> = tokens.into_iter().map(|(what, t)| (what, bearer(&t))).collect();
    // Bytes that are not ASCII, where the header can carry them (obs-text).
    cases.push((
        "a token with latin-1 bytes".into(),
        HeaderValue::from_bytes(b"Bearer \xe9\xe9.\xe9.\xe9").expect("obs-text is a header value"),
    ));
    refuse_values(&s, cases).await;
}
