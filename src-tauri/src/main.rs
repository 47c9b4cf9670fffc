// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
// The one unsafe call: the engine's environment, set before any thread exists.
#![allow(unsafe_code)]

fn main() {
    // The Linux webview's engine settings, in the environment its web process inherits (see
    // engine.rs).
    #[cfg(target_os = "linux")]
    // SAFETY: first thing in main, before any thread exists.
    unsafe {
        ebb_app_lib::engine::prepare_environment()
    };
    ebb_app_lib::run();
}
