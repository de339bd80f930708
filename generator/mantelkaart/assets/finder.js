/* Mantelkaart finder (/zoeken/): search words and facets over every service of the site.
 *
 * Without this script the page lists every service, grouped, with plain links (inside
 * <noscript>; on a large site the groups, each linking to a page with its services).
 * The page also holds the first results of the view without search words or choices,
 * and a small inline script that fetches the data below as the page is read and shows
 * that view at once when the address asks for nothing else. With this script:
 * the form works; the state is read from the URL (?zoek=…&doelgroep=nah&omgeving=…; not "q",
 * which mkdocs-material reserves for its own search box);
 * services are filtered and ranked, each facet value shows how many results it would
 * give, and every change is written back to the URL (pushState for choices,
 * replaceState while typing), so a link reproduces the view and back/forward work.
 *
 * Data, all self-hosted beside this script (window.mantelkaartFinderLoads holds the
 * loads, shared with the loader at the top of the page, theme/partials/finder-loader.html):
 *   finder-facets.json  facet codes per service, labels once;
 *   finder-items.json   what a result card shows: link, name, provider, summary, closed,
 *                       place, cost, indicatie and phone (texts stored once, see finder.py);
 *   finder-index.json   two lunr indexes built at build time with lunr (Python) and
 *                       loaded with lunr.Index.load (see search_index.py);
 *   vendor/lunr/…       lunr.js 2.3.9 and lunr-languages' Dutch stemmer.
 * The index and lunr.js load only when there are search words, so the page works
 * before they arrive. Services are numbered the same everywhere (data-i in the page).
 * Only one page of results is in the list at a time ("Toon meer" adds the next).
 *
 * Search: every word must match (in any field); a word matches exactly (stemmed,
 * Dutch), as the start of a longer word, or, from five letters, with one typo.
 * If no service has all words, services with some of them are shown, with a note.
 * A municipality name among the words (for example "Zwijndrecht") filters like the
 * municipality choice, because it is where the person cared for lives that counts, and
 * the drop-down shows it.
 *
 * Order: active services before temporarily closed ones; then, with words, by relevance;
 * without words, with one municipality chosen, its own services (for it alone, or with a
 * location in its town) before those it shares, and nationwide ones last; then by name
 * (the services' numbers). At zero results the consultant's box shows and the map
 * button hides. On small screens the filters fold behind one "Filters (n)" button.
 *
 * The finder page loads this script itself, right after the finder's elements and ahead
 * of mkdocs-material's bundle, so the finder starts while the page is still being read.
 * Works with mkdocs-material's instant navigation: started again from document$ (and from
 * the page's script tag, which the theme runs again), torn down when the next page arrives.
 */
(function () {
  "use strict";

  var ASSETS = new URL(".", document.currentScript.src || location.href);
  var SITE = new URL("../../", ASSETS); // the site root: assets/mantelkaart/ is two folders down
  var ANNOUNCE_DELAY = 600; // ms of quiet before the result count is announced
  var TYPING_DELAY = 120;
  var INDEX_WAIT = 400; // ms the first list waits for the search index, when there are words
  var NATIONWIDE = -1;
  var TERM_WEIGHT = 4; // a word of a service's target group, kind of help… counts this much
  var NAME_WEIGHT = 4; // a service whose name has the word counts this many times more
  var GROUP_WEIGHT = { aanbieder: 3, plaats: 1 }; // a word of its provider's name, of a town
  var DAY_BITS = [1, 2, 4, 8, 16, 32, 64]; // Monday … Sunday, as in the facet file
  // Facets merged into one (one facet per concept): old links still tick the same values.
  var FORMER_KEYS = { hulp: "vorm", kosten: "betaald" }; // and "functie" for "hulp"
  var cache = (window.mantelkaartFinderLoads = window.mantelkaartFinderLoads || {});
  var current = null; // teardown of the finder on the current page

  function asset(name) {
    return new URL(name, ASSETS).href;
  }

  /* One load per key, shared with the page's inline script; a failed one may be tried again. */
  function once(key, make) {
    if (!cache[key]) cache[key] = make();
    var promise = cache[key];
    promise.catch(function () {
      if (cache[key] === promise) delete cache[key];
    });
    return promise;
  }

  function loadJSON(name) {
    return once(name, function () {
      return fetch(asset(name)).then(function (response) {
        if (!response.ok) throw new Error(name + ": " + response.status);
        return response.json();
      });
    });
  }

  function loadScript(name) {
    return once(name, function () {
      return new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = asset(name);
        tag.charset = "utf-8"; // lunr.nl.min.js holds non-ASCII characters in a regular expression
        tag.async = false;
        tag.onload = resolve;
        tag.onerror = function () {
          reject(new Error(name));
        };
        document.head.appendChild(tag);
      });
    });
  }

  /* -- the search index ------------------------------------------------------------ */

  function searchIndex() {
    return once("index", function () {
      // Inserted together, downloaded in parallel, run in this order (async = false).
      var scripts = Promise.all(
        ["lunr.min.js", "lunr.stemmer.support.min.js", "lunr.nl.min.js"].map(function (name) {
          return loadScript("vendor/lunr/" + name);
        })
      );
      return Promise.all([loadJSON("finder-index.json"), scripts]).then(function (loaded) {
        var data = loaded[0];
        return {
          services: loadIndex(data.services),
          terms: loadIndex(data.terms),
          refs: unfoldKinds(data.term_kinds),
          rules: data.query, // lemmas, filler words, filter phrases… (see query.py)
          groups: data.groups,
          scale: data.vector_scale, // weights are whole numbers: lunr's times this
        };
      });
    });
  }

  /* A lunr.Index from the compact form of search_index.py (compact): a term's postings
   * and a document field's vector are made when a query first asks for them, so the first
   * answer costs the terms it touches rather than every posting of the index. lunr's own
   * query code runs on them unchanged. */
  function loadIndex(data) {
    var fields = data.fields;
    var position = new Map();
    var tokens = new lunr.TokenSet.Builder();
    data.terms.forEach(function (term, number) {
      position.set(term, number);
      tokens.insert(term); // sorted, as lunr.Index.load inserts them
    });
    tokens.finish();
    var start = new Int32Array(data.vectors.sizes.length + 1);
    for (var c = 0; c < data.vectors.sizes.length; c++) start[c + 1] = start[c] + data.vectors.sizes[c];
    var invertedIndex = new Proxy(Object.create(null), {
      get: function (made, term) {
        if (typeof term !== "string") return undefined;
        if (made[term]) return made[term];
        var number = position.get(term);
        if (number === undefined) return undefined;
        var posting = { _index: data.term_index[number] };
        data.postings[number].split(";").forEach(function (runs, f) {
          var refs = {}; // empty metadata: lunr reads 0 as {} (Object.keys)
          runs.split(",").forEach(function (run) {
            if (!run) return;
            var dash = run.indexOf("-");
            var last = Number(dash < 0 ? run : run.slice(dash + 1));
            for (var ref = Number(dash < 0 ? run : run.slice(0, dash)); ref <= last; ref++) refs[ref] = 0;
          });
          posting[fields[f]] = refs;
        });
        return (made[term] = posting);
      },
    });
    var fieldVectors = new Proxy(Object.create(null), {
      get: function (made, fieldRef) {
        if (typeof fieldRef !== "string") return undefined;
        if (made[fieldRef]) return made[fieldRef];
        var slash = fieldRef.indexOf("/");
        var cell = fields.indexOf(fieldRef.slice(0, slash)) * data.count + Number(fieldRef.slice(slash + 1));
        var elements = data.vectors.values.slice(start[cell], start[cell + 1]);
        return (made[fieldRef] = new lunr.Vector(elements));
      },
    });
    var index = new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: tokens.root,
      fields: fields,
      pipeline: lunr.Pipeline.load(data.pipeline),
    });
    index.hasTerm = function (term) {
      return position.has(term);
    };
    return index;
  }

  /* A terms-index document's [kind, number] per position, from runs of [kind, count]
   * (search_index.py, term_kinds). */
  function unfoldKinds(kinds) {
    var refs = [];
    kinds.forEach(function (run) {
      for (var n = 0; n < run[1]; n++) refs.push([run[0], n]);
    });
    return refs;
  }

  /* Words as the index has them: lunr's tokenizer, then lunr.nl's trimmer and stop words. */
  function queryWords(text) {
    var pipeline = new lunr.Pipeline();
    pipeline.add(lunr.nl.trimmer, lunr.nl.stopWordFilter);
    var seen = {};
    return pipeline
      .run(lunr.tokenizer(text))
      .map(String)
      .filter(function (word) {
        if (seen[word]) return false;
        seen[word] = true;
        return true;
      });
  }

  /* lunr results for one word: exact (stemmed), as the start of a longer word, one typo. */
  function queryWord(index, word) {
    // Remembered per index: a word is asked again as one types, and a chip asks its words
    // in the services' own text besides.
    index.answers = index.answers || new Map();
    if (!index.answers.has(word)) index.answers.set(word, askWord(index, word));
    return index.answers.get(word);
  }

  function askWord(index, word) {
    var stem = index.pipeline.runString(word)[0] || word;
    return index.query(function (query) {
      query.term(word, { usePipeline: true, boost: 10 });
      if (word.length >= 3) {
        query.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
      }
      if (word.length >= 5) {
        query.term(word, { usePipeline: false, editDistance: 1, boost: 1 });
        if (stem !== word && stem.length >= 5) {
          query.term(stem, { usePipeline: false, editDistance: 1, boost: 1 });
        }
      }
    });
  }

  /* The facet file's columns (and hours) are two flat lists each: per service how many
   * numbers it has, and all numbers in a row. `start[i]` is where service i's begin. */
  function prepare(data) {
    [data.hours].concat(Object.keys(data.columns).map(function (key) {
      return data.columns[key];
    })).forEach(function (column) {
      if (column.start) return; // the same data after instant navigation
      var start = new Int32Array(column.sizes.length + 1);
      for (var i = 0; i < column.sizes.length; i++) start[i + 1] = start[i] + column.sizes[i];
      column.start = start;
    });
    if (!data.closedFlags) {
      data.closedFlags = new Uint8Array(data.count);
      data.closed.forEach(function (number) {
        data.closedFlags[number] = 1;
      });
    }
    return data;
  }

  /* Service numbers per value of one facet (nationwide services count for every
   * municipality); made when a search word first matches one of the facet's values. */
  function members(data, key) {
    data.members = data.members || {};
    if (!data.members[key]) {
      var facet = data.facets.filter(function (each) {
        return each.key === key;
      })[0];
      var lists = facet.values.map(function () {
        return [];
      });
      var column = data.columns[key];
      for (var number = 0; number < data.count; number++) {
        for (var c = column.start[number]; c < column.start[number + 1]; c++) {
          var code = column.values[c];
          if (code === NATIONWIDE) {
            for (var l = 0; l < lists.length; l++) lists[l].push(number);
          } else {
            lists[code].push(number);
          }
        }
      }
      data.members[key] = lists;
    }
    return data.members[key];
  }

  /* Scores per service number for one word: its own text, the words of its facet values,
   * its provider's name and its towns. `named` collects the target groups the word names. */
  function matchPlain(index, data, word, named) {
    var scores = new Map();
    var groups = []; // target groups the word matches
    queryWord(index.services, word).forEach(function (result) {
      scores.set(Number(result.ref), (result.score / index.scale) * (inName(result) ? NAME_WEIGHT : 1));
    });
    queryWord(index.terms, word).forEach(function (result) {
      var ref = index.refs[Number(result.ref)];
      var group = index.groups[ref[0]];
      var score = (result.score / index.scale) * (group ? GROUP_WEIGHT[ref[0]] : TERM_WEIGHT);
      if (ref[0] === "doelgroep" && facetValues(data, "doelgroep")[ref[1]][0] !== "iedereen") groups.push(ref[1]);
      (group ? group[ref[1]] : members(data, ref[0])[ref[1]]).forEach(function (number) {
        scores.set(number, (scores.get(number) || 0) + score);
      });
    });
    // A word that names one target group ("dementie", not "mantelzorgers", nor "iedereen"
    // = all carers) ranks its services first.
    if (named && groups.length === 1) named.add(groups[0]);
    return scores;
  }

  /* Whether a lunr result matched the service's name. */
  function inName(result) {
    var metadata = result.matchData.metadata;
    for (var term in metadata) if (metadata[term].n) return true;
    return false;
  }

  /* Whether the index has the word (stemmed) as a term. */
  function known(index, word) {
    var stem = index.services.pipeline.runString(word)[0] || word;
    return index.services.hasTerm(stem) || index.terms.hasTerm(stem);
  }

  /* A compound's parts, each a word of the index (as compounds.py splits the records'
   * words): the longest known head, a tail of 3 letters or more, perhaps after a linking
   * "s" or "e(n)", and the tail perhaps a compound itself. Null when it does not split. */
  function splitWord(index, word, depth) {
    if (word.length < 7) return null;
    for (var cut = word.length - 3; cut >= 3; cut--) {
      var head = word.slice(0, cut);
      if (!known(index, head)) continue;
      var rest = word.slice(cut);
      var tails = [rest];
      ["s", "en", "e"].forEach(function (link) {
        if (rest.indexOf(link) === 0) tails.push(rest.slice(link.length));
      });
      for (var t = 0; t < tails.length; t++) {
        if (tails[t].length < 3) continue;
        if (known(index, tails[t])) return [head, tails[t]];
        var parts = depth > 1 ? splitWord(index, tails[t], depth - 1) : null;
        if (parts) return [head].concat(parts);
      }
    }
    return null;
  }

  /* A word's scores; a compound the index does not have counts as its parts together
   * ("weekendopvang": weekend and opvang), or, when no service has all parts, each. */
  function matchWord(index, data, word, named) {
    var scores = matchPlain(index, data, word, named);
    if (known(index, word)) return scores;
    var parts = splitWord(index, word, 2);
    if (!parts) return scores;
    var each = parts.map(function (part) {
      return matchPlain(index, data, part, named);
    });
    var together = new Map();
    each[0].forEach(function (score, number) {
      var total = score;
      for (var p = 1; p < each.length; p++) {
        if (!each[p].has(number)) return;
        total += each[p].get(number);
      }
      together.set(number, total);
    });
    var found = together.size ? [together] : each.map(function (partScores) {
      var half = new Map();
      partScores.forEach(function (score, number) {
        half.set(number, score / 2);
      });
      return half;
    });
    found.forEach(function (partScores) {
      partScores.forEach(function (score, number) {
        scores.set(number, Math.max(scores.get(number) || 0, score));
      });
    });
    return scores;
  }

  /* -- understanding the query --------------------------------------------------------- */

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* The words of a text as phrases are compared (query.py, phrase_stems): folded, split on
   * white space, hyphens and punctuation, each trimmed of what is no letter or digit. */
  function plainWords(text) {
    return fold(text)
      .split(/[\s\-,.;:!?()"\/]+/)
      .map(function (word) {
        return word.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
      })
      .filter(Boolean);
  }

  function stem(word) {
    return String(lunr.nl.stemmer(new lunr.Token(word, {})));
  }

  /* The phrase rules of the index (query.py: [facet key, value numbers, chip label, stems
   * "a b|c"]) by their first stem, longest phrase first; made once per index. */
  function phraseTable(index) {
    if (index.phrases) return index.phrases;
    var table = {};
    ["filters", "named"].forEach(function (kind) {
      var byFirst = new Map();
      (index.rules[kind] || []).forEach(function (rule) {
        rule[3].split("|").forEach(function (phrase) {
          var stems = phrase.split(" ");
          if (!byFirst.has(stems[0])) byFirst.set(stems[0], []);
          byFirst.get(stems[0]).push({ stems: stems, rule: rule });
        });
      });
      byFirst.forEach(function (entries) {
        entries.sort(function (a, b) {
          return b.stems.length - a.stems.length;
        });
      });
      table[kind] = byFirst;
    });
    return (index.phrases = table);
  }

  /* Mark the phrases of `byFirst` among the unused `tokens`; one filter per rule, with the
   * words that named it (`phrases`: each a list of the words as typed, folded). */
  function findPhrases(tokens, byFirst, filters) {
    for (var t = 0; t < tokens.length; t++) {
      if (tokens[t].used) continue;
      var found = null;
      tokens[t].stems.forEach(function (first) {
        (byFirst.get(first) || []).forEach(function (entry) {
          if (found && found.stems.length >= entry.stems.length) return;
          var fits = entry.stems.every(function (wanted, k) {
            var token = tokens[t + k];
            return token && !token.used && token.stems.indexOf(wanted) !== -1;
          });
          if (fits) found = entry;
        });
      });
      if (!found) continue;
      var taken = tokens.slice(t, t + found.stems.length);
      // "'s nachts": the "s" belongs to the word after it.
      if (t > 0 && tokens[t - 1].text === "s" && !tokens[t - 1].used) taken.unshift(tokens[t - 1]);
      taken.forEach(function (token) {
        token.used = true;
      });
      var filter = filters.filter(function (each) {
        return each.rule === found.rule;
      })[0];
      if (!filter) {
        filter = { rule: found.rule, key: found.rule[0], numbers: found.rule[1], label: found.rule[2], phrases: [], words: [] };
        filters.push(filter);
      }
      filter.phrases.push(taken.map(function (token) {
        return token.text;
      }));
      filter.words = filter.words.concat(taken.map(function (token) {
        return token.word;
      }));
      t += found.stems.length - 1;
    }
  }

  /* What the words say besides what to search: phrases that name a filter (the package's
   * own, "zonder indicatie", then the vocabularies': a target group, respite form or kind of
   * help), "zonder" before a word, whether the person cared for is an adult or a child; the
   * rest is searched, without filler words and with the lemma list's words (see query.py). */
  function understand(text, index) {
    var rules = index.rules;
    var tokens = plainWords(text.replace(/[’`]/g, "'")).map(function (word) {
      var lemma = rules.lemmas[word];
      var stems = [stem(word)];
      if (lemma) stems.push(stem(lemma));
      return { text: word, word: lemma || word, stems: stems, used: false };
    });
    var table = phraseTable(index);
    var filters = [];
    findPhrases(tokens, table.filters, filters);
    filters.forEach(function (filter) {
      filter.hand = true; // a facet's filter, as if ticked
      filter.words = []; // the package's phrases ("zonder indicatie") are no words to rank by
    });
    var negated = [];
    tokens.forEach(function (token, t) {
      var next = tokens[t + 1];
      if (token.used || !next || next.used || ["zonder", "without", "geen", "no"].indexOf(token.text) === -1) return;
      token.used = next.used = true;
      negated.push({ phrases: [[token.text, next.text]], word: next.text });
    });
    findPhrases(tokens, table.named, filters);
    var rest = tokens
      .filter(function (token) {
        return !token.used;
      })
      .map(function (token) {
        return token.text;
      })
      .join(" ");
    var adult = false;
    var child = false;
    // "ik ben 15", "15 jaar": someone young, probably a young carer.
    var age = /(^|\s)(?:ik ben|i am|i'm|im)\s+(\d{1,2})(\s|$)|(^|\s)(\d{1,2})\s*(?:jaar|years?|jr)(\s|$)/.exec(rest);
    var young = Boolean(age && Number(age[2] || age[5]) <= 24);
    var words = rest.split(" ").filter(function (word) {
      if (!word) return false;
      if (rules.young.indexOf(word) !== -1 || rules.young.indexOf(rules.lemmas[word]) !== -1) young = true;
      if (rules.adult.indexOf(word) !== -1) {
        adult = true;
        return false;
      }
      if (rules.child.indexOf(word) !== -1) child = true;
      return rules.fillers.indexOf(word) === -1;
    });
    words = words.map(function (word) {
      return rules.lemmas[word] || word;
    });
    return { filters: filters, negated: negated, adult: adult, child: child, young: young, rest: words.join(" ") };
  }

  /* The understanding without its filters: their words are searched like the others (when
   * the filters together with the rest leave nothing). */
  function withoutFilters(understood) {
    var words = [understood.rest];
    understood.filters.forEach(function (filter) {
      words = words.concat(filter.words);
    });
    return {
      filters: [],
      negated: understood.negated,
      adult: understood.adult,
      child: understood.child,
      young: understood.young,
      rest: words.join(" ").trim(),
    };
  }

  /* `text` without the words of `phrase` (folded words, as plainWords gives them), and
   * without an apostrophe or other mark stuck to them; the rest as typed. */
  function dropWords(text, phrase) {
    var folded = "";
    var from = []; // position in `text` of each character of `folded`
    for (var c = 0; c < text.length; c++) {
      var part = fold(text[c]);
      for (var p = 0; p < part.length; p++) from.push(c);
      folded += part;
    }
    var pattern = new RegExp(
      "(^|[\\s,.;:!?()\"/\\-])[^a-z0-9\\s]*" +
        phrase.map(escapeRegExp).join("[^a-z0-9]+") +
        "[^a-z0-9\\s,.;:!?]*(?=$|[^a-z0-9])"
    );
    var match = pattern.exec(folded);
    if (!match) return text;
    var start = match.index + match[1].length;
    var end = match.index + match[0].length;
    return (text.slice(0, from[start]) + " " + text.slice(end < from.length ? from[end] : text.length))
      .replace(/\s+/g, " ")
      .trim();
  }

  /* A facet's [value id, label] pairs. */
  function facetValues(data, key) {
    var facet = data.facets.filter(function (each) {
      return each.key === key;
    })[0];
    return facet ? facet.values : [];
  }

  /* The value number of a facet's value id, or -1. */
  function valueNumber(data, key, id) {
    var values = facetValues(data, key);
    for (var v = 0; v < values.length; v++) if (values[v][0] === id) return v;
    return -1;
  }

  /* Multiply the scores of the services with one of `values` of facet `key` by `factor`. */
  function weigh(data, scores, key, values, factor) {
    var lists = members(data, key);
    values.forEach(function (value) {
      if (value < 0 || !lists[value]) return;
      lists[value].forEach(function (number) {
        if (scores.has(number)) scores.set(number, scores.get(number) * factor);
      });
    });
  }

  /* {all: Map(number → score) of services with every word, some: … with at least one,
   * missing: the words no service has}. A named target group's services rank first; for
   * an adult ("mijn moeder") children's services rank last, for a child first. */
  function searchWords(index, data, understood) {
    var words = queryWords(understood.rest);
    var excluded = new Set();
    understood.negated.forEach(function (negation) {
      queryWords(negation.word).forEach(function (word) {
        matchWord(index, data, word, null).forEach(function (score, number) {
          excluded.add(number);
        });
      });
    });
    if (!words.length && !understood.filters.length) {
      if (!excluded.size) return null;
      // Only "zonder …": every service but those.
      var rest = new Map();
      for (var n = 0; n < data.count; n++) if (!excluded.has(n)) rest.set(n, 0);
      return { words: [], all: rest, some: rest, missing: [], perWord: [] };
    }
    var named = new Set();
    var perWord = words.map(function (word) {
      return matchWord(index, data, word, named);
    });
    // A filter the words name counts as one word that each of its services has, scored by
    // the words that named it, so the order within it is by relevance. A target group,
    // respite form or kind of help ("dementie", "logeren") has also the services whose own
    // text names it (a Wmo-loket that arranges logeeropvang): the filter of the package's
    // phrases ("gratis") is the facet's alone.
    understood.filters.forEach(function (filter) {
      var scores = new Map();
      var lists = members(data, filter.key);
      filter.numbers.forEach(function (value) {
        (lists[value] || []).forEach(function (number) {
          scores.set(number, 0.001);
        });
      });
      var naming = queryWords(filter.words.join(" "));
      naming.forEach(function (word) {
        queryWord(index.services, word).forEach(function (result) {
          if (!scores.has(Number(result.ref))) scores.set(Number(result.ref), 0.001);
        });
      });
      var weight = filter.rule[4] === undefined ? 1 : filter.rule[4]; // "in het weekend": a condition
      naming.forEach(function (word) {
        matchWord(index, data, word, named).forEach(function (score, number) {
          if (scores.has(number)) scores.set(number, scores.get(number) + weight * score);
        });
      });
      words.push(filter.label || facetValues(data, filter.key)[filter.numbers[0]][1]);
      perWord.push(scores);
    });
    var all = new Map();
    var some = new Map();
    perWord.forEach(function (scores) {
      scores.forEach(function (score, number) {
        if (excluded.has(number)) return;
        var entry = some.get(number) || { words: 0, score: 0 };
        entry.words += 1;
        entry.score += score;
        some.set(number, entry);
      });
    });
    var children = ["kinderen-met-beperking", "jonge-mantelzorgers"].map(function (id) {
      return valueNumber(data, "doelgroep", id);
    });
    var counts = new Map();
    some.forEach(function (entry, number) {
      counts.set(number, entry.words);
      some.set(number, entry.score);
    });
    if (named.size) weigh(data, some, "doelgroep", Array.from(named), 3);
    // Young carers care for adults too: "mijn moeder" ranks only children's own services last.
    if (understood.adult && !understood.young) weigh(data, some, "doelgroep", children.slice(0, 1), 0.2);
    else if (understood.child) weigh(data, some, "doelgroep", children.slice(0, 1), 1.5);
    // Someone young ("ik ben 15", "mijn broertje"): the services for young carers answer.
    var youngCarers = children[1] >= 0 && understood.young ? members(data, "doelgroep")[children[1]] : [];
    var best = 0;
    some.forEach(function (score) {
      best = Math.max(best, score);
    });
    youngCarers.forEach(function (number) {
      if (excluded.has(number)) return;
      counts.set(number, words.length);
      some.set(number, (some.get(number) || 0) + best);
    });
    some.forEach(function (score, number) {
      if (counts.get(number) === words.length) all.set(number, score);
      some.set(number, counts.get(number) * 1000 + score); // more words first
    });
    var missing = words.filter(function (word, w) {
      return !perWord[w].size;
    });
    return { words: words, all: all, some: some, missing: missing, perWord: perWord };
  }

  /* Levenshtein distance, at most `limit + 1`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        best = Math.min(best, row[j]);
      }
      if (best > limit) return limit + 1;
      previous = row;
    }
    return previous[b.length];
  }

  /* The nearest word of the index to `word` (two letters off at most), or null. */
  function nearest(rules, word) {
    if (word.length < 4) return null;
    var limit = word.length >= 7 ? 2 : 1;
    var best = null;
    var bestDistance = limit + 1;
    rules.words.forEach(function (candidate) {
      if (candidate === word) return;
      var d = distance(word, candidate, limit);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    });
    return best;
  }

  /* -- municipality names among the search words ------------------------------------ */

  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  /* {place: value number or null, rest: the text without the municipality's name}. */
  function findPlace(text, places) {
    var tokens = text.split(/[\s\-]+/).filter(Boolean);
    var folded = tokens.map(fold);
    var best = null;
    places.forEach(function (place, number) {
      var name = fold(place[1]).split(/[\s\-]+/).filter(Boolean);
      for (var start = 0; start + name.length <= folded.length; start++) {
        var same = name.every(function (part, k) {
          return folded[start + k] === part;
        });
        if (same && (!best || name.length > best.length)) {
          best = { number: number, start: start, length: name.length };
        }
      }
    });
    if (!best) return { place: null, rest: text };
    tokens.splice(best.start, best.length);
    return { place: best.number, rest: tokens.join(" ") };
  }

  /* -- opening hours, in Dutch time ------------------------------------------------- */

  /* Day bit and minute of the day in the Netherlands. Computed from the EU's summer-time rule
   * (from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October)
   * rather than with Intl.DateTimeFormat: building one with a time zone costs about 65 ms on a
   * slow phone, on the way to the first list. */
  function lastSunday(year, month) {
    var day = new Date(Date.UTC(year, month + 1, 0, 1)); // the month's last day, 01:00 UTC
    day.setUTCDate(day.getUTCDate() - day.getUTCDay());
    return day.getTime();
  }

  function amsterdamNow() {
    var now = Date.now();
    var year = new Date(now).getUTCFullYear();
    var summer = now >= lastSunday(year, 2) && now < lastSunday(year, 9);
    var local = new Date(now + (summer ? 2 : 1) * 3600000);
    return {
      day: DAY_BITS[(local.getUTCDay() + 6) % 7],
      minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
    };
  }

  /* Whether service `number` is open now: its spans are [days bit mask, start, end] triples. */
  function isOpen(hours, number, now) {
    var spans = hours.values;
    for (var s = hours.start[number]; s < hours.start[number + 1]; s += 3) {
      if (spans[s] & now.day && spans[s + 1] <= now.minute && now.minute < spans[s + 2]) return true;
    }
    return false;
  }

  /* -- the services' list items -------------------------------------------------- */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Result cards as the page's own (templates/finder.html, macro "item"), made from the
   * list file when shown; the items the page already holds are reused. */
  function itemSource(list, listed) {
    var nodes = [];
    list.querySelectorAll("[data-i]").forEach(function (node) {
      nodes[Number(node.getAttribute("data-i"))] = node;
    });
    var start = new Int32Array(listed.sizes.length + 1);
    for (var i = 0; i < listed.sizes.length; i++) start[i + 1] = start[i] + listed.sizes[i];
    function fact(facts, className, text) {
      if (text) facts.append(element("li", className, text));
    }
    function make(number) {
      // page (after its folder), name, provider number, summary, "1" when temporarily
      // closed, the numbers in `texts` of its place, cost, indicatie and phone, and of its
      // folder in `folders`; see finder.py (item_data)
      var entry = listed.text.slice(start[number], start[number + 1]).split("|");
      var item = element("li", "mk-item");
      item.setAttribute("data-i", String(number));
      var link = element("a", "mk-item__title", entry[1]);
      link.href = new URL(listed.folders[Number(entry[9])] + entry[0], SITE).href;
      item.append(link);
      if (entry[4] === "1") item.append(" ", element("strong", "mk-badge", "Tijdelijk gesloten"));
      var facts = element("ul", "mk-item__facts");
      fact(facts, "mk-item__place", listed.texts[Number(entry[5])]);
      fact(facts, "mk-item__cost", listed.texts[Number(entry[6])]);
      fact(facts, "mk-item__indication", listed.texts[Number(entry[7])]);
      var phone = listed.texts[Number(entry[8])];
      if (phone) {
        phone = phone.split("|"); // link, number, whom it reaches ("" for the provider)
        var call = element("a", "mk-phone", phone[1]);
        call.href = phone[0];
        var line = element("li", "mk-item__phone", "Bel " + (phone[2] ? phone[2] + ": " : ""));
        line.append(call);
        facts.append(line);
      }
      item.append(
        element("span", "mk-item__provider", listed.providers[Number(entry[2])]),
        element("p", "mk-item__summary", entry[3]),
        facts
      );
      return item;
    }
    return {
      item: function (number) {
        if (!nodes[number]) nodes[number] = make(number);
        return nodes[number].cloneNode(true);
      },
    };
  }

  /* -- the finder on one page ------------------------------------------------------- */

  function start(root) {
    var form = root.querySelector(".mk-finder__form");
    var input = form.querySelector("input[name=zoek]");
    var area = root.querySelector(".mk-finder__results-area");
    var status = root.querySelector(".mk-finder__status");
    var list = root.querySelector(".mk-finder__results");
    var more = root.querySelector(".mk-finder__more");
    var everything = root.querySelector(".mk-finder__all");
    var mapToggle = root.querySelector(".mk-finder__map-toggle");
    var mapBox = root.querySelector(".mk-finder__map");
    var filters = root.querySelector(".mk-finder__filters");
    var filtersToggle = root.querySelector(".mk-finder__filters-toggle");
    var tools = root.querySelector(".mk-finder__tools");
    var deadEnd = root.querySelector(".mk-finder__none");
    var chipBar = root.querySelector(".mk-finder__chips");
    var place = form.querySelector("select[name=gemeente]");
    var PAGE_SIZE = Number(root.getAttribute("data-page-size")) || 30;

    var data = null; // facet file
    var items = null; // list items, once the facet and list files are in
    var index = null; // lunr index, once loaded
    var shown = PAGE_SIZE;
    var lastChange = null; // "typing" or "choice": typing replaces the history entry
    var timers = {};
    var map = null;
    var mapMarkers = null;
    var alive = true;
    var wordPlace = ""; // the municipality the words put in the drop-down
    var notice = ""; // said before the next result count ("‘Dementie’ is weggehaald.")

    function later(name, delay, action) {
      clearTimeout(timers[name]);
      timers[name] = setTimeout(action, delay);
    }

    /* The form's state as a query string, exactly what a GET submit would send. */
    function queryString() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        var text = String(value).trim();
        if (text) params.append(name, text);
      });
      if (!mapBox.hidden) params.append("kaart", "ja");
      return params.toString();
    }

    function readURL() {
      var params = new URLSearchParams(location.search);
      input.value = params.get("zoek") || "";
      wordPlace = "";
      form.querySelectorAll("select").forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var exists = Array.prototype.some.call(select.options, function (option) {
          return option.value === wanted;
        });
        select.value = exists ? wanted : "";
      });
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        var wanted = params.getAll(box.name).concat(params.getAll(FORMER_KEYS[box.name] || ""));
        if (box.name === "hulp") wanted = wanted.concat(params.getAll("functie"));
        box.checked = wanted.indexOf(box.value) !== -1;
      });
      setMap(params.get("kaart") === "ja");
    }

    function writeURL(kind) {
      var query = queryString();
      var url = location.pathname + (query ? "?" + query : "") + location.hash;
      if (url === location.pathname + location.search + location.hash) return;
      if (kind === "push") history.pushState(null, "", url);
      else history.replaceState(history.state, "", url);
    }

    /* Selected value numbers per facet key (from the form). */
    function selections() {
      var chosen = {};
      data.facets.forEach(function (facet) {
        var numbers = [];
        form.querySelectorAll("[name='" + facet.key + "']").forEach(function (field) {
          var value = field.tagName === "SELECT" ? field.value : field.checked ? field.value : "";
          if (!value) return;
          facet.values.forEach(function (pair, number) {
            if (pair[0] === value) numbers.push(number);
          });
        });
        if (numbers.length) chosen[facet.key] = numbers;
      });
      return chosen;
    }

    function passes(key, chosen, number) {
      var column = data.columns[key];
      for (var c = column.start[number]; c < column.start[number + 1]; c++) {
        var code = column.values[c];
        if (chosen.indexOf(code) !== -1 || (key === "gemeente" && code === NATIONWIDE)) return true;
      }
      return false;
    }

    /* For one chosen municipality, a service's rank: 0 at home there (for that municipality
     * alone, or with a location in its town), 1 for it and others, 2 for all of the
     * Netherlands; null when none or several are chosen. */
    function homeRank(chosenPlaces) {
      if (!chosenPlaces || chosenPlaces.length !== 1) return null;
      var code = chosenPlaces[0];
      var column = data.columns.gemeente;
      var local = new Set();
      for (var l = 0; l < data.local.length; l += 2) {
        if (data.local[l + 1] === code) local.add(data.local[l]);
      }
      return function (number) {
        var from = column.start[number];
        var to = column.start[number + 1];
        if (column.values[from] === NATIONWIDE) return 2;
        return to - from === 1 || local.has(number) ? 0 : 1;
      };
    }

    /* Results and counts for the current choices, with `scores` (or all services). */
    function evaluate(chosen, scores, openNow) {
      var filters = Object.keys(chosen);
      if (openNow) filters.push("open");
      var now = amsterdamNow();
      var counts = { open: 0 };
      data.facets.forEach(function (facet) {
        counts[facet.key] = new Array(facet.values.length).fill(0);
      });
      var places = data.facets[0].values.length;
      var results = [];
      for (var number = 0; number < data.count; number++) {
        if (scores && !scores.has(number)) continue;
        var open = isOpen(data.hours, number, now);
        var failed = null;
        var failures = 0;
        for (var f = 0; f < filters.length && failures < 2; f++) {
          var ok = filters[f] === "open" ? open : passes(filters[f], chosen[filters[f]], number);
          if (!ok) {
            failures += 1;
            failed = filters[f];
          }
        }
        if (failures > 1) continue;
        if (failures === 0) results.push(number);
        for (var k = 0; k < data.facets.length; k++) {
          var key = data.facets[k].key;
          if (failures && failed !== key) continue;
          var column = data.columns[key];
          for (var c = column.start[number]; c < column.start[number + 1]; c++) {
            var code = column.values[c];
            if (code === NATIONWIDE) {
              for (var p = 0; p < places; p++) counts[key][p] += 1;
            } else {
              counts[key][code] += 1;
            }
          }
        }
        if (open && (!failures || failed === "open")) counts.open += 1;
      }
      // Active before temporarily closed; with words by relevance, otherwise the chosen
      // municipality's own services first (services are numbered active first, by name).
      var rank = scores ? null : homeRank(chosen.gemeente);
      if (scores || rank) {
        results.sort(function (a, b) {
          var first = data.closedFlags[a] - data.closedFlags[b];
          if (first) return first;
          return (scores ? scores.get(b) - scores.get(a) : rank(a) - rank(b)) || a - b;
        });
      }
      return { results: results, counts: counts };
    }

    /* Per facet key, per value number: where its count is shown (found once). */
    var countPlaces = null;

    function findCountPlaces() {
      countPlaces = {};
      data.facets.forEach(function (facet) {
        countPlaces[facet.key] = facet.values.map(function (pair) {
          var value = CSS.escape(pair[0]);
          var field = form.querySelector("input[name='" + facet.key + "'][value='" + value + "']");
          if (field) {
            return {
              count: form.querySelector("label[for='" + CSS.escape(field.id) + "'] .mk-count"),
              option: field.parentNode,
            };
          }
          return { select: form.querySelector("select[name='" + facet.key + "'] option[value='" + value + "']") };
        });
      });
    }

    function setText(node, text) {
      if (node && node.textContent !== text) node.textContent = text;
    }

    function showCounts(counts) {
      if (!countPlaces) findCountPlaces();
      data.facets.forEach(function (facet) {
        facet.values.forEach(function (pair, number) {
          var count = counts[facet.key][number];
          var place = countPlaces[facet.key][number];
          if (place.select) return setText(place.select, pair[1] + " (" + count + ")");
          setText(place.count, "(" + count + ")");
          if (place.option) place.option.classList.toggle("mk-facet__option--none", count === 0);
        });
        var details = form.querySelector(".mk-facet[data-facet='" + facet.key + "']");
        if (details) {
          var ticked = details.querySelectorAll("input:checked").length;
          setText(details.querySelector(".mk-facet__chosen"), ticked ? "(" + ticked + " gekozen)" : "");
          if (ticked) details.open = true;
        }
      });
      setText(form.querySelector("label[for='mk-f-open'] .mk-count"), "(" + counts.open + ")");
      var active = filters.querySelectorAll("input:checked").length + (place.value ? 1 : 0);
      setText(filtersToggle.querySelector(".mk-finder__filter-count"), "(" + active + ")");
    }

    function showFilters(open) {
      filtersToggle.setAttribute("aria-expanded", open ? "true" : "false");
      filters.classList.toggle("mk-finder__filters--open", open);
    }

    function describe(total, text, placeLabel, partial, pending) {
      if (pending) return "Zoeken…";
      var words = text ? " voor ‘" + text + "’" : "";
      var where = placeLabel ? " in " + placeLabel : "";
      if (!total) return "Geen hulp gevonden" + words + where + ". Kies minder, probeer andere woorden of bel de consulent (hierboven).";
      var count = total === 1 ? "1 resultaat" : total + " resultaten";
      if (partial) return "Niets gevonden met al uw woorden" + where + ". Wel met een deel ervan: " + count + ".";
      return count + words + where + ".";
    }

    function showList(results, focusFrom) {
      var fragment = document.createDocumentFragment();
      var limit = Math.min(shown, results.length);
      for (var r = 0; r < limit; r++) fragment.appendChild(items.item(results[r]));
      list.replaceChildren(fragment);
      more.hidden = results.length <= shown;
      more.textContent = "Toon meer (nog " + (results.length - shown) + ")";
      if (focusFrom !== undefined && list.children[focusFrom]) {
        list.children[focusFrom].querySelector("a").focus();
      }
    }

    var latest = null;

    /* The words of a partial result that its first result lacks: "Zonder ‘…’." */
    function leftOut(searched, first) {
      var lacking = searched.words.filter(function (word, w) {
        return !searched.perWord[w].has(first);
      });
      if (!lacking.length) return "";
      return "Weggelaten: " + lacking.map(function (word) {
        return "‘" + word + "’";
      }).join(", ") + ".";
    }

    /* The filters the words name, each a button that takes its words out of the search
     * box (the other words stay); the status then says it was taken away. */
    function showChips(understood) {
      var chips = [];
      if (understood) {
        understood.filters.forEach(function (filter) {
          var label = filter.label || facetValues(data, filter.key)[filter.numbers[0]][1];
          chips.push({ label: label, phrases: filter.phrases });
        });
        understood.negated.forEach(function (negation) {
          chips.push({ label: "Zonder ‘" + negation.word + "’", phrases: negation.phrases });
        });
      }
      var key = JSON.stringify(chips);
      if (chipBar.getAttribute("data-chips") === key) return;
      chipBar.setAttribute("data-chips", key);
      chipBar.replaceChildren();
      chipBar.hidden = !chips.length;
      if (!chips.length) return;
      chipBar.append(element("span", "mk-finder__chips-label", "Uw woorden kiezen: "));
      chips.forEach(function (chip, position) {
        var button = element("button", "mk-chip", chip.label + " ");
        button.type = "button";
        button.setAttribute("aria-label", chip.label + ": weghalen uit de zoekwoorden");
        button.append(element("span", "mk-chip__x", "×"));
        button.querySelector(".mk-chip__x").setAttribute("aria-hidden", "true");
        button.addEventListener("click", function () {
          var text = input.value;
          chip.phrases.forEach(function (phrase) {
            text = dropWords(text, phrase);
          });
          input.value = text;
          notice = "‘" + chip.label + "’ is weggehaald.";
          changed("choice");
          // Focus stays in the chips (the next one, or the one before), else the search box.
          var left = chipBar.querySelectorAll("button");
          (left[Math.min(position, left.length - 1)] || input).focus();
        });
        chipBar.append(button);
      });
    }

    /* At zero results: "Bedoelde u …?" with the nearest words of the index, and the
     * respite forms whose words match those searched (the consultant's box is there). */
    function showWayOut(understood, searched) {
      var suggest = deadEnd.querySelector(".mk-finder__suggest");
      var formsBox = deadEnd.querySelector(".mk-finder__forms");
      suggest.hidden = true;
      formsBox.hidden = true;
      if (!understood || !index) return;
      var words = understood.filters
        .reduce(function (all, filter) {
          return all.concat(filter.words);
        }, understood.rest.split(" "))
        .filter(Boolean);
      var changedWords = false;
      var better = words.map(function (word) {
        var known = index.rules.words.indexOf(word) !== -1;
        var near = known ? null : nearest(index.rules, word);
        if (near) changedWords = true;
        return near || word;
      });
      if (changedWords) {
        var proposal = better.join(" ");
        var link = element("a", "", proposal);
        link.href = "?zoek=" + encodeURIComponent(proposal);
        link.addEventListener("click", function (event) {
          event.preventDefault();
          input.value = proposal;
          changed("choice");
        });
        suggest.replaceChildren("Bedoelde u: ", link, "?");
        suggest.hidden = false;
      }
      loadJSON("finder-pages.json").then(function (pages) {
        if (!alive) return;
        var asked = words.concat(better).concat(understood.negated.map(function (n) {
          return n.word;
        })).filter(function (word) {
          return word.length >= 4;
        });
        var matching = pages.pages.filter(function (page) {
          if (page[2] !== "Respijtzorg") return false;
          var own = fold(page[0] + " " + page[3]).split(/[\s\-]+/);
          return asked.some(function (word) {
            var stem = word.slice(0, Math.max(4, word.length - 2));
            return own.some(function (formWord) {
              return formWord.length >= 4 && (formWord.indexOf(stem) === 0 || word.indexOf(formWord) === 0);
            });
          });
        });
        var list = formsBox.querySelector("ul");
        list.replaceChildren();
        matching.forEach(function (page) {
          var item = element("li");
          var link = element("a", "", page[0]);
          link.href = new URL(page[1], SITE).href;
          item.append(link);
          list.append(item);
        });
        formsBox.hidden = !matching.length || deadEnd.hidden;
      });
    }

    /* What the words say and which services they find: remembered for the last words, so
     * it can be worked out before the list file is in (see the first render below). */
    var lastAnswer = null;

    function answerFor(text) {
      if (lastAnswer && lastAnswer.text === text && lastAnswer.index === index) return lastAnswer;
      var understood = understand(text, index);
      if (understood.young) {
        // Services for young carers serve them whomever they care for: a target group the
        // words name ("mijn moeder is ziek en ik ben 15") keeps them in.
        var youngCarers = valueNumber(data, "doelgroep", "jonge-mantelzorgers");
        understood.filters.forEach(function (filter) {
          if (filter.key === "doelgroep" && youngCarers >= 0 && filter.numbers.indexOf(youngCarers) === -1) {
            filter.numbers = filter.numbers.concat([youngCarers]);
          }
        });
      }
      lastAnswer = { text: text, index: index, understood: understood, searched: searchWords(index, data, understood) };
      return lastAnswer;
    }

    function render(focusFrom) {
      if (!items) return;
      var found = findPlace(input.value, data.facets[0].values);
      // A municipality among the words is where the person cared for lives: the drop-down
      // says so, until the words name another or none (a choice of the visitor's own stays).
      var named = found.place !== null ? data.facets[0].values[found.place][0] : "";
      if (named && place.value === named) wordPlace = named;
      if (wordPlace && place.value === wordPlace && !named) place.value = "";
      if (named && (!place.value || place.value === wordPlace)) {
        place.value = named;
        wordPlace = named;
      }
      var own = selections();
      var chosen = own;
      var text = found.rest.trim();
      var answer = text && index ? answerFor(text) : null;
      var understood = answer && answer.understood;
      if (understood && understood.filters.length) {
        chosen = {};
        Object.keys(own).forEach(function (key) {
          chosen[key] = own[key].slice();
        });
        understood.filters.forEach(function (filter) {
          if (!filter.hand) return; // a word of its own in searchWords
          var numbers = chosen[filter.key] || [];
          chosen[filter.key] = numbers.concat(filter.numbers.filter(function (number) {
            return numbers.indexOf(number) === -1;
          }));
        });
      }
      var searched = answer && answer.searched;
      var pending = Boolean(text) && !index;
      var partial = false;
      var openNow = form.querySelector("#mk-f-open").checked;
      // Services with every word first, then those with fewer (more words first).
      var outcome = evaluate(chosen, searched ? searched.some : null, openNow);
      // The filters the words name leave nothing (with each other, the place or a choice):
      // their words are searched like the others, and the status says so.
      var dropped = [];
      if (understood && understood.filters.length && !outcome.results.length) {
        var loose = withoutFilters(understood);
        var looseSearch = searchWords(index, data, loose);
        var looseOutcome = evaluate(own, looseSearch ? looseSearch.some : null, openNow);
        if (looseOutcome.results.length) {
          dropped = understood.filters.map(function (filter) {
            return "‘" + (filter.label || facetValues(data, filter.key)[filter.numbers[0]][1]) + "’";
          });
          understood = loose;
          searched = looseSearch;
          outcome = looseOutcome;
          chosen = own;
        }
      }
      var complete = 0;
      if (searched) {
        outcome.results.forEach(function (number) {
          if (searched.all.has(number)) complete += 1;
        });
        partial = outcome.results.length > 0 && searched.words.length > 1 && !complete;
      }
      showChips(understood);
      latest = outcome.results;
      showCounts(outcome.counts);
      showList(outcome.results, focusFrom);
      var none = !outcome.results.length && !pending;
      deadEnd.hidden = !none;
      if (none) showWayOut(understood, searched);
      tools.hidden = !outcome.results.length;
      if (none && !mapBox.hidden) setMap(false);
      var placeLabel = chosen.gemeente ? data.facets[0].values[chosen.gemeente[0]][1] : "";
      var message = describe(outcome.results.length, text, placeLabel, partial, pending);
      if (dropped.length) {
        message = "Niets gevonden met " + dropped.join(" en ") + " erbij. Zonder " +
          (dropped.length > 1 ? "die filters" : "dat filter") + ": " + message;
      }
      if (notice) message = notice + " " + message;
      notice = "";
      if (partial) message += " " + leftOut(searched, outcome.results[0]);
      else if (searched && complete && complete < outcome.results.length) {
        message += " Eerst " + (complete === 1 ? "de 1" : "de " + complete) + " met al uw woorden, daarna met een deel ervan.";
      }
      root.setAttribute("data-render", String(Number(root.getAttribute("data-render") || 0) + 1));
      root.setAttribute("data-query", input.value);
      root.setAttribute("data-state", pending ? "loading" : "ready");
      root.setAttribute("data-results", String(outcome.results.length));
      later("announce", ANNOUNCE_DELAY, function () {
        if (status.textContent !== message) status.textContent = message;
      });
      if (!mapBox.hidden) drawMap();
      if (pending) {
        searchIndex().then(function (loadedIndex) {
          index = loadedIndex;
          if (alive) render();
        });
      }
    }

    /* -- map -------------------------------------------------------------------- */

    function drawMap() {
      if (!map || !mapMarkers || !latest) return;
      var byPoint = new Map();
      latest.forEach(function (number) {
        (mapMarkers.items[number] || []).forEach(function (point) {
          if (!byPoint.has(point)) byPoint.set(point, []);
          byPoint.get(point).push(number);
        });
      });
      var markers = [];
      byPoint.forEach(function (numbers, point) {
        var where = mapMarkers.points[point];
        var content = document.createElement("div");
        var heading = document.createElement("strong");
        heading.textContent = where[2];
        var links = document.createElement("ul");
        numbers.forEach(function (number) {
          var entry = document.createElement("li");
          entry.appendChild(items.item(number).querySelector("a"));
          links.appendChild(entry);
        });
        content.append(heading, links);
        markers.push({ lat: where[0], lon: where[1], title: where[2], content: content });
      });
      map.setMarkers(markers);
    }

    function setMap(visible) {
      mapBox.hidden = !visible;
      mapToggle.setAttribute("aria-pressed", visible ? "true" : "false");
      mapToggle.textContent = visible ? "Verberg de kaart" : "Toon op de kaart";
      if (!visible) return;
      if (!window.MantelkaartMaps) {
        // This script runs as the page is read, before maps.js (at the end of the page).
        if (document.readyState === "loading") {
          document.addEventListener("DOMContentLoaded", function () {
            if (alive && !mapBox.hidden) setMap(true);
          });
        }
        return;
      }
      if (map) {
        map.refresh();
        drawMap();
        return;
      }
      Promise.all([window.MantelkaartMaps.create(mapBox), loadJSON("finder-map.json")]).then(function (loaded) {
        if (!alive) return loaded[0].remove();
        map = loaded[0];
        mapMarkers = loaded[1];
        drawMap();
      });
    }

    /* -- events ----------------------------------------------------------------- */

    function changed(kind) {
      shown = PAGE_SIZE;
      render();
      writeURL(kind === "typing" && lastChange === "typing" ? "replace" : "push");
      lastChange = kind;
    }

    function onInput() {
      if (input.value.trim()) searchIndex();
      later("typing", TYPING_DELAY, function () {
        changed("typing");
      });
    }

    function onChange(event) {
      if (event.target === input) return;
      if (event.target === place) wordPlace = "";
      changed("choice");
    }

    function onSubmit(event) {
      event.preventDefault();
      clearTimeout(timers.typing);
      changed("choice");
    }

    function onClear() {
      form.reset();
      input.value = "";
      form.querySelectorAll("details.mk-facet").forEach(function (details) {
        details.open = false;
      });
      changed("choice");
      input.focus();
    }

    function onMore() {
      var first = shown;
      shown += PAGE_SIZE;
      render(first);
    }

    function onMapToggle() {
      setMap(mapBox.hidden);
      writeURL("push");
      lastChange = "choice";
    }

    function onPopState() {
      if (!document.body.contains(root)) return;
      readURL();
      shown = PAGE_SIZE;
      lastChange = null;
      render();
    }

    input.addEventListener("input", onInput);
    input.addEventListener("focus", function () {
      searchIndex(); // likely needed soon
    });
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    form.querySelector(".mk-finder__clear").addEventListener("click", onClear);
    more.addEventListener("click", onMore);
    filtersToggle.addEventListener("click", function () {
      showFilters(filtersToggle.getAttribute("aria-expanded") !== "true");
    });
    mapToggle.addEventListener("click", onMapToggle);
    window.addEventListener("popstate", onPopState);

    // The page's inline script has shown the view without words or choices already when
    // the address asks for nothing else; then the form may hold what was typed or ticked since.
    var early = !form.hidden;
    if (!early) {
      form.hidden = false;
      area.hidden = false;
      status.textContent = ""; // the page's count is of the view without choices
    }
    if (!early || location.search) readURL();
    var words = Boolean(input.value.trim());
    if (words) searchIndex();
    var first = false;
    function firstRender() {
      if (first || !alive) return;
      first = true;
      render();
      if (early && queryString() !== new URLSearchParams(location.search).toString()) writeURL("push");
    }
    if (words) {
      // The list file is the largest and comes last: with the facet file and the index in,
      // the words' answer is worked out already, so only the cards wait for the list file.
      Promise.all([loadJSON("finder-facets.json"), searchIndex()]).then(function (loaded) {
        if (!alive || first) return;
        data = data || prepare(loaded[0]);
        index = loaded[1];
        var text = findPlace(input.value, data.facets[0].values).rest.trim();
        if (text) answerFor(text);
      });
    }
    Promise.all([loadJSON("finder-facets.json"), loadJSON("finder-items.json")]).then(function (loaded) {
      if (!alive) return;
      data = data || prepare(loaded[0]);
      items = itemSource(list, loaded[1]);
      if (!words) return firstRender();
      // With search words, wait a little for the index (usually on its way since the page
      // was read), so the first list is the answer rather than "Zoeken…".
      searchIndex().then(function (loadedIndex) {
        index = loadedIndex;
        firstRender();
      }, firstRender);
      later("first", INDEX_WAIT, firstRender);
    }, function () {
      // Without the data, show the list a visitor without JavaScript gets: better than nothing.
      var list = document.createElement("div");
      list.innerHTML = everything.children.length ? everything.innerHTML : everything.textContent;
      everything.after(list);
      form.hidden = true;
      area.hidden = true;
    });

    return function teardown() {
      alive = false;
      Object.keys(timers).forEach(function (name) {
        clearTimeout(timers[name]);
      });
      window.removeEventListener("popstate", onPopState);
      if (map) map.remove();
    };
  }

  var started = null; // the finder element the current finder runs on

  /* Start the finder on the page's finder element, once; tear it down when it is gone. */
  function onPage() {
    var root = document.getElementById("mk-finder");
    if (!root || !root.querySelector(".mk-finder__form")) root = null;
    if (root === started) return;
    if (current) current();
    current = null;
    started = root;
    if (root) current = start(root);
  }

  /* mkdocs-material's document$ announces every page, also those of instant navigation. */
  function follow() {
    if (!window.document$ || typeof window.document$.subscribe !== "function") return false;
    window.document$.subscribe(onPage);
    return true;
  }

  if (window.mantelkaartFinder) {
    // Loaded before: mkdocs-material ran the page's script tag again after instant navigation.
    window.mantelkaartFinder.onPage();
    return;
  }
  window.mantelkaartFinder = { onPage: onPage, loadIndex: loadIndex }; // loadIndex: for tests
  // The finder page holds this script right after the finder's elements, ahead of
  // mkdocs-material's own script: the finder starts while the rest of the page loads, and
  // results for search words in the address show as soon as their data is in.
  onPage();
  if (!follow()) {
    document.addEventListener("DOMContentLoaded", function () {
      if (!follow()) onPage();
    });
  }
})();
