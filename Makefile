# Convenience targets; the README's two commands are scripts/build-example and scripts/test.
N ?= 10000
RUNS ?= 3
# SCALE=50000 also times a build of that many postmortems (the near-linear growth target).
SCALE ?= 0

.PHONY: bench
bench: ## Benchmark debrief against hugo and cmark-gfm on N synthetic postmortems
	python3 bench/run.py --count $(N) --runs $(RUNS) --scale-count $(SCALE)

.PHONY: bench-pages
bench-pages: ## Only the page step of bench: the largest page of each kind at N (and SCALE) postmortems, loaded in Chromium
	python3 bench/run.py --pages-only --count $(N) --scale-count $(SCALE)

# SECONDS per fuzz target (scripts/fuzz); TARGETS narrows the run, e.g. TARGETS=FuzzTemplate.
SECONDS ?= 60
TARGETS ?=
.PHONY: fuzz
fuzz: ## Build the libFuzzer targets in Fuzz/ and run each for SECONDS seconds
	./scripts/fuzz $(SECONDS) $(TARGETS)

.PHONY: dist
dist: ## The self-contained executable: dist/debrief-VERSION-linux-ARCH.tar.gz (scripts/dist)
	./scripts/dist
