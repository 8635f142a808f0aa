pub mod grants;
pub mod i18n;
pub mod images;
pub mod settings;
pub mod store;
pub mod validate;

pub fn run() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .ok();
}
