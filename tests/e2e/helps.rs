//! What has helped, on the real app started on a generated data folder: History's filters and
//! their count, Insights' pictures, "what helps me" with the generated winner first, and
//! suggestions after a new craving with "not now" recorded.

use anyhow::Result;
use ebb_core::{GenerateOptions, UrgeFilter};
use ebb_e2e::App;

fn generated_folder() -> Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-gen-").tempdir()?;
    let mut store = ebb_e2e::open_store(&dir.path().join("ebb.db"))?;
    store.generate(&GenerateOptions::new(3_000, 7, chrono::Utc::now()))?;
    Ok(dir)
}

#[tokio::test]
async fn insights_what_helps_filters_and_suggestions_on_generated_data() -> Result<()> {
    let dir = generated_folder()?;
    let app = App::start_in(dir.path()).await?;

    app.tap("[data-place=insights]").await?;
    app.wait_for("[data-chart=helps] [data-technique]").await?;
    let first = app
        .eval("return document.querySelector('[data-chart=helps] [data-technique]').dataset.technique")
        .await?;
    assert_eq!(first, "breathing.box", "the generated ground-truth winner is listed first");
    for chart in ["weeks", "heatmap", "triggers", "feelings", "outcomes"] {
        let svgs = app.all(&format!("[data-chart={chart}] svg[role=img][aria-label]")).await?;
        assert!(!svgs.is_empty(), "{chart}: a labelled picture is drawn");
    }
    app.screenshot("insights-light").await?;
    let show_helps = "document.querySelector('[data-chart=helps]').scrollIntoView({block: 'start'}); return null";
    app.eval(show_helps).await?;
    app.screenshot("what-helps-light").await?;
    app.open_settings("appearance").await?;
    app.tap("input[name=theme][value=dark]").await?;
    app.tap("[data-place=insights]").await?;
    app.wait_for("[data-chart=helps] [data-technique]").await?;
    app.screenshot("insights-dark").await?;
    app.eval(show_helps).await?;
    app.screenshot("what-helps-dark").await?;

    app.tap("[data-place=history]").await?;
    app.tap("[data-action=toggle-filters]").await?;
    app.tap("[data-filter-panel] [data-chip='builtin-trigger-after-work']").await?;
    app.wait_for("[data-remove-filter='builtin-trigger-after-work']").await?;
    app.eval(
        "const s = document.querySelector('select[name=filter-technique]'); \
         s.value = 'breathing.box'; s.dispatchEvent(new Event('change', { bubbles: true })); return null",
    )
    .await?;
    app.wait_for("[data-remove-filter=techniqueId]").await?;
    let expected =
        ebb_e2e::open_store(&dir.path().join("ebb.db"))?.count_matching(&UrgeFilter {
            chip_ids: vec!["builtin-trigger-after-work".into()],
            technique_id: Some("breathing.box".into()),
            ..Default::default()
        })?;
    assert!(expected > 10, "the generated data has such cravings: {expected}");
    app.wait_for(&format!("[data-match-count='{expected}']")).await?;
    app.screenshot("history-filtered").await?;

    app.tap("[data-place=now]").await?;
    app.tap("[data-intensity='8']").await?;
    app.wait_for("[data-suggestions] [data-suggestion]").await?;
    let reasons = app.texts("[data-suggestions] .reason").await?;
    assert!(
        (2..=3).contains(&reasons.len()) && reasons.iter().all(|r| !r.is_empty()),
        "2–3 suggestions, each with a reason: {reasons:?}"
    );
    app.screenshot("suggestions").await?;
    app.tap("[data-action=suggestions-not-now]").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let n: i64 = ebb_e2e::open_store(&dir.path().join("ebb.db"))?.connection().query_row(
            "SELECT count(*) FROM suggestion_responses WHERE chosen IS NULL",
            [],
            |r| r.get(0),
        )?;
        if n == 1 {
            break;
        }
        anyhow::ensure!(std::time::Instant::now() < deadline, "\"not now\" was never recorded");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.close().await
}
