# Withness: the two commands a new machine needs are `make run` and `make test`.
SWIFT   ?= swift
VENV    ?= .venv
PORT    ?= 8080
HOST    ?= 127.0.0.1
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT     := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
FUZZ_SECONDS ?= 60

.PHONY: purity run build deps test test-deps swift-test wire-test browser-test fuzz bench conformance train-reflection clean

## System libraries the build links against (installed only when missing).
deps:
	@missing=""; for p in libssl-dev libsqlite3-dev pkg-config; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; $(APT) update -q && $(APT) install -y -q $$missing; fi

build: deps
	$(SWIFT) build -c release --product withness

## Build in release mode and serve the chat on http://localhost:8080 with an embedded SQLite store.
run: build
	.build/release/withness serve --host $(HOST) --port $(PORT) --web web --data data

## What the tests need beyond the build: a Python venv with a WebSocket client, pytest and Selenium,
## and Debian's headless Chromium with its driver for the browser tests.
test-deps: deps
	@missing=""; for p in chromium chromium-driver openssl; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; $(APT) update -q && $(APT) install -y -q $$missing; fi
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV)
	@$(VENV)/bin/python -c "import websockets, selenium, pytest" 2>/dev/null || \
	  $(VENV)/bin/pip install -q -r Tests/requirements.txt

## Every test: Swift unit and socket tests, then wire and browser tests against the built server.
test: test-deps purity swift-test wire-test

purity:
	./scripts/purity.sh

swift-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

wire-test: test-deps
	$(SWIFT) build --product withness
	WITHNESS_BIN=$(CURDIR)/.build/debug/withness $(VENV)/bin/pytest -q Tests/Wire Tests/Browser

## libFuzzer over the frame and HTTP parsers, FUZZ_SECONDS each; fails on any crash.
fuzz: deps
	./scripts/fuzz.sh $(FUZZ_SECONDS)

## Benchmarks (see docs/PERFORMANCE.md).
bench: deps
	./scripts/bench.sh

## Autobahn|Testsuite against `withness echo` (needs ../shared/tools/autobahn).
conformance: deps
	./scripts/conformance.sh

# The learned reflection layer, retrained from the project's training lines (never from the check sets:
# the heldout-*-check.jsonl sets and the shared dev set).
# Rewrites Sources/Reflection/Learned/BundledModel.swift.
TRAINING = $(addprefix Tests/ReflectionTests/Fixtures/,heldout-2.jsonl probes.jsonl heldout-3-tune.jsonl training-4a.jsonl training-4b.jsonl \
	training-6a.jsonl training-6b.jsonl training-6c.jsonl training-7a.jsonl training-7b.jsonl training-7c.jsonl)
train-reflection: deps
	swift build -c release --product withness
	.build/release/withness reflect-train $(TRAINING) --threshold 0.4,crisis=0.6,whats-wrong=0.7,labels=0.5,fixing=0.5 \
		--swift-output Sources/Reflection/Learned/BundledModel.swift

clean:
	rm -rf .build
