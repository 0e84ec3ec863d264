# phare: the two commands a newcomer needs are `make demo` and `make test`.
# Every target installs what is missing first (scripts/install-deps), then builds.

BUILD ?= build
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
SPEED ?= 60
PHARE := $(BUILD)/src/phare

.PHONY: all build deps demo test bench format lint clean help

all: build

help:
	@echo "make demo    install, build, serve the 9 Nov 2017 demo on http://$(LISTEN)/"
	@echo "make test    install, build, run every test (ctest -j2)"
	@echo "make bench   install, build, run the benchmarks (wrk against phare and nginx)"
	@echo "make build   build only (Release, in $(BUILD)/)"
	@echo "make format  reformat the sources with clang-format"
	@echo "make lint    clang-tidy on every source (make test checks the last commit's)"

deps:
	@scripts/install-deps build

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -Wno-dev > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	@echo "phare demo: the 9 November 2017 outage, replayed $(SPEED)x faster than real time"
	@echo "phare demo: open http://$(LISTEN)/  (Ctrl-C to stop)"
	$(PHARE) demo --db $(BUILD)/demo.db --listen $(LISTEN) --speed $(SPEED)

test:
	@scripts/install-deps test
	@$(MAKE) --no-print-directory build
	@cd $(BUILD) && ctest -j2 --output-on-failure --timeout 600

# BENCH_PART=http, notify, console or micro runs one part; see bench/run --help for BENCH_* settings.
BENCH_PART ?= all
bench:
	@scripts/install-deps bench
	@$(MAKE) --no-print-directory build
	@bench/run $(BUILD) $(BENCH_PART)

format:
	@git ls-files --cached --others --exclude-standard '*.cc' '*.h' | xargs -r clang-format -i

lint: build
	@tests/lint/check_tidy.sh . $(BUILD) --all

clean:
	rm -rf $(BUILD)
