//! Back goes back one level (#13, mobile-ready navigation) on the real app at 390×844: three
//! levels deep from Now (the technique list, a running breathing session, Help now over it),
//! then the system Back three times lands on Now with the typed note still there, and the
//! session stopped cleanly, not left running.

use std::time::Duration;

use anyhow::{Result, ensure};
use ebb_e2e::App;

async fn level(app: &App) -> Result<String> {
    let value = app.eval("return document.querySelector('main').dataset.level ?? ''").await?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

async fn wait_for_level(app: &App, want: &str) -> Result<()> {
    for _ in 0..100 {
        if level(app).await? == want {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("main[data-level] never became {want} (it is {:?})", level(app).await?)
}

/// The system Back, as Android's back button or a mouse's back button sends it to the webview.
async fn back(app: &App) -> Result<()> {
    app.eval("history.back()").await?;
    Ok(())
}

#[tokio::test]
async fn back_three_times_from_three_levels_deep_lands_where_it_started_with_nothing_lost()
-> Result<()> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let app = App::start_in(dir.path()).await?;
    if app.all("[data-action=setup-skip]").await?.len() == 1 {
        app.tap("[data-action=setup-skip]").await?;
    }
    app.tap("[data-intensity='7']").await?;
    app.wait_for_text("Saved").await?;
    app.type_into("#note", "rough call, typed but not saved").await?;

    app.tap("[data-action=choose-technique]").await?;
    wait_for_level(&app, "1").await?;
    app.wait_for("#breathe-title").await?;
    app.tap("li[data-technique='breathing.box'] button.start").await?;
    wait_for_level(&app, "2").await?;
    app.wait_for("[data-action=stop-breathing]").await?;
    app.tap("[data-action=help-now]").await?;
    wait_for_level(&app, "3").await?;
    app.wait_for("[data-help-now]").await?;
    app.screenshot("back-three-levels-deep").await?;

    back(&app).await?;
    wait_for_level(&app, "2").await?;
    ensure!(app.all("[data-help-now]").await?.is_empty(), "the first Back closes Help now");
    ensure!(
        app.all("[data-action=stop-breathing]").await?.len() == 1,
        "and leaves the breathing session under it running"
    );

    back(&app).await?;
    wait_for_level(&app, "1").await?;
    ensure!(
        app.all("[data-action=stop-breathing]").await?.is_empty(),
        "the second Back stops the session"
    );
    app.wait_for("#breathe-title").await?;

    back(&app).await?;
    wait_for_level(&app, "0").await?;
    app.wait_for("#now-title").await?;
    let note = app.eval("return document.querySelector('#note')?.value ?? null").await?;
    ensure!(
        note.as_str() == Some("rough call, typed but not saved"),
        "the typed note is still there after three Backs: {note}"
    );
    let state = app.eval("return history.state").await?;
    ensure!(state.is_null(), "every level's history entry was consumed: {state}");

    // The session was ended (stopped, not completed), not left running.
    app.close().await?;
    let store = ebb_e2e::open_store(&dir.path().join("ebb.db"))?;
    let urge = store.urges_page(None, 1)?.urges.remove(0);
    let sessions = store.sessions_for_urge(&urge.id)?;
    ensure!(sessions.len() == 1, "one breathing session for the craving: {sessions:?}");
    ensure!(
        !sessions[0].completed && sessions[0].ended_at.is_some(),
        "Back stopped the session cleanly, not left running: {:?}",
        sessions[0]
    );
    Ok(())
}
