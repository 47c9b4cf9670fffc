//! The open-source licences of what Ebb ships, generated (Settings → About shows them):
//! every crate the app links (normal dependencies of `ebb-app` for Linux, from `cargo metadata`),
//! every npm package whose code is in the UI bundle (the UI's dependencies, and Svelte, whose
//! runtime is compiled in, with their own dependencies, from `ui/package-lock.json`), and the
//! embedded font, and the C libraries SQLCipher and OpenSSL that crates compile in.
//!
//! `licences` rewrites `src-tauri/licences.json`; `licences --check` fails when it is out of date
//! (run by `make test`).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::process::Command;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

fn crates() -> Result<BTreeSet<(String, String, String)>> {
    let root = ebb_e2e::workspace_root();
    let output = Command::new(env!("CARGO"))
        .current_dir(&root)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            "x86_64-unknown-linux-gnu",
        ])
        .output()
        .context("cargo metadata")?;
    if !output.status.success() {
        bail!("cargo metadata: {}", String::from_utf8_lossy(&output.stderr));
    }
    let meta: Value = serde_json::from_slice(&output.stdout)?;
    let packages: BTreeMap<&str, &Value> = meta["packages"]
        .as_array()
        .context("packages")?
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: BTreeMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .context("resolve")?
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let start = packages
        .iter()
        .find(|(_, p)| p["name"] == "ebb-app")
        .map(|(id, _)| *id)
        .context("ebb-app")?;
    // Normal (not dev, not build) dependencies only: what ends up in the binary.
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([start]);
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes.get(id).and_then(|n| n["deps"].as_array()).into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|k| k["kind"].is_null()));
            if normal && let Some(pkg) = dep["pkg"].as_str() {
                queue.push_back(pkg);
            }
        }
    }
    Ok(seen
        .into_iter()
        .filter_map(|id| packages.get(id))
        .filter(|p| p["source"].is_string())
        .map(|p| {
            (
                p["name"].as_str().unwrap_or_default().to_owned(),
                p["version"].as_str().unwrap_or_default().to_owned(),
                p["license"].as_str().unwrap_or("see its repository").to_owned(),
            )
        })
        .collect())
}

fn npm() -> Result<BTreeSet<(String, String, String)>> {
    let ui = ebb_e2e::workspace_root().join("ui");
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(ui.join("package.json"))?)?;
    let lock: Value =
        serde_json::from_str(&std::fs::read_to_string(ui.join("package-lock.json"))?)?;
    let packages = lock["packages"].as_object().context("lock packages")?;
    let mut queue: VecDeque<String> = manifest["dependencies"]
        .as_object()
        .into_iter()
        .flat_map(|d| d.keys().cloned())
        .chain(["svelte".to_owned()])
        .collect();
    let mut out = BTreeSet::new();
    let mut seen = BTreeSet::new();
    while let Some(name) = queue.pop_front() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let Some(entry) = packages.get(&format!("node_modules/{name}")) else { continue };
        out.insert((
            name,
            entry["version"].as_str().unwrap_or_default().to_owned(),
            entry["license"].as_str().unwrap_or("see its repository").to_owned(),
        ));
        for dep in entry["dependencies"].as_object().into_iter().flat_map(|d| d.keys()) {
            queue.push_back(dep.clone());
        }
    }
    Ok(out)
}

fn generate() -> Result<String> {
    let mut list = Vec::new();
    for (name, version, license) in crates()? {
        list.push(json!({ "name": name, "version": version, "license": license, "kind": "crate" }));
    }
    for (name, version, license) in npm()? {
        list.push(json!({ "name": name, "version": version, "license": license, "kind": "npm" }));
    }
    // C libraries compiled in by crates whose own licence is about the glue.
    let versions: BTreeMap<String, String> =
        crates()?.into_iter().map(|(name, version, _)| (name, version)).collect();
    if let Some(v) = versions.get("libsqlite3-sys") {
        list.push(json!({
            "name": format!("SQLCipher (built by libsqlite3-sys {v})"),
            "version": "4.x",
            "license": "BSD-3-Clause",
            "kind": "c",
        }));
    }
    if versions.contains_key("openssl-sys") {
        // openssl-src is a build dependency of openssl-sys (vendored): its code ships.
        list.push(json!({
            "name": "OpenSSL (vendored by openssl-sys)",
            "version": "3.x",
            "license": "Apache-2.0",
            "kind": "c",
        }));
    }
    list.push(json!({
        "name": "Noto Sans (subset)",
        "version": "2.x",
        "license": "OFL-1.1",
        "kind": "font",
    }));
    Ok(serde_json::to_string_pretty(&list)? + "\n")
}

fn main() -> Result<()> {
    let path = ebb_e2e::workspace_root().join("src-tauri/licences.json");
    let fresh = generate()?;
    if std::env::args().any(|a| a == "--check") {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != fresh {
            bail!("{} is out of date: run `make licences`", path.display());
        }
        println!("{} is current.", path.display());
    } else {
        std::fs::write(&path, fresh)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
