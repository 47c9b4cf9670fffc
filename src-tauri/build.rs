fn main() {
    // Each app command gets a generated permission (`allow-<command>`); the capability file
    // grants exactly those the UI uses, so a command added here is unreachable until granted.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "app_status",
            "ui_ready",
            "log_urge",
            "set_urge_note",
            "delete_urge",
            "list_urges",
            "count_urges",
            "get_urge",
            "edit_urge",
            "set_urge_chip",
            "list_things",
            "add_thing",
            "update_thing",
            "default_thing",
            "list_chips",
            "add_chip",
            "update_chip",
            "set_outcome",
            "get_rerate",
            "dismiss_rerate",
            "get_settings",
            "update_settings",
            "list_techniques",
            "start_session",
            "finish_session",
            "create_pattern",
            "update_pattern",
            "delete_pattern",
            "set_technique_hidden",
            "record_check_in",
            "count_matching",
            "what_helps",
            "suggest",
            "record_suggestion",
            "get_insights",
        ]),
    ))
    .expect("tauri-build failed: check tauri.conf.json and the capabilities folder");
}
