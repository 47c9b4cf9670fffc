//! The README's pictures, taken from the real app at 390×844 on generated data, in light and
//! dark (`make screenshots` copies them to docs/). Each place is also checked to have loaded.

use anyhow::Result;
use chrono::Utc;
use ebb_core::GenerateOptions;
use ebb_e2e::App;

#[tokio::test]
async fn readme_screenshots_of_each_place_in_light_and_dark() -> Result<()> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let mut store = ebb_e2e::open_store(&dir.path().join("ebb.db"))?;
    store.generate(&GenerateOptions::new(600, 21, Utc::now()))?;
    drop(store);
    let app = App::start_in(dir.path()).await?;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await?;
        app.tap("[data-place=now]").await?;
        app.wait_for("[data-intensity='7']").await?;
        app.screenshot(&format!("readme-now-{theme}")).await?;
        app.tap("[data-place=insights]").await?;
        app.wait_for("[data-testid=make-summary]").await?;
        app.wait_for("[data-technique]").await?;
        app.screenshot(&format!("readme-insights-{theme}")).await?;
        app.tap("[data-place=history]").await?;
        app.wait_for_text("in all").await?;
        app.screenshot(&format!("readme-history-{theme}")).await?;
        app.tap("[data-place=insights]").await?;
        app.tap("[data-testid=make-summary]").await?;
        app.wait_for("[data-testid=summary-preview] img").await?;
        app.eval("document.querySelector('[data-testid=summary-preview]').scrollIntoView()")
            .await?;
        app.screenshot(&format!("readme-summary-{theme}")).await?;
        app.eval("history.back()").await?;
        app.wait_for("[data-testid=make-summary]").await?;
    }
    app.close().await
}
