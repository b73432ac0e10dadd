/* search.js: the book's search, all in the browser.  search-index.js
 * (written by `make html`) holds one entry per section of every page:
 * {page, pageTitle, id, title, text}.  A query's words must all occur in
 * an entry (case and accents ignored); entries are ranked by where they
 * occur (title before text) and how often, and shown with the first
 * passage that holds a word. */
(function () {
  'use strict';
  var results = document.getElementById('results');
  if (!results || !window.DESCENT_SEARCH) return;

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function words(query) {
    return fold(query).split(/[^\p{L}\p{N}_]+/u).filter(function (w) { return w.length > 0; });
  }
  // Occurrences of needle at the start of a word of haystack ("rate" in
  // "rates", not in "separately").
  var letter = /[\p{L}\p{N}_]/u;
  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at !== -1) {
      if (at === 0 || !letter.test(haystack[at - 1])) n++;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return n;
  }
  function escape(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c];
    });
  }
  // About 200 characters of text around the first occurrence of a word.
  function snippet(text, folded, terms) {
    var first = text.length;
    terms.forEach(function (t) { var at = folded.indexOf(t); if (at !== -1 && at < first) first = at; });
    var start = Math.max(0, first - 80), end = Math.min(text.length, start + 200);
    var html = escape(text.slice(start, end));
    terms.forEach(function (t) {
      html = html.replace(new RegExp('(?<![\\p{L}\\p{N}_])(' + t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')', 'giu'), '<mark>$1</mark>');
    });
    return (start > 0 ? '… ' : '') + html + (end < text.length ? ' …' : '');
  }

  function search(query) {
    var terms = words(query);
    if (terms.length === 0) { results.innerHTML = '<p>Type a word to search the book.</p>'; return; }
    var hits = [];
    window.DESCENT_SEARCH.forEach(function (entry) {
      var title = fold(entry.title), text = fold(entry.text), score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = count(title, terms[i]), inText = count(text, terms[i]);
        if (inTitle + inText === 0) return;
        score += 10 * inTitle + Math.min(inText, 10);
      }
      var phrase = terms.join(' ');            // the words together count most
      if (terms.length > 1) score += 20 * count(title, phrase) + 5 * Math.min(count(text, phrase), 4);
      hits.push({ entry: entry, score: score, snippet: snippet(entry.text, text, terms) });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    if (hits.length === 0) {
      results.innerHTML = '<p class="none">No section of the book holds all of: ' + escape(terms.join(', ')) + '.</p>';
      return;
    }
    results.innerHTML = '<p class="count">' + hits.length + ' section' + (hits.length === 1 ? '' : 's') + '</p><ol>' +
      hits.slice(0, 50).map(function (h) {
        var e = h.entry, href = e.page + (e.id ? '#' + e.id : '');
        return '<li><a href="' + escape(href) + '">' + escape(e.title || e.pageTitle) + '</a>' +
          '<div class="where">' + escape(e.pageTitle) + '</div><div>' + h.snippet + '</div></li>';
      }).join('') + '</ol>';
  }

  var input = document.querySelector('form.search input');
  var query = new URLSearchParams(window.location.search).get('q') || '';
  if (input) {
    input.value = query;
    input.addEventListener('input', function () { search(input.value); });
  }
  search(query);
})();
