//! Bring it to your next session (#12) on the real app at 390×844: a summary of a generated
//! data folder with two sections and one of two journal entries, previewed and saved through the
//! Save button (the platform dialog answered by the test), the file read back; and the coping
//! plan card drafted, edited and saved as a lock-screen PNG.

use anyhow::{Result, ensure};
use chrono::Utc;
use ebb_core::{GenerateOptions, NewJournalEntry};
use ebb_e2e::App;

/// Answers the platform's save dialog (GTK's, a window of its own that WebDriver can't see)
/// as a person would: types the full path into its name field and presses Enter (xdotool,
/// under the test's X display).
async fn answer_save_dialog_with(path: &std::path::Path) -> Result<()> {
    let started = std::time::Instant::now();
    let window = loop {
        let found = std::process::Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", "^Save"])
            .output()?;
        let ids = String::from_utf8_lossy(&found.stdout);
        if let Some(id) = ids.lines().next() {
            break id.trim().to_owned();
        }
        ensure!(started.elapsed().as_secs() < 20, "no save dialog appeared within 20 s");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    // Give GTK a moment to put the focus in the name field.
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    let xdotool = |args: &[&str]| -> Result<()> {
        let status = std::process::Command::new("xdotool").args(args).status()?;
        ensure!(status.success(), "xdotool {args:?} failed");
        Ok(())
    };
    xdotool(&["windowfocus", "--sync", &window])?;
    xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
    xdotool(&["type", "--delay", "15", &path.display().to_string()])?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    xdotool(&["key", "Return"])?;
    Ok(())
}

/// The PDF's text, whitespace removed (extraction may join wrapped lines without a space).
fn pdf_text(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path)?;
    ensure!(bytes.starts_with(b"%PDF-"), "{} is a PDF", path.display());
    let text = pdf_extract::extract_text_from_mem(&bytes)?;
    Ok(text.chars().filter(|c| !c.is_whitespace()).collect())
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// axe-core finds nothing on `screen`, in light and then dark.
async fn audit_light_and_dark(app: &App, screen: &str) -> Result<()> {
    for theme in ["light", "dark"] {
        app.set_theme(theme).await?;
        let violations = app.axe(Some(screen)).await?;
        ensure!(violations.is_empty(), "axe-core in {theme} on {screen}: {violations:#?}");
    }
    app.set_theme("light").await
}

const SHARED: &str = "The evenings after work are the hardest part of my week.";
const PRIVATE: &str = "Something about my family I am not ready to share yet.";

#[tokio::test]
async fn a_summary_with_two_sections_and_one_journal_entry_is_saved_as_previewed() -> Result<()> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let mut store = ebb_e2e::open_store(&dir.path().join("ebb.db"))?;
    store.generate(&GenerateOptions::new(300, 12, Utc::now()))?;
    let shared = store
        .create_journal_entry(NewJournalEntry { body: SHARED.into(), ..Default::default() })?;
    store.create_journal_entry(NewJournalEntry { body: PRIVATE.into(), ..Default::default() })?;
    drop(store);

    let app = App::start_in(dir.path()).await?;
    app.tap("[data-place=insights]").await?;
    app.tap("[data-testid=make-summary]").await?;
    app.wait_for("[data-testid=summary-screen]").await?;
    app.wait_for("[data-testid=summary-preview] img").await?;
    // Two sections: cravings over time and what helps me; then the journal, one entry ticked.
    for section in ["talkAbout", "when", "triggers", "goals", "plans", "practice"] {
        app.tap(&format!("[data-summary-section={section}] input[type=checkbox]")).await?;
    }
    app.tap("[data-summary-section=journal] input[type=checkbox]").await?;
    let ticked = format!("[data-journal-choice='{}']", shared.id);
    app.tap(&ticked).await?;
    let boxes = app.all("[data-journal-choice]").await?;
    ensure!(boxes.len() == 2, "both of the period's entries are offered, got {}", boxes.len());
    let mut checked = 0;
    for b in &boxes {
        if b.prop("checked").await?.as_deref() == Some("true") {
            checked += 1;
        }
    }
    ensure!(checked == 1, "only the entry ticked is ticked ({checked})");
    // The preview follows: the shared words appear in its text, the private ones never.
    let mut preview = String::new();
    for _ in 0..50 {
        let text = app
            .eval("return document.querySelector('[data-testid=summary-preview]').textContent")
            .await?;
        preview = text.as_str().unwrap_or_default().to_owned();
        if preview.contains("the hardest part") && !preview.contains("Triggers and feelings") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    ensure!(preview.contains("the hardest part"), "the ticked entry is previewed: {preview}");
    ensure!(!preview.contains("not ready to share"), "the unticked one is not: {preview}");
    ensure!(!preview.contains("Triggers and feelings"), "unticked sections are not: {preview}");
    audit_light_and_dark(&app, "[data-testid=summary-screen]").await?;
    app.eval("document.querySelector('[data-testid=summary-screen] h2, [data-testid=summary-screen] h1').scrollIntoView()").await?;
    app.screenshot("summary-builder").await?;
    app.eval("document.querySelector('[data-testid=summary-preview]').scrollIntoView()").await?;
    app.screenshot("summary-preview").await?;

    let saved = dir.path().join("out");
    std::fs::create_dir_all(&saved)?;
    let path = saved.join("summary-2026-11.pdf");
    app.tap("[data-testid=summary-save]").await?;
    answer_save_dialog_with(&path).await?;
    app.wait_for_text("Saved to").await?;
    let text = pdf_text(&path)?;
    for expected in ["Cravings over time", "What helps me", "From my journal", SHARED] {
        ensure!(text.contains(&squeezed(expected)), "the saved PDF holds {expected:?}: {text}");
    }
    for absent in [PRIVATE, "When cravings come", "Triggers and feelings", "My goals"] {
        ensure!(!text.contains(&squeezed(absent)), "the saved PDF lacks {absent:?}: {text}");
    }
    ensure!(text.contains("cravingslogged"), "with the period's count: {text}");
    app.close().await
}

#[tokio::test]
async fn the_coping_card_is_drafted_edited_and_saved_for_a_lock_screen() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-place=insights]").await?;
    app.tap("[data-testid=make-card]").await?;
    app.wait_for("[data-testid=card-screen]").await?;
    app.wait_for("[data-testid=card-preview] img").await?;
    app.wait_for_text("When a craving comes").await?;
    app.wait_for("[name=card-title]").await?;
    app.eval(
        "const t = document.querySelector('[name=card-title]'); t.value = 'When it hits'; \
         t.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .await?;
    let mut preview = String::new();
    for _ in 0..50 {
        let text = app
            .eval("return document.querySelector('[data-testid=card-preview]').textContent")
            .await?;
        preview = text.as_str().unwrap_or_default().to_owned();
        if preview.contains("When it hits") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    ensure!(preview.contains("When it hits"), "the preview follows the edit: {preview}");
    ensure!(preview.contains("Box breathing"), "drafted from the catalog with no data: {preview}");
    audit_light_and_dark(&app, "[data-testid=card-screen]").await?;
    app.screenshot("coping-card-editor").await?;

    let out = tempfile::tempdir()?;
    let path = out.path().join("coping-plan.png");
    app.tap("[data-testid=card-save-png]").await?;
    answer_save_dialog_with(&path).await?;
    app.wait_for_text("Saved to").await?;
    let png = std::fs::read(&path)?;
    ensure!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let w = u32::from_be_bytes(png[16..20].try_into()?);
    let h = u32::from_be_bytes(png[20..24].try_into()?);
    ensure!((w, h) == (1080, 2340), "sized for a phone's lock screen: {w}×{h}");
    app.close().await
}
