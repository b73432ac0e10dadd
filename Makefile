# descent: a workbook of gradient descent in small C programs.
#
#   make                  install what is missing, build, run every chapter,
#                         draw every plot, weave book.md
#   make check            every test, then your progress on the exercises
#   make check CH=2       one chapter (the folder chapters/02-*; 2, 02 or
#                         02-learning-rate), and only what it needs
#   make exercises CH=4   only your exercise answers (all chapters without CH)
#   make watch CH=7       run chapter 7's exercises again on every save
#   make next             the next exercise to do, in book order
#   make lab-yours        build/descent-yours: the lab on your optimizers
#                         (and build/ch08-yours: chapter 8's race on them)
#   make hint EX=7.3      the hint of exercise 7.3
#   make reset EX=7.3     restore exercise 7.3's stub (FORCE=1 over your edits)
#   make plots | book | bench | deps | clean
#   V=1                   show every command in full
#   make html             the book as a website in build/html (pandoc)
#   make check-html       ... opened and checked in headless Chromium
#
# Your CC, CPPFLAGS, CFLAGS, LDFLAGS, LDLIBS and BUILD=dir are honoured: the
# project's own flags are added beside them, never instead of them.  Objects
# are compiled again when CC or a flag changes (build/flags); another
# BUILD=dir keeps both builds (as .ci/run does).

BUILD ?= build
# A ':' in BUILD breaks make's rules (a target "a:b/ch01") and the list of
# files DESCENT_CH11_RUNS names (separated by ':'): refused in one line.
ifneq ($(findstring :,$(BUILD)),)
$(error BUILD=$(BUILD): a build folder's name cannot hold ':' (make's rules and DESCENT_CH11_RUNS split at it); choose another, e.g. BUILD=build-asan)
endif
CFLAGS ?= -O2 -g
SUITE_OPT := $(if $(filter file,$(origin CFLAGS)),-O0)
CH ?=
V ?= 0

# Only the rules below: make's built-in ones would try to "rebuild" the
# dependency files (.d) it includes.  Build on every core (JOBS=1 for one).
JOBS ?= $(shell nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 2)
MAKEFLAGS += --no-builtin-rules --no-print-directory
ifeq ($(MAKELEVEL),0)
MAKEFLAGS += -j$(JOBS)
endif
.SUFFIXES:

# Quiet by default: one line per program built, figure drawn or book woven
# (compiler warnings and errors always show).  V=1 prints every command.
# (V reaches the scripts, which then show the commands they run, the
# tests, the book's outputs, the figures' data, on stderr.)
export V
ifeq ($(V),1)
Q :=
say = :
else
Q := @
say = printf '  %-6s %s\n'
endif

# The book's arithmetic must be the same on every machine: C11, no fused
# multiply-add contraction, every warning on.
DESCENT_CFLAGS = -std=c11 -Wall -Wextra -pedantic -Ichapters -Itests
DESCENT_FIXED = -ffp-contract=off -MMD -MP
# Asked of pkg-config once, when first needed (after `deps`).
CHECK_CFLAGS = $(eval CHECK_CFLAGS := $$(shell pkg-config --cflags check))$(CHECK_CFLAGS)
CHECK_LIBS = $(eval CHECK_LIBS := $$(shell pkg-config --libs check))$(CHECK_LIBS)
# libcsv (the lab's CSV reader) ships no pkg-config file on Debian: its
# plain -lcsv is used when pkg-config does not know it.
CSV_CFLAGS = $(eval CSV_CFLAGS := $$(shell pkg-config --cflags libcsv 2>/dev/null))$(CSV_CFLAGS)
CSV_LIBS = $(eval CSV_LIBS := $$(shell pkg-config --libs libcsv 2>/dev/null || echo -lcsv))$(CSV_LIBS)
DESCENT_CFLAGS += $(CSV_CFLAGS)
LDLIBS += $(CSV_LIBS) -lm
NM ?= nm

# ---------------------------------------------------------------- sources
# A chapter is a folder chapters/NN-slug with a README.md.  In it, main.c is
# the chapter's program (build/chNN; the lab's is build/descent), bench.c a
# benchmark (build/benchNN), exercise_*.c the exercise stubs, and every
# other .c a module of the one library that everything links.  An exercise
# stub chapters/NN-slug/exercise_X.c has its reference answer in
# solutions/NN-slug/exercise_X.c and its tests in tests/NN-slug-exercises.c
# (tests/harness.h says how to write one); nothing here names an exercise.
CHAPTERS := $(notdir $(patsubst %/README.md,%,$(wildcard chapters/*/README.md)))

number = $(firstword $(subst -, ,$(1)))
reverse = $(if $(1),$(call reverse,$(wordlist 2,$(words $(1)),$(1))) $(firstword $(1)))

# CH=7, CH=07, CH=07-adaptive and CH=a all work (CH=0 is 00); several: CH="1 7".
ch_number = $(or $(if $(filter 0 1 2 3 4 5 6 7 8 9,$(1)),0$(1)),$(if $(filter a,$(1)),A),$(1))
ch_folder = $(or $(filter $(1),$(CHAPTERS)),$(filter $(call ch_number,$(1))-%,$(CHAPTERS)))
ifneq ($(strip $(CH)),)
SELECTED := $(foreach c,$(CH),$(call ch_folder,$(c)))
ifneq ($(words $(SELECTED)),$(words $(CH)))
$(error CH=$(CH): no such chapter; the chapters are $(foreach c,$(CHAPTERS),$(patsubst 0%,%,$(call number,$(c)))))
endif
else
SELECTED := $(CHAPTERS)
endif

program_of = $(if $(filter A-lab,$(1)),$(BUILD)/descent,$(BUILD)/ch$(call number,$(1)))

MAIN_C := $(wildcard chapters/*/main.c)
BENCH_C := $(wildcard chapters/*/bench.c)
STUB_C := $(wildcard chapters/*/exercise_*.c)
MPI_C := $(wildcard chapters/*/mpi_*.c)
LIB_C := $(filter-out $(MAIN_C) $(BENCH_C) $(STUB_C) $(MPI_C),$(wildcard chapters/*/*.c))
LIB_O := $(LIB_C:%.c=$(BUILD)/obj/%.o)
LIB := $(BUILD)/libdescent.a

WITH_MAIN := $(patsubst chapters/%/main.c,%,$(MAIN_C))
PROGRAMS := $(foreach c,$(WITH_MAIN),$(call program_of,$(c)))
BENCHES := $(foreach c,$(patsubst chapters/%/bench.c,%,$(BENCH_C)),$(BUILD)/bench$(call number,$(c)))
TESTED := $(patsubst tests/%.c,%,$(filter $(CHAPTERS:%=tests/%.c),$(wildcard tests/*.c)))
TEST_BINS := $(TESTED:%=$(BUILD)/tests/%)
EXERCISED := $(patsubst tests/%-exercises.c,%,$(wildcard tests/*-exercises.c))
YOURS_BINS := $(EXERCISED:%=$(BUILD)/tests/%-yours)
PLOTTED := $(filter $(patsubst plots/%.gp,%,$(wildcard plots/*.gp)),$(CHAPTERS))
WEAVE := $(BUILD)/weave
NUMERALS := $(BUILD)/numerals

# What CH selects: its program, tests, exercises, figures (and the library
# and the weaver, which everything needs).
SEL_PROGRAMS := $(foreach c,$(filter $(WITH_MAIN),$(SELECTED)),$(call program_of,$(c)))
SEL_TESTS := $(filter $(SELECTED:%=$(BUILD)/tests/%),$(TEST_BINS))
SEL_YOURS := $(filter $(SELECTED:%=$(BUILD)/tests/%-yours),$(YOURS_BINS))
SEL_PLOTTED := $(filter $(SELECTED),$(PLOTTED))
# Chapter 12's MPI programs, when MPI is installed (see "MPI" below).
MPICC ?= mpicc
MPI_CHAPTER := $(patsubst chapters/%/mpi_descent.c,%,$(wildcard chapters/*/mpi_descent.c))
HAVE_MPI := $(shell command -v $(MPICC) >/dev/null 2>&1 && echo yes)
MPI_PROGRAMS := $(if $(HAVE_MPI),$(BUILD)/descent-mpi $(BUILD)/ch12-mpi)
SEL_MPI := $(if $(filter $(MPI_CHAPTER),$(SELECTED)),$(MPI_PROGRAMS))

.PHONY: all programs tests check exercises plots book bench deps clean watch hint reset \
	loop-timing next lab-yours
.DEFAULT_GOAL := all

all: deps programs plots book
	@echo "made: $(words $(PROGRAMS)) programs in $(BUILD)/, the figures of \
	$(words $(PLOTTED)) chapters in plots/, every chapter's listings and outputs and \
	book.md; next: make check"

programs: $(if $(CH),$(SEL_PROGRAMS),$(PROGRAMS) $(BENCHES)) $(WEAVE) $(SEL_MPI) $(NUMERALS)

tests: $(if $(CH),$(SEL_TESTS) $(SEL_YOURS),$(TEST_BINS) $(YOURS_BINS))

# ------------------------------------------------------------ compiling
# keep_file FILE,VARIABLE: FILE holds VARIABLE's value, written only when
# it changes, so that what depends on FILE is made again exactly then (a
# compiler flag, a test setting, a file added or removed).
define keep_file
ifneq ($$($(2)),$$(file <$(1)))
$$(shell mkdir -p '$(dir $(1))')
$$(file >$(1),$$($(2)))
endif
endef
# Every object is compiled again when CC or a flag changes.
BUILD_FLAGS := $(BUILD)/flags
FLAGS_NOW := CC=$(CC) MPICC=$(MPICC) CPPFLAGS=$(CPPFLAGS) CFLAGS=$(CFLAGS) SUITE_OPT=$(SUITE_OPT) LDFLAGS=$(LDFLAGS)
ifeq ($(filter clean,$(MAKECMDGOALS)),)
$(eval $(call keep_file,$(BUILD_FLAGS),FLAGS_NOW))
endif
$(BUILD_FLAGS): ;

# A file in chapters/ that git does not know and that does not compile is
# most likely the learner's own (a scratch program), and a header of
# chapters/ changed since the last commit (a stub's declaration in
# exercises.h) the likely cause of an error in the book's code: say so.
$(BUILD)/obj/%.o: %.c $(BUILD_FLAGS) | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(DESCENT_CFLAGS) $(CHECK_CFLAGS_IF_TEST) $(CPPFLAGS) $(CFLAGS) $(SUITE_OPT_IF_TEST) $(DESCENT_FIXED) -c $< -o $@ || \
		{ case '$<' in chapters/*) git ls-files --error-unmatch '$<' >/dev/null 2>&1 || \
			echo "$<: a file of your own? The library is built from every .c in chapters/ (but main.c, bench.c, mpi_*.c and the exercise_*.c stubs): keep yours outside chapters/" >&2 ;; esac; \
		  $(changed_headers); exit 1; }
changed_headers = for h in $$(git diff --name-only HEAD -- 'chapters/*.h' 2>/dev/null); do \
	echo "$$h: changed since the last commit (git diff $$h shows how); the book's code and tests are compiled against it (git checkout -- $$h brings back the committed one)" >&2; done

# Test sources include <check.h>.  Everything under tests/ (the suites'
# own code, not the library they test; and the weaver and the numerals
# checker, whose runs take a tenth of a second either way) is compiled
# unoptimised while CFLAGS is the default: that takes a third of the time
# (a fresh clone compiles some thirty suites; tests/numerals.c alone takes
# 2.8 s at -O2, 0.4 s at -O0), and gdb shows every variable of a test.
# Give CFLAGS and the tests get yours.
$(BUILD)/obj/tests/%.o: CHECK_CFLAGS_IF_TEST = $(CHECK_CFLAGS)
$(BUILD)/obj/tests/%.o: SUITE_OPT_IF_TEST = $(SUITE_OPT)

# tests/main.c, three ways (see its banner).
$(BUILD)/obj/tests/main-%.o: tests/main.c $(BUILD_FLAGS) | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(DESCENT_CFLAGS) $(CHECK_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(SUITE_OPT) $(DESCENT_FIXED) \
		-DRUN_$(shell echo $* | tr a-z- A-Z_) -c $< -o $@

# Your exercise stubs, each on its own and instrumented (tests/harness.h).
# One that does not compile is replaced by the reference answer as a
# stand-in that reports "does not compile" and its first error (kept in
# OBJECT.broken; every message in OBJECT.log), so the other exercises and
# chapters still build and run.
# A call of an undeclared function is an error (gcc before 14 only warns,
# and the learner would meet it later as a link error without a line).
# Always -g: a report names the line of your code, whatever CFLAGS says.
STUB_FLAGS = $(DESCENT_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(if $(filter -g,$(CFLAGS)),,-g) $(DESCENT_FIXED) -finstrument-functions \
	-Werror=implicit-function-declaration
$(BUILD)/obj/yours/%.o: %.c $(BUILD_FLAGS) tests/first-error.awk | deps
	@mkdir -p $(@D)
	@if $(if $(filter 1,$(V)),set -x;) LC_ALL=C $(CC) $(STUB_FLAGS) -c $< -o $@ 2>$@.log; then \
		rm -f $@.broken $@.unlinked $@.mine; cat $@.log >&2; \
	else \
		awk -v stub='$<' -f tests/first-error.awk $@.log >$@.broken; \
		[ -f $(patsubst chapters/%,solutions/%,$<) ] || { \
			echo "$< does not compile: $$(cat $@.broken)"; \
			echo "  (no exercise of the book: no $(patsubst chapters/%,solutions/%,$<) stands in for it while it does not compile; fix it, or keep files of your own outside chapters/, where every .c is built)"; \
			rm -f $@; exit 1; } >&2; \
		$(say) STUB "$< does not compile: $$(cat $@.broken) (make check reports it)"; \
		$(if $(filter 1,$(V)),cat $@.log >&2;) \
		rm -f $@.unlinked $@.mine; \
		$(CC) $(STUB_FLAGS) -c $(patsubst chapters/%,solutions/%,$<) -o $@ || { $(changed_headers); exit 1; }; \
	fi

$(LIB): $(LIB_O)
	@rm -f $@
	@$(say) AR $@
	$(Q)$(AR) rcs $@ $^

define chapter_program
$(call program_of,$(1)): $(BUILD)/obj/chapters/$(1)/main.o $(LIB)
	@$$(say) LINK $$@
	$$(Q)$$(if $$(STATIC),$$(CC) $$(CFLAGS) $$(LDFLAGS) $$(STATIC) $$^ $$(LDLIBS) -o $$@ 2>/dev/null ||) \
		$$(CC) $$(CFLAGS) $$(LDFLAGS) $$^ $$(LDLIBS) -o $$@
endef
$(foreach c,$(WITH_MAIN),$(eval $(call chapter_program,$(c))))

# The lab's program is linked statically (still position-independent) when
# it can be: no dynamic loader to find, map and relocate libc, libm and
# libcsv, which is a good part of a short run (chapters/A-lab/README.md,
# "Speed").  Not under the sanitizers, which need the dynamic loader;
# without static libraries, linked as usual.
$(BUILD)/descent: STATIC = $(if $(findstring -fsanitize,$(CFLAGS) $(LDFLAGS)),,-static-pie)

define chapter_bench
$(BUILD)/bench$(call number,$(1)): $(BUILD)/obj/chapters/$(1)/bench.o $(LIB)
	@$$(say) LINK $$@
	$$(Q)$$(CC) $$(CFLAGS) $$(LDFLAGS) $$^ $$(LDLIBS) -o $$@
endef
$(foreach c,$(patsubst chapters/%/bench.c,%,$(BENCH_C)),$(eval $(call chapter_bench,$(c))))

$(WEAVE): $(BUILD)/obj/tests/weave.o
	@$(say) LINK $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $^ -o $@

# build/numerals: is every number in the prose woven, asserted or exempt?
$(NUMERALS): $(BUILD)/obj/tests/numerals.o
	@$(say) LINK $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $^ -o $@

# build/tests/NN-slug: the chapter's suite (+ exercises against solutions/).
# build/tests/NN-slug-yours: the exercises against your stubs in chapters/,
# one per reference answer in solutions/ (a stub deleted, or one that would
# not link, has its answer stand in: tests/stubs.sh); when it still does not
# link, NN-slug-yours.log says why and `make check` reports that chapter's
# exercises as not compiling.
yours_objects = $(patsubst solutions/%.c,$(BUILD)/obj/yours/chapters/%.o,$(wildcard solutions/$(1)/exercise_*.c))
YOURS_OTHERS = $(BUILD)/obj/tests/main-yours.o $(BUILD)/obj/tests/harness.o \
	$(BUILD)/obj/tests/$(1)-exercises.o $(LIB)
define chapter_tests
$(BUILD)/tests/$(1): $(BUILD)/obj/tests/$(1).o $(BUILD)/obj/tests/harness.o \
		$(if $(wildcard tests/$(1)-exercises.c),\
		  $(BUILD)/obj/tests/main-chapter-exercises.o $(BUILD)/obj/tests/$(1)-exercises.o \
		  $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard solutions/$(1)/*.c)),\
		  $(BUILD)/obj/tests/main-chapter.o) $(LIB)
	@mkdir -p $$(@D)
	@$$(say) LINK $$@
	$$(Q)$$(CC) $$(CFLAGS) $$(LDFLAGS) $$^ $$(CHECK_LIBS) $$(LDLIBS) -o $$@

$(BUILD)/tests/$(1)-stubs.c: $(patsubst %.c,$(BUILD)/obj/yours/%.o,$(wildcard chapters/$(1)/exercise_*.c)) tests/stubs.sh \
		$(BUILD)/check/stubs-$(1) $(call YOURS_OTHERS,$(1)) \
		$(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard solutions/$(1)/exercise_*.c))
	@mkdir -p $$(@D)
	$$(Q)NM='$$(NM)' STANDIN='$$(CC) $$(STUB_FLAGS)' OTHERS='$(call YOURS_OTHERS,$(1))' \
		PROBE='$$(CC) $$(CFLAGS) $$(LDFLAGS) -- $$(CHECK_LIBS) $$(LDLIBS)' \
		sh tests/stubs.sh $$@ $(call yours_objects,$(1))

$(BUILD)/tests/$(1)-yours: $(BUILD)/obj/tests/main-yours.o $(BUILD)/obj/tests/harness.o \
		$(BUILD)/obj/tests/$(1)-exercises.o $(BUILD)/obj/tests/$(1)-stubs.o \
		$(patsubst %.c,$(BUILD)/obj/yours/%.o,$(wildcard chapters/$(1)/exercise_*.c)) $(LIB)
	@$$(say) LINK $$@
	@rm -f $$@.log
	$$(Q)$$(CC) $$(CFLAGS) $$(LDFLAGS) $$(filter-out $$(LIB),$$^) $$(filter-out $$^,$(call yours_objects,$(1))) \
		$$(LIB) $$(CHECK_LIBS) $$(LDLIBS) -o $$@ 2>$$@.log || \
		{ rm -f $$@; echo "  your exercises of $(1) do not link (make check reports it)"; }
endef
$(foreach c,$(CHAPTERS),$(eval $(call chapter_tests,$(c))))
# A stub removed (or added) links the chapter's exercises again.
ifeq ($(filter clean,$(MAKECMDGOALS)),)
$(foreach c,$(CHAPTERS),$(eval STUBS_$(c) := $(wildcard chapters/$(c)/exercise_*.c))\
	$(eval $(call keep_file,$(BUILD)/check/stubs-$(c),STUBS_$(c))))
endif
$(CHAPTERS:%=$(BUILD)/check/stubs-%): ;
# A stub put back (whatever its time) is compiled again, not left to the
# stand-in that replaced it while it was missing.
$(foreach c,$(CHAPTERS),$(eval $(patsubst %.c,$(BUILD)/obj/yours/%.o,\
	$(wildcard chapters/$(c)/exercise_*.c)): $(BUILD)/check/stubs-$(c)))

$(BUILD)/obj/tests/%-stubs.o: $(BUILD)/tests/%-stubs.c $(BUILD_FLAGS) | deps
	$(Q)$(CC) $(DESCENT_CFLAGS) $(CHECK_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(SUITE_OPT) $(DESCENT_FIXED) -c $< -o $@

# ----------------------------------------------------- MPI (chapter 12)
# chapters/*/mpi_*.c include <mpi.h>: they are no part of the library, and
# are built with the MPI compiler wrapper only when it is installed (make
# deps installs Open MPI on Debian): build/descent-mpi is the lab's main.c
# with its main renamed lab_main, plus mpi_descent.c; build/ch12-mpi is
# mpi_experiments.c.  Every other program builds without MPI.  The wrapper runs
# your CC (OMPI_CC for Open MPI, MPICH_CC for MPICH).
MPI_RUN_CC = OMPI_CC='$(CC)' MPICH_CC='$(CC)' $(MPICC)

$(BUILD)/obj/mpi/%.o: %.c $(BUILD_FLAGS) | deps
	@mkdir -p $(@D)
	$(Q)$(MPI_RUN_CC) $(DESCENT_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(DESCENT_FIXED) -c $< -o $@

$(BUILD)/obj/mpi/lab_main.o: chapters/A-lab/main.c $(BUILD_FLAGS) | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(DESCENT_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(DESCENT_FIXED) -Dmain=lab_main -c $< -o $@

$(BUILD)/descent-mpi: $(BUILD)/obj/mpi/chapters/$(MPI_CHAPTER)/mpi_descent.o \
		$(BUILD)/obj/mpi/lab_main.o $(LIB)
	@$(say) LINK $@
	$(Q)$(MPI_RUN_CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

$(BUILD)/ch12-mpi: $(BUILD)/obj/mpi/chapters/$(MPI_CHAPTER)/mpi_experiments.o $(LIB)
	@$(say) LINK $@
	$(Q)$(MPI_RUN_CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

# ------------------------------------------------------ figures and book
# Everything a listing or an output can show, but your exercise stubs.
# (An editor's swap, backup or lock file, Python's bytecode: not inputs.)
WOVEN_INPUTS := $(filter-out $(STUB_C),$(shell find chapters solutions tests plots/*.gp -type f \
	! -name '.*' ! -name '*~' ! -name '\#*' ! -name '*.sw?' ! -name '*.orig' ! -name '*.rej' \
	! -name '*.pyc' 2>/dev/null))

# Every command whose output the book shows or whose CSV a figure draws
# (tests/outputs.sh lists them from the chapters' markers and the plots'
# "# data:" lines) is a target of its own, build/outputs/KEY: it runs again
# only when its program is rebuilt or a data file or script under
# chapters/ (or a test file under tests/A-lab/) changes, on every core
# beside the rest of the build, and the weaver and the figures read it
# there: a long run is made once per build (chapter 4's and chapter 11's
# comparisons feed both a figure and the text).
# (build/outputs/reads lists them: a file removed runs the outputs again.)
OUTPUT_DATA := $(filter-out %.md %.c %.h,$(filter chapters/% tests/A-lab/%,$(WOVEN_INPUTS)))
OUTPUT_READS := $(OUTPUT_DATA) $(BUILD)/outputs/reads
$(BUILD)/outputs/reads: ;
ifeq ($(filter clean,$(MAKECMDGOALS)),)
$(eval $(call keep_file,$(BUILD)/outputs/reads,OUTPUT_DATA))
$(BUILD)/outputs.mk: tests/outputs.sh $(wildcard chapters/*/README.md solutions/*.md plots/*.gp)
	@mkdir -p $(@D)
	$(Q)BUILD='$(BUILD)' sh tests/outputs.sh rules >$@.tmp && mv $@.tmp $@
-include $(BUILD)/outputs.mk
endif
# Chapter 11's outputs share long runs (experiments.h, "Shared runs"):
# ch11 --example runs-NAME trains each set once into
# $(BUILD)/shared/11-tiny-network/NAME.runs, and the outputs that show
# them read them, named in DESCENT_CH11_RUNS (the same bytes out as
# training them: the reader running a command trains them).
# No other command gets the variable, not even from your shell (a file
# named there would stand in for runs of this build's ch11, unchecked).
unexport DESCENT_CH11_RUNS
CH11_SHARED := $(BUILD)/shared/11-tiny-network
$(CH11_SHARED)/%.runs: $(BUILD)/ch11 $(OUTPUT_READS) | deps
	@$(say) RUNS $@
	@rm -rf $@.tmp; mkdir -p $@.tmp
	$(Q)DESCENT_CH11_RUNS= $(BUILD)/ch11 --example runs-$* --csv $@.tmp && mv $@.tmp/$*.runs $@
	@rm -rf $@.tmp
# ch11_shares KEY,NAMES: the output KEY reads the shared runs NAMES.
ch11_runs = $(foreach n,$(1),$(CH11_SHARED)/$(n).runs)
define ch11_shares
$(BUILD)/outputs/$(1): $(call ch11_runs,$(2))
$(BUILD)/outputs/$(1): export DESCENT_CH11_RUNS = $(subst $(eval) ,:,$(strip $(call ch11_runs,$(2))))
endef
$(eval $(call ch11_shares,build_ch11_--values,tuned sweep))
$(eval $(call ch11_shares,build_ch11_--example_digits,tuned sweep))
$(eval $(call ch11_shares,build_ch11_--example_claims,tuned sweep))
$(eval $(call ch11_shares,build_ch11_--example_sweep,sweep))

outputs_of = $(sort $(foreach c,$(1),$(OUTPUTS_$(c))))
OUTPUT_FILES := $(call outputs_of,$(CHAPTERS))

# A chapter with plots/NN-slug.gp: tests/draw.sh draws SVG from the CSV in
# build/data/NN-slug into build/figures/NN-slug, once per build of the
# program.  The CSV comes from the script's "# data:" commands (run as
# outputs, above), else from "PROGRAM --csv DATA", run by draw.sh.  `make
# plots` copies the figures into plots/.
FIGURE_STAMPS := $(PLOTTED:%=$(BUILD)/figures/%.drawn)
define chapter_figures
$(BUILD)/figures/$(1).drawn: $(call program_of,$(1)) $(FIGURE_OUTPUTS_$(1)) plots/$(1).gp plots/style.gp \
		tests/draw.sh | deps
	@$$(say) DRAW $(1)
	@rm -f $$@; mkdir -p $(BUILD)/figures
	$$(Q)BUILD='$$(BUILD)' sh tests/draw.sh $(1) $(BUILD)/figures/$(1) >$(BUILD)/figures/$(1).log 2>&1 || \
		{ cat $(BUILD)/figures/$(1).log; exit 1; }
	$$(if $$(filter 1,$$(V)),@cat $(BUILD)/figures/$(1).log)
	@touch $$@
endef
$(foreach c,$(PLOTTED),$(eval $(call chapter_figures,$(c))))

plots: $(SEL_PLOTTED:%=$(BUILD)/figures/%.drawn)
	@for c in $(SEL_PLOTTED); do \
		mkdir -p plots/$$c; \
		for f in $(BUILD)/figures/$$c/*; do \
			cmp -s "$$f" "plots/$$c/$${f##*/}" || { cp "$$f" plots/$$c/ && echo "  wrote plots/$$c/$${f##*/}"; }; \
		done; \
	done

WEAVE_NEEDS = $(WEAVE) $(PROGRAMS) $(FIGURE_STAMPS) $(WOVEN_INPUTS) $(OUTPUT_FILES)

book: $(if $(CH),,$(BUILD)/woven.stamp)
ifneq ($(CH),)
book: deps programs $(SEL_PLOTTED:%=$(BUILD)/figures/%.drawn) $(call outputs_of,$(SELECTED))
	$(Q)$(WEAVE) --build '$(BUILD)' --outputs '$(BUILD)/outputs' --only $(SELECTED)
endif

$(BUILD)/woven.stamp: $(WEAVE_NEEDS) | deps
	@$(say) WEAVE "chapters, solutions and book.md"
	$(Q)$(WEAVE) --build '$(BUILD)' --outputs '$(BUILD)/outputs'
	@touch $@

# --------------------------------------------------------------- checking
# `make check` runs each selected chapter's suites (in parallel, into
# build/check/NN-slug.*), checks the chapters against what the code prints
# (again only when something it shows changed) and compares the figures,
# then tests/check.sh prints one line per chapter and your progress.
#
# Each part of the check runs again only when something it reads has
# changed since it last passed; a part that failed runs every time.  A
# chapter's suite reads its test binary, its command-line tests the
# programs, your exercises their binary; and every part reads the files
# under chapters/, solutions/ and tests/ (but your stubs) and the settings
# that steer the tests, kept in build/check/environment (the DESCENT_*,
# CK_* and sanitizer variables, and which mpirun, gnuplot and python3 are
# found), which is rewritten only when they change.
CHECK_ENV := $(BUILD)/check/environment
CHECK_VARIABLES := $(sort $(filter DESCENT_% CK_% ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS \
	OMPI_% HWLOC_% TMPDIR,$(.VARIABLES)))
ifeq ($(filter clean,$(MAKECMDGOALS)),)
CHECK_ENV_NOW := $(foreach v,$(CHECK_VARIABLES),$(v)=$($(v))) \
	tools: $(shell for t in mpirun gnuplot python3; do command -v $$t; done) \
	torch: $(notdir $(wildcard /usr/lib/python3/dist-packages/torch-* /usr/lib/python3/dist-packages/torch*info)) \
	inputs: $(WOVEN_INPUTS)
$(eval $(call keep_file,$(CHECK_ENV),CHECK_ENV_NOW))
endif
# Every part reads the files under chapters/, solutions/ and tests/ but the
# chapters' text and the sources (which the binaries already depend on).
CHECK_READS = $(filter-out %.md %.c %.h %.gp,$(WOVEN_INPUTS)) $(CHECK_ENV)
$(CHECK_ENV): ;
# A part's stamp, build/check/NN-slug.PART.ok, exists when it last passed.
check_part = $(BUILD)/check/$(1).$(2).ok

define chapter_run
$(call check_part,$(1),suite): $(BUILD)/tests/$(1) $$(CHECK_READS) | deps
	$$(Q)BUILD='$$(BUILD)' sh tests/check.sh suite $(1)

$(call check_part,$(1),cli): tests/$(1).sh $(PROGRAMS) $$(CHECK_READS) | deps
	$$(Q)BUILD='$$(BUILD)' sh tests/check.sh cli $(1)

$(call check_part,$(1),yours): $(BUILD)/tests/$(1)-yours $(CHECK_ENV) | deps
	$$(Q)BUILD='$$(BUILD)' sh tests/check.sh yours $(1)

.PHONY: run-$(1)
run-$(1): $(if $(filter $(BUILD)/tests/$(1),$(TEST_BINS)),$(call check_part,$(1),suite)) \
	$(if $(wildcard tests/$(1).sh),$(call check_part,$(1),cli)) \
	$(if $(filter $(BUILD)/tests/$(1)-yours,$(YOURS_BINS)),$(call check_part,$(1),yours))
endef
$(foreach c,$(CHAPTERS),$(eval $(call chapter_run,$(c))))
$(if $(MPI_CHAPTER),$(call check_part,$(MPI_CHAPTER),cli)): $(SEL_MPI) $(BUILD)/descent

# The numbers in the prose (build/numerals, after tests/numerals.sh proves
# it can fail), the lab on the reference answers (tests/lab-yours.sh) and
# the loop on broken answers (tests/loop.sh, in a copy of the tree).
NUMERALS_PART := numerals-$(if $(CH),$(subst $() ,+,$(strip $(SELECTED))),all)
$(BUILD)/check/numerals-self.ok: $(NUMERALS) $(WEAVE) tests/numerals.sh | deps
	$(Q)BUILD='$(BUILD)' sh tests/check.sh numerals-self
$(BUILD)/check/$(NUMERALS_PART).ok: $(NUMERALS) $(WOVEN_INPUTS) $(CHECK_ENV) | deps
	$(Q)BUILD='$(BUILD)' sh tests/check.sh numerals $(if $(CH),$(SELECTED))
$(BUILD)/check/lab-yours.ok: $(BUILD)/descent $(BUILD)/descent-solutions $(BUILD)/descent-faulty \
		$(CHECK_READS) | deps
	$(Q)BUILD='$(BUILD)' sh tests/check.sh lab-yours
# (tests/loop.sh rewrites chapter 8's stubs and takes chapters 1, 2 and 9's
# from git; it copies the library and the objects its runs link.)
$(BUILD)/check/loop.ok: Makefile $(filter chapters/08-%,$(STUB_C)) $(LIB) $(TEST_BINS) \
		$(addprefix $(BUILD)/obj/tests/,main-yours.o harness.o 01-update-rule-exercises.o \
		  02-learning-rate-exercises.o 08-adam-exercises.o 09-schedules-exercises.o) \
		$(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard $(foreach c,01 02 08 09,solutions/$(c)-*/exercise_*.c))) \
		$(WOVEN_INPUTS) $(CHECK_ENV) | deps
	$(Q)BUILD='$(BUILD)' sh tests/check.sh loop

$(BUILD)/check/woven-all.log: $(WEAVE_NEEDS) book.md
	@mkdir -p $(@D)
	$(Q)$(WEAVE) --build '$(BUILD)' --outputs '$(BUILD)/outputs' --check >$@.tmp 2>&1; echo $$? >$(@:.log=.status)
	@mv $@.tmp $@

# CH=N: only that chapter's programs and figures.
$(BUILD)/check/woven-%.log: $(WEAVE) $(SEL_PROGRAMS) $(SEL_PLOTTED:%=$(BUILD)/figures/%.drawn) $(WOVEN_INPUTS) \
		$(call outputs_of,$(SELECTED))
	@mkdir -p $(@D)
	$(Q)$(WEAVE) --build '$(BUILD)' --outputs '$(BUILD)/outputs' --check --only $(subst +, ,$*) \
		>$@.tmp 2>&1; echo $$? >$(@:.log=.status)
	@mv $@.tmp $@

WOVEN_LOG := $(BUILD)/check/woven-$(if $(CH),$(subst $() ,+,$(strip $(SELECTED))),all).log

# The chapters run last to first: the later ones take longer, and on two
# cores the longest should not start last.
check: deps $(call reverse,$(SELECTED:%=run-%)) $(WOVEN_LOG) $(SEL_PLOTTED:%=$(BUILD)/figures/%.drawn) \
		$(BUILD)/check/numerals-self.ok $(BUILD)/check/$(NUMERALS_PART).ok \
		$(if $(CH),,$(BUILD)/check/lab-yours.ok $(BUILD)/check/loop.ok)
	$(Q)BUILD='$(BUILD)' CHAPTERS='$(SELECTED)' WOVEN='$(WOVEN_LOG)' sh tests/check.sh report

exercises: deps $(SEL_YOURS)
	$(Q)BUILD='$(BUILD)' sh tests/check.sh exercises $(SELECTED)$(if $(WATCHING), || true)

# The first exercise not done, in book order, where the chapter asks it
# and its hint command (the same "next:" line as make check's).
next: deps $(SEL_YOURS)
	$(Q)BUILD='$(BUILD)' sh tests/check.sh next $(SELECTED)

bench: deps $(BENCHES) $(MPI_PROGRAMS)
	@for b in $(BENCHES); do echo "== $$b"; $$b || exit 1; done
	@for b in $(wildcard chapters/*/bench.sh); do echo "== $$b"; BUILD='$(BUILD)' sh $$b || exit 1; done

# How fast the learner's loop is (medians of several runs; see the script).
loop-timing:
	@sh tests/loop-timing.sh

clean:
	rm -rf '$(BUILD)'

# ------------------------------------------------------ the lab on your code
# make lab-yours: build/descent-yours, the lab in which every optimizer
# whose exercise is done runs your step, the others the book's (the list of
# exercises and kinds, and how the steps are swapped at link time, are in
# tests/lab-yours.c).  build/descent-solutions is the same program on the
# reference answers; tests/lab-yours.sh (run by make check) proves it
# prints what build/descent prints, byte for byte.
LAB_YOURS_NUMBERS := $(sort $(shell sed -n 's/^ *LAB_YOURS([a-z_]*, *[a-z_]*, *"\([0-9A-Z]*\)\.[0-9]*").*/\1/p' tests/lab-yours.c))
LAB_YOURS_CHAPTERS := $(foreach n,$(LAB_YOURS_NUMBERS),$(call ch_folder,$(n)))
LAB_YOURS_STUBS := $(patsubst %.c,$(BUILD)/obj/yours/%.o,$(foreach c,$(LAB_YOURS_CHAPTERS),$(wildcard chapters/$(c)/exercise_*.c)))
# (and the stand-ins of stubs you deleted, made with the exercise runs)
LAB_YOURS_ALL = $(foreach c,$(LAB_YOURS_CHAPTERS),$(call yours_objects,$(c)))
LAB_YOURS_ANSWERS := $(patsubst %.c,$(BUILD)/obj/%.o,$(foreach c,$(LAB_YOURS_CHAPTERS),$(wildcard solutions/$(c)/exercise_*.c)))
LAB_YOURS_RUNS := $(LAB_YOURS_CHAPTERS:%=$(BUILD)/tests/%-yours)
LAB_LINK = $(CC) $(CFLAGS) $(LDFLAGS) -Wl,--wrap=optimizer_step $^ $(LDLIBS) -o $@

lab-yours: deps $(BUILD)/descent-yours $(BUILD)/ch08-yours
	@echo "made $(BUILD)/descent-yours and $(BUILD)/ch08-yours: the lab and chapter 8's race with your optimizers where their exercise is done; e.g. $(BUILD)/descent-yours --function rosenbrock --optimizer adam --lr 0.01 --plot $(BUILD)/adam.svg, $(BUILD)/ch08-yours --example race"

# The exercises whose tests pass, from your exercise runs (a run that did
# not link counts nothing); rewritten only when it changes.
$(BUILD)/lab-yours-done.c: $(LAB_YOURS_RUNS) tests/lab-yours.c
	@{ echo '/* Written by make lab-yours: the exercises whose tests pass. */'; \
	  echo '#include <stddef.h>'; echo 'const char *const lab_yours_done[] = {'; \
	  for run in $(LAB_YOURS_RUNS); do [ ! -x "$$run" ] || "$$run"; done | \
	    sed -n 's/^  done  *exercise \([0-9A-Z]*\.[0-9]*\) .*/    "\1",/p'; \
	  echo '    NULL,'; echo '};'; } >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/lab-solutions-done.c: tests/lab-yours.c
	@mkdir -p $(@D)
	@{ echo '/* Written by make: every exercise of tests/lab-yours.c, for the reference answers. */'; \
	  echo '#include <stddef.h>'; echo 'const char *const lab_yours_done[] = {'; \
	  sed -n 's/^ *LAB_YOURS([a-z_]*, *[a-z_]*, *\("[0-9A-Z]*\.[0-9]*"\)).*/    \1,/p' $<; \
	  echo '    NULL,'; echo '};'; } >$@

$(BUILD)/lab-%-done.o: $(BUILD)/lab-%-done.c | deps
	$(Q)$(CC) $(DESCENT_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(DESCENT_FIXED) -c $< -o $@

# The lab and chapter 8's program (its race), each on your optimizers.
define yours_program
$(1): $(2) $(BUILD)/obj/tests/lab-yours.o $(BUILD)/lab-yours-done.o $(LAB_YOURS_STUBS) $(LIB)
	@$$(say) LINK $$@
	$$(Q)$$(CC) $$(CFLAGS) $$(LDFLAGS) -Wl,--wrap=optimizer_step $$(filter-out $$(LIB),$$^) \
		$$(filter-out $$^,$$(LAB_YOURS_ALL)) $$(LIB) $$(LDLIBS) -o $$@ 2>$$@.log || { rm -f $$@; cat $$@.log; \
		echo "$$@ does not link: does one of your exercise files define a function the book already has?"; exit 1; }
endef
$(eval $(call yours_program,$(BUILD)/descent-yours,$(BUILD)/obj/chapters/A-lab/main.o))
$(eval $(call yours_program,$(BUILD)/ch08-yours,$(BUILD)/obj/chapters/08-adam/main.o))

$(BUILD)/descent-solutions: $(BUILD)/obj/chapters/A-lab/main.o $(BUILD)/obj/tests/lab-yours.o \
		$(BUILD)/lab-solutions-done.o $(LAB_YOURS_ANSWERS) $(LIB)
	@$(say) LINK $@
	$(Q)$(LAB_LINK)
# build/descent-faulty: the same with a step of exercise 6.5 that fails on
# purpose at chosen rates (tests/lab-faulty.c), for tests/lab-yours.sh.
$(BUILD)/descent-faulty: $(BUILD)/obj/chapters/A-lab/main.o $(BUILD)/obj/tests/lab-yours.o \
		$(BUILD)/lab-solutions-done.o $(BUILD)/obj/tests/lab-faulty.o \
		$(filter-out %/exercise_sgd.o,$(LAB_YOURS_ANSWERS)) $(LIB)
	@$(say) LINK $@
	$(Q)$(LAB_LINK)

# ------------------------------------------------------ the learner's loop
# make watch [CH=N]: run your exercises again whenever a .c or .h file
# under chapters/, solutions/ or tests/ is saved (an editor's swap or
# temporary file is not a save): those of CH, else those of the
# chapter whose file changed (inotifywait, from Debian's inotify-tools,
# which `make deps` and `make watch` install when missing).  A file saved
# while the exercises run is caught too: one newer than the run's start
# (BUILD/watch.stamp) starts the next run at once.
# (A CH without code exercises is refused: it would watch for nothing.)
ifneq ($(and $(filter watch,$(MAKECMDGOALS)),$(strip $(CH))),)
ifeq ($(filter $(SELECTED),$(EXERCISED)),)
$(error CH=$(strip $(CH)): no code exercises to watch; the chapters with some are $(foreach c,$(EXERCISED),$(patsubst 0%,%,$(call number,$(c)))))
endif
endif
watch: deps
	@echo "make watch: watching chapters/, solutions/ and tests/; Ctrl-C to stop"
	@mkdir -p '$(BUILD)'; stamp='$(BUILD)/watch.stamp'; ch='$(CH)'; while :; do \
		touch "$$stamp"; \
		$(MAKE) exercises CH="$$ch" WATCHING=1; \
		changed=$$(find chapters solutions tests -name '*.[ch]' -newer "$$stamp" | head -n 1); \
		[ -n "$$changed" ] || \
		changed=$$(inotifywait -q -r --format '%w%f' -e close_write -e moved_to -e create \
			--include '\.[ch]$$' chapters solutions tests) || exit 1; \
		[ -n '$(CH)' ] || ch=$$(echo "$$changed" | sed -n 's|^[a-z]*/\([0-9A-Z][0-9]*\)-.*|\1|p'); \
		echo; echo "=== $$(date +%H:%M:%S) $$changed changed"; \
	done

# make hint EX=7.3: the TODO hint of exercise 7.3; make reset EX=7.3: its
# stub as committed (refused over your edits unless FORCE=1).  EX and FORCE
# reach check.sh through the environment, whatever quotes they hold.
hint reset: export DESCENT_EX = $(EX)
hint reset: export DESCENT_FORCE = $(FORCE)
hint reset:
	@BUILD='$(BUILD)' FORCE="$$DESCENT_FORCE" sh tests/check.sh $@ "$$DESCENT_EX"

# --------------------------------------------------------- dependencies
# A compiler, pkg-config, Check, libcsv and gnuplot (and inotify-tools, for
# `make watch`, when deps or watch is asked for by name).  On Debian or Ubuntu what is
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
	$(if $(filter deps watch,$(MAKECMDGOALS)),command -v inotifywait >/dev/null 2>&1 || missing="$$missing inotify-tools";) \
	$(if $(filter deps,$(MAKECMDGOALS)),if command -v apt-get >/dev/null 2>&1 && ! { command -v mpicc && command -v mpirun; } >/dev/null 2>&1; then missing="$$missing openmpi-bin libopenmpi-dev"; fi;) \
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

# ------------------------------------------------------------- website
# The book as pages (build/html), made by Debian's pandoc, and checked in
# headless Chromium: pandoc and Chromium are installed only when these are
# asked for, so `make` and `make check` stay lean.
.PHONY: html check-html deps-html
html: deps-html
	@sh tests/site/build.sh '$(BUILD)'

check-html: html
	@sh tests/site/check.sh '$(BUILD)'

deps-html:
	@missing=''; \
	command -v pandoc >/dev/null 2>&1 || missing="$$missing pandoc"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	[ -z "$$missing" ] && exit 0; \
	if command -v apt-get >/dev/null 2>&1; then \
		sudo=''; [ "$$(id -u)" = 0 ] || sudo='sudo'; \
		echo "the website needs:$$missing; installing them with $$sudo apt-get"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null || exit 1; \
	else \
		echo "the website needs:$$missing (pandoc, and Chromium for check-html). Install them with your system's package manager."; exit 1; \
	fi
