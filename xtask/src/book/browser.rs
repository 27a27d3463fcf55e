//! `cargo xtask book --check`: the built book opened in headless Chromium.
//!
//! The browser is driven by `book/check/check.mjs` with playwright-core (pinned in
//! `book/check/package-lock.json`, installed by `npm ci` on first use) pointed at the
//! system's Chromium. Playwright rather than chromedriver and a Rust WebDriver client:
//! what the check is about (console errors, failed requests, element boxes at two widths,
//! screenshots) is first-class in Playwright's API over the DevTools protocol, while
//! classic WebDriver sees neither console messages nor failed requests; and a Node script
//! keeps an async HTTP stack out of xtask's build, which every `cargo test` pays for.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use super::{Built, tools};

/// Runs the browser check on a built book, its report to stdout; whether it passed.
pub fn check(root: &Path, built: &Built) -> Result<bool, String> {
    let chromium = tools::chromium()?;
    let node = tools::node()?;
    let dir = root.join("book").join("check");
    install_modules(&dir)?;
    let status = Command::new(node)
        .arg(dir.join("check.mjs"))
        .arg(&built.dir)
        .env("XTASK_CHROMIUM", &chromium)
        .env("BOOK_PAIRS", built.groups.to_string())
        .env("BOOK_RUNS", built.runs.to_string())
        .status()
        .map_err(|e| format!("could not run node: {e}"))?;
    Ok(status.success())
}

/// `npm ci` in `dir` unless the locked playwright-core is installed there already.
fn install_modules(dir: &Path) -> Result<(), String> {
    let read = |path: &Path| -> Option<serde_json::Value> {
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
    };
    let lock = read(&dir.join("package-lock.json"))
        .ok_or_else(|| format!("cannot read {}/package-lock.json", dir.display()))?;
    let locked = lock["packages"]["node_modules/playwright-core"]["version"].as_str();
    let installed = read(&dir.join("node_modules/playwright-core/package.json"));
    let installed = installed
        .as_ref()
        .and_then(|package| package["version"].as_str());
    if locked.is_some() && installed == locked {
        return Ok(());
    }
    eprintln!(
        "installing playwright-core {} into {} (npm ci, first use only)",
        locked.unwrap_or("?"),
        dir.join("node_modules").display()
    );
    let started = Instant::now();
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .status()
        .map_err(|e| format!("could not run npm: {e}"))?;
    if !status.success() {
        return Err(format!("npm ci in {} failed ({status})", dir.display()));
    }
    eprintln!("installed in {:.0?}", started.elapsed());
    Ok(())
}
