#!/bin/sh
# numerals.sh: proves that the prose checks can fail.  In a scratch copy
# of a tiny book it changes numbers by hand and expects build/weave
# --check and build/numerals to say so, with file:line; and it checks
# that what the rule exempts is not reported.  Prints "N passed, N failed".
set -u
: "${BUILD:=build}"
top=$(pwd)
case $BUILD in /*) build=$BUILD ;; *) build=$top/$BUILD ;; esac
weave="$build/weave"
numerals="$build/numerals"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/numerals.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$scratch"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAILED: $1"; sed 's/^/    /' "$scratch/out"; }

# expect NAME STATUS PATTERN COMMAND...: COMMAND exits with STATUS and
# prints a line matching PATTERN (grep -E); PATTERN "" matches anything.
expect() {
    name=$1 status=$2 pattern=$3
    shift 3
    (cd "$scratch/book" && "$@") >"$scratch/out" 2>&1
    rc=$?
    if [ "$rc" -ne "$status" ]; then ko "$name (exit $rc, not $status)"; return; fi
    if [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$scratch/out"; then
        ko "$name (no line matching: $pattern)"; return
    fi
    ok
}
# refuse NAME PATTERN COMMAND...: COMMAND prints no line matching PATTERN.
refuse() {
    name=$1 pattern=$2
    shift 2
    (cd "$scratch/book" && "$@") >"$scratch/out" 2>&1
    if grep -Eq -- "$pattern" "$scratch/out"; then ko "$name (printed: $pattern)"; else ok; fi
}

# A book of one chapter, its values, its test and its worked answers.
fresh() {
    rm -rf "$scratch/book"
    mkdir -p "$scratch/book/chapters/01-demo" "$scratch/book/tests" "$scratch/book/solutions"
    cat >"$scratch/book/chapters/01-demo/main.c" <<'EOF'
/* the example's inputs, as a chapter program sets them */
static const double start = 3.0;
static const long samples = 100000;
static const long ends[2] = {300, 301};
EOF
    cat >"$scratch/book/chapters/01-demo/values.sh" <<'EOF'
echo "rate 0.6694"
echo "steps 438"
EOF
    cat >"$scratch/book/tests/01-demo.c" <<'EOF'
#define TOLERANCE 1e-12
START_TEST(example_by_hand)
{
    /* 9.75 in a comment asserts nothing */
    ck_assert_double_eq_tol(x, 16.0 / 5, TOLERANCE);
    ck_assert_str_eq(fixed(digits, 1 / h), "0.0337");
    ck_assert_double_eq(start, -4.0);
    ck_assert_int_eq(samples, 100000);
    ck_assert_double_eq_tol(floor, 4.5e-3, 5e-5);
    ck_assert_double_eq_tol(half, 1.0 / 2, 0);
    ck_assert_double_eq_tol(spread, 22 / 100.0, 0.005);
    ck_assert_double_eq(resolution, ldexp(1, -53));
}
END_TEST
START_TEST(stops)
{
    for (int k = 0; k < 4; k++)
        run(k);
    ck_assert_int_eq(steps, 3);
}
END_TEST
START_TEST(indexed)
{
    ck_assert_double_eq(point[1], 5);
}
END_TEST
START_TEST(span)
{
    ck_assert_int_eq(width, 7 - 3);
    ck_assert_int_eq(last, 8);
}
END_TEST
START_TEST(half)
{
    ck_assert_double_eq(step, -1.0 / 2);
}
END_TEST
START_TEST(corner)
{
    ck_assert(start_x == 0 && start_y == 1);
}
END_TEST
START_TEST(rows)
{
    const double rows[6] = {1, 1, 2, 1, 1, 2};
    ck_assert(same_rows(data, rows));
}
END_TEST
START_TEST(second_row)
{
    const double second[2] = {2, 1};
    ck_assert(same_row(data, 1, second));
}
END_TEST
START_TEST(anneal_by_hand)
{
    ck_assert_double_eq_tol(anneal(1.0 / 25, 1, 1.0 / 2), 13.0 / 25, 1e-15);
}
END_TEST
START_TEST(corner_apart)
{
    ck_assert_double_eq(start_x, 0);
    ck_assert_double_eq(start_y, 1);
}
END_TEST
START_TEST(boundary)
{
    ck_assert_int_eq(last_finite, 80);
    ck_assert_int_eq(first_below, 81);
}
END_TEST
START_TEST(warmup)
{
    ck_assert_double_eq_tol(first_factor, 1.0 / 10, 1e-15);
    ck_assert_double_eq_tol(peak_over_lr, 6.5, 0.05);
    ck_assert_double_eq_tol(final_factor, 1.0 / 10000, 1e-18);
}
END_TEST
START_TEST(warmup_loose)
{
    ck_assert_double_eq_tol(first_factor, 1.0 / 10, 1e-15);
    ck_assert_double_eq_tol(second_factor, 1.0 / 9, 1e-15);
}
END_TEST
START_TEST(shares)
{
    const double third = 1.0 / 3;
    printf("%g\n", third);
    ck_assert_double_eq_tol(share, 2.0 / 3, 1e-15);
}
END_TEST
START_TEST(calls)
{
    ck_assert_int_eq(calls, 2);
    ck_assert_double_eq_tol(error_ratio, 1.0 / 2, 1e-3);
}
END_TEST
START_TEST(jumps)
{
    ck_assert_double_gt(rise, 3);
    ck_assert_double_lt(momentum_rise, 1 + 1.0 / 4);
}
END_TEST
START_TEST(peak)
{
    ck_assert_str_eq(fixed(1, peak), "6.6");
    ck_assert_double_eq_tol(peak, 6.5, 0.25);
}
END_TEST
START_TEST(formula)
{
    /* r = 2 - 2 * lr in a comment asserts nothing */
    const char *shown = "r = 2 - 2 lr";
    printf("%s\n", shown);
    ck_assert_double_eq_tol(factor(lr), 1 - 2 * lr, TOLERANCE);
    ck_assert_int_eq(count, 2);
    ck_assert_int_eq(first, 1);
}
END_TEST
EOF
    cat >"$scratch/book/chapters/01-demo/README.md" <<'EOF'
# Chapter 1 — Demo

<!-- values: sh chapters/01-demo/values.sh -->

    x_{k+1} = x_k − η f'(x_k)                                       (1.1)

As chapter 3 shows, and (1.1) says (Polyak 1964), the rate
is <!-- v:rate -->0.6694<!-- /v --> after <!-- v:steps -->438<!-- /v --> steps.

Run `build/ch01 --steps 30 --lr 0.05` to see it.

Start at 3 with η = 0.05 over 100 000 samples. <!-- given: 3, 0.05, 100 000 -->

By hand x = 16/5, so `1/h ≈ 0.0337`; from −4, over 100 000 samples,
the floor is 4.5 × 10⁻³, about ½ of it, spread 22 %, steps of 2⁻⁵³.
<!-- t:example_by_hand -->

A marker shown as code, `<!-- t:no_such_test -->`, is not one.

```text
a fenced 12345 is not prose
```

<!-- output: echo 777 -->
```text
$ echo 777
777
```
<!-- end -->
EOF
    : >"$scratch/book/tests/numbers-pending.txt"
    : >"$scratch/book/tests/numbers-weak.txt"
    (cd "$scratch/book" && "$weave" --build "$build" >/dev/null 2>&1)
}

edit() {    # edit SED-EXPRESSION: change the chapter by hand
    sed "$1" "$scratch/book/chapters/01-demo/README.md" >"$scratch/edit" &&
        cat "$scratch/edit" >"$scratch/book/chapters/01-demo/README.md"
}

# ---- the fresh book passes both
fresh
expect "a fresh book is up to date" 0 "up to date" "$weave" --build "$build" --check
expect "a fresh book has no uncovered numeral" 0 "0 uncovered" "$numerals"
expect "the counts add up" 0 \
    "chapters/01-demo/README.md: 4 woven \(2 in blocks, 2 values\), 9 asserted, 10 exempt \(3 given\), 0 uncovered" \
    "$numerals"

# ---- woven values
fresh
edit 's/-->438</-->437</'
expect "a woven value changed by hand is stale, with file:line" 1 \
    'chapters/01-demo/README.md:8: stale: value steps reads "437"' \
    "$weave" --build "$build" --check
expect "a normal weave puts it back" 0 "wrote chapters/01-demo/README.md" \
    "$weave" --build "$build"
expect "and then it is up to date" 0 "up to date" "$weave" --build "$build" --check
fresh
edit 's/^is <!-- v:rate/<!-- v:rate/; s/the rate$/the rate is/'
expect "a value opening a line is refused (an HTML block in CommonMark)" 1 \
    'chapters/01-demo/README.md:8: a value at the start of a line' \
    "$weave" --build "$build" --check
fresh
edit 's/v:steps/v:stpes/'
expect "an unknown value name is reported with file:line" 1 \
    'chapters/01-demo/README.md:8: stale: value stpes is not among' \
    "$weave" --build "$build" --check
fresh
edit 's|after <!-- v:steps -->438<!-- /v --> steps|after `k = <!-- v:steps -->438<!-- /v -->` steps|'
expect "a value inside a code span is refused (GitHub would show the comments)" 1 \
    'README.md:8: a value inside a code span' "$weave" --build "$build" --check
fresh
printf 'echo "rate 0.6694"\necho "rate 0.7"\n' >"$scratch/book/chapters/01-demo/values.sh"
expect "a name printed twice is refused" 1 "prints rate twice" "$weave" --build "$build" --check

# ---- asserted numerals
fresh
edit 's|x = 16/5|x = 16/7|'
expect "an asserted fraction changed by hand is reported" 1 \
    'chapters/01-demo/README.md:14:16/7: uncovered' "$numerals"
expect "(with what to do about a number changed by hand)" 1 \
    '^numerals: a number of the text changed by hand\? The text says what the code computes: git diff -- chapters solutions shows your edits$' "$numerals"
# a learner's note in a chapter is reported with what to do with it
fresh
edit 's|^\(Run .build/ch01 --steps 30 --lr 0.05. to see it.\)$|\1\n\nMy note: with eta 0.5 it took 12 steps.|'
expect "a note of the reader's is reported with what to do" 1 \
    '^numerals: a note of your own in a chapter\? Numbers inside <!-- \.\.\. --> are not checked' "$numerals"
fresh
edit 's|^\(Run .build/ch01 --steps 30 --lr 0.05. to see it.\)$|\1\n\n<!-- My note: with eta 0.5 it took 12 steps. -->|'
expect "a note of the reader's inside a comment is not checked" 0 "0 uncovered" "$numerals"
fresh
edit 's|0\.0337|0.0338|'
expect "an asserted rounded decimal changed by hand is reported" 1 \
    'chapters/01-demo/README.md:14:0.0338: uncovered' "$numerals"
fresh
edit 's|4\.5 × 10⁻³|4.6 × 10⁻³|'
expect "a number in ×10⁻³ form changed by hand is reported" 1 \
    'chapters/01-demo/README.md:15:4.6 × 10⁻³: uncovered' "$numerals"
fresh
edit 's|from −4|from 4|'
expect "a lost minus sign is reported" 1 'chapters/01-demo/README.md:14:4: uncovered' "$numerals"
fresh
edit 's|spread 22 %|spread 23 %|'
expect "a changed percentage is reported" 1 'chapters/01-demo/README.md:15:23 %: uncovered' "$numerals"
fresh
edit 's|2⁻⁵³|2⁻⁵²|'
expect "a changed power of two is reported (ldexp(1, -53) asserts only 2⁻⁵³)" 1 \
    'chapters/01-demo/README.md:15:2⁻⁵²: uncovered' "$numerals"
fresh
edit 's|x = 16/5|x = 9.75|'
expect "a numeral found only in a test's comment is not asserted" 1 \
    'chapters/01-demo/README.md:14:9.75: uncovered' "$numerals"
fresh
edit 's|t:example_by_hand|t:no_such_test|'
expect "a marker naming no test is an error" 1 'no START_TEST\(no_such_test\)' "$numerals"

# ---- unmarked numerals
fresh
printf '\nThe loss drops every 7 steps.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "an unmarked numeral is reported with file:line:numeral" 1 \
    'chapters/01-demo/README.md:31:7: uncovered' "$numerals"
fresh
printf '\nAfter 2000 steps it stops.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a capitalised word before a 4-digit number does not make it a year" 1 \
    'chapters/01-demo/README.md:31:2000: uncovered' "$numerals"
fresh
printf '\nTry another rate, for example 0.3, or see example 2.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "\"for example 0.3\" is not a reference" 1 'chapters/01-demo/README.md:31:0.3: uncovered' "$numerals"
refuse "\"example 2\" is" 'README.md:31:2: uncovered' "$numerals"
fresh
printf '\nAfter ten steps `x = 4 · 0.8¹⁰ ≈ 0.4295`.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "mathematics in a code span is checked" 1 'chapters/01-demo/README.md:31:0.4295: uncovered' \
    "$numerals"
fresh
printf '\nA numeral in solutions: 8 steps.\n' >"$scratch/book/solutions/01-demo.md"
expect "the worked answers are checked too" 1 'solutions/01-demo.md:2:8: uncovered' "$numerals"

# ---- givens
fresh
edit 's|given: 3, 0.05, 100 000|given: 3, 0.05, 100 000, 7|'
expect "a given that does not occur is an error" 1 "given 7 does not occur" "$numerals"
fresh
edit 's|Start at 3 |Start at 5 |'
expect "a given changed in the text but not in the note is reported" 1 \
    'chapters/01-demo/README.md:12:5: uncovered' "$numerals"

fresh
edit 's|Start at 3 with η = 0.05 over 100 000 samples. <!-- given: 3, 0.05, 100 000 -->|Start at 3, reach 0.4295. <!-- given: 3, 0.4295 -->|'
expect "a result marked given (written in no code, no command) is an error" 1 \
    'chapters/01-demo/README.md:12: given 0.4295 is in none of the book.s code' "$numerals"

# ---- exemptions: nothing reported
fresh
refuse "a reference, an equation number, a year, a typed command are exempt" \
    ':(3|1\.1|1964|30|0\.05|12345|777): uncovered' "$numerals"
printf '\n1. first item, 2. not an ordinal\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a list ordinal is exempt, a numeral later in the line is not" 1 \
    'chapters/01-demo/README.md:31:2: uncovered' "$numerals"
refuse "(the ordinal itself is not reported)" 'README.md:31:1: uncovered' "$numerals"
printf '\n**3.** a worked answer, 4 steps\n\n**5. A titled answer.** 6 steps\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a bold ordinal is exempt too, a numeral after it is not" 1 \
    'chapters/01-demo/README.md:33:4: uncovered' "$numerals"
refuse "(the bold ordinals themselves are not reported)" 'README.md:3[35]:[35]: uncovered' "$numerals"
expect "(nor is a titled one's number, while its text is checked)" 1 \
    'chapters/01-demo/README.md:35:6: uncovered' "$numerals"

# ---- a numeral must be told apart from its neighbours
fresh
printf '\nIt stops after 3 steps. <!-- t:stops -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a numeral asserted apart from its neighbours passes" 0 "0 uncovered" "$numerals"
fresh
printf '\nIt stops after 4 steps. <!-- t:stops -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a hand change to a neighbour the test holds elsewhere (a loop bound) is reported" 1 \
    'chapters/01-demo/README.md:31:4: uncovered: the tests hold 3 as well' "$numerals"
fresh
printf '\nIt stops after 2 steps. <!-- t:stops -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a hand change to a neighbour the test lacks is reported" 1 \
    'chapters/01-demo/README.md:31:2: uncovered' "$numerals"
fresh
printf '\nIt runs 4 rounds and stops after 3 steps. <!-- t:stops -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a numeral present only beside an asserted neighbour is reported" 1 \
    'chapters/01-demo/README.md:31:4: uncovered' "$numerals"
echo chapters/01-demo/README.md >"$scratch/book/tests/numbers-weak.txt"
expect "a file on the weak list passes on presence and counts it" 0 \
    "chapters/01-demo/README.md: weakly asserted: 1 numeral" "$numerals"
fresh
echo chapters/01-demo/README.md >"$scratch/book/tests/numbers-weak.txt"
expect "a strengthened file still on the weak list is an error" 1 "take it off the list" "$numerals"

fresh
printf '\nFrom 3 to 7, then 8. <!-- t:span -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a sum in an assertion (7 - 3) is not an expected value, so 7 is not told apart from 8" 1 \
    'chapters/01-demo/README.md:31:7: uncovered: the tests hold 8 as well' "$numerals"
fresh
printf '\nFinite up to step 80, below from step 81. <!-- t:boundary -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "two neighbouring expected values the paragraph both states pass" 0 "0 uncovered" "$numerals"
fresh
printf '\nFinite up to step 81, below from step 81. <!-- t:boundary -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a hand change of one of them into the other is reported" 1 \
    'chapters/01-demo/README.md:31:81: uncovered: the tests hold 80 as well' "$numerals"
fresh
printf '\nFinite up to step 80 (80 steps), below from step 81. <!-- t:boundary -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a numeral stated twice beside a stated neighbour is reported (one of them may be a changed 81)" 1 \
    'chapters/01-demo/README.md:31:80: uncovered: the tests hold 81 as well' "$numerals"
fresh
printf '\n**7.** A worked answer. It stops after 3 steps. <!-- t:stops -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a bold answer number opening a line is an ordinal" 0 "0 uncovered" "$numerals"

# ---- notation constants are counted
fresh
printf '\nIt starts from (0, 1). <!-- t:corner -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "notation constants read as often by the assertions pass" 0 "0 uncovered" "$numerals"
fresh
printf '\nIt starts from (1, 0). <!-- t:corner -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a tuple in running text is a formula: its two numerals swapped by hand are reported" 1 \
    "chapters/01-demo/README.md:31:1: uncovered: no one assertion of its tests reads the numerals of the formula it is in, in its order" \
    "$numerals"
fresh
printf '\nIt starts from 1 (0, 1). <!-- t:corner -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a numeral scaling a tuple (1 (0, 1)) is in its formula" 1 \
    "chapters/01-demo/README.md:31:1: uncovered: no one assertion of its tests reads the numerals of the formula it is in, in its order" \
    "$numerals"
fresh
printf '\nIt starts from (1, 1). <!-- t:corner -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a notation constant changed onto another the paragraph states is reported" 1 \
    "chapters/01-demo/README.md:31:1: uncovered: the paragraph's formulas state it 2 times, its tests' assertions read it 1" \
    "$numerals"
fresh
printf '\nIt stops after 3 steps, from (0, 0). <!-- t:stops -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a notation constant the tests hold only outside their assertions (a loop's start) is reported" 1 \
    "chapters/01-demo/README.md:31:0: uncovered: the paragraph's formulas state it 2 times, its tests' assertions read it 0" \
    "$numerals"

fresh
printf '\nIt starts from (1, 1). <!-- t:indexed -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a subscript in an assertion (point[1]) is no value the count reads" 1 \
    "chapters/01-demo/README.md:31:1: uncovered: the paragraph's formulas state it 2 times, its tests' assertions read it 0" \
    "$numerals"
fresh
printf '\nThe step is −½. <!-- t:half -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "−½ is -1/2, as -1.0 / 2 in a test" 0 "0 uncovered" "$numerals"
fresh
printf '\nThe step is ½. <!-- t:half -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a lost minus before ½ is reported" 1 "chapters/01-demo/README.md:31:½: uncovered" "$numerals"
fresh
printf '\nIt stops after 3 steps, at `x[0]`. <!-- t:stops -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "an index after a name (x[0]) is notation, not a numeral" 0 "0 uncovered" "$numerals"

# ---- formulas are asserted in order
fresh
printf '\nThe factor\n\n    r = 1 − 2η\n<!-- t:formula -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a displayed formula one assertion reads in order, with its operations, passes" 0 "0 uncovered" "$numerals"
refuse "(and --mutations lists no change of its constants as surviving)" \
    'README.md:33:[12]: written as' "$numerals" --mutations
fresh
printf '\nThe factor\n\n    r = 2 − 2η\n<!-- t:formula -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a constant of a displayed formula changed by hand is reported, though the count allows it (and though a comment and an unasserted string hold it)" 1 \
    "chapters/01-demo/README.md:33:2: uncovered: no one assertion of its tests reads the numerals of the formula" "$numerals"
fresh
printf '\nThe factor\n\n    r = 2η − 1\n<!-- t:formula -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a displayed formula with its constants moved is reported" 1 \
    "chapters/01-demo/README.md:33:2: uncovered: no one assertion" "$numerals"
fresh
printf '\nThe factor\n\n    r = 1 + 2η\n<!-- t:formula -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a formula whose numerals an assertion reads in order but in other operations is reported" 1 \
    "chapters/01-demo/README.md:33:1: uncovered: no one assertion" "$numerals"
fresh
printf '\nThe factor is `r = 1 − 2η`. <!-- t:formula -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a code span of mathematics is a formula: in order, it passes" 0 "0 uncovered" "$numerals"
fresh
printf '\nThe factor is `r = 1 − 1η`. <!-- t:formula -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a constant of a code span changed by hand is reported" 1 \
    "chapters/01-demo/README.md:31:1: uncovered: no one assertion" "$numerals"
fresh
printf '\nIt starts from `(0, 1)`. <!-- t:corner_apart -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a formula whose numerals two assertions read, one each, is reported" 1 \
    "chapters/01-demo/README.md:31:0: uncovered: no one assertion" "$numerals"
fresh
printf '\nIt starts from (0, 1). <!-- t:corner_apart -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "(and so is a tuple of running text)" 1 \
    "chapters/01-demo/README.md:31:0: uncovered: no one assertion" "$numerals"
fresh
printf '\n| name | factor |\n|------|--------|\n| demo | 1 − 2η |\n| other | 2η − 1 |\n<!-- t:formula -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a table cell is a formula: the row in order passes, the other is reported" 1 \
    "chapters/01-demo/README.md:34:2: uncovered: no one assertion" "$numerals"
refuse "(the row in order is not)" "README.md:33:" "$numerals"
fresh
printf '\nThe factor\n\n    r = 2η − 1\n<!-- t:formula -->\n' >>"$scratch/book/chapters/01-demo/README.md"
echo chapters/01-demo/README.md >"$scratch/book/tests/numbers-unordered.txt"
expect "a file on the order transition list reports its count and does not fail" 0 \
    "chapters/01-demo/README.md: formulas not asserted in order: 2 notation constants" "$numerals"
expect "(the total is printed)" 0 \
    "numerals: formulas not yet asserted in order \(excused\): 2 notation constants in 1 file" "$numerals"
fresh
echo chapters/01-demo/README.md >"$scratch/book/tests/numbers-unordered.txt"
expect "a file with its formulas in order still on the list is an error" 1 "take it off the list" "$numerals"

# ---- a given note lists each occurrence
fresh
printf '\nThe ends after 300 and after 301 steps. <!-- given: 300, 301 -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "two givens that are neighbours pass" 0 "0 uncovered" "$numerals"
refuse "(and --mutations no longer lists the one as surviving a change into the other)" \
    'README.md:31:30[01]: written as' "$numerals" --mutations
fresh
printf '\nIt starts from (0, 1). <!-- t:corner -->\n' >>"$scratch/book/chapters/01-demo/README.md"
refuse "--mutations judges by the count: (0, 1) changed to (1, 1) or (0, 0) is caught" \
    'README.md:31:[01]: written as' "$numerals" --mutations
fresh
printf '\nThe ends after 301 and after 301 steps. <!-- given: 300, 301 -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a given changed by hand onto another given is reported" 1 \
    "chapters/01-demo/README.md:31: given 301 is listed 1 time, the paragraph states it 2 times" "$numerals"
fresh
printf '\nThe end after 300 steps, then 300 again. <!-- given: 300 -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a given stated twice but listed once is reported" 1 \
    "chapters/01-demo/README.md:31: given 300 is listed 1 time, the paragraph states it 2 times" "$numerals"
fresh
printf '\nThe end after 300 steps, then 300 again. <!-- given: 300, 300 -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "(listed twice, it passes)" 0 "0 uncovered" "$numerals"
fresh
edit 's|Start at 3 with|Start at 4 with|'
expect "a given changed by hand into a number the tests assert is reported" 1 \
    'chapters/01-demo/README.md:12: given 3 does not occur' "$numerals"

fresh
printf '\nThe ends after 300 and after 301 steps. <!-- given: 300, 301 -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "givens listed in the paragraph's order pass" 0 "0 uncovered" "$numerals"
edit 's|after 300 and after 301 steps|after 301 and after 300 steps|'
expect "two givens swapped by hand are reported (the note lists them in order)" 1 \
    "chapters/01-demo/README.md:31: given 301 is stated out of the note's order \(the note lists 300 there\)" "$numerals"

fresh
printf '\nThe second row is (2, 1). <!-- t:second_row -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a tuple read as a whole initializer passes" 0 "0 uncovered" "$numerals"
fresh
printf '\nThe second row is (2, 1). <!-- t:rows -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a tuple read only from the middle of an initializer's list is reported" 1 \
    "chapters/01-demo/README.md:31:2: uncovered: no one assertion of its tests reads the numerals of the formula it is in, in its order" \
    "$numerals"
fresh
printf '\nThe rate is `anneal(1/25, 1, 1/2) = 13/25`. <!-- t:anneal_by_hand --> <!-- given: 1 -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a given inside a formula may be read in its place" 0 "0 uncovered" "$numerals"
edit 's|anneal(1/25, 1, 1/2)|anneal(1/2, 1, 1/25)|'
expect "(the formula's other numerals swapped are still reported)" 1 \
    "chapters/01-demo/README.md:31:1/2: uncovered: no one assertion of its tests reads the numerals of the formula it is in, in its order" \
    "$numerals"

# ---- number words before a counted unit
fresh
printf '\nThe loss drops every eight steps.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word before a unit is a numeral: uncovered, with file:line:word" 1 \
    'chapters/01-demo/README.md:31:eight: uncovered' "$numerals"
fresh
printf '\nEight more samples follow.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "in any case, after a qualifying word too" 1 \
    'chapters/01-demo/README.md:31:Eight: uncovered' "$numerals"
fresh
printf '\nIt takes two thousand samples.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "two thousand is one numeral, 2000" 1 \
    'chapters/01-demo/README.md:31:two thousand: uncovered' "$numerals"
fresh
printf '\nThe two lines meet, three ways, in two-dimensional space, at eight, Twenty-one lines,\none-by-one, two-by-two, a one-cycle run, a twice-differentiable f, the third\nline.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word not before a unit is not a numeral (nor a name)" 0 "0 uncovered" "$numerals"
fresh
printf '\nThe loss drops every eight\nsteps.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word whose unit opens the next line is a numeral" 1 \
    'chapters/01-demo/README.md:31:eight: uncovered' "$numerals"
fresh
printf '\nIt takes two\nthousand samples.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "two, thousand on the next line, is one numeral, 2000, on the first line" 1 \
    'chapters/01-demo/README.md:31:two: uncovered' "$numerals"
refuse "(and thousand is not read again on the second)" ':32:' "$numerals"
fresh
printf '\nAn eight-sample block.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word joined to a unit by a hyphen is a numeral" 1 \
    'chapters/01-demo/README.md:31:eight: uncovered' "$numerals"
fresh
printf '\nA two-thousand-step run.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "two-thousand-step is one numeral, 2000" 1 \
    'chapters/01-demo/README.md:31:two-thousand: uncovered' "$numerals"
fresh
printf '\nIt lost by up to twenty-five times.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a compound, twenty-five, before a unit is a numeral" 1 \
    'chapters/01-demo/README.md:31:twenty-five: uncovered' "$numerals"
fresh
printf '\nIts best rate is thirty times larger.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a tens word alone (thirty) before a unit is a numeral" 1 \
    'chapters/01-demo/README.md:31:thirty: uncovered' "$numerals"
fresh
printf '\nIt overshoots by the third step.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "an ordinal before a unit is a numeral" 1 \
    'chapters/01-demo/README.md:31:third: uncovered' "$numerals"
fresh
printf '\nThe last one is an eight-step\nwalk, then every eighth\nstep. <!-- t:span -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "hyphened, wrapped and ordinal number words are asserted by a test holding them in digits" 0 \
    "0 uncovered" "$numerals"
edit 's|an eight-step|a nine-step|'
expect "a hyphened number word changed by hand is reported" 1 \
    'chapters/01-demo/README.md:31:nine: uncovered' "$numerals"
edit 's|a nine-step|an eight-step|'
edit 's|every eighth$|every ninth|'
expect "an ordinal changed by hand, its unit on the next line, is reported" 1 \
    'chapters/01-demo/README.md:32:ninth: uncovered' "$numerals"
fresh
printf '\nRun it for eight steps. <!-- given: 8 -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word before a unit is covered by a given in digits" 0 "0 uncovered" "$numerals"
edit 's|for eight steps|for nine steps|'
expect "a given number word changed by hand is reported" 1 \
    "given 8 does not occur in this paragraph" "$numerals"
fresh
printf '\nThe last one is eight steps away. <!-- t:span -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word before a unit is asserted by a test holding it in digits" 0 \
    "0 uncovered" "$numerals"
expect "and its hand change is among the ones checked" 0 \
    "0 of the 13 asserted or given numerals" "$numerals" --mutations
edit 's|eight steps|nine steps|'
expect "an asserted number word changed by hand (eight to nine) is reported" 1 \
    'chapters/01-demo/README.md:31:nine: uncovered' "$numerals"
fresh
printf '\nIt stopped after three steps, where the loop ran four times. <!-- t:stops -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word whose neighbour is only in the test's body is asserted" 1 \
    'chapters/01-demo/README.md:31:four: uncovered' "$numerals"
fresh
printf '\nThe loss drops every eight steps.\n' >>"$scratch/book/chapters/01-demo/README.md"
echo chapters/01-demo/README.md >"$scratch/book/tests/numbers-words.txt"
expect "a file on the words list counts its uncovered number words without failing" 0 \
    "chapters/01-demo/README.md: number words not yet covered: 1" "$numerals"
edit 's|eight steps|8 steps|'
expect "(its numerals in digits are still checked)" 1 \
    'chapters/01-demo/README.md:31:8: uncovered' "$numerals"
edit 's|8 steps|eight steps <!-- given: 8 -->|'
expect "a file on the words list with no uncovered number word (a given covers it) is an error" 1 \
    "take it off the list" "$numerals"

# ---- fractions and multiples in words
fresh
printf '\nThe warm-up starts from a tenth of the rate.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a fraction in words (a tenth of) is a numeral, 1/10: uncovered, with file:line:words" 1 \
    'chapters/01-demo/README.md:31:a tenth: uncovered' "$numerals"
fresh
printf '\nThe rate ends at a ten-thousandth of its start.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word joined to thousandth (a ten-thousandth) is a numeral, 1/10000" 1 \
    'chapters/01-demo/README.md:31:a ten-thousandth: uncovered' "$numerals"
fresh
printf '\nIt keeps two thirds of the digits.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a number word before a plural denominator (two thirds) is a numeral" 1 \
    'chapters/01-demo/README.md:31:two thirds: uncovered' "$numerals"
fresh
printf '\nIt runs twice as fast.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "twice is a numeral, 2" 1 'chapters/01-demo/README.md:31:twice: uncovered' "$numerals"
fresh
printf '\nIt takes half the steps.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "half before the, a, its, of, as... is a numeral, 1/2" 1 \
    'chapters/01-demo/README.md:31:half: uncovered' "$numerals"
fresh
printf '\nThe error halves, then\nit doubles the step.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a verb that multiplies is a numeral: halves (1/2)" 1 \
    'chapters/01-demo/README.md:31:halves: uncovered' "$numerals"
expect "(and doubles before its object, 2)" 1 \
    'chapters/01-demo/README.md:32:doubles: uncovered' "$numerals"
fresh
printf '\nIt peaks at six and a half times the rate.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "N and a half before a unit is a numeral, N.5" 1 \
    'chapters/01-demo/README.md:31:six and a half: uncovered' "$numerals"
fresh
printf '\nThe half-life of a half-open interval, the left half of a figure, each half\nof a register, both halves, two halves, a half cosine, two half moons, an\narray of doubles, the doubles just above one, a double, a halving forgotten,\none more halving, with every doubling, one and a half lines, a third step,\nonce.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a fraction word that names something or a part, a noun, a vague or ordinal form is not read as a fraction" 1 \
    'chapters/01-demo/README.md:34:third: uncovered' "$numerals"
refuse "(none of the other words is reported)" 'README.md:3[1-5]:([^t]|t[^h])[a-z -]*: uncovered' "$numerals"
fresh
printf '\nThe warm-up starts from a tenth of the rate, peaks at six and a half times\nthe rate and ends at a ten-thousandth of it. <!-- t:warmup -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "fractions and multiples in words are asserted by a test holding their values" 0 \
    "0 uncovered" "$numerals"
expect "and their hand changes are among the ones checked, none surviving" 0 \
    "0 of the 15 asserted or given numerals" "$numerals" --mutations
edit 's|from a tenth of|from a ninth of|'
expect "a tenth changed by hand into a ninth is reported" 1 \
    'chapters/01-demo/README.md:31:a ninth: uncovered' "$numerals"
edit 's|from a ninth of|from an eleventh of|'
expect "(and into an eleventh)" 1 'chapters/01-demo/README.md:31:an eleventh: uncovered' "$numerals"
edit 's|from an eleventh of|from a tenth of|; s|six and a half|seven and a half|'
expect "six and a half changed into seven and a half is reported" 1 \
    'chapters/01-demo/README.md:31:seven and a half: uncovered' "$numerals"
edit 's|seven and a half|six and a half|; s|a ten-thousandth|a thousandth|'
expect "a ten-thousandth changed into a thousandth is reported" 1 \
    'chapters/01-demo/README.md:32:a thousandth: uncovered' "$numerals"
fresh
printf '\nIt peaks at six and a half times the rate, 6.6 to one decimal. <!-- t:peak -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "N and a half's neighbours are (N-1).5 and (N+1).5, so a 6.6 beside it does not make 6.5 weak" 0 \
    "0 uncovered" "$numerals"
edit 's|six and a half|seven and a half|'
expect "(and six and a half changed into seven and a half is reported)" 1 \
    'chapters/01-demo/README.md:31:seven and a half: uncovered' "$numerals"
fresh
printf '\nThe warm-up starts from a tenth of the rate. <!-- t:warmup_loose -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a fraction's neighbour is its denominator one up or down: 1/9 asserted too makes 1/10 weak" 1 \
    'chapters/01-demo/README.md:31:a tenth: uncovered: the tests hold 1/9 as well' "$numerals"
echo chapters/01-demo/README.md >"$scratch/book/tests/numbers-weak.txt"
expect "--mutations changes a tenth into a ninth (1/9), not 1/19 (on the weak list, it survives)" 0 \
    'chapters/01-demo/README.md:31:a tenth: written as 1/9 it would still be asserted' "$numerals" --mutations
fresh
printf '\nIt keeps two thirds of the digits. <!-- t:shares -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "two thirds asserted as an expected value apart from 1/3 passes" 0 "0 uncovered" "$numerals"
edit 's|two thirds|one third|'
expect "two thirds changed by hand into one third (a numerator one down) is reported" 1 \
    'chapters/01-demo/README.md:31:one third: uncovered: the tests hold 2/3 as well' "$numerals"
edit 's|one third|three thirds|'
expect "(and into three thirds)" 1 'chapters/01-demo/README.md:31:three thirds: uncovered' "$numerals"
fresh
printf '\nIt calls f twice, and the error halves. <!-- t:calls -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "twice and a verb that halves, asserted, pass" 0 "0 uncovered" "$numerals"
edit 's|calls f twice|calls f three times|'
expect "twice changed by hand into three times is reported" 1 \
    'chapters/01-demo/README.md:31:three: uncovered' "$numerals"
edit 's|calls f three times|calls f twice|; s|error halves|error quarters|'
expect "halves changed into quarters (1/4) is reported" 1 \
    'chapters/01-demo/README.md:31:quarters: uncovered' "$numerals"
fresh
printf '\nThe error halves, and every step lands twice as far as the last. <!-- t:calls -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "twice as far, asserted, passes" 0 "0 uncovered" "$numerals"
edit 's|twice as far|once as far|'
expect "twice changed by hand into once (as far) is reported" 1 \
    'chapters/01-demo/README.md:31:once: uncovered' "$numerals"
fresh
printf '\nAt some epoch the loss more than triples, while momentum never rises\nby a quarter. <!-- t:jumps -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "more than triples, by a quarter, asserted, pass" 0 "0 uncovered" "$numerals"
edit 's|more than triples|more than doubles|'
expect "more than triples changed by hand into more than doubles (no object after it) is reported" 1 \
    'chapters/01-demo/README.md:31:doubles: uncovered' "$numerals"
fresh
printf '\nSplit the samples into halves, or cut the range in quarters. Floats are less\nprecise than doubles; a word about doubles.\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "halves and quarters as parts (into halves, in quarters), doubles after than or about, are not read" 0 "0 uncovered" "$numerals"
fresh
printf '\nThe batch doubles its size every epoch. <!-- given: 2 -->\n' >>"$scratch/book/chapters/01-demo/README.md"
expect "a multiplying verb that defines the example is covered by a given in digits" 0 "0 uncovered" "$numerals"

# ---- a marker that ties a cause: no numeral to hold, no complaint; a
# paragraph with numerals its test does not hold is still reported
fresh
printf '\nThe step overshoots because the rate is too large. <!-- t:stops -->\n' \
    >>"$scratch/book/chapters/01-demo/README.md"
expect "a marker on a paragraph without numerals (a cause's test) is accepted" 0 "0 uncovered" \
    "$numerals"
refuse "(and not reported as holding none)" "holds none" "$numerals"
fresh
printf '\nIt stops after 9191 steps because the rate is too large. <!-- given: 9191 --> <!-- t:stops -->\n' \
    >>"$scratch/book/chapters/01-demo/README.md"
expect "a marker whose test holds none of its paragraph's numerals is reported" 1 \
    "t:stops: the test holds none of this paragraph's numerals" "$numerals"

# ---- the transition list
fresh
printf '\nThe loss drops every 7 steps.\n' >>"$scratch/book/chapters/01-demo/README.md"
echo chapters/01-demo/README.md >"$scratch/book/tests/numbers-pending.txt"
expect "a pending file reports its count and does not fail" 0 \
    "chapters/01-demo/README.md: pending conversion: 1 numeral uncovered" "$numerals"
expect "a pending file named on the command line lists its numerals" 1 \
    'chapters/01-demo/README.md:31:7: uncovered' "$numerals" chapters/01-demo/README.md
fresh
echo chapters/01-demo/README.md >"$scratch/book/tests/numbers-pending.txt"
expect "a converted file still listed as pending is an error" 1 "take it off the list" "$numerals"

echo "numerals.sh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
