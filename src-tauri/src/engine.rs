//! How the Linux webview's engine (WebKitGTK) is set up, before it starts. WebKit reads these
//! from the environment of its web process, which inherits the app's; so they are set first
//! thing in `main`, while the app has one thread, and only where the person hasn't set them
//! already (their own choice wins). Phones and other desktops use their system webview and
//! ignore them.
//!
//! Both were measured with `make bench` (memory-bench, issue #13): History after 1,000 rows of
//! a 100,000-craving store went from 1.40× the blank page's memory to 1.20–1.24×; with the JIT
//! back on it was 1.30–1.37×.
//!
//! - **No JavaScript JIT** (`JSC_useJIT=false`): JavaScriptCore runs Ebb's own small script in
//!   its interpreter. The process that shows the person's data then has no memory that is both
//!   writable and executable (the JIT's 1 GiB region), and History holds 15–20 MiB less (in
//!   WebKit's own malloc heap, by /proc smaps; the JIT's code and compiler work, as far as an
//!   A/B of the option can tell). Ebb loads no one else's code. The cost: the
//!   first screen is ready about 15 ms later (41-run medians, 443 against 426 ms; the ratio to
//!   the painted floor 1.16–1.17× against 1.15×); breathing frames measured the same.
//! - **Skia's CPU painting where there is no GPU** (`WEBKIT_SKIA_ENABLE_CPU_RENDERING=1`, only
//!   when `/dev/dri` has no render node): without one, WebKit's "GPU" painting runs on Mesa's
//!   software GL (llvmpipe), the same work as Skia's own CPU rasteriser but with a GL texture
//!   pool and driver heaps on top (about 25 MiB on Now). With a GPU, WebKit's default stays.

use std::path::Path;

/// One environment variable Ebb sets for the webview's engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngineSetting {
    /// The variable's name.
    pub name: &'static str,
    /// Its value.
    pub value: &'static str,
}

/// JavaScriptCore's interpreter only.
pub const NO_JIT: EngineSetting = EngineSetting { name: "JSC_useJIT", value: "false" };
/// Skia paints on the CPU (no GL painting).
pub const CPU_PAINTING: EngineSetting =
    EngineSetting { name: "WEBKIT_SKIA_ENABLE_CPU_RENDERING", value: "1" };

/// The settings to apply: `has_gpu` tells whether a GPU render node exists, `is_set` whether a
/// variable is already in the environment (then it is left as the person set it).
pub fn engine_settings(has_gpu: bool, is_set: impl Fn(&str) -> bool) -> Vec<EngineSetting> {
    let mut wanted = vec![NO_JIT];
    if !has_gpu {
        wanted.push(CPU_PAINTING);
    }
    wanted.into_iter().filter(|s| !is_set(s.name)).collect()
}

/// Whether `dri` (normally `/dev/dri`) holds a render node (`renderD128`…): a GPU that can
/// draw. Unreadable or absent counts as none.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Sets the engine's settings in this process's environment, for the web process to inherit.
///
/// # Safety
/// Changes the environment: call it while no other thread can read it, first thing in `main`.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
pub unsafe fn prepare_environment() {
    let gpu = has_render_node(Path::new("/dev/dri"));
    for setting in engine_settings(gpu, |name| std::env::var_os(name).is_some()) {
        // SAFETY: the caller guarantees no other thread is running.
        unsafe { std::env::set_var(setting.name, setting.value) };
    }
}
