//! The Dockerfile and the Kubernetes manifests cannot be run here (no container engine); this
//! checks that they stay consistent with the code and the README.

use std::path::PathBuf;

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

#[test]
fn probes_point_at_endpoints_that_exist_and_need_no_token() {
    let deployment = read("k8s/deployment.yaml");
    let documented: Vec<(String, bool)> =
        crm_server::http::endpoints().into_iter().map(|e| (e.path, e.doc.auth)).collect();
    for probe in ["/healthz", "/readyz"] {
        assert!(deployment.contains(&format!("path: {probe}")), "deployment probes {probe}");
        assert!(documented.contains(&(probe.to_string(), false)), "{probe} is a public endpoint");
    }
}

#[test]
fn the_secret_carries_what_the_server_reads_and_the_readme_documents_it() {
    let secret = read("k8s/secret.yaml");
    let readme = read("README.md");
    let deployment = read("k8s/deployment.yaml");
    for key in ["JWT_SECRET", "DATABASE_URL"] {
        assert!(secret.contains(&format!("{key}:")), "secret has {key}");
        assert!(readme.contains(&format!("`{key}`")), "README documents {key}");
    }
    assert!(secret.contains("CRM_ENCRYPTION_KEY:"));
    assert!(deployment.contains("secretRef:\n                name: crm-secrets"));
    for env in ["CRM_ENV", "CRM_BIND", "CRM_DB_POOL"] {
        assert!(deployment.contains(&format!("name: {env}")), "deployment sets {env}");
        assert!(readme.contains(&format!("`{env}`")), "README documents {env}");
    }
}

#[test]
fn the_image_builds_the_workspace_binaries_and_runs_as_non_root() {
    let dockerfile = read("Dockerfile");
    assert!(dockerfile.contains("-p crm-server -p crm-cli"));
    assert!(dockerfile.contains("target/release/crm-server") && dockerfile.contains("target/release/crm "));
    assert!(dockerfile.contains("USER 10001"));
    assert!(dockerfile.contains("CRM_BIND=0.0.0.0:3000"));
    let cli = read("crm-cli/Cargo.toml");
    assert!(cli.contains("name = \"crm\""), "the CLI binary is called crm");
    let cron = read("k8s/cronjob.yaml");
    assert!(cron.contains("\"/usr/local/bin/crm\""));
    assert!(cron.contains("schedule: \"*/15 * * * *\""));
}
