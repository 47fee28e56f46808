//! "Nothing leaves the machine", guarded independently of the code that does the work:
//!
//! - no crate that can talk to a network (HTTP clients and servers, TLS stacks, async
//!   runtimes with sockets, socket helpers) is anywhere in `Cargo.lock`: dependencies,
//!   build dependencies and dev-dependencies, for every platform;
//! - no source file under `src/` names the standard library's sockets (`std::net`,
//!   `TcpStream`, `UdpSocket`…).
//!
//! Adding such a crate, directly or through a new dependency, fails this test; the person who
//! adds it has to argue the change, not slip it in.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

/// Crates whose purpose is network I/O (or that exist only to serve it).
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "hyper-tls",
    "hyper-rustls",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "minreq",
    "ehttp",
    "http-req",
    "tokio",
    "tokio-util",
    "async-std",
    "smol",
    "async-io",
    "async-net",
    "mio",
    "socket2",
    "h2",
    "h3",
    "quinn",
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "boring",
    "tungstenite",
    "websocket",
    "ws",
    "trust-dns-resolver",
    "hickory-resolver",
    "ssh2",
    "libssh2-sys",
    "git2",
    "lettre",
    "tiny_http",
    "actix-web",
    "axum",
    "warp",
    "tonic",
    "zmq",
];

/// Names that would open a socket with the standard library alone.
const SOCKET_APIS: &[&str] = &[
    "std::net",
    "TcpStream",
    "TcpListener",
    "UdpSocket",
    "UnixStream",
    "ToSocketAddrs",
];

/// Every package of a lock file: name → (versions, dependency names).
fn lock_packages(text: &str) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let lock: toml::Table = toml::from_str(text).expect("Cargo.lock is TOML");
    let mut out: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    let packages = lock
        .get("package")
        .and_then(|p| p.as_array())
        .expect("[[package]] entries");
    for p in packages {
        let name = p.get("name").and_then(|v| v.as_str()).expect("name");
        let version = p.get("version").and_then(|v| v.as_str()).unwrap_or("");
        let entry = out.entry(name.to_string()).or_default();
        entry.0.insert(version.to_string());
        for dep in p
            .get("dependencies")
            .and_then(|d| d.as_array())
            .into_iter()
            .flatten()
        {
            // "name", "name version" or "name version (source)".
            if let Some(d) = dep.as_str().and_then(|s| s.split_whitespace().next()) {
                entry.1.insert(d.to_string());
            }
        }
    }
    out
}

/// The network crates in the lock file, each with the chain of crates that pulls it in.
fn network_crates_in(text: &str, root: &str) -> Vec<String> {
    let packages = lock_packages(text);
    // Breadth-first from the root, remembering who pulled each crate in.
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = VecDeque::from([root.to_string()]);
    let mut seen = BTreeSet::from([root.to_string()]);
    while let Some(name) = queue.pop_front() {
        if let Some((_, deps)) = packages.get(&name) {
            for d in deps {
                if seen.insert(d.clone()) {
                    parent.insert(d.clone(), name.clone());
                    queue.push_back(d.clone());
                }
            }
        }
    }
    let mut found = Vec::new();
    for name in packages.keys() {
        if !NETWORK_CRATES.contains(&name.as_str()) {
            continue;
        }
        let mut chain = vec![name.clone()];
        let mut at = name.clone();
        while let Some(p) = parent.get(&at) {
            chain.push(p.clone());
            at = p.clone();
        }
        chain.reverse();
        found.push(chain.join(" → "));
    }
    found
}

#[test]
fn no_network_crate_in_the_dependency_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("Cargo.lock")).expect("read Cargo.lock");
    let packages = lock_packages(&text);
    assert!(
        packages.contains_key("kyc-precheck") && packages.len() > 50,
        "Cargo.lock does not look like this crate's lock file ({} packages)",
        packages.len()
    );
    let found = network_crates_in(&text, "kyc-precheck");
    assert!(
        found.is_empty(),
        "network crates in Cargo.lock (kyc-precheck never touches the network):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_guard_names_a_network_crate_and_who_pulls_it_in() {
    let lock = r#"
version = 4

[[package]]
name = "app"
version = "0.1.0"
dependencies = ["image", "telemetry 1.0.0"]

[[package]]
name = "image"
version = "0.25.0"

[[package]]
name = "telemetry"
version = "1.0.0"
dependencies = ["reqwest"]

[[package]]
name = "reqwest"
version = "0.12.0"
dependencies = ["tokio 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)"]

[[package]]
name = "tokio"
version = "1.0.0"
"#;
    assert_eq!(
        network_crates_in(lock, "app"),
        [
            "app → telemetry → reqwest",
            "app → telemetry → reqwest → tokio"
        ]
    );
    let clean = "version = 4\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n";
    assert!(network_crates_in(clean, "app").is_empty());
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src/").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_socket_api_in_the_sources() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "only {} source files found", files.len());
    let mut hits = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            for api in SOCKET_APIS {
                if line.contains(api) {
                    hits.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "socket APIs in src/ (kyc-precheck never touches the network):\n{}",
        hits.join("\n")
    );
}
