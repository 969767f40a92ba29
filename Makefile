# marsad — two commands on a fresh machine: `make demo` and `make test`.
# Everything is installed here: Python packages into .venv, Debian packages for the browser tests.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
OUT    ?= out
DEMO_DB ?= $(OUT)/demo.db
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help venv browser demo test test-fast lint bench train-ner clean

help:
	@echo "make demo       set up and run marsad on the bundled demo corpus"
	@echo "make test       set up and run the whole test suite with the quality gate"
	@echo "make bench      throughput, memory and API latency benchmarks"
	@echo "make lint       ruff"
	@echo "make train-ner  rebuild the shipped NER model from $(SHARED)/data/anercorp"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

# Debian's Chromium for the end-to-end browser tests, and Arabic fonts to render them.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
	    || ! fc-list 2>/dev/null | grep -qi "noto.*arabic"; then \
	  echo "installing chromium, chromium-driver and Arabic fonts (Debian packages)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver \
	    fonts-noto-core fonts-noto-ui-core >/dev/null; \
	fi

demo: venv
	@mkdir -p $(OUT)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/marsad run examples/demo-corpus/pages --db $(DEMO_DB)
	$(BIN)/marsad status --db $(DEMO_DB)
	$(BIN)/marsad articles --db $(DEMO_DB)
	-$(BIN)/marsad events --db $(DEMO_DB)
	-$(BIN)/marsad storylines --db $(DEMO_DB)
	@echo
	@echo "Store: $(DEMO_DB). Try: $(BIN)/marsad show ID --db $(DEMO_DB)"

test: venv browser
	$(BIN)/pytest -q

test-fast: venv
	$(BIN)/pytest -q -m "not slow and not browser"

lint: venv
	$(BIN)/ruff check marsad tests bench

bench: venv
	$(BIN)/python bench/run_all.py --shared $(SHARED)

train-ner: venv
	$(BIN)/python -m marsad.enrich.train_ner --data $(SHARED)/data/anercorp --out marsad/data/ner.crfsuite

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache
