// Signals "ready" as soon as a blank page runs, for the startup benchmark's floor.
window.__TAURI_INTERNALS__.invoke('ui_ready');
