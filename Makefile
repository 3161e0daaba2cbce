# The usual verbs. Each is a thin wrapper: the scripts hold the real steps, so CI and people run
# the same thing (`make test` is the README's test command).
SOURCES := Sources Tests Package.swift

.PHONY: build run demo test test-sqlite test-postgres e2e lint format bench bench-http

build:
	swift build

# Opstap on embedded SQLite in ./data with the demo (both reference programmes, every role).
run demo:
	./scripts/run.sh

# Everything CI runs: lint, Swift tests on SQLite and PostgreSQL, browser, fuzzing, operations.
test:
	./scripts/test.sh

test-sqlite:
	env -u DATABASE_URL swift test

test-postgres:
	./scripts/postgres.sh start
	DATABASE_URL="$$(./scripts/postgres.sh url)" swift test

# Browser tests only (Playwright + axe against a fresh server), after `make test` installed the tools once.
e2e:
	SKIP_INSTALL=1 SKIP_SWIFT_TESTS=1 SKIP_POSTGRES=1 SKIP_FUZZ=1 SKIP_OPERATIONS=1 ./scripts/test.sh

lint:
	swift format lint --strict --recursive --parallel $(SOURCES)

format:
	swift format --in-place --recursive --parallel $(SOURCES)

# Figures, not tests: the release build, 50,000 people in a throwaway folder.
bench:
	swift build -c release
	mkdir -p .bench && cd .bench && ../.build/release/opstap bench lists --people 50000 --reuse

# HTTP figures (issue 13) against the release server: make bench-http [PEOPLE=50000] [ENGINE=sqlite|postgres]
PEOPLE ?= 50000
ENGINE ?= sqlite
bench-http:
	swift build -c release
	./scripts/bench-http.sh --people $(PEOPLE) --engine $(ENGINE)
