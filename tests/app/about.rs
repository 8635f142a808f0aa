//! The "Om Sund By Partner" page's data against `sundby info`, and the
//! generated licence list (`ui/views/about/licences.js`, written by
//! `scripts/licences.py`) against the crates that are really in the binary:
//! `cargo metadata`'s resolved graph, walked from `sundby` along normal
//! dependencies (build and dev dependencies are not linked in).

use crate::common::cli::sundby;
use crate::common::{invoke, Harness};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use sundby::commands::AppState;
use sundby_core::store::Store;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `label: value` lines of `sundby info`.
fn info_lines(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[test]
fn the_about_page_shows_what_sundby_info_prints() {
    let dir = tempfile::tempdir().unwrap();
    let out = sundby(dir.path(), &["info"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = info_lines(&String::from_utf8_lossy(&out.stdout));

    let (store, _) = Store::open_dir(dir.path()).unwrap();
    let h = Harness::with_state(AppState::new(Ok(store), Some(dir.path().to_path_buf())));
    let about = invoke(&h, "about_info", json!({})).unwrap();
    assert_eq!(about["version"], info["version"].as_str());
    assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(about["data_dir"], info["datamappe"].as_str());
    assert_eq!(about["db_path"], info["database"].as_str());
    assert_eq!(about["schema_version"].to_string(), info["skemaversion"]);
    assert_eq!(about["schema_known"], sundby_core::store::schema_version());
    assert_eq!(
        about["db_path"],
        dir.path().join("sundby.sqlite3").display().to_string()
    );
}

/// The generated file's data (the JSON after `export default`).
fn licence_list() -> Value {
    let path = root().join("ui/views/about/licences.js");
    let js = std::fs::read_to_string(&path).unwrap();
    let start = js.find("export default ").expect("export default") + "export default ".len();
    let end = js.rfind(';').expect("closing ;");
    serde_json::from_str(&js[start..end]).expect("licences.js holds JSON")
}

fn host_triple() -> String {
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("-vV")
        .output()
        .expect("rustc -vV");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("rustc names its host")
}

/// `name version` of every package reachable from `sundby` along normal
/// dependency edges of `cargo metadata`'s resolved graph for this platform.
fn crates_in_binary() -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root())
        .args(["metadata", "--format-version", "1", "--locked"])
        .args(["--filter-platform", &host_triple()])
        .output()
        .expect("cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages: HashMap<&str, &Value> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p))
        .collect();
    let nodes: HashMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let root_id = packages
        .values()
        .find(|p| p["name"] == "sundby" && p["source"].is_null())
        .map(|p| p["id"].as_str().unwrap())
        .expect("the sundby package");
    let mut seen = BTreeSet::new();
    let mut stack = vec![root_id];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            if normal {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    seen.iter()
        .map(|id| {
            format!(
                "{} {}",
                packages[id]["name"].as_str().unwrap(),
                packages[id]["version"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn the_licence_list_names_every_crate_in_the_binary_with_a_text() {
    let list = licence_list();
    let texts = list["texts"].as_array().unwrap();
    let listed: BTreeSet<String> = list["crates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["name"].as_str().unwrap(),
                c["version"].as_str().unwrap()
            )
        })
        .collect();
    let wanted = crates_in_binary();
    let missing: Vec<&String> = wanted.difference(&listed).collect();
    let extra: Vec<&String> = listed.difference(&wanted).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "ui/views/about/licences.js is out of date; run `python3 scripts/licences.py`.\n\
         missing: {missing:?}\nno longer in the binary: {extra:?}"
    );
    for c in list["crates"].as_array().unwrap() {
        let ids = c["texts"].as_array().unwrap();
        assert!(!ids.is_empty(), "{} has no licence text", c["name"]);
        assert!(
            !c["licence"].as_str().unwrap().is_empty(),
            "{} declares no licence",
            c["name"]
        );
        for id in ids {
            assert!(
                id.as_u64().unwrap() < texts.len() as u64,
                "{}: text {id}",
                c["name"]
            );
        }
    }
    // The app's own crates carry the repository's LICENSE.
    let own = std::fs::read_to_string(root().join("LICENSE")).unwrap();
    let sundby = list["crates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "sundby")
        .unwrap();
    let text = texts[sundby["texts"][0].as_u64().unwrap() as usize]
        .as_str()
        .unwrap();
    assert_eq!(text.trim(), own.trim());
}

#[test]
fn the_licence_list_carries_the_ofl_text_of_every_bundled_font() {
    let list = licence_list();
    let texts = list["texts"].as_array().unwrap();
    // The PDFs' own faces, and Lato shared with the window's @font-face.
    let font_dirs = [root().join("src-tauri/core/fonts"), root().join("ui/fonts")];
    let listed: BTreeSet<String> = list["fonts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["files"].as_array().unwrap().iter())
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    let on_disk: BTreeSet<String> = font_dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ttf") || n.ends_with(".otf"))
        .collect();
    assert_eq!(listed, on_disk, "every bundled font file is listed");
    for f in list["fonts"].as_array().unwrap() {
        assert_eq!(f["licence"], "OFL-1.1");
        let text = texts[f["text"].as_u64().unwrap() as usize]
            .as_str()
            .unwrap();
        // The whole licence, not only a notice pointing at it.
        let lower = text.to_lowercase();
        assert!(
            lower.contains("sil open font license, version 1.1")
                || lower.contains("sil open font license version 1.1"),
            "{}",
            f["family"]
        );
        assert!(
            text.contains("PREAMBLE") && text.contains("TERMINATION"),
            "{}",
            f["family"]
        );
        let family = f["family"].as_str().unwrap().replace(' ', "");
        let file = font_dirs
            .iter()
            .map(|d| d.join(format!("OFL-{family}.txt")))
            .find(|f| f.exists())
            .unwrap();
        assert_eq!(text.trim(), read_trimmed(&file), "{}", file.display());
    }
}

fn read_trimmed(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .replace("\r\n", "\n")
        .trim()
        .to_string()
}
