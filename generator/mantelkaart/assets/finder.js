/* Mantelkaart finder (/zoeken/): search words and facets over the list the page already holds.
 *
 * Without this script the page lists every service, grouped, with plain links (inside
 * <noscript>, so that with scripting the browser does not build those elements). With it:
 * the form appears; the state is read from the URL (?zoek=…&doelgroep=nah&omgeving=…; not "q",
 * which mkdocs-material reserves for its own search box);
 * services are filtered and ranked, each facet value shows how many results it would
 * give, and every change is written back to the URL (pushState for choices,
 * replaceState while typing), so a link reproduces the view and back/forward work.
 *
 * Data, all self-hosted beside this script:
 *   finder-facets.json  facet codes per service, labels once (loaded at once);
 *   finder-index.json   two lunr indexes built at build time with lunr (Python) and
 *                       loaded with lunr.Index.load (see search_index.py);
 *   vendor/lunr/…       lunr.js 2.3.9 and lunr-languages' Dutch stemmer.
 * The index and lunr.js load only when there are search words, so the page works
 * before they arrive. Services are numbered the same everywhere (data-i in the page).
 *
 * Search: every word must match (in any field); a word matches exactly (stemmed,
 * Dutch), as the start of a longer word, or, from five letters, with one typo.
 * If no service has all words, services with some of them are shown, with a note.
 * A municipality name among the words (for example "Zwijndrecht") filters like the
 * municipality choice, because it is where the person cared for lives that counts.
 *
 * Works with mkdocs-material's instant navigation: started from document$, torn down
 * when the next page arrives.
 */
(function () {
  "use strict";

  var ASSETS = new URL(".", document.currentScript.src);
  var PAGE_SIZE = 30;
  var ANNOUNCE_DELAY = 600; // ms of quiet before the result count is announced
  var TYPING_DELAY = 120;
  var NATIONWIDE = -1;
  var TERM_WEIGHT = 4; // a word of a service's target group, kind of help… counts this much
  var DAY_BITS = { Mon: 1, Tue: 2, Wed: 4, Thu: 8, Fri: 16, Sat: 32, Sun: 64 };
  var cache = {};
  var current = null; // teardown of the finder on the current page

  function asset(name) {
    return new URL(name, ASSETS).href;
  }

  function once(key, make) {
    if (!cache[key]) {
      cache[key] = make();
      cache[key].catch(function () {
        delete cache[key]; // a later attempt may succeed
      });
    }
    return cache[key];
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
          services: lunr.Index.load(data.services),
          terms: lunr.Index.load(data.terms),
          refs: data.term_refs,
        };
      });
    });
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

  /* Service numbers per facet value (nationwide services count for every municipality). */
  function members(data) {
    if (!data.members) {
      data.members = {};
      data.facets.forEach(function (facet) {
        var lists = facet.values.map(function () {
          return [];
        });
        var column = data.columns[facet.key];
        for (var number = 0; number < data.count; number++) {
          var codes = column[number];
          for (var c = 0; c < codes.length; c++) {
            if (codes[c] === NATIONWIDE) {
              for (var l = 0; l < lists.length; l++) lists[l].push(number);
            } else {
              lists[codes[c]].push(number);
            }
          }
        }
        data.members[facet.key] = lists;
      });
    }
    return data.members;
  }

  /* Scores per service number for one word: its own text, and the words of its facet values. */
  function matchWord(index, data, word) {
    var scores = new Map();
    queryWord(index.services, word).forEach(function (result) {
      scores.set(Number(result.ref), result.score);
    });
    var groups = members(data);
    queryWord(index.terms, word).forEach(function (result) {
      var ref = index.refs[Number(result.ref)];
      var score = result.score * TERM_WEIGHT;
      groups[ref[0]][ref[1]].forEach(function (number) {
        scores.set(number, (scores.get(number) || 0) + score);
      });
    });
    return scores;
  }

  /* {all: Map(number → score) of services with every word, some: … with at least one}. */
  function searchWords(index, data, text) {
    var words = queryWords(text);
    if (!words.length) return null;
    var perWord = words.map(function (word) {
      return matchWord(index, data, word);
    });
    var all = new Map();
    var some = new Map();
    perWord.forEach(function (scores) {
      scores.forEach(function (score, number) {
        var entry = some.get(number) || { words: 0, score: 0 };
        entry.words += 1;
        entry.score += score;
        some.set(number, entry);
      });
    });
    some.forEach(function (entry, number) {
      if (entry.words === words.length) all.set(number, entry.score);
      some.set(number, entry.words * 1000 + entry.score); // more words first
    });
    return { words: words, all: all, some: some };
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

  var clock = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });

  function amsterdamNow() {
    var parts = {};
    clock.formatToParts(new Date()).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return { day: DAY_BITS[parts.weekday] || 0, minute: Number(parts.hour) * 60 + Number(parts.minute) };
  }

  function isOpen(spans, now) {
    for (var s = 0; s < spans.length; s++) {
      var span = spans[s];
      if (span[0] & now.day && span[1] <= now.minute && now.minute < span[2]) return true;
    }
    return false;
  }

  /* -- the services' list items -------------------------------------------------- */

  /* The page's list of every service sits in <noscript>. With scripting on, the browser
   * keeps it as text (no thousands of elements to build); items are made from that text
   * one by one, when shown. A page that arrived by instant navigation was parsed without
   * scripting, so there the items are elements already. */
  function itemSource(holder) {
    var nodes = [];
    var starts = [];
    var text = "";
    var template = document.createElement("template");
    if (holder.querySelector("[data-i]")) {
      holder.querySelectorAll("[data-i]").forEach(function (node) {
        nodes[Number(node.getAttribute("data-i"))] = node;
      });
    } else {
      text = holder.textContent;
      var pattern = /<li class="mk-item" data-i="(\d+)">/g;
      var match;
      while ((match = pattern.exec(text))) starts[Number(match[1])] = match.index;
    }
    return {
      item: function (number) {
        if (!nodes[number]) {
          var start = starts[number];
          template.innerHTML = text.slice(start, text.indexOf("</li>", start) + 5);
          nodes[number] = template.content.firstElementChild;
        }
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
    var choices = root.querySelector(".mk-finder__choices");
    var items = itemSource(everything);

    var data = null; // facet file
    var index = null; // lunr index, once loaded
    var shown = PAGE_SIZE;
    var lastChange = null; // "typing" or "choice": typing replaces the history entry
    var timers = {};
    var map = null;
    var mapMarkers = null;
    var alive = true;

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
      form.querySelectorAll("select").forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var exists = Array.prototype.some.call(select.options, function (option) {
          return option.value === wanted;
        });
        select.value = exists ? wanted : "";
      });
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
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
      var codes = data.columns[key][number];
      for (var c = 0; c < codes.length; c++) {
        if (chosen.indexOf(codes[c]) !== -1 || (key === "gemeente" && codes[c] === NATIONWIDE)) return true;
      }
      return false;
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
        var open = isOpen(data.hours[number], now);
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
          var codes = data.columns[key][number];
          for (var c = 0; c < codes.length; c++) {
            if (codes[c] === NATIONWIDE) {
              for (var p = 0; p < places; p++) counts[key][p] += 1;
            } else {
              counts[key][codes[c]] += 1;
            }
          }
        }
        if (open && (!failures || failed === "open")) counts.open += 1;
      }
      if (scores) {
        results.sort(function (a, b) {
          return scores.get(b) - scores.get(a) || a - b;
        });
      }
      return { results: results, counts: counts };
    }

    function showCounts(counts) {
      data.facets.forEach(function (facet) {
        facet.values.forEach(function (pair, number) {
          var count = counts[facet.key][number];
          var field = form.querySelector("[name='" + facet.key + "'][value='" + CSS.escape(pair[0]) + "']");
          if (!field) {
            var option = form.querySelector("select[name='" + facet.key + "'] option[value='" + CSS.escape(pair[0]) + "']");
            if (option) option.textContent = pair[1] + " (" + count + ")";
            return;
          }
          var label = form.querySelector("label[for='" + CSS.escape(field.id) + "'] .mk-count");
          if (label) label.textContent = "(" + count + ")";
          field.parentNode.classList.toggle("mk-facet__option--none", count === 0);
        });
        var details = form.querySelector(".mk-facet[data-facet='" + facet.key + "']");
        if (details) {
          var ticked = details.querySelectorAll("input:checked").length;
          details.querySelector(".mk-facet__chosen").textContent = ticked ? "(" + ticked + " gekozen)" : "";
          if (ticked) details.open = true;
        }
      });
      var openLabel = form.querySelector("label[for='mk-f-open'] .mk-count");
      if (openLabel) openLabel.textContent = "(" + counts.open + ")";
      var chosen = choices.querySelectorAll("input:checked").length;
      choices.querySelector(".mk-finder__chosen").textContent = chosen ? "(" + chosen + " gekozen)" : "";
      if (chosen) choices.open = true;
    }

    function describe(total, text, placeLabel, partial, pending) {
      if (pending) return "Zoeken…";
      var words = text ? " voor ‘" + text + "’" : "";
      var where = placeLabel ? " in " + placeLabel : "";
      if (!total) return "Geen hulp gevonden" + words + where + ". Kies minder, probeer andere woorden of bel de consulent.";
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

    function render(focusFrom) {
      if (!data) return;
      var found = findPlace(input.value, data.facets[0].values);
      var chosen = selections();
      var place = chosen.gemeente ? null : found.place;
      if (place !== null) chosen.gemeente = [place];
      var text = found.rest.trim();
      var searched = text && index ? searchWords(index, data, text) : null;
      var pending = Boolean(text) && !index;
      var partial = false;
      var openNow = form.querySelector("#mk-f-open").checked;
      var outcome = evaluate(chosen, searched ? searched.all : null, openNow);
      if (searched && !outcome.results.length && searched.words.length > 1) {
        outcome = evaluate(chosen, searched.some, openNow);
        partial = outcome.results.length > 0;
      }
      latest = outcome.results;
      showCounts(outcome.counts);
      showList(outcome.results, focusFrom);
      var placeLabel = place !== null ? data.facets[0].values[place][1] : "";
      var message = describe(outcome.results.length, text, placeLabel, partial, pending);
      root.setAttribute("data-render", String(Number(root.getAttribute("data-render") || 0) + 1));
      root.setAttribute("data-query", input.value);
      root.setAttribute("data-state", pending ? "loading" : "ready");
      root.setAttribute("data-results", String(outcome.results.length));
      later("announce", ANNOUNCE_DELAY, function () {
        status.textContent = message;
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
      if (!visible || !window.MantelkaartMaps) return;
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
    mapToggle.addEventListener("click", onMapToggle);
    window.addEventListener("popstate", onPopState);

    // On a wide screen the choices are open; on a phone the results come first.
    choices.open = window.matchMedia("(min-width: 60em)").matches;
    form.hidden = false;
    area.hidden = false;
    readURL();
    if (input.value.trim()) searchIndex();
    loadJSON("finder-facets.json").then(function (facetData) {
      if (!alive) return;
      data = facetData;
      render();
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

  function onPage() {
    if (current) current();
    current = null;
    var root = document.getElementById("mk-finder");
    if (root && root.querySelector(".mk-finder__form")) current = start(root);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
