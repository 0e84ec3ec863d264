# phare: the two commands a newcomer needs are `make demo` and `make test`.
# Every target installs what is missing first (scripts/install-deps), then builds.

BUILD ?= build
JOBS ?= $(shell nproc)
# SANITIZE=address,undefined: build and test in build-address-undefined/ with those sanitizers.
SANITIZE ?=
comma := ,
ifneq ($(SANITIZE),)
BUILD := build-$(subst $(comma),-,$(SANITIZE))
CMAKE_FLAGS += -DPHARE_SANITIZE=$(SANITIZE) -DPHARE_BUILD_BENCH=OFF
export ASAN_OPTIONS ?= halt_on_error=1:detect_leaks=1:strict_string_checks=1
export UBSAN_OPTIONS ?= halt_on_error=1:print_stacktrace=1
# clang-tidy and clang-format do not depend on the sanitizers: the plain build checks them.
CTEST_FLAGS += -LE lint
endif
# make fuzz: libFuzzer targets (clang) in build-fuzz/, each run FUZZ_SECONDS.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
LISTEN ?= 127.0.0.1:8080
SPEED ?= 60
PHARE := $(BUILD)/src/phare

.PHONY: all build deps demo test bench fuzz fuzz-merge format lint clean help

all: build

help:
	@echo "make demo    install, build, serve the 9 Nov 2017 demo on http://$(LISTEN)/"
	@echo "make test    install, build, run every test (ctest -j2)"
	@echo "             SANITIZE=address,undefined: the same under ASan and UBSan (build-address-undefined/)"
	@echo "make fuzz    build the libFuzzer targets (clang, build-fuzz/), run each FUZZ_SECONDS=$(FUZZ_SECONDS)"
	@echo "make fuzz-merge  fold new inputs found by make fuzz into tests/fuzz/corpus/"
	@echo "make bench   install, build, run the benchmarks (wrk against phare and nginx)"
	@echo "make build   build only (Release, in $(BUILD)/)"
	@echo "make format  reformat the sources with clang-format"
	@echo "make lint    clang-tidy on every source (make test checks the last commit's)"

deps:
	@scripts/install-deps build

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -Wno-dev $(CMAKE_FLAGS) > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	@echo "phare demo: the 9 November 2017 outage, replayed $(SPEED)x faster than real time"
	@echo "phare demo: open http://$(LISTEN)/  (Ctrl-C to stop)"
	$(PHARE) demo --db $(BUILD)/demo.db --listen $(LISTEN) --speed $(SPEED)

test:
	@scripts/install-deps test
	@$(MAKE) --no-print-directory build
	@cd $(BUILD) && ctest -j2 --output-on-failure --timeout 600 $(CTEST_FLAGS)

fuzz:
	@scripts/install-deps fuzz
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPHARE_FUZZ=ON -Wno-dev > /dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets
	@FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_TARGETS)

fuzz-merge:
	@tests/fuzz/run $(FUZZ_BUILD) --merge $(FUZZ_TARGETS)

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
	rm -rf $(BUILD) $(FUZZ_BUILD)
