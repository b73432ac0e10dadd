# descent: a workbook of gradient descent in small C programs.
#
#   make              install what is missing, build, run every chapter,
#                     draw every plot, weave book.md
#   make check        every test; untouched exercises are listed as pending
#   make check CH=02  one chapter (the folder chapters/02-*)
#   make exercises CH=04   only your exercise answers for chapter 04
#   make plots | book | bench | deps | clean
#
# Your CC, CPPFLAGS, CFLAGS, LDFLAGS, LDLIBS and BUILD=dir are honoured: the
# project's own flags are added beside them, never instead of them.  Objects
# do not remember the flags they were built with: use another BUILD=dir for
# other flags (as .ci/run does).

BUILD ?= build
CFLAGS ?= -O2 -g
CH ?=

# Only the rules below: make's built-in ones would try to "rebuild" the
# dependency files (.d) it includes.  Build on every core (JOBS=1 for one).
JOBS ?= $(shell nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 2)
MAKEFLAGS += --no-builtin-rules -j$(JOBS)
.SUFFIXES:

# The book's arithmetic must be the same on every machine: C11, no fused
# multiply-add contraction, every warning on.
DESCENT_CFLAGS = -std=c11 -Wall -Wextra -pedantic -Ichapters -Itests
DESCENT_FIXED = -ffp-contract=off -MMD -MP
CHECK_CFLAGS = $(shell pkg-config --cflags check)
CHECK_LIBS = $(shell pkg-config --libs check)
# libcsv (the lab's CSV reader) ships no pkg-config file on Debian: its
# plain -lcsv is used when pkg-config does not know it.
CSV_CFLAGS := $(shell pkg-config --cflags libcsv 2>/dev/null)
CSV_LIBS := $(shell pkg-config --libs libcsv 2>/dev/null || echo -lcsv)
DESCENT_CFLAGS += $(CSV_CFLAGS)
LDLIBS += $(CSV_LIBS) -lm

# ---------------------------------------------------------------- sources
# A chapter is a folder chapters/NN-slug with a README.md.  In it, main.c is
# the chapter's program (build/chNN; the lab's is build/descent), bench.c a
# benchmark (build/benchNN), exercise_*.c the exercise stubs, and every
# other .c a module of the one library that everything links.
CHAPTERS := $(notdir $(patsubst %/README.md,%,$(wildcard chapters/*/README.md)))
ifneq ($(CH),)
SELECTED := $(filter $(CH)-%,$(CHAPTERS))
ifeq ($(SELECTED),)
$(error CH=$(CH) matches no chapter folder (chapters: $(CHAPTERS)))
endif
else
SELECTED := $(CHAPTERS)
endif

number = $(firstword $(subst -, ,$(1)))
program_of = $(if $(filter A-lab,$(1)),$(BUILD)/descent,$(BUILD)/ch$(call number,$(1)))

MAIN_C := $(wildcard chapters/*/main.c)
BENCH_C := $(wildcard chapters/*/bench.c)
STUB_C := $(wildcard chapters/*/exercise_*.c)
LIB_C := $(filter-out $(MAIN_C) $(BENCH_C) $(STUB_C),$(wildcard chapters/*/*.c))
LIB_O := $(LIB_C:%.c=$(BUILD)/obj/%.o)
LIB := $(BUILD)/libdescent.a

PROGRAMS := $(foreach c,$(patsubst chapters/%/main.c,%,$(MAIN_C)),$(call program_of,$(c)))
BENCHES := $(foreach c,$(patsubst chapters/%/bench.c,%,$(BENCH_C)),$(BUILD)/bench$(call number,$(c)))
TESTED := $(patsubst tests/%.c,%,$(filter $(CHAPTERS:%=tests/%.c),$(wildcard tests/*.c)))
TEST_BINS := $(TESTED:%=$(BUILD)/tests/%)
YOURS_BINS := $(patsubst tests/%-exercises.c,$(BUILD)/tests/%-yours,$(wildcard tests/*-exercises.c))
WEAVE := $(BUILD)/weave

.PHONY: all programs tests check exercises plots book bench deps clean
.DEFAULT_GOAL := all

all: deps programs plots book

programs: $(PROGRAMS) $(BENCHES) $(WEAVE)

tests: $(TEST_BINS) $(YOURS_BINS)

# ------------------------------------------------------------ compiling
$(BUILD)/obj/%.o: %.c | deps
	@mkdir -p $(@D)
	$(CC) $(DESCENT_CFLAGS) $(CHECK_CFLAGS_IF_TEST) $(CPPFLAGS) $(CFLAGS) $(DESCENT_FIXED) -c $< -o $@

# Test sources include <check.h>.
$(BUILD)/obj/tests/%.o: CHECK_CFLAGS_IF_TEST = $(CHECK_CFLAGS)

# tests/main.c, three ways (see its banner).
$(BUILD)/obj/tests/main-%.o: tests/main.c | deps
	@mkdir -p $(@D)
	$(CC) $(DESCENT_CFLAGS) $(CHECK_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(DESCENT_FIXED) \
		-DRUN_$(shell echo $* | tr a-z- A-Z_) -c $< -o $@

$(LIB): $(LIB_O)
	@rm -f $@
	$(AR) rcs $@ $^

define chapter_program
$(call program_of,$(1)): $(BUILD)/obj/chapters/$(1)/main.o $(LIB)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) $$^ $$(LDLIBS) -o $$@
endef
$(foreach c,$(patsubst chapters/%/main.c,%,$(MAIN_C)),$(eval $(call chapter_program,$(c))))

define chapter_bench
$(BUILD)/bench$(call number,$(1)): $(BUILD)/obj/chapters/$(1)/bench.o $(LIB)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) $$^ $$(LDLIBS) -o $$@
endef
$(foreach c,$(patsubst chapters/%/bench.c,%,$(BENCH_C)),$(eval $(call chapter_bench,$(c))))

$(WEAVE): $(BUILD)/obj/tests/weave.o
	$(CC) $(CFLAGS) $(LDFLAGS) $^ -o $@

# build/tests/NN-slug: the chapter's suite (+ exercises against solutions/).
# build/tests/NN-slug-yours: the exercises against the stubs in chapters/.
define chapter_tests
$(BUILD)/tests/$(1): $(BUILD)/obj/tests/$(1).o $(BUILD)/obj/tests/harness.o \
		$(if $(wildcard tests/$(1)-exercises.c),\
		  $(BUILD)/obj/tests/main-chapter-exercises.o $(BUILD)/obj/tests/$(1)-exercises.o \
		  $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard solutions/$(1)/*.c)),\
		  $(BUILD)/obj/tests/main-chapter.o) $(LIB)
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) $$^ $$(CHECK_LIBS) $$(LDLIBS) -o $$@

$(BUILD)/tests/$(1)-yours: $(BUILD)/obj/tests/main-yours.o $(BUILD)/obj/tests/harness.o \
		$(BUILD)/obj/tests/$(1)-exercises.o \
		$(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard chapters/$(1)/exercise_*.c)) $(LIB)
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) $$^ $$(CHECK_LIBS) $$(LDLIBS) -o $$@
endef
$(foreach c,$(CHAPTERS),$(eval $(call chapter_tests,$(c))))

# ------------------------------------------------------------- running
check: deps programs tests
	@BUILD='$(BUILD)' CHAPTERS='$(SELECTED)' ALL='$(if $(CH),,yes)' sh tests/check.sh

exercises: deps $(filter $(SELECTED:%=$(BUILD)/tests/%-yours),$(YOURS_BINS))
	@status=0; for c in $(SELECTED); do \
		if [ -x $(BUILD)/tests/$$c-yours ]; then $(BUILD)/tests/$$c-yours || status=1; fi; \
	done; exit $$status

# Each chapter that has plots/NN-slug.gp: its program writes CSV into
# build/data/NN-slug, and the script draws SVG into plots/NN-slug.
PLOTTED := $(filter $(patsubst plots/%.gp,%,$(wildcard plots/*.gp)),$(SELECTED))
plots: deps programs
	@for c in $(PLOTTED); do \
		BUILD='$(BUILD)' sh tests/draw.sh $$c plots/$$c || exit 1; \
	done

book: deps programs
	$(WEAVE) --build '$(BUILD)' $(if $(CH),--only $(SELECTED))

bench: deps $(BENCHES)
	@for b in $(BENCHES); do echo "== $$b"; $$b || exit 1; done

clean:
	rm -rf '$(BUILD)'

# --------------------------------------------------------- dependencies
# A compiler, pkg-config, Check, libcsv and gnuplot.  On Debian or Ubuntu what is
# missing is installed with apt-get (through sudo when not root);
# elsewhere the exact command to run is printed.
deps:
	@missing=''; \
	command -v $(firstword $(CC)) >/dev/null 2>&1 || \
		case "$(firstword $(CC))" in *clang*) missing="$$missing clang";; *) missing="$$missing gcc";; esac; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists check 2>/dev/null || missing="$$missing check"; \
	command -v gnuplot >/dev/null 2>&1 || missing="$$missing gnuplot-nox"; \
	printf '#include <csv.h>\nint main(void) { return csv_init(0, 0); }\n' | \
		$(CC) $(CSV_CFLAGS) -x c - $(CSV_LIBS) -o /dev/null >/dev/null 2>&1 || \
		missing="$$missing libcsv-dev"; \
	[ -z "$$missing" ] && exit 0; \
	if command -v apt-get >/dev/null 2>&1; then \
		sudo=''; [ "$$(id -u)" = 0 ] || sudo='sudo'; \
		echo "descent needs:$$missing; installing them with $$sudo apt-get"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null || exit 1; \
	elif command -v brew >/dev/null 2>&1; then \
		echo "descent needs:$$missing. Run: brew install pkg-config check libcsv gnuplot"; exit 1; \
	else \
		echo "descent needs:$$missing (a C compiler, pkg-config, the Check unit-test library, libcsv and gnuplot). Install them with your system's package manager."; exit 1; \
	fi

# Header dependencies written by -MMD; a missing one is simply not needed yet.
$(BUILD)/%.d: ;
-include $(shell find '$(BUILD)/obj' -name '*.d' 2>/dev/null)
