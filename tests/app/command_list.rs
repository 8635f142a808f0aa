//! The one list of commands (`src-tauri/commands/list.rs`) against the four
//! other places that name a command: the `#[tauri::command]` functions in
//! `src-tauri/commands/`, the handler list in `app.rs`, the capabilities in
//! `src-tauri/capabilities/` (written by `build.rs` from the list) and the
//! calls in `ui/api.js`. A command missing from one of them, extra in one,
//! or in another area's file fails the test by name. The capabilities are
//! also held to least privilege: only `allow-<command>` for the main window.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use sundby::commands::list;

/// Where a place names a command: its area when the place has areas.
type Named = Vec<(Option<String>, String)>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files of a directory with this extension, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

/// The entries of `tauri::generate_handler![...]` in `app.rs`:
/// `commands::<area>::<command>`.
fn app_handlers(app_rs: &str) -> Named {
    let start = app_rs
        .find("generate_handler![")
        .expect("app.rs has a generate_handler! list");
    let body = &app_rs[start + "generate_handler![".len()..];
    let body = &body[..body.find(']').expect("generate_handler! is closed")];
    body.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .flat_map(|l| l.split(','))
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| {
            let parts: Vec<&str> = e.split("::").collect();
            match parts.as_slice() {
                ["commands", area, name] => (Some(area.to_string()), name.to_string()),
                _ => panic!("app.rs handler `{e}` is not commands::<area>::<command>"),
            }
        })
        .collect()
}

/// Every function marked `#[tauri::command]` in a file of `src-tauri/commands/`.
fn command_fns(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut marked = false;
    for line in source.lines().map(str::trim) {
        if line.starts_with("//") {
            continue;
        }
        if line.starts_with("#[tauri::command") {
            marked = true;
        }
        if marked {
            if let Some(rest) = line.split_once("fn ").map(|(_, r)| r) {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
                marked = false;
            }
        }
    }
    names
}

/// Every `call('<command>'` in `ui/api.js`.
fn api_calls(api_js: &str) -> Vec<String> {
    let mut names = Vec::new();
    for quote in ['\'', '"'] {
        let opening = format!("call({quote}");
        for (at, _) in api_js.match_indices(&opening) {
            let rest = &api_js[at + opening.len()..];
            let end = rest.find(quote).expect("closed command name");
            names.push(rest[..end].to_string());
        }
    }
    names
}

/// The capability's permissions as command names, with every problem of
/// least privilege found on the way.
fn capability_commands(path: &Path, problems: &mut Vec<String>) -> Vec<String> {
    let file = path.display();
    let json: serde_json::Value =
        serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{file} is not JSON: {e}"));
    if json["identifier"] != stem(path).as_str() {
        problems.push(format!("{file}: identifier is not the file's name"));
    }
    if json["windows"] != serde_json::json!(["main"]) {
        problems.push(format!("{file}: windows must be exactly [\"main\"]"));
    }
    for key in ["webviews", "remote", "platforms"] {
        if json.get(key).is_some() {
            problems.push(format!("{file}: unexpected `{key}`"));
        }
    }
    let permissions = json["permissions"].as_array().cloned().unwrap_or_default();
    permissions
        .iter()
        .filter_map(|p| match p.as_str() {
            Some(p) if p.starts_with("allow-") && !p.contains(':') => {
                Some(p["allow-".len()..].replace('-', "_"))
            }
            _ => {
                problems.push(format!(
                    "{file}: permission {p} is not one of the app's own commands \
                     (no plugin, file system, shell or network permission)"
                ));
                None
            }
        })
        .collect()
}

/// Compares one place with the list: duplicates, missing, extra, wrong area.
fn compare(place: &str, named: &Named, problems: &mut Vec<String>) {
    let listed: BTreeMap<&str, &str> = list::AREAS
        .iter()
        .flat_map(|a| a.commands.iter().map(move |c| (*c, a.name)))
        .collect();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (area, name) in named {
        *seen.entry(name.as_str()).or_default() += 1;
        match (listed.get(name.as_str()), area) {
            (None, _) => problems.push(format!(
                "command `{name}`: in {place} but not in src-tauri/commands/list.rs"
            )),
            (Some(want), Some(area)) if want != area => problems.push(format!(
                "command `{name}`: in area `{area}` in {place}, but listed under `{want}`"
            )),
            _ => {}
        }
    }
    for (name, count) in &seen {
        if *count > 1 {
            problems.push(format!("command `{name}`: {count} times in {place}"));
        }
    }
    for name in listed.keys() {
        if !seen.contains_key(name) {
            problems.push(format!("command `{name}`: missing from {place}"));
        }
    }
}

#[test]
fn every_command_is_named_alike_in_all_five_places() {
    let root = root();
    let src = root.join("src-tauri");
    let mut problems = Vec::new();

    // The list itself: no command twice, no area twice.
    let mut names: Vec<&str> = list::all().collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    if names.len() != count {
        problems.push("src-tauri/commands/list.rs names a command twice".to_string());
    }

    // build.rs declares the list (it has none of its own).
    let build_rs = read(&src.join("build.rs"));
    if !build_rs.contains("#[path = \"commands/list.rs\"]") || !build_rs.contains("list::all()") {
        problems.push("build.rs does not declare the commands of commands/list.rs".to_string());
    }

    let app_rs = read(&src.join("app.rs"));
    compare(
        "app.rs generate_handler!",
        &app_handlers(&app_rs),
        &mut problems,
    );

    let mut fns = Named::new();
    for path in files(&src.join("commands"), "rs") {
        let area = stem(&path);
        for name in command_fns(&read(&path)) {
            fns.push((Some(area.clone()), name));
        }
    }
    compare(
        "a #[tauri::command] fn in src-tauri/commands/",
        &fns,
        &mut problems,
    );

    let mut allowed = Named::new();
    for path in files(&src.join("capabilities"), "json") {
        let area = stem(&path);
        for name in capability_commands(&path, &mut problems) {
            allowed.push((Some(area.clone()), name));
        }
        if let Some(a) = list::AREAS.iter().find(|a| a.name == area) {
            if read(&path) != list::capability_json(a) {
                problems.push(format!(
                    "{}: not as build.rs writes it from the list (build again)",
                    path.display()
                ));
            }
        }
    }
    compare("src-tauri/capabilities/*.json", &allowed, &mut problems);

    let api: Named = api_calls(&read(&root.join("ui/api.js")))
        .into_iter()
        .map(|name| (None, name))
        .collect();
    compare("ui/api.js", &api, &mut problems);

    assert!(
        problems.is_empty(),
        "the command lists disagree:\n  {}",
        problems.join("\n  ")
    );
}

/// The capability files are all there is: `tauri.conf.json` inlines no
/// capability (it would escape the check above) and configures no plugin for
/// the web view.
#[test]
fn the_config_grants_nothing_beside_the_capability_files() {
    let path = root().join("tauri.conf.json");
    let conf: serde_json::Value = serde_json::from_str(&read(&path)).expect("tauri.conf.json");
    assert!(
        conf["app"]["security"].get("capabilities").is_none(),
        "tauri.conf.json must not list or inline capabilities"
    );
    assert!(
        conf.get("plugins").is_none(),
        "tauri.conf.json must not configure plugins for the web view"
    );
}

/// Commands only translate: every message comes from a core error's
/// `Localize` impl through `CommandError::from_error`, none is written in a
/// command or in `app.rs`.
#[test]
fn commands_carry_no_messages_of_their_own() {
    let src = root().join("src-tauri");
    let mut sources = files(&src.join("commands"), "rs");
    sources.push(src.join("app.rs"));
    let mut problems = Vec::new();
    for path in sources {
        let text = read(&path);
        let own = stem(&path) == "mod";
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let message = code.contains("Lang::Da =>") || code.contains("Lang::En =>");
            let literal =
                !own && code.contains("CommandError {") && !code.contains("-> CommandError {");
            if message || literal {
                problems.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "messages belong in the core's Localize impls (or ui/i18n/), not here:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn the_parsers_find_what_they_look_for() {
    let app =
        "x(tauri::generate_handler![\n  // note\n  commands::a::one,\n  commands::b::two,\n])";
    assert_eq!(
        app_handlers(app),
        vec![
            (Some("a".to_string()), "one".to_string()),
            (Some("b".to_string()), "two".to_string())
        ]
    );
    let fns = "//! `#[tauri::command]` in a doc\nfn helper() {}\n#[tauri::command]\n\
               pub async fn first<R: Runtime>(\n#[tauri::command]\n/// doc\npub fn second() {}";
    assert_eq!(command_fns(fns), vec!["first", "second"]);
    let api = "async function call(cmd, args) {}\nexport const a = () => call('one');\n\
               export const b = (x) => call(\"two\", { x });";
    assert_eq!(api_calls(api), vec!["one", "two"]);
}
