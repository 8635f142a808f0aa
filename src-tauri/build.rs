//! Build script: embeds `ui/` and the config through tauri-build, declares
//! every app command from the one list (`src-tauri/commands/list.rs`) and
//! writes each area's capability from it, so that `src-tauri/capabilities/`
//! allows exactly those commands and nothing else.

use std::path::Path;

#[path = "commands/list.rs"]
mod list;

/// Where the capabilities live, relative to the package root (the build
/// script's working directory).
const CAPABILITIES_DIR: &str = "src-tauri/capabilities";

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/commands/list.rs");
    // A custom capabilities path is not watched by tauri-build.
    println!("cargo:rerun-if-changed={CAPABILITIES_DIR}");
    if let Err(e) = write_capabilities(Path::new(CAPABILITIES_DIR)) {
        eprintln!("capabilities: {e}");
        std::process::exit(1);
    }
    // tauri-build keeps the list for the whole build: leaked once, on purpose.
    let commands: &'static [&'static str] = Vec::leak(list::all().collect());
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}

/// Writes `<area>.json` for every area whose file differs from the list, and
/// refuses any other capability file (it would grant what the list does not).
fn write_capabilities(dir: &Path) -> Result<(), String> {
    for area in list::AREAS {
        let path = dir.join(format!("{}.json", area.name));
        let json = list::capability_json(area);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
            std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        let known = list::AREAS
            .iter()
            .any(|a| name.strip_suffix(".json") == Some(a.name));
        if !known {
            return Err(format!(
                "{dir}/{name} is not an area of src-tauri/commands/list.rs; remove it or add the area",
                dir = dir.display()
            ));
        }
    }
    Ok(())
}
