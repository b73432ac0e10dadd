#!/bin/sh
# build.sh: the book as a website, build/html, with Debian's pandoc.
#
#   sh tests/site/build.sh BUILD       (what `make html` runs)
#
# One page per chapter (chapters/*/README.md), one per worked-answer file
# (solutions/*.md) and an index made of the README's first part; every
# source file a page links to (and every chapter's code) as a highlighted
# listing under src/; the figures copied under plots/; a search index.
# Nothing is fetched from a network: the stylesheet and the two scripts
# are files beside the pages.  Links are rewritten by links.lua.
set -eu
BUILD=${1:-build}
here=tests/site
out=$BUILD/html
command -v pandoc >/dev/null 2>&1 || {
    echo "make html needs pandoc: run \`make deps-html\` (Debian: apt-get install pandoc)" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out/src" "$out/plots"
: >"$out/.sources"
printf 'window.DESCENT_SEARCH = [\n' >"$out/.index"

# The reading order: the index, the chapters and appendices, the answers.
title_of() { sed -n 's/^# //p;' "$1" | head -n 1; }
pages=$(mktemp)
trap 'rm -f "$pages" "$pages.nav" "$pages.md"' EXIT
{
    echo "index.html README.md Start here"
    for f in chapters/*/README.md; do
        c=${f#chapters/}; c=${c%/README.md}
        echo "$c.html $f $(title_of "$f")"
    done
    echo "solutions.html - Worked answers"
    for f in solutions/*.md; do
        s=${f#solutions/}; s=${s%.md}
        echo "solutions-$s.html $f Answers: $(title_of "$f")"
    done
} >"$pages"

# The book's contents, the same on every page (ROOT is the way back up).
{
    echo '<p class="phone-contents"><a href="ROOTindex.html#the-chapters">Contents</a></p>'
    echo '<ul class="contents">'
    while read -r html src title; do
        case $html in solutions-*) continue;; esac
        printf '<li><a href="ROOT%s">%s</a></li>\n' "$html" "$title"
    done <"$pages"
    echo '</ul>'
} >"$pages.nav"

render() {   # render SOURCE-PATH HTML-NAME TITLE ROOT PREV PREVTITLE NEXT NEXTTITLE [input]
    src=$1 html=$2 title=$3 root=$4
    set -- "$@" ""
    input=${9:-$src}
    nav=$(sed "s|ROOT|$root|" "$pages.nav")
    pandoc -f gfm -t html5 --standalone --template "$here/page.html" \
        --lua-filter "$here/links.lua" --toc --toc-depth=2 \
        --highlight-style=tango \
        -M source="$src" -M html="$html" -M sources="$out/.sources" ${index:+-M index="$index"} \
        -M pagetitle="$title" -V root="$root" -V contents="$nav" \
        ${5:+-V prev="$5" -V prevtitle="$6"} ${7:+-V next="$7" -V nexttitle="$8"} \
        -o "$out/$html" "$input"
}

# Answers index: one line per answers file.
{
    echo "# Worked answers"
    echo
    echo "The answers to every chapter's exercises, by hand and in code. Try the exercise first:"
    echo "\`make hint EX=N.M\` gives a hint without the answer."
    echo
    grep '^solutions-' "$pages" | while read -r html src title; do
        echo "- [${title#Answers: }]($src)"
    done
} >"$pages.md"

index=$out/.index
i=0
while read -r html src title; do
    i=$((i + 1))
    prev='' next=$(sed -n "$((i + 1))p" "$pages")
    [ "$i" -eq 1 ] || prev=$(sed -n "$((i - 1))p" "$pages")
    p_html=${prev%% *} p_title=$(echo "$prev" | cut -s -d ' ' -f 3-)
    n_html=${next%% *} n_title=$(echo "$next" | cut -s -d ' ' -f 3-)
    case $html in
    index.html)
        # The README up to its reference part (make targets and below).
        awk '/^## Make targets/ { exit } { print }' README.md >"$out/.index.md"
        render README.md "$html" "$title" "" "$p_html" "$p_title" "$n_html" "$n_title" "$out/.index.md";;
    solutions.html)
        render solutions.md "$html" "$title" "" "$p_html" "$p_title" "$n_html" "$n_title" "$pages.md";;
    *)
        render "$src" "$html" "$title" "" "$p_html" "$p_title" "$n_html" "$n_title";;
    esac
done <"$pages"
rm -f "$out/.index.md"

# Listings: what the pages link to, and every chapter's code (not searched).
index=
language() {
    case $1 in
    *.c|*.h) echo c;; *.py) echo python;; *.sh|.ci/run) echo bash;; Makefile) echo makefile;;
    *.lua) echo lua;; *.css) echo css;; *.js) echo javascript;; *) echo "";;
    esac
}
{ cat "$out/.sources"; ls chapters/*/*.[ch] chapters/*/*.py solutions/*/*.c plots/*.gp 2>/dev/null; } |
sort -u | while read -r path; do
    [ -f "$path" ] || { echo "html: a page links to $path, which is not a file" >&2; echo >>"$out/.broken"; continue; }
    depth=$(echo "src/$path" | tr -cd / | wc -c)
    root=$(awk -v d="$depth" 'BEGIN { for (i = 0; i < d; i++) printf "../" }')
    mkdir -p "$(dirname "$out/src/$path")"
    fence='```````'
    { printf '# %s\n\n%s%s\n' "$path" "$fence" "$(language "$path")"; cat "$path"; printf '%s\n' "$fence"; } >"$pages.md"
    render "$path" "src/$path.html" "$path" "$root" "" "" "" "" "$pages.md"
done

# Figures, the stylesheet, search.
(cd plots && find . -name '*.svg') | while read -r svg; do
    mkdir -p "$(dirname "$out/plots/$svg")"
    cp "plots/$svg" "$out/plots/$svg"
done
cp "$here/style.css" "$here/search.js" "$out/"
printf '];\n' >>"$out/.index"
mv "$out/.index" "$out/search-index.js"
rm -f "$out/.sources"
printf '# Search\n\n<div id="results" aria-live="polite"></div>\n' >"$pages.md"
pandoc -f gfm -t html5 --standalone --template "$here/page.html" \
    -M pagetitle=Search -V contents="$(sed 's|ROOT||' "$pages.nav")" \
    -V script=search-index.js -V script=search.js -o "$out/search.html" "$pages.md"
if [ -f "$out/.broken" ]; then
    echo "html: $(wc -l <"$out/.broken") links to files that do not exist (above)" >&2; exit 1
fi
echo "html: $(find "$out" -name '*.html' | wc -l) pages in $out; open $out/index.html"
