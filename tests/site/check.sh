#!/bin/sh
# check.sh: the website checked in a real browser (what `make check-html` runs).
#
#   sh tests/site/check.sh BUILD
#
# Opens build/html in Debian's headless Chromium through check.html, which
# visits every page and checks images, links, anchors and the search; any
# console message of a page at level error (a script error, a resource that
# did not load) fails too.  Then takes screenshots of the index and one
# chapter at desktop (1280 px) and phone (390 px) widths into
# BUILD/html-shots/ for a person to look at.  Ends with "N passed, N failed".
set -u
BUILD=${1:-build}
site=$(cd "$BUILD/html" 2>/dev/null && pwd) || {
    echo "check-html: no $BUILD/html: run \`make html\` first" >&2; exit 2; }
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome) || {
    echo "check-html needs Chromium: run \`make deps-html\` (Debian: apt-get install chromium)" >&2; exit 2; }
work=$BUILD/html-check shots=$BUILD/html-shots
rm -rf "$work" "$shots"
mkdir -p "$work" "$shots"
cp tests/site/check.html "$work/"

# What check.html visits: every page, and searches with what they must find.
{
    printf "var SITE = 'file://%s/';\nvar PAGES = [\n" "$site"
    (cd "$site" && find . -name '*.html' | sed 's|^\./||' | sort) | sed "s/.*/  '&',/"
    printf "];\nvar SEARCHES = [\n"
    printf "  ['Nesterov', '06-momentum.html'],\n  ['bias correction', '08-adam.html'],\n"
    printf "  ['SplitMix64', '00-toolkit.html'],\n  ['OneCycleLR', '09-schedules.html'],\n"
    printf "  ['clip_grad_norm', '10-failures.html'],\n  ['qqzzxq', null],\n];\n"
} >"$work/pages.js"

# Chromium as root (CI) needs --no-sandbox; headless, no GPU, nothing fetched.
run_browser() {
    "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --disable-background-networking --hide-scrollbars "$@"
}
run_browser --allow-file-access-from-files --enable-logging=stderr --v=0 \
    --virtual-time-budget=300000 --dump-dom "file://$(pwd)/$work/check.html" \
    >"$work/dom.html" 2>"$work/console.log"
status=$?

passed=0 failed=0
report=$(sed -n '/<pre id="log">/,/<\/pre>/p' "$work/dom.html" | sed 's/<[^>]*>//g')
echo "$report" | grep '^FAIL' | head -n 50
line=$(echo "$report" | grep '^site: [0-9]* passed, [0-9]* failed')
if [ $status -ne 0 ] || [ -z "$line" ]; then
    echo "check-html: the browser did not finish the check (exit $status); see $work/console.log" >&2
    failed=$((failed + 1))
else
    set -- $line
    passed=$2 failed=$4
    echo "$report" | grep '^pages:'
fi

# Console errors of the site's own pages (check.html's are its own business).
errors=$(grep 'CONSOLE' "$work/console.log" | grep "$site" | grep -i 'error\|uncaught\|failed to load')
if [ -n "$errors" ]; then
    echo "console errors:"; echo "$errors" | head -n 20
    failed=$((failed + 1))
else
    passed=$((passed + 1))
fi

# Screenshots for a person to look at.
first_chapter=$(cd "$site" && ls [0-9]*.html | sed -n 2p)
last_chapter=$(cd "$site" && ls [0-9]*.html | tail -n 1)
for width in 1280x900:desktop 390x844:phone; do
    size=${width%%:*} name=${width#*:}
    for page in index.html "$first_chapter" "$last_chapter"; do
        shot="$shots/${page%.html}-$name.png"
        run_browser --window-size="${size%x*},${size#*x}" --screenshot="$shot" \
            "file://$site/$page" >/dev/null 2>&1
        if [ -s "$shot" ]; then passed=$((passed + 1)); else
            echo "check-html: no screenshot of $page at $size"; failed=$((failed + 1)); fi
    done
done
run_browser --window-size=1280,900 --screenshot="$shots/search-desktop.png" \
    "file://$site/search.html?q=learning+rate" >/dev/null 2>&1
if [ -s "$shots/search-desktop.png" ]; then passed=$((passed + 1)); else
    echo "check-html: no screenshot of the search page"; failed=$((failed + 1)); fi
echo "screenshots in $shots: $(cd "$shots" && ls | tr '\n' ' ')"
echo "html: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
