//! The webview engine's settings: which are chosen, and the person's own left alone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::engine::{CPU_PAINTING, NO_JIT, engine_settings, has_render_node};

#[test]
fn without_a_gpu_both_settings_apply() {
    let settings = engine_settings(false, |_| false);
    assert_eq!(
        settings,
        vec![NO_JIT, CPU_PAINTING],
        "with no GPU the JIT is off and Skia paints on the CPU instead of software GL"
    );
}

#[test]
fn with_a_gpu_webkit_keeps_its_own_painting() {
    let settings = engine_settings(true, |_| false);
    assert_eq!(
        settings,
        vec![NO_JIT],
        "a real GPU keeps WebKit's default painting; only the JIT is off"
    );
}

#[test]
fn what_the_person_set_themselves_is_left_alone() {
    let settings = engine_settings(false, |name| name == "JSC_useJIT");
    assert_eq!(
        settings,
        vec![CPU_PAINTING],
        "a JSC_useJIT already in the environment must not be overwritten"
    );
    let settings = engine_settings(false, |name| name == "WEBKIT_SKIA_ENABLE_CPU_RENDERING");
    assert_eq!(settings, vec![NO_JIT], "the person's own painting choice must not be overwritten");
}

#[test]
fn a_render_node_counts_as_a_gpu_and_a_card_alone_does_not() {
    let dri = tempfile::tempdir().unwrap();
    assert!(!has_render_node(dri.path()), "an empty /dev/dri has no GPU that can draw");
    std::fs::write(dri.path().join("card0"), b"").unwrap();
    assert!(
        !has_render_node(dri.path()),
        "a display card without a render node can't run GL painting"
    );
    std::fs::write(dri.path().join("renderD128"), b"").unwrap();
    assert!(has_render_node(dri.path()), "renderD128 is a render node");
    assert!(!has_render_node(&dri.path().join("missing")), "a missing /dev/dri counts as no GPU");
}
