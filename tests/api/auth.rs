use crm_api::auth::{LoginRequest, NewApiToken, RegisterRequest};
use crm_api::resource::Contacts;
use crm_api::{ListParams, contacts::NewContact};
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::{Method, StatusCode};

backend_tests!(
    register_login_and_me,
    duplicate_email_is_a_conflict,
    wrong_password_is_unauthorized,
    bad_tokens_get_401_with_www_authenticate,
    api_tokens_work_until_revoked,
);

async fn register_login_and_me(b: Backend) {
    let s = TestServer::start(b).await;
    let anon = s.anon();
    let reg = RegisterRequest {
        email: "Ann@Example.com".into(),
        password: "long enough pw".into(),
        name: Some("Ann".into()),
    };
    let session = anon.register(&reg).await.expect("register");
    assert_eq!(session.user.email, "ann@example.com");
    assert_eq!(session.token_type, "Bearer");
    let login = anon
        .login(&LoginRequest { email: "ANN@example.com".into(), password: "long enough pw".into() })
        .await
        .expect("login is case-insensitive on e-mail");
    let me = anon.clone().with_token(login.token).me().await.expect("me");
    assert_eq!(me.id, session.user.id);
    assert_eq!(me.name.as_deref(), Some("Ann"));
}

async fn duplicate_email_is_a_conflict(b: Backend) {
    let s = TestServer::start(b).await;
    let reg = RegisterRequest { email: "dup@example.com".into(), password: "long enough pw".into(), name: None };
    s.anon().register(&reg).await.expect("first");
    let again = RegisterRequest { email: "DUP@example.com".into(), ..reg };
    let err = s.anon().register(&again).await.expect_err("second");
    assert_eq!(err.status(), Some(409));
}

async fn wrong_password_is_unauthorized(b: Backend) {
    let s = TestServer::start(b).await;
    let reg = RegisterRequest { email: "pw@example.com".into(), password: "long enough pw".into(), name: None };
    s.anon().register(&reg).await.expect("register");
    for (email, pw) in [("pw@example.com", "wrong password"), ("nobody@example.com", "long enough pw")] {
        let err = s.anon().login(&LoginRequest { email: email.into(), password: pw.into() }).await.expect_err("login");
        assert_eq!(err.status(), Some(401));
    }
    let short = RegisterRequest { email: "x@example.com".into(), password: "short".into(), name: None };
    let err = s.anon().register(&short).await.expect_err("short password");
    assert_eq!(err.status(), Some(422));
    assert_eq!(err.problem().map(|p| p.errors[0].field.as_str()), Some("password"));
}

async fn bad_tokens_get_401_with_www_authenticate(b: Backend) {
    let s = TestServer::start(b).await;
    let user = s.user("tok").await;
    let good = user.token().expect("token").to_string();
    let mut tampered = good.clone();
    let last = tampered.pop().expect("char");
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    // {"alg":"none","typ":"JWT"} . {"sub":"1","exp":9999999999} . (no signature)
    let none_alg = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwiZXhwIjo5OTk5OTk5OTk5fQ.";
    let expired = {
        let keys = crm_server::auth::jwt::JwtKeys::new(b"test-secret-test-secret-test-secret-0123", -3600);
        keys.issue(1).expect("issue")
    };
    let cases: Vec<Option<String>> = vec![
        None,
        Some("Bearer".into()),
        Some("Basic dXNlcjpwdw==".into()),
        Some("Bearer not-a-jwt".into()),
        Some(format!("Bearer {tampered}")),
        Some(format!("Bearer {none_alg}")),
        Some(format!("Bearer {expired}")),
        Some("Bearer crm_unknownapitoken".into()),
    ];
    for auth in cases {
        let mut rb = s.anon().request(Method::GET, "/api/crm/contacts");
        if let Some(a) = &auth {
            rb = rb.header("authorization", a);
        }
        let resp = rb.send().await.expect("send");
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{auth:?}");
        let www = resp.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(www.starts_with("Bearer"), "{auth:?}: {www}");
        assert_eq!(resp.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/problem+json"));
    }
}

async fn api_tokens_work_until_revoked(b: Backend) {
    let s = TestServer::start(b).await;
    let user = s.user("cron").await;
    let created = user.create_token(&NewApiToken { name: "cron".into(), expires_in_days: None }).await.expect("create");
    assert!(created.token.starts_with("crm_"));
    let script = s.anon().with_token(created.token.clone());
    script
        .create::<Contacts>(&NewContact { name: "Via token".into(), ..Default::default() })
        .await
        .expect("token works");
    let listed = user.list_tokens().await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "cron");
    assert!(created.token.starts_with(&listed[0].prefix));
    user.revoke_token(created.info.id).await.expect("revoke");
    let err = script.list::<Contacts>(&ListParams::default()).await.expect_err("revoked");
    assert_eq!(err.status(), Some(401));
    assert!(user.list_tokens().await.expect("list")[0].revoked_at.is_some());
}
