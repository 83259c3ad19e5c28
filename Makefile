# kompetent — the two set-up commands are `make run` and `make test`.
# Everything else here is a step they use.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
DB         ?= kompetent.db
CMAKE_GEN  := -G Ninja

.PHONY: run test deps build build-asan unit-test asan-test demo bench clean

PORT       ?= 8080

## run: install what is missing, build, create the demo database and serve it on http://localhost:$(PORT)
run: build
	@if [ ! -f "$(DB)" ]; then ./$(BUILD)/kompetent demo --db "$(DB)"; fi
	./$(BUILD)/kompetent serve --db "$(DB)" --port $(PORT)

## test: build and run every test (release build, then unit + import tests under ASan/UBSan)
test: build build-asan
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L 'unit|cases|fuzz'

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DKOMPETENT_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
