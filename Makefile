# Ebb: `make run` to use the app, `make test` to check everything. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# apt needs root; use sudo when not already root (CI runs as root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends
export PATH := $(HOME)/.cargo/bin:$(PATH)

# What the app links against (Tauri 2 on Linux: WebKitGTK 4.1 and friends).
# libdbus-1-dev: the keystore (Secret Service over D-Bus) that holds the data key; libssl-dev: the
# system's libcrypto, SQLCipher's cipher on Linux.
APP_PACKAGES := libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev librsvg2-dev libdbus-1-dev make
# What the end-to-end tests drive the app with (xdotool: answers GTK's save dialog, which WebDriver can't see).
TEST_PACKAGES := xvfb xauth webkit2gtk-driver xdotool
TAURI_DRIVER_VERSION := 2.1.0

APP_BIN := target/debug/ebb
UI_STAMP := ui/node_modules/.ebb-installed
UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) ui/index.html ui/vite.config.ts ui/package.json

.PHONY: help run test bench fuzz bindings deps deps-test check-rust check-ui test-core test-app test-ui test-e2e app clean package test-package licences screenshots

help:
	@echo "make run    install what is missing, build, and open Ebb"
	@echo "make test   install what is missing, then run every test (Rust, UI, end to end)"
	@echo "make bench  run the benchmarks and print their tables"
	@echo "make fuzz   a million malformed IPC requests against every command's decoder"
	@echo "make package  build the .deb and .rpm (target/release/bundle/)"

# ---- installs --------------------------------------------------------------------------------

deps: $(UI_STAMP)
	@if ! pkg-config --exists webkit2gtk-4.1 dbus-1 openssl 2>/dev/null || ! dpkg -s libxdo-dev >/dev/null 2>&1; then \
	  echo "Installing the system libraries Ebb builds against (apt)…"; \
	  $(SUDO) apt-get update -q && $(APT_INSTALL) $(APP_PACKAGES); \
	fi

deps-test: deps
	@missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing test tools:$$missing (apt)…"; \
	  $(SUDO) apt-get update -q && $(APT_INSTALL) $$missing; \
	fi
	@if ! tauri-driver --help >/dev/null 2>&1; then \
	  echo "Installing tauri-driver $(TAURI_DRIVER_VERSION) (cargo)…"; \
	  cargo install tauri-driver --locked --version $(TAURI_DRIVER_VERSION); \
	fi

# Re-run `npm ci` whenever the lock file changes.
$(UI_STAMP): ui/package-lock.json ui/package.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

# ---- builds ----------------------------------------------------------------------------------

ui/dist/index.html: $(UI_STAMP) $(UI_SOURCES)
	cd ui && npm run build

# The app embeds ui/dist, so the UI is always built first.
app: deps ui/dist/index.html
	cargo build -p ebb-app

# ---- the package ------------------------------------------------------------------------------

# A .deb and an .rpm from Tauri's bundler: the release build (stripped), the icon set, the desktop
# entry, AppStream metainfo and the licence (src-tauri/tauri.conf.json, packaging/linux/). AppImage
# isn't offered: its tools are downloaded at build time. The two paths tell the Tauri CLI where
# the shell and the UI are, so its `npm run build` runs in ui/ whatever the current folder.
TAURI := TAURI_APP_PATH=$(CURDIR)/src-tauri TAURI_FRONTEND_PATH=$(CURDIR)/ui ui/node_modules/.bin/tauri
package: deps
	$(TAURI) build --bundles deb,rpm --ci

# Proves the package installs and starts: the same bundle, made from the debug build the
# end-to-end tests already compiled (a release build would double CI's compile time), installed
# into this system (root, as CI runs) with apt, the installed /usr/bin/ebb started under Xvfb on
# a throwaway data folder until its first screen is interactive, then removed.
test-package: deps-test app
	rm -rf target/debug/bundle
	$(TAURI) build --debug --bundles deb --ci
	$(APT_INSTALL) ./target/debug/bundle/deb/*.deb
	@data=$$(mktemp -d); \
	if EBB_STARTUP_PROBE=1 EBB_DATA_DIR=$$data timeout 120 xvfb-run -a /usr/bin/ebb 2>/dev/null | grep -q '^ebb-ready$$'; then \
	  echo "The installed Ebb reached its first screen."; ok=1; else ok=0; fi; \
	rm -rf $$data; $(SUDO) apt-get remove -y -q ebb >/dev/null; \
	test $$ok = 1 || { echo "The installed Ebb did not reach its first screen."; exit 1; }

run: app
	./$(APP_BIN)

# Settings → About's list of what Ebb ships and under which licence (src-tauri/licences.json).
licences:
	cargo run -q -p ebb-e2e --bin licences

bindings: deps ui/dist/index.html
	EBB_WRITE_BINDINGS=1 cargo test -p ebb-app --lib bindings

# ---- tests -----------------------------------------------------------------------------------

check-rust: deps ui/dist/index.html
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo run -q -p ebb-e2e --bin licences -- --check

check-ui: $(UI_STAMP)
	cd ui && npm run check && npm run lint

test-ui: $(UI_STAMP)
	cd ui && npm test

test-core:
	cargo test -p ebb-core

# The shell's tests include the binding-drift test and the IPC smoke test.
test-app: deps ui/dist/index.html
	cargo test -p ebb-app

# The real app under a virtual display, at 390x844, one test at a time (2 cores; each test
# starts its own app).
test-e2e: deps-test app
	xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p ebb-e2e -- --test-threads=1

# The README's pictures, from the real app on generated data, light and dark, into docs/.
screenshots: deps-test app
	xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p ebb-e2e --test e2e -- --test-threads=1 readme_screenshots
	mkdir -p docs
	for f in target/e2e-artifacts/readme-*.png; do cp "$$f" "docs/$${f#target/e2e-artifacts/readme-}"; done

test: deps-test check-rust check-ui test-ui test-core test-app test-e2e test-package
	@echo "make test: every check passed."

# The IPC contract's property test (src-tauri/src/decode_tests.rs) at full size: a million
# generated requests, each decoded as one of the commands' request types. `make test` runs
# 3,000 of them.
fuzz: deps ui/dist/index.html
	EBB_FUZZ_CASES=1000000 cargo test -p ebb-app --lib decode_tests -- --nocapture

# ---- benchmarks ------------------------------------------------------------------------------

bench: deps-test ui/dist/index.html
	cargo bench -p ebb-core --bench store
	cargo bench -p ebb-core --bench helps
	cargo bench -p ebb-core --bench transfer
	EBB_CALIBRATION_SIZES=60:1000,300:1000,3000:200 cargo test -p ebb-core --test core calibration -- --nocapture
	cd ui && npx vitest bench --run
	cargo build --release -p ebb-app -p ebb-e2e
	EBB_STARTUP_RUNS=21 xvfb-run -a -s "-screen 0 1280x1024x24" ./target/release/startup-bench ./target/release/ebb
	EBB_APP_BIN=$(CURDIR)/target/release/ebb xvfb-run -a -s "-screen 0 1280x1024x24" ./target/release/breathe-bench 60
	EBB_APP_BIN=$(CURDIR)/target/release/ebb xvfb-run -a -s "-screen 0 1280x1024x24" ./target/release/memory-bench

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
