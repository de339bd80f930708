/* Mantelkaart header search: the search box in the header searches what the finder searches.
 *
 * The box is a plain form (overrides/partials/search.html): Enter opens the finder with the
 * words, /zoeken/?zoek=…, also without this script. As one types, this script suggests a few
 * matches from the finder's own data files: pages (respite forms, regulations, municipalities,
 * target groups, kinds of help, providers, public pages; finder-pages.json) and services
 * (finder-items.json), each word of the query the start of a word of the title or of its
 * search words. The last suggestion is always the finder with all results. The files are
 * fetched on the first focus, not before, so other pages load nothing extra.
 */
(function () {
  "use strict";

  if (window.mantelkaartHeaderSearch) return;
  window.mantelkaartHeaderSearch = true;
  var ASSETS = new URL(".", document.currentScript.src);
  var SITE = new URL("../../", ASSETS);
  var LIMIT = 6;
  var data = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
  }

  function load() {
    if (!data) {
      var get = function (name) {
        return fetch(new URL(name, ASSETS)).then(function (response) {
          if (!response.ok) throw new Error(name);
          return response.json();
        });
      };
      data = Promise.all([get("finder-pages.json"), get("finder-items.json")]).then(function (loaded) {
        var entries = loaded[0].pages.map(function (page) {
          return { title: page[0], url: page[1], kind: page[2], words: words(page[0] + " " + page[3]) };
        });
        var listed = loaded[1];
        var at = 0;
        listed.sizes.forEach(function (size) {
          var fields = listed.text.slice(at, at + size).split("|"); // see finder.py, item_data
          at += size;
          var provider = listed.providers[Number(fields[2])];
          entries.push({
            title: fields[1],
            url: listed.folders[Number(fields[9])] + fields[0],
            kind: provider,
            words: words(fields[1] + " " + provider + " " + fields[3]),
            service: true,
          });
        });
        return entries;
      });
      data.catch(function () {
        data = null;
      });
    }
    return data;
  }

  /* Entries whose words start with every word of the query, best first: a match in the
   * title before one in the other words; pages before services. */
  function suggestions(entries, query) {
    var asked = words(query).filter(function (word) {
      return word.length >= 2;
    });
    if (!asked.length) return [];
    var found = [];
    entries.forEach(function (entry) {
      var title = words(entry.title);
      var score = 0;
      for (var a = 0; a < asked.length; a++) {
        var inTitle = title.some(function (word) {
          return word.indexOf(asked[a]) === 0;
        });
        var inWords = inTitle || entry.words.some(function (word) {
          return word.indexOf(asked[a]) === 0;
        });
        if (!inWords) return;
        score += inTitle ? 2 : 1;
      }
      found.push({ entry: entry, score: score + (entry.service ? 0 : 0.5) });
    });
    found.sort(function (a, b) {
      return b.score - a.score || a.entry.title.localeCompare(b.entry.title, "nl");
    });
    return found.slice(0, LIMIT).map(function (each) {
      return each.entry;
    });
  }

  function link(href, title, kind) {
    var item = document.createElement("li");
    item.className = "md-search-result__item mk-header-search__item";
    var anchor = document.createElement("a");
    anchor.className = "md-search-result__link";
    anchor.href = href;
    var heading = document.createElement("span");
    heading.className = "mk-header-search__title";
    heading.textContent = title;
    anchor.append(heading);
    if (kind) {
      var small = document.createElement("span");
      small.className = "mk-header-search__kind";
      small.textContent = kind;
      anchor.append(" ", small);
    }
    item.append(anchor);
    return item;
  }

  var timer = null;

  function show(input) {
    var form = input.form;
    var list = form.parentNode.querySelector("#mk-header-suggestions");
    var query = input.value.trim();
    var toggle = document.getElementById("__search");
    if (toggle && query && !toggle.checked) toggle.checked = true;
    if (!list) return;
    if (!query) {
      list.replaceChildren();
      return;
    }
    load().then(function (entries) {
      if (input.value.trim() !== query) return;
      var items = suggestions(entries, query).map(function (entry) {
        return link(new URL(entry.url, SITE).href, entry.title, entry.kind);
      });
      var all = new URL("zoeken/", SITE);
      all.searchParams.set("zoek", query);
      items.push(link(all.href, "Alle hulp voor ‘" + query + "’ in Zoek hulp", ""));
      list.replaceChildren.apply(list, items);
    });
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches(".mk-header-search input[name=zoek]")) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      show(input);
    }, 120);
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".mk-header-search input[name=zoek]")) load();
  });
})();
