//! The journal on the real app: write it down straight after logging (a technique use), find the
//! entry on the craving's card and in the Journal, search, edit, delete; the weekly reflection;
//! raw-IPC refusals for every journal command.

use anyhow::Result;
use ebb_e2e::App;
use serde_json::{Value, json};

/// Replaces a field's value as a person clearing it and typing would (one input event).
async fn set_field(app: &App, css: &str, value: &str) -> Result<()> {
    app.wait_for(css).await?;
    app.eval_async(
        "const [css, value, done] = arguments; const el = document.querySelector(css); \
         el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); done(null);",
        vec![json!(css), json!(value)],
    )
    .await?;
    Ok(())
}

async fn open_journal(app: &App) -> Result<()> {
    app.tap("[data-place=history]").await?;
    app.wait_for("#history-title").await?;
    app.tap("[data-tab=journal]").await?;
    app.wait_for("[data-action=write-entry]").await?;
    Ok(())
}

/// Waits until the Journal lists exactly `n` entries.
async fn wait_for_entries(app: &App, n: usize) -> Result<Vec<String>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        // The list re-renders as answers arrive: a row read mid-render is read again.
        let texts = app.texts("li.entry .excerpt").await.unwrap_or_default();
        if texts.len() == n && app.all("li.entry").await?.len() == n {
            return Ok(texts);
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "expected {n} entries, saw {texts:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Waits until `n` entries are listed with `first` at the top: right after a save the list may
/// still show what it held before, for as long as its refresh takes.
async fn wait_for_first_entry(app: &App, n: usize, first: &str) -> Result<Vec<String>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let texts = wait_for_entries(app, n).await?;
        if texts.first().is_some_and(|t| t == first) {
            return Ok(texts);
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "expected {first:?} first, saw {texts:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn write_it_down_after_logging_then_find_search_edit_and_delete() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start_in(dir.path()).await?;
    app.tap("[data-intensity='8']").await?;
    app.wait_for_text("Saved").await?;
    app.tap("[data-start=journaling]").await?;
    app.wait_for("#journal-text").await?;
    let prompt = app.texts("[data-prompt]").await?;
    assert_eq!(prompt.len(), 1, "a prompt shows above the editor");
    app.tap("[data-action=another-prompt]").await?;
    let another = app.texts("[data-prompt]").await?;
    assert_ne!(prompt, another, "Another prompt moves on");
    app.type_into("#journal-text", "Walked past the harbour bar and felt the pull.").await?;
    app.screenshot("journal-editor").await?;
    app.tap("[data-action=save-entry]").await?;
    app.wait_for("[data-stage=after]").await?;
    app.wait_for_text("Saved in your journal, with this craving.").await?;
    app.tap("[data-breathe-after='4']").await?;
    app.wait_for("[data-breathe-after='4'][aria-pressed=true]").await?;
    app.tap("[data-action=close-breathing]").await?;
    app.wait_for_text("Saved").await?;

    // On the craving's card in History.
    app.tap("[data-place=history]").await?;
    app.wait_for("li.urge .journal").await?;
    let on_card = app.texts("li.urge .journal").await?;
    assert_eq!(on_card.len(), 1, "{on_card:?}");
    assert!(on_card[0].contains("harbour bar"), "the card shows the entry: {on_card:?}");
    assert!(
        app.texts("li.urge .technique").await?.iter().any(|t| t == "Write it down · 8 → 4"),
        "writing counts as a technique use with its rating after"
    );
    app.screenshot("journal-card").await?;

    // Two more entries in the Journal, one standing alone.
    open_journal(&app).await?;
    wait_for_entries(&app, 1).await?;
    assert!(
        app.texts("li.entry .about").await?[0].starts_with("About a craving at"),
        "the link to the craving shows"
    );
    for text in
        ["Slept well, no cravings this morning.", "Called Sam. It helped to say it out loud."]
    {
        app.tap("[data-action=write-entry]").await?;
        app.type_into("#journal-text", text).await?;
        app.tap("[data-action=save-entry]").await?;
        app.wait_for("[data-action=write-entry]").await?;
    }
    let listed = wait_for_entries(&app, 3).await?;
    assert!(listed[0].starts_with("Called Sam"), "newest first: {listed:?}");
    app.screenshot("journal-list").await?;

    // A long entry: characters left near the limit, refused in place past it, saved at 50,000.
    app.tap("[data-action=write-entry]").await?;
    set_field(&app, "#journal-text", &"a".repeat(49_990)).await?;
    app.wait_for_text("10 characters left").await?;
    set_field(&app, "#journal-text", &"a".repeat(50_001)).await?;
    app.wait_for_text("1 character over the 50,000 limit").await?;
    app.tap("[data-action=save-entry]").await?;
    app.wait_for_text("An entry can be up to 50,000 characters; this one has 50,001.").await?;
    set_field(&app, "#journal-text", &"a".repeat(50_000)).await?;
    app.wait_for_text("0 characters left").await?;
    app.tap("[data-action=save-entry]").await?;
    let with_long = wait_for_entries(&app, 4).await?;
    assert!(with_long[0].starts_with("aaaa"), "{with_long:?}");
    app.tap("li.entry:first-child button.open").await?;
    app.tap("[data-action=delete-entry]").await?;
    app.tap("[data-action=confirm-delete-entry]").await?;
    wait_for_entries(&app, 3).await?;

    // Search and filters.
    set_field(&app, "#journal-search", "HARBOUR").await?;
    let found = wait_for_entries(&app, 1).await?;
    assert!(found[0].contains("harbour bar"), "search ignores case: {found:?}");
    set_field(&app, "#journal-search", "nothing like this").await?;
    wait_for_entries(&app, 0).await?;
    app.wait_for_text("No entry matches.").await?;
    set_field(&app, "#journal-search", "").await?;
    wait_for_entries(&app, 3).await?;
    app.tap("[data-journal-show=alone]").await?;
    wait_for_entries(&app, 2).await?;
    app.tap("[data-journal-show=linked]").await?;
    wait_for_entries(&app, 1).await?;

    // The link opens the craving, whose detail shows the entry too.
    app.tap("li.entry [data-action=open-craving]").await?;
    app.wait_for("#detail-title").await?;
    app.wait_for_text("harbour bar").await?;
    app.wait_for("[data-action=write-about-this]").await?;
    app.tap("[data-action=back]").await?;

    // Edit, then delete (asked once).
    open_journal(&app).await?;
    app.tap("[data-journal-show=all]").await?;
    wait_for_entries(&app, 3).await?;
    app.tap("li.entry:first-child button.open").await?;
    app.wait_for("[data-action=delete-entry]").await?;
    set_field(&app, "#journal-text", "Called Sam. Changed my mind about the rest.").await?;
    app.tap("[data-action=save-entry]").await?;
    let after_edit =
        wait_for_first_entry(&app, 3, "Called Sam. Changed my mind about the rest.").await?;
    assert_eq!(after_edit.len(), 3, "the edit replaced the entry, it added none: {after_edit:?}");
    app.tap("li.entry:first-child button.open").await?;
    app.tap("[data-action=delete-entry]").await?;
    app.wait_for_text("Delete this entry? It is gone for good.").await?;
    app.tap("[data-action=confirm-delete-entry]").await?;
    let left = wait_for_entries(&app, 2).await?;
    assert!(left.iter().all(|t| !t.starts_with("Called Sam")), "{left:?}");
    app.close().await?;

    let store = ebb_e2e::open_store(&dir.path().join("ebb.db"))?;
    let conn = store.connection();
    let rows: i64 = conn.query_row("SELECT count(*) FROM journal_entries", [], |r| r.get(0))?;
    assert_eq!(rows, 2, "the deleted entry is gone for real");
    let (technique, completed, after, linked): (String, bool, Option<i64>, bool) = conn.query_row(
        "SELECT technique_id, completed, intensity_after, urge_id IS NOT NULL \
             FROM technique_sessions",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    assert_eq!((technique.as_str(), completed, after, linked), ("journaling", true, Some(4), true));
    Ok(())
}

#[tokio::test]
async fn the_weekly_reflection_is_offered_once_opted_in_and_saved_as_an_entry() -> Result<()> {
    let app = App::start().await?;
    app.open_settings("checkins").await?;
    app.tap("input[name=weeklyReflection]").await?;
    app.wait_for("input[name=weeklyReflection]:checked").await?;
    app.tap("[data-place=now]").await?;
    app.tap("[data-action=open-reflection]").await?;
    app.tap("[data-week=harder]").await?;
    app.wait_for_text("A harder week tells you something").await?;
    app.tap("[data-helped=not-sure]").await?;
    app.tap("[data-next='urge-surfing']").await?;
    app.type_into("input[name=reflection-line]", "Early nights helped.").await?;
    app.screenshot("journal-reflection").await?;
    app.tap("[data-action=save-reflection]").await?;
    app.wait_for_text("Saved in your journal.").await?;
    app.tap("[data-action=reflection-done]").await?;
    assert!(app.all("[data-action=open-reflection]").await?.is_empty(), "done for this week");

    open_journal(&app).await?;
    app.tap("[data-journal-show=reflections]").await?;
    let texts = wait_for_entries(&app, 1).await?;
    assert!(texts[0].starts_with("This week felt harder."), "{texts:?}");
    assert!(texts[0].contains("Next week I'll try: Urge surfing."), "{texts:?}");
    assert_eq!(app.texts("li.entry .tag").await?, ["Weekly reflection"]);
    let status = app.invoke("reflection_status", json!({})).await?.expect("status");
    assert_eq!(status["due"], false, "{status}");
    app.close().await
}

/// The whole journal as the app lists it.
async fn journal_snapshot(app: &App) -> Result<Value> {
    let page = app.invoke("list_journal", json!({ "request": { "limit": 100 } })).await?;
    page.map_err(|e| anyhow::anyhow!("list_journal refused: {e}"))
}

#[tokio::test]
async fn bad_journal_input_through_raw_ipc_is_refused_and_changes_nothing() -> Result<()> {
    let app = App::start().await?;
    let urge =
        app.invoke("log_urge", json!({ "request": { "intensity": 5 } })).await?.expect("log");
    let kept = app
        .invoke(
            "create_journal_entry",
            json!({ "request": { "body": "kept", "urgeId": urge["id"] } }),
        )
        .await?
        .expect("a good entry");
    let before = journal_snapshot(&app).await?;
    let long = "x".repeat(50_001);
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "create_journal_entry",
            json!({ "body": long }),
            "An entry can be up to 50,000 characters; this one has 50,001. Nothing was saved.",
        ),
        (
            "create_journal_entry",
            json!({ "body": "  " }),
            "An entry needs at least one letter or number. Nothing was saved.",
        ),
        (
            "create_journal_entry",
            json!({ "body": "x", "urgeId": "no-such-craving" }),
            "That craving isn't here any more (it may have been deleted). Nothing was saved.",
        ),
        (
            "create_journal_entry",
            json!({ "body": "x", "sessionId": "no-such-session" }),
            "That journaling session isn't here any more. Nothing was saved.",
        ),
        (
            "create_journal_entry",
            json!({ "body": "x", "mood": "fine" }),
            "Ebb doesn't know \u{201c}mood\u{201d} here.",
        ),
        ("create_journal_entry", json!({}), "The text is missing."),
        (
            "edit_journal_entry",
            json!({ "id": kept["id"], "body": "x".repeat(50_001) }),
            "An entry can be up to 50,000 characters; this one has 50,001. Nothing was saved.",
        ),
        (
            "edit_journal_entry",
            json!({ "id": kept["id"], "body": "" }),
            "An entry needs at least one letter or number. Nothing was saved.",
        ),
        (
            "edit_journal_entry",
            json!({ "id": "no-such-entry", "body": "x" }),
            "That journal entry isn't here any more (it may have been deleted).",
        ),
        (
            "delete_journal_entry",
            json!({ "id": "no-such-entry" }),
            "That journal entry isn't here any more (it may have been deleted).",
        ),
        (
            "get_journal_entry",
            json!({ "id": "no-such-entry" }),
            "That journal entry isn't here any more (it may have been deleted).",
        ),
        ("list_journal", json!({ "limit": 0 }), "A page holds 1 to 100 entries; got 0."),
        (
            "list_journal",
            json!({ "limit": 10, "filter": { "text": "s".repeat(201) } }),
            "A search is up to 200 characters; this one has 201.",
        ),
        (
            "list_journal",
            json!({ "limit": 10, "filter": { "from": "2026-12-02", "to": "2026-12-01" } }),
            "The start date (2026-12-02) is after the end date (2026-12-01): swap them?",
        ),
        (
            "journal_for_urges",
            json!({ "urgeIds": vec!["x"; 201] }),
            "Ask for the entries of up to 200 cravings at once; got 201.",
        ),
        ("save_reflection", json!({ "week": "awful" }), "should be one of: harder, mixed, better"),
        (
            "save_reflection",
            json!({ "week": "mixed", "helpedTechniqueId": "no-such-technique" }),
            "There is no technique called \u{201c}no-such-technique\u{201d}.",
        ),
        (
            "save_reflection",
            json!({ "week": "mixed", "line": "l".repeat(1001) }),
            "The line can be up to 1,000 characters; this one has 1,001. Nothing was saved.",
        ),
    ];
    for (command, request, expected) in cases {
        let answer = app.invoke(command, json!({ "request": request })).await?;
        let error = answer.expect_err("a bad request must be refused");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(expected),
            "{command}: message {message:?} should contain {expected:?}"
        );
        assert!(
            error["code"] == "invalid_input" || error["code"] == "not_found",
            "refusals are typed: {error}"
        );
    }
    assert_eq!(journal_snapshot(&app).await?, before, "no refused request changed the journal");
    let unknown_urge = app
        .invoke("journal_for_urges", json!({ "request": { "urgeIds": ["no-such-craving"] } }))
        .await?;
    assert_eq!(unknown_urge, Ok(json!([])), "an unknown craving simply has no entries");
    assert_eq!(
        app.invoke("journal_prompts", json!({})).await?.map(|p| p.as_array().map(Vec::len)),
        Ok(Some(4))
    );
    app.close().await
}

#[tokio::test]
async fn writing_left_with_back_is_kept_as_a_draft_and_comes_back() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='6']").await?;
    app.wait_for_text("Saved").await?;
    app.tap("[data-place=history]").await?;
    app.tap("li.urge .open").await?;
    app.tap("[data-action=write-about-this]").await?;
    set_field(&app, "#journal-text", "The call with mum, and what I wanted to say.").await?;
    // The system Back, as a phone's back button sends it.
    app.eval("history.back()").await?;
    app.wait_for("[data-draft-kept]").await?;
    let kept = app.texts("[data-draft-kept]").await?.join(" ");
    assert!(kept.contains("kept as a draft"), "the person is told their words are kept: {kept}");
    app.tap("[data-action=write-about-this]").await?;
    app.wait_for("[data-draft-back]").await?;
    let text = app.eval("return document.querySelector('#journal-text').value").await?;
    assert_eq!(
        text.as_str(),
        Some("The call with mum, and what I wanted to say."),
        "reopening the editor for the same craving brings the words back"
    );
    app.screenshot("journal-draft-back").await?;
    app.close().await
}
