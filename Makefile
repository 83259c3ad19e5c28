# kompetent — the two set-up commands are `make run` and `make test`.
# Everything else here is a step they use.

BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
JOBS       ?= $(shell nproc)
DB         ?= kompetent.db

.PHONY: run test deps build web e2e-deps screenshots build-asan build-tsan load-test unit-test asan-test demo bench clean

PORT       ?= 8080

## run: install what is missing, build, create the demo database and serve it on http://localhost:$(PORT)
run: build web
	@if [ ! -f "$(DB)" ]; then ./$(BUILD)/kompetent demo --db "$(DB)"; fi
	./$(BUILD)/kompetent serve --db "$(DB)" --port $(PORT)

## test: build and run every test (release build with the browser tests; unit, import and API
## tests again under ASan/UBSan; and the 30-second API load test against the server under
## ThreadSanitizer)
# The browser tests keep about one core busy for three minutes, so the TSan build (one
# compiler at a time) runs beside the release tests instead of after them; its output goes
# to $(TSAN_BUILD)/build.log and is shown if it fails.
test: build web e2e-deps build-asan
	@mkdir -p $(TSAN_BUILD)
	@echo "make test: building the TSan binary beside the release tests ($(TSAN_BUILD)/build.log)"
	@JOBS=1 bash scripts/build.sh tsan $(TSAN_BUILD) > $(TSAN_BUILD)/build.log 2>&1 & tsan=$$!; \
	  (cd $(BUILD) && ctest --output-on-failure -j $(JOBS)); tests=$$?; \
	  if ! wait $$tsan; then cat $(TSAN_BUILD)/build.log; echo "make test: the TSan build failed" >&2; exit 1; fi; \
	  exit $$tests
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L 'unit|cases|fuzz|api'
	$(MAKE) --no-print-directory load-test

## load-test: 50 clients, logins, reads and two imports for 30 s against the TSan server
load-test: build-tsan
	/usr/bin/python3 tests/load/load_test.py --binary $(TSAN_BUILD)/kompetent

deps:
	@bash scripts/install-deps.sh

build: deps
	@JOBS=$(JOBS) bash scripts/build.sh release $(BUILD)

## web: the web app (web/dist), served by `kompetent serve`
web: deps
	@bash scripts/npm-install.sh web
	@cd web && npm run --silent build

e2e-deps: deps
	@bash scripts/npm-install.sh tests/e2e

## screenshots: run the browser tests and keep their screenshots of the main pages in docs/screenshots
screenshots: build web e2e-deps
	KOMPETENT_SCREENSHOT_DIR=$(CURDIR)/docs/screenshots KOMPETENT_BINARY=$(BUILD)/kompetent \
	  KOMPETENT_WEB_DIR=$(CURDIR)/web/dist node --test --test-concurrency=1 tests/e2e/

build-asan: deps
	@JOBS=$(JOBS) bash scripts/build.sh asan $(ASAN_BUILD)

build-tsan: deps
	@JOBS=$(JOBS) bash scripts/build.sh tsan $(TSAN_BUILD)

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) web/dist
