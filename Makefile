# kompetent — the two set-up commands are `make run` and `make test`.
# Everything else here is a step they use.

BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
JOBS       ?= $(shell nproc)
DB         ?= kompetent.db
CMAKE_GEN  := -G Ninja

.PHONY: run test deps build build-asan build-tsan load-test unit-test asan-test demo bench clean

PORT       ?= 8080

## run: install what is missing, build, create the demo database and serve it on http://localhost:$(PORT)
run: build
	@if [ ! -f "$(DB)" ]; then ./$(BUILD)/kompetent demo --db "$(DB)"; fi
	./$(BUILD)/kompetent serve --db "$(DB)" --port $(PORT)

## test: build and run every test (release build; unit, import and API tests again under
## ASan/UBSan; and the 30-second API load test against the server under ThreadSanitizer)
test: build build-asan build-tsan
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L 'unit|cases|fuzz|api'
	$(MAKE) --no-print-directory load-test

## load-test: 50 clients, logins, reads and two imports for 30 s against the TSan server
load-test: build-tsan
	/usr/bin/python3 tests/load/load_test.py --binary $(TSAN_BUILD)/kompetent

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DKOMPETENT_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

build-tsan: deps
	@bash scripts/tsan-build.sh $(TSAN_BUILD)

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD)
