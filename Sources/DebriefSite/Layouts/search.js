/* Debrief site search. Plain JavaScript written for this project: no framework, no network
 * beyond the site's own files. The tokenizer, stemmer, query language and BM25F scoring are
 * exact ports of Sources/DebriefSearch (Tokenizer.swift, Stemmer.swift, QueryParser.swift,
 * SearchIndex.swift); ranking constants come from search/manifest.js, written by the same
 * Swift code, and a test compares this file's top results with `debrief search`.
 * Index files are scripts that call window.debriefSearch.add*(), so they load from file://
 * and under any URL sub-path. Every result string reaches the page through textContent. */
(function () {
  "use strict";

  var STOP_WORDS = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
    "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with"]);
  var WORD = /[\p{L}\p{N}]+/gu;

  function isUpper(c) { return c >= "A" && c <= "Z"; }
  function isLower(c) { return c >= "a" && c <= "z"; }
  function isDigit(c) { return c >= "0" && c <= "9"; }

  // Stemmer.swift, step for step.
  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    function ends(s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
    function longStem(rest) { return rest.length >= 3 && /[aeiouy]/.test(rest); }
    function undouble() {
      var n = w.length;
      if (n >= 2 && w[n - 1] === w[n - 2] && "aeioulsz".indexOf(w[n - 1]) < 0) w = w.slice(0, -1);
    }
    if (ends("ies") && w.length > 4) { w = w.slice(0, -3) + "y"; }
    else if (ends("sses")) { w = w.slice(0, -2); }
    else if (ends("es") && w.length > 4 && /(s|x|z|ch|sh)$/.test(w.slice(0, -2))) { w = w.slice(0, -2); }
    else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) { w = w.slice(0, -1); }
    if (ends("ied") && w.length > 4) { w = w.slice(0, -3) + "y"; }
    else if (ends("ing") && longStem(w.slice(0, -3))) { w = w.slice(0, -3); undouble(); }
    else if (ends("ed") && longStem(w.slice(0, -2))) { w = w.slice(0, -2); undouble(); }
    else if (ends("ly") && longStem(w.slice(0, -2))) { w = w.slice(0, -2); }
    if (ends("e") && w.length > 3) { w = w.slice(0, -1); }
    return w;
  }

  function compoundParts(word) {
    var chars = Array.from(word);
    if (chars.length <= 2) return [word];
    var parts = [], current = "";
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (i > 0 && isUpper(c)) {
        var prev = chars[i - 1];
        var nextIsLower = i + 1 < chars.length && isLower(chars[i + 1]);
        if (isLower(prev) || isDigit(prev) || (isUpper(prev) && nextIsLower)) { parts.push(current); current = ""; }
      }
      current += c;
    }
    parts.push(current);
    return parts;
  }

  // Tokenizer.swift: [{term, word, position, start, end}].
  function tokenize(text, splitCompounds) {
    var tokens = [], position = 0, match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var original = match[0], start = match.index, end = start + original.length;
      var parts = splitCompounds ? compoundParts(original) : [];
      var lower = original.toLowerCase();
      if (!STOP_WORDS.has(lower)) tokens.push({ term: stem(lower), word: lower, position: position, start: start, end: end });
      if (parts.length > 1) {
        for (var i = 0; i < parts.length; i++) {
          var part = parts[i].toLowerCase();
          if (STOP_WORDS.has(part)) continue;
          tokens.push({ term: stem(part), word: part, position: position + i, start: start, end: end });
        }
        position += parts.length;
      } else {
        position += 1;
      }
    }
    return tokens;
  }

  function codePointLength(s) { return Array.from(s).length; }
  function isISODay(s) {
    var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (!m) return false;
    var y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || y < 1900 || y > 2999) return false;
    var leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  }
  function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }

  // QueryParser.swift.
  function parseQuery(text, minimumPrefixLength) {
    var query = { terms: [], phrases: [], severity: null, service: null, since: null, year: null };
    var last = text.length ? text[text.length - 1] : "";
    var endsOpen = text.length > 0 && !/\s/.test(last) && last !== "\"";
    var lastBare = null;
    function add(term) {
      for (var i = 0; i < query.terms.length; i++) {
        if (query.terms[i].term === term.term && query.terms[i].word === term.word) {
          query.terms[i].isPrefix = query.terms[i].isPrefix || term.isPrefix;
          return i;
        }
      }
      query.terms.push(term);
      return query.terms.length - 1;
    }
    function applyFilter(piece) {
      var colon = piece.indexOf(":");
      if (colon < 0) return false;
      var key = piece.slice(0, colon).toLowerCase(), value = piece.slice(colon + 1);
      if (!value) return false;
      if (key === "severity" || key === "sev") { query.severity = value; return true; }
      if (key === "service") { query.service = value; return true; }
      if (key === "since") {
        if (!isISODay(value)) return false;
        var p = value.split("-");
        query.since = pad(p[0], 4) + "-" + pad(+p[1], 2) + "-" + pad(+p[2], 2);
        return true;
      }
      if (key === "year") {
        if (!/^\d{4}$/.test(value)) return false;
        query.year = +value; return true;
      }
      return false;
    }
    // Pieces: whitespace-separated, quoted stretches whole, an unclosed quote runs to the end.
    var pieces = [], current = "", inQuote = false;
    function flush(phrase) { if (current) pieces.push({ text: current, isPhrase: phrase }); current = ""; }
    for (var ch of text) {
      if (ch === "\"") { flush(inQuote); inQuote = !inQuote; }
      else if (!inQuote && /\s/.test(ch)) { flush(false); }
      else { current += ch; }
    }
    flush(inQuote);
    pieces.forEach(function (piece) {
      if (piece.isPhrase) {
        var tokens = tokenize(piece.text, false);
        if (!tokens.length) return;
        tokens.forEach(function (t) { add({ term: t.term, word: t.word, isPrefix: false }); });
        if (tokens.length > 1) {
          query.phrases.push({ terms: tokens.map(function (t) { return t.term; }),
            offsets: tokens.map(function (t) { return t.position - tokens[0].position; }) });
        }
        lastBare = null;
        return;
      }
      if (applyFilter(piece.text)) { lastBare = null; return; }
      var starred = piece.text.slice(-1) === "*";
      var words = tokenize(piece.text, false);
      lastBare = null;
      words.forEach(function (t, i) {
        var prefix = starred && i === words.length - 1 && codePointLength(t.word) >= minimumPrefixLength;
        lastBare = add({ term: t.term, word: t.word, isPrefix: prefix });
      });
    });
    if (endsOpen && lastBare !== null && codePointLength(query.terms[lastBare].word) >= minimumPrefixLength) {
      query.terms[lastBare].isPrefix = true;
    }
    return query;
  }

  function normalizeSeverity(s) { return (s || "").toUpperCase().replace(/[ \-_]/g, ""); }

  // SearchShards.key
  function shardKey(term, split) {
    var chars = Array.from(term);
    function keyOf(n) { return chars.slice(0, n).map(function (c) { return /^[a-z0-9]$/.test(c) ? c : "_"; }).join(""); }
    var two = keyOf(2);
    return split.indexOf(two) >= 0 && chars.length >= 3 ? keyOf(3) : two;
  }

  var api = window.debriefSearch = {
    manifest: null, shards: {}, positions: {}, docs: {}, filters: {},
    setManifest: function (m) { api.manifest = m; },
    addShard: function (key, terms) { api.shards[key] = terms; },
    addPositions: function (key, terms) { api.positions[key] = terms; },
    addDocs: function (n, rows) { api.docs[n] = rows; },
    addFilter: function (facet, values) { api.filters[facet] = values; },
    tokenize: tokenize, stem: stem, parseQuery: parseQuery, shardKey: shardKey,
    loadedBytes: 0, loadedFiles: []
  };

  // Loads search/<path> once, as a script tag; resolves even when the file is missing (a key no term has).
  var loading = {};
  function load(base, path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = base + path;
        script.onload = function () { api.loadedFiles.push(path); resolve(true); };
        script.onerror = function () { resolve(false); };
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }
  api.load = load;

  // CompactNumbers.swift: base-32 digits, most significant first; characters 32-63 of the
  // alphabet are digits with more to follow.
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", DIGIT_VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT_VALUE[DIGITS.charCodeAt(d)] = d;
  function decodeNumbers(text) {
    var out = [], current = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT_VALUE[text.charCodeAt(i)];
      current = current * 32 + (digit & 31);
      if (digit < 32) { out.push(current); current = 0; }
    }
    return out;
  }
  // A loaded file's entry as numbers, decoded once (the file holds it as a string).
  function numbersIn(object, name) {
    var value = object[name];
    if (typeof value === "string") value = object[name] = decodeNumbers(value);
    return value;
  }

  // Postings of a term as {docs, weights}, decoded from the delta-encoded numbers.
  function decode(list) {
    var docs = [], weights = [], doc = 0;
    for (var i = 0; i < list.length; i += 2) { doc += list[i]; docs.push(doc); weights.push(list[i + 1]); }
    return { docs: docs, weights: weights };
  }
  function positionsOf(term, doc) {
    var file = api.positions[shardKey(term, api.manifest.split)] || {};
    if (!Object.prototype.hasOwnProperty.call(file, term)) return null;
    var list = numbersIn(file, term);
    var current = 0;
    for (var i = 0; i < list.length;) {
      current += list[i];
      var n = list[i + 1];
      if (current === doc) {
        var out = [], p = 0;
        for (var j = 0; j < n; j++) { p += list[i + 2 + j]; out.push(p); }
        return out;
      }
      i += 2 + n;
    }
    return null;
  }
  function containsPhrase(phrase, doc) {
    var lists = [];
    for (var i = 0; i < phrase.terms.length; i++) {
      var p = positionsOf(phrase.terms[i], doc);
      if (!p) return false;
      lists.push(p);
    }
    return lists[0].some(function (start) {
      for (var i = 1; i < lists.length; i++) {
        if (lists[i].indexOf(start + phrase.offsets[i] - phrase.offsets[0]) < 0) return false;
      }
      return true;
    });
  }
  function termsWithPrefix(word) {
    var shard = api.shards[shardKey(word, api.manifest.split)] || {};
    return Object.keys(shard).filter(function (t) { return t.slice(0, word.length) === word; });
  }
  function postingsOf(term) {
    var shard = api.shards[shardKey(term, api.manifest.split)] || {};
    return Object.prototype.hasOwnProperty.call(shard, term) ? numbersIn(shard, term) : null;
  }
  // Typos.oneEditVariants: deletions, transpositions, substitutions and insertions after the
  // first `kept` characters.
  var TYPO_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  function oneEditVariants(term, kept) {
    var chars = Array.from(term), seen = new Set([term]), out = [];
    function add(list) { var t = list.join(""); if (!seen.has(t)) { seen.add(t); out.push(t); } }
    if (chars.length <= kept) return out;
    for (var i = kept; i < chars.length; i++) {
      add(chars.slice(0, i).concat(chars.slice(i + 1)));
      if (i + 1 < chars.length) add(chars.slice(0, i).concat([chars[i + 1], chars[i]], chars.slice(i + 2)));
      for (var c = 0; c < TYPO_ALPHABET.length; c++) {
        if (TYPO_ALPHABET[c] !== chars[i]) add(chars.slice(0, i).concat([TYPO_ALPHABET[c]], chars.slice(i + 1)));
      }
    }
    for (var j = kept; j <= chars.length; j++) {
      for (var d = 0; d < TYPO_ALPHABET.length; d++) add(chars.slice(0, j).concat([TYPO_ALPHABET[d]], chars.slice(j)));
    }
    return out;
  }
  // SearchIndex.mostFrequent: by document frequency, then alphabetical.
  function mostFrequent(terms, limit) {
    return terms.slice().sort(function (a, b) {
      var dfA = postingsOf(a).length / 2, dfB = postingsOf(b).length / 2; // pairs of numbers
      if (dfA !== dfB) return dfB - dfA;
      return a < b ? -1 : a > b ? 1 : 0;
    }).slice(0, limit);
  }
  function expansions(qt) {
    var m = api.manifest;
    var result = postingsOf(qt.term) ? [{ term: qt.term, weight: 1 }] : [];
    if (qt.isPrefix) {
      var matches = termsWithPrefix(qt.word).filter(function (t) { return t !== qt.term; });
      result = result.concat(mostFrequent(matches, m.max_prefix_expansions).map(function (t) { return { term: t, weight: m.prefix_weight }; }));
    }
    var length = codePointLength(qt.word);
    if (length >= m.minimum_typo_length && length <= m.maximum_typo_length) {
      var taken = new Set(result.map(function (e) { return e.term; }));
      var variants = oneEditVariants(qt.term, m.typo_kept_prefix).filter(function (t) { return postingsOf(t) && !taken.has(t); });
      result = result.concat(mostFrequent(variants, m.max_typo_expansions).map(function (t) { return { term: t, weight: m.typo_weight }; }));
    }
    return result;
  }
  // SearchShards.fileName: a facet value as part of a file name.
  function fileName(value) {
    var bytes = new TextEncoder().encode(value), out = "";
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      if ((b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b === 45) out += String.fromCharCode(b);
      else out += "_" + (b < 16 ? "0" : "") + b.toString(16);
    }
    return out;
  }
  var DAY = 86400000;
  function serviceFilter(query) { return "service-" + fileName(query.service.toLowerCase()); }
  function sinceParts(since) {
    var year = +since.slice(0, 4);
    return { year: year, day: (Date.parse(since + "T00:00:00Z") - Date.UTC(year, 0, 1)) / DAY };
  }
  // The filter files a query needs: severity.js, one service, and the years it can match.
  function filterFiles(query) {
    var files = [];
    if (query.severity !== null) files.push("severity");
    if (query.service !== null) files.push(serviceFilter(query));
    var years = query.year !== null ? [query.year] : [];
    if (query.since !== null) {
      var from = sinceParts(query.since).year;
      years = api.manifest.years.filter(function (y) { return y >= from && (query.year === null || y === query.year); });
    }
    years.forEach(function (y) { files.push("year-" + y); });
    return files;
  }
  // A loaded service or year file as a Map from document to its value (day of year for years).
  function facet(name, pairs) {
    var value = api.filters[name];
    if (value === undefined) return new Map();
    if (typeof value !== "string") return value;
    var numbers = decodeNumbers(value), map = new Map(), doc = 0;
    for (var i = 0; i < numbers.length; i += pairs ? 2 : 1) { doc += numbers[i]; map.set(doc, pairs ? numbers[i + 1] : 0); }
    return (api.filters[name] = map);
  }
  function admits(query, doc) {
    var f = api.filters;
    if (query.severity !== null) {
      var c = f.severity.values[doc], s = c === "-" ? -1 : "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".indexOf(c);
      if (normalizeSeverity(s >= 0 ? f.severity.names[s] : "") !== normalizeSeverity(query.severity)) return false;
    }
    if (query.service !== null && !facet(serviceFilter(query), false).has(doc)) return false;
    if (query.year !== null && !facet("year-" + query.year, true).has(doc)) return false;
    if (query.since !== null) {
      var since = sinceParts(query.since);
      var dated = api.manifest.years.some(function (y) {
        if (y < since.year || !facet("year-" + y, true).has(doc)) return false;
        return y > since.year || facet("year-" + y, true).get(doc) >= since.day;
      });
      if (!dated) return false;
    }
    return true;
  }

  /* Ranks like SearchIndex.search. Resolves to {query, total, hits: [{doc, score}] (options.limit
     from options.offset), terms: the index terms that matched, browse: filters without words}. */
  api.search = function (base, text, options) {
    options = options || {};
    var m = api.manifest;
    var query = parseQuery(text, m.minimum_prefix_length);
    if (options.severity) query.severity = options.severity;
    if (options.service) query.service = options.service;
    if (options.year) query.year = +options.year;
    var keys = new Set();
    query.terms.forEach(function (qt) { keys.add(shardKey(qt.term, m.split)); if (qt.isPrefix) keys.add(shardKey(qt.word, m.split)); });
    var needed = Array.from(keys).map(function (k) { return api.load(base, "shards/" + k + ".js"); });
    query.phrases.forEach(function (p) { p.terms.forEach(function (t) { needed.push(api.load(base, "pos/" + shardKey(t, m.split) + ".js")); }); });
    var filtering = query.severity !== null || query.service !== null || query.since !== null || query.year !== null;
    var browsing = query.terms.length === 0 && filtering;
    var files = filterFiles(query);
    // Browsing sorts by date: every year's file.
    if (browsing) m.years.forEach(function (y) { if (files.indexOf("year-" + y) < 0) files.push("year-" + y); });
    files.forEach(function (name) { needed.push(api.load(base, "filters/" + name + ".js")); });
    return Promise.all(needed).then(function () {
      var ranked = [], matched = new Set();
      if (browsing) ranked = browse(query);
      else {
        var scores = new Map();
        query.terms.forEach(function (qt) {
          var best = new Map();
          expansions(qt).forEach(function (e) {
            var list = decode(postingsOf(e.term));
            var df = list.docs.length;
            var idf = Math.log(1 + (m.count - df + 0.5) / (df + 0.5));
            matched.add(e.term);
            for (var i = 0; i < list.docs.length; i++) {
              var tf = list.weights[i] / m.weight_scale;
              var score = e.weight * idf * (tf * (m.k1 + 1) / (tf + m.k1));
              if (score > (best.get(list.docs[i]) || 0)) best.set(list.docs[i], score);
            }
          });
          best.forEach(function (score, doc) { scores.set(doc, (scores.get(doc) || 0) + score); });
        });
        scores.forEach(function (score, doc) {
          if (filtering && !admits(query, doc)) return;
          if (!query.phrases.every(function (p) { return containsPhrase(p, doc); })) return;
          ranked.push({ doc: doc, score: Math.round(score * 1e6) / 1e6 });
        });
        ranked.sort(function (a, b) { return a.score !== b.score ? b.score - a.score : a.doc - b.doc; });
      }
      var offset = options.offset || 0;
      return { query: query, total: ranked.length, hits: ranked.slice(offset, offset + (options.limit || 10)),
               terms: Array.from(matched), browse: browsing };
    });
  };

  // SearchIndex.browse: the admitted documents, newest first, undated last.
  function browse(query) {
    var dates = new Map();
    api.manifest.years.forEach(function (y) { facet("year-" + y, true).forEach(function (day, doc) { dates.set(doc, y * 1000 + day); }); });
    var docs = [];
    for (var doc = 0; doc < api.manifest.count; doc++) if (admits(query, doc)) docs.push(doc);
    docs.sort(function (a, b) {
      var da = dates.has(a) ? dates.get(a) : -1, db = dates.has(b) ? dates.get(b) : -1;
      return da !== db ? db - da : a - b;
    });
    return docs.map(function (doc) { return { doc: doc, score: 0 }; });
  }

  /* Loads the display rows of ranked hits: [{doc, score, kind, title, url, severity, date, services, source}]. */
  api.describe = function (base, hits) {
    var per = api.manifest.docs_per_shard;
    var shards = new Set(hits.map(function (h) { return Math.floor(h.doc / per); }));
    return Promise.all(Array.from(shards).map(function (n) { return api.load(base, "docs/" + n + ".js"); })).then(function () {
      return hits.map(function (h) {
        var row = (api.docs[Math.floor(h.doc / per)] || [])[h.doc % per] || ["", "", "", "", "", "", ""];
        return { doc: h.doc, score: h.score, kind: row[0], title: row[1], url: row[2], severity: row[3], date: row[4], services: row[5], source: row[6] };
      });
    });
  };

  // Snippet.window: about 200 characters from a little before the first match.
  function snippet(source, query) {
    var tokens = tokenize(source, true), at = 0;
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      if (query.terms.some(function (q) { return q.term === t.term || (q.isPrefix && t.word.slice(0, q.word.length) === q.word); })) { at = t.start; break; }
    }
    var start = Math.max(0, at - 60);
    while (start > 0 && start < at && !/[ \n]/.test(source[start - 1])) start++;
    var end = Math.min(source.length, start + 200);
    while (end < source.length && end > start + 100 && !/[ \n]/.test(source[end])) end--;
    return (start > 0 ? "\u2026" : "") + source.slice(start, end).split(/\s+/).filter(Boolean).join(" ") + (end < source.length ? "\u2026" : "");
  }
  api.snippet = snippet;

  // ---- The search page -------------------------------------------------------------------
  // Everything below draws the page: results (twenty at a time) with highlighted matches, the
  // status line, empty states and the keyboard walk. Text reaches the page through textContent.
  var PAGE_SIZE = 20;
  var FILTERS = ["severity", "service", "year"];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function formatCount(n) {
    try { return n.toLocaleString("en-US"); } catch (e) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  }
  // "1 result", "1,234 results".
  function counted(n, noun) { return formatCount(n) + " " + noun + (n === 1 ? "" : "s"); }

  /* Which words of a result to mark: those whose stem matched (found.terms holds exact terms and
     their prefix and typo expansions), or that start with the typed word of a prefix term. */
  function matcher(found) {
    if (found.browse) return null;
    var terms = new Set(found.terms || []);
    var prefixes = (found.query.terms || []).filter(function (q) { return q.isPrefix; }).map(function (q) { return q.word; });
    if (!terms.size && !prefixes.length) return null;
    var matches = function (token) {
      return terms.has(token.term) || prefixes.some(function (p) { return token.word.slice(0, p.length) === p; });
    };
    // The same rule as a query for snippet(), so the snippet window opens at the first marked word.
    matches.query = { terms: Array.from(terms).map(function (t) { return { term: t, word: t, isPrefix: false }; })
      .concat(prefixes.map(function (p) { return { term: p, word: p, isPrefix: true }; })) };
    return matches;
  }

  // Appends `text` to `parent` as text nodes, with each matching word in a <mark>.
  function appendMarked(parent, text, matches) {
    var at = 0;
    if (matches) {
      tokenize(text, true).forEach(function (t) {
        // A compound word's parts share its offsets: mark the whole word once.
        if (t.start < at || !matches(t)) return;
        if (t.start > at) parent.appendChild(document.createTextNode(text.slice(at, t.start)));
        parent.appendChild(el("mark", null, text.slice(t.start, t.end)));
        at = t.end;
      });
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }

  function hitItem(r, matches, root) {
    var item = el("li", "search-hit");
    var link = appendMarked(el("a", "search-hit-title"), r.title || r.url, matches);
    link.href = root + r.url;
    var heading = el("h2");
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = [r.kind, r.severity, r.date, r.services].filter(Boolean).join(" \u00b7 ");
    item.appendChild(el("p", "search-hit-meta", facts));
    if (r.source) {
      var text = snippet(r.source, matches ? matches.query : { terms: [] });
      item.appendChild(appendMarked(el("p", "search-hit-snippet"), text, matches));
    }
    return item;
  }

  // The filters a search applied, from the selects or written in the query: ["severity SEV1", …].
  function filterNames(query) {
    var names = [];
    if (query.severity !== null) names.push("severity " + query.severity);
    if (query.service !== null) names.push("service " + query.service);
    if (query.year !== null) names.push("year " + query.year);
    if (query.since !== null) names.push("since " + query.since);
    return names;
  }
  function joined(names) {
    return names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
  }

  // The query text without its filter pieces (severity:SEV1 …); quoted text stays as it is.
  function withoutFilters(text) {
    var kept = [], quotes = 0;
    text.split(/\s+/).forEach(function (piece) {
      var inQuote = quotes % 2 === 1;
      quotes += (piece.match(/"/g) || []).length;
      if (!piece) return;
      if (!inQuote && piece.indexOf("\"") < 0 && piece.indexOf(":") > 0) {
        var q = parseQuery(piece, Infinity);
        if (!q.terms.length && filterNames(q).length) return;
      }
      kept.push(piece);
    });
    return kept.join(" ") + (kept.length && /\s$/.test(text) ? " " : "");
  }

  function start() {
    var form = document.getElementById("search-form");
    if (!form || !api.manifest) return;
    var root = form.getAttribute("data-root") || "";
    var base = root + "search/";
    var input = form.elements.q, status = document.getElementById("search-status"), results = document.getElementById("search-results");
    var empty = document.getElementById("search-empty"), moreRow = document.getElementById("search-more-row");
    var more = document.getElementById("search-more"), shown = document.getElementById("search-shown");
    var keys = document.getElementById("search-keys");
    if (keys) keys.hidden = false; // the keyboard hint is true only with this script running
    var params = new URLSearchParams(window.location.search);
    ["q"].concat(FILTERS).forEach(function (name) {
      if (params.get(name) !== null && form.elements[name]) form.elements[name].value = params.get(name);
    });

    var generation = 0, current = null; // current: {text, options, found, matches, count}
    function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
    function links() { return Array.prototype.slice.call(results.querySelectorAll("a.search-hit-title")); }
    function showEmpty(button) {
      clear(empty);
      if (button) empty.appendChild(button);
      empty.hidden = !button;
    }
    function updateMore() {
      var left = current ? current.found.total - current.count : 0;
      moreRow.hidden = left <= 0;
      if (left > 0) shown.textContent = formatCount(current.count) + " of " + formatCount(current.found.total) + " shown";
    }
    function removeFiltersButton() {
      var button = el("button", null, "Remove filters");
      button.type = "button";
      button.addEventListener("click", function () {
        FILTERS.forEach(function (name) { form.elements[name].value = ""; });
        input.value = withoutFilters(input.value);
        input.focus();
        run();
      });
      return button;
    }

    function draw(found, rows) {
      clear(results);
      current.found = found;
      current.matches = matcher(found);
      current.count = rows.length;
      rows.forEach(function (r) { results.appendChild(hitItem(r, current.matches, root)); });
      var filters = filterNames(found.query), words = found.query.terms.length > 0 || found.query.phrases.length > 0;
      if (found.total > 0) {
        status.textContent = found.browse ? counted(found.total, "document") + ", newest first" : counted(found.total, "result");
        showEmpty(null);
      } else if (filters.length) {
        status.textContent = words ? "No matches with " + joined(filters) + ". Remove the filters to search everything."
          : "No documents with " + joined(filters) + ".";
        showEmpty(removeFiltersButton());
      } else {
        status.textContent = "No matches. Try fewer words or different ones.";
        showEmpty(null);
      }
      updateMore();
    }

    function run() {
      var text = input.value;
      var options = { limit: PAGE_SIZE };
      FILTERS.forEach(function (name) { options[name] = form.elements[name].value; });
      var mine = ++generation;
      try {
        var url = new URL(window.location.href);
        ["q"].concat(FILTERS).forEach(function (name) {
          var value = name === "q" ? text : options[name];
          if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
        });
        window.history.replaceState(null, "", url.toString());
      } catch (e) { /* some browsers refuse replaceState on file://; search works all the same */ }
      if (!text.trim() && !options.severity && !options.service && !options.year) {
        current = null;
        clear(results);
        showEmpty(null);
        updateMore();
        status.textContent = "Type words to search, or pick a severity, service or year to list incidents and runbooks.";
        return;
      }
      status.textContent = "Searching\u2026";
      api.search(base, text, options).then(function (found) {
        return api.describe(base, found.hits).then(function (rows) {
          if (mine !== generation) return;
          current = { text: text, options: options };
          draw(found, rows);
        });
      }).catch(function () {
        if (mine === generation) status.textContent = "Search could not load its index files.";
      });
    }

    // Show more: the next twenty, appended; focus goes to the first of them.
    more.addEventListener("click", function () {
      if (!current) return;
      var mine = generation, from = current.count;
      var options = Object.assign({}, current.options, { offset: from });
      more.disabled = true;
      api.search(base, current.text, options).then(function (found) {
        return api.describe(base, found.hits).then(function (rows) {
          more.disabled = false;
          if (mine !== generation || current.count !== from) return;
          rows.forEach(function (r) { results.appendChild(hitItem(r, current.matches, root)); });
          current.count += rows.length;
          current.found.total = found.total;
          updateMore();
          var added = links()[from];
          if (added) added.focus();
        });
      }).catch(function () { more.disabled = false; });
    });

    // Keyboard: "/" focuses the box; arrows walk the result links (and Show more); Escape goes back.
    function plain(e) { return !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey; }
    function walk(e) {
      if (!plain(e)) return;
      var list = links();
      if (!moreRow.hidden) list.push(more);
      var i = e.target === input ? -1 : list.indexOf(e.target), next = null;
      if (e.target !== input && i < 0) return;
      if (e.key === "ArrowDown") next = list[i + 1];
      else if (e.key === "ArrowUp" && i >= 0) next = i === 0 ? input : list[i - 1];
      else if (e.key === "Escape" && i >= 0) next = input;
      if (next) { e.preventDefault(); next.focus(); }
    }
    input.addEventListener("keydown", walk);
    results.addEventListener("keydown", walk);
    more.addEventListener("keydown", walk);
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) return;
      e.preventDefault();
      input.focus();
      input.select();
    });

    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    form.addEventListener("change", function (e) { if (e.target !== input) run(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
    run();
  }
  if (typeof document !== "undefined") {
    // Deferred scripts (this file, then search/manifest.js) all run before DOMContentLoaded.
    if (document.readyState !== "complete") document.addEventListener("DOMContentLoaded", start); else start();
  }
})();
