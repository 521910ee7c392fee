// Client-side search over window.meshworkSearchIndex (assets/search-index.js): every word of the query must occur
// in an entry's title or text. Results are built as DOM nodes with textContent, never as HTML.
(function () {
  "use strict";
  var index = window.meshworkSearchIndex || [];
  var query = new URLSearchParams(window.location.search).get("q") || "";
  var box = document.getElementById("search-box");
  var summary = document.getElementById("search-summary");
  var list = document.getElementById("search-results");
  if (box) {
    box.value = query;
  }
  var words = query.toLowerCase().split(/\s+/).filter(function (word) { return word.length > 0; });
  if (!words.length || !list) {
    return;
  }
  var found = index.filter(function (entry) {
    var haystack = (entry.title + " " + entry.text).toLowerCase();
    return words.every(function (word) { return haystack.indexOf(word) >= 0; });
  });
  found.sort(function (left, right) {
    var leftExact = left.title.toLowerCase().indexOf(words[0]) >= 0 ? 0 : 1;
    var rightExact = right.title.toLowerCase().indexOf(words[0]) >= 0 ? 0 : 1;
    return leftExact - rightExact;
  });
  summary.textContent = found.length + (found.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d";
  found.forEach(function (entry) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = entry.href;
    link.textContent = entry.title;
    link.className = "result " + entry.kind;
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = entry.kind;
    var text = document.createElement("p");
    text.textContent = entry.text.length > 200 ? entry.text.substring(0, 200) + "\u2026" : entry.text;
    item.appendChild(link);
    item.appendChild(kind);
    item.appendChild(text);
    list.appendChild(item);
  });
}());
