//! Shared by the integration tests: the app's Tauri commands through the
//! `tauri::test` mock runtime, called as the UI calls them (request URL
//! `tauri://localhost`, JSON arguments, `{code, message, field}` errors).

use serde_json::Value;
use sundby::commands::AppState;
use sundby_core::store::Store;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

/// The app with every command registered, and its main window.
pub struct Harness {
    _app: tauri::App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
}

impl Harness {
    /// The app on an open store (usually `Store::open_in_memory()`).
    pub fn new(store: Store) -> Self {
        Self::with_state(AppState::new(Ok(store), None))
    }

    /// The app on any state, e.g. one whose database was refused.
    pub fn with_state(state: AppState) -> Self {
        let app = sundby::app::register(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("mock app");
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("main window");
        Harness { _app: app, window }
    }
}

/// Calls command `cmd` with `args`; `Err` holds the command's error object.
pub fn invoke(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().expect("json response"))
}
