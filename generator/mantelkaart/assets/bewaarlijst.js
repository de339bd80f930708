/* De bewaarlijst: a "Bewaar" button on every service card and service page, a counter in
   the header, and the list page /lijst/ (share, print as a referral sheet).

   The list lives in this browser only (localStorage, under a key per site): no cookies,
   nothing is sent anywhere. A shared list is a link with the ids in its address
   (/lijst/?ids=provider/service,...). Cards the finder makes later get their button
   through a MutationObserver; clicks are handled on the document, so cards the finder
   clones keep working. Changes are announced in a live region. See saved_list.py. */
(function () {
  "use strict";

  var script = document.currentScript;
  // This file is assets/mantelkaart/bewaarlijst.js: the site's root is two folders up.
  var ROOT = new URL("../../", script ? script.src : location.href);
  var STORE = "mantelkaart-bewaarlijst:" + ROOT.pathname;
  var KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var LIMIT = 100;
  var memory = null; // the list, when the browser keeps nothing (localStorage blocked)

  /* -- the list ------------------------------------------------------------------- */

  function clean(ids) {
    var seen = {};
    return ids.filter(function (id) {
      if (typeof id !== "string" || !KEY.test(id) || seen[id]) return false;
      seen[id] = true;
      return true;
    }).slice(0, LIMIT);
  }

  function read() {
    if (memory) return memory.slice();
    try {
      var ids = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(ids) ? clean(ids) : [];
    } catch (error) {
      return [];
    }
  }

  function write(ids) {
    ids = clean(ids);
    try {
      if (ids.length) window.localStorage.setItem(STORE, JSON.stringify(ids));
      else window.localStorage.removeItem(STORE);
      memory = null;
    } catch (error) {
      memory = ids; // kept until the page is closed
    }
    changed();
  }

  function count(n) {
    return n === 1 ? "1 dienst" : n + " diensten";
  }

  /* -- small helpers ---------------------------------------------------------------- */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function hidden(text) {
    return element("span", "mk-visually-hidden", text);
  }

  function announce(text) {
    var region = liveRegion();
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = text;
    }, 60);
  }

  function liveRegion() {
    var region = document.getElementById("mk-saved-live");
    if (!region) {
      region = element("div", "mk-visually-hidden");
      region.id = "mk-saved-live";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  /* The key (provider/service) of a link to a service page of this site, or null. */
  function keyOf(href) {
    var url;
    try {
      url = new URL(href, location.href);
    } catch (error) {
      return null;
    }
    if (url.origin !== ROOT.origin || url.pathname.indexOf(ROOT.pathname) !== 0) return null;
    var match = /^aanbod\/([a-z0-9-]+)\/([a-z0-9-]+)\/(?:index\.html)?$/.exec(url.pathname.slice(ROOT.pathname.length));
    return match ? match[1] + "/" + match[2] : null;
  }

  /* -- the Bewaar buttons ------------------------------------------------------------- */

  function saveButton(key, name) {
    var button = element("button", "mk-save");
    button.type = "button";
    button.setAttribute("data-mk-save", key);
    button.setAttribute("data-mk-name", name);
    var icon = element("span", "mk-save__icon");
    icon.setAttribute("aria-hidden", "true");
    button.append(icon, "Bewaar", hidden(" " + name));
    return button;
  }

  function press(button, saved) {
    button.setAttribute("aria-pressed", saved.indexOf(button.getAttribute("data-mk-save")) >= 0 ? "true" : "false");
  }

  function equipItem(item, saved) {
    var button = item.querySelector(":scope > .mk-save");
    if (!button) {
      var link = item.querySelector("a.mk-item__title");
      var key = link && keyOf(link.href);
      if (!key) return;
      var provider = item.querySelector(".mk-item__provider");
      var name = link.textContent.trim() + (provider ? " (" + provider.textContent.trim() + ")" : "");
      button = saveButton(key, name);
      item.appendChild(button);
    }
    press(button, saved);
  }

  function equip(scope) {
    var saved = read();
    scope.querySelectorAll("li.mk-item").forEach(function (item) {
      equipItem(item, saved);
    });
  }

  function equipServicePage() {
    var page = document.querySelector(".mk-service");
    if (!page) return;
    var button = page.querySelector(":scope > .mk-save");
    if (!button) {
      var key = keyOf(location.href);
      var title = page.querySelector("h1");
      var stopped = Array.prototype.some.call(page.querySelectorAll(".mk-notice"), function (notice) {
        return notice.textContent.indexOf("gestopt") >= 0;
      });
      if (!key || !title || stopped) return;
      button = saveButton(key, title.textContent.trim());
      page.insertBefore(button, page.firstChild);
    }
    press(button, read());
  }

  function toggle(button) {
    var key = button.getAttribute("data-mk-save");
    var name = button.getAttribute("data-mk-name");
    var ids = read();
    var at = ids.indexOf(key);
    if (at >= 0) ids.splice(at, 1);
    else if (ids.length >= LIMIT) {
      announce("De bewaarlijst is vol (" + LIMIT + " diensten). Haal eerst iets van de lijst.");
      return;
    } else ids.push(key);
    write(ids);
    announce(
      name + (at >= 0 ? " is van uw bewaarlijst gehaald. " : " is bewaard. ") +
        "Op uw bewaarlijst: " + count(read().length) + "."
    );
  }

  /* -- the counter in the header ------------------------------------------------------ */

  function counter() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var link = header.querySelector(".mk-saved-link");
    if (!link) {
      link = element("a", "md-header__button mk-saved-link");
      link.href = new URL("lijst/", ROOT).href;
      var icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      icon.setAttribute("viewBox", "0 0 24 24");
      icon.setAttribute("aria-hidden", "true");
      icon.setAttribute("focusable", "false");
      var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", "M17 3H7a2 2 0 0 0-2 2v16l7-3 7 3V5a2 2 0 0 0-2-2m0 15-5-2.18L7 18V5h10z");
      icon.appendChild(path);
      var words = element("span", "mk-saved-link__text");
      words.append(element("span", "mk-saved-link__word", "Bewaarlijst"), " (", element("span", "mk-saved-link__count"), ")");
      link.append(icon, words);
      var search = header.querySelector("label[for='__search']");
      header.insertBefore(link, search || null);
    }
    link.querySelector(".mk-saved-link__count").textContent = String(read().length);
  }

  /* -- printing ----------------------------------------------------------------------- */

  /* Links to other sites get their address written after them on paper (print.css).
     mkdocs-material makes every link absolute, so the site's own links are told apart
     here; a link whose text is its address already is left alone. */
  function markExternalLinks() {
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var url;
      try {
        url = new URL(link.getAttribute("href"), location.href);
      } catch (error) {
        return;
      }
      var text = link.textContent.trim().replace(/\/$/, "");
      var plain = url.href.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "");
      var external = /^https?:$/.test(url.protocol) && url.origin !== location.origin;
      var said = text === url.href.replace(/\/$/, "") || text.replace(/^(www\.)/, "") === plain;
      if (/^Route plannen/.test(text)) said = true; // the address is on the page already
      if (external && !said) link.setAttribute("data-mk-external", "");
      else link.removeAttribute("data-mk-external");
    });
  }

  // Folded parts (<details>) print open; they fold again afterwards.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    markExternalLinks();
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) {
      details.open = false;
    });
    opened = [];
  });

  /* -- the list page (/lijst/) -------------------------------------------------------- */

  var list = null; // the list page's state while it is shown

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.qrcode) return resolve();
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function shareLink(ids) {
    return new URL("lijst/?ids=" + ids.join(","), ROOT).href;
  }

  function plainText(entries, ids, lineBreak) {
    var lines = ["Bewaarlijst: hulp voor mantelzorgers", ""];
    entries.forEach(function (entry, n) {
      var e = entry.values;
      lines.push(n + 1 + ". " + e.name + " (" + e.provider + ")");
      if (e.phone_text) lines.push("   Bel " + (e.phone_who ? e.phone_who + ": " : "") + e.phone_text);
      lines.push("   " + new URL(e.url, ROOT).href);
      lines.push("");
    });
    lines.push("De hele lijst: " + shareLink(ids));
    return lines.join(lineBreak);
  }

  function qrCode(text, label) {
    var svgNS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("class", "mk-sheet__qr-code");
    if (!window.qrcode) return svg;
    var qr = window.qrcode(0, "M");
    qr.addData(text);
    qr.make();
    var size = qr.getModuleCount();
    var d = "";
    for (var row = 0; row < size; row++) {
      for (var col = 0; col < size; col++) {
        if (qr.isDark(row, col)) d += "M" + col + " " + row + "h1v1h-1z";
      }
    }
    svg.setAttribute("viewBox", "-4 -4 " + (size + 8) + " " + (size + 8));
    svg.setAttribute("shape-rendering", "crispEdges");
    var back = document.createElementNS(svgNS, "rect");
    back.setAttribute("x", "-4");
    back.setAttribute("y", "-4");
    back.setAttribute("width", String(size + 8));
    back.setAttribute("height", String(size + 8));
    back.setAttribute("fill", "#fff");
    var path = document.createElementNS(svgNS, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.append(back, path);
    return svg;
  }

  function fact(parent, className, label, text) {
    if (!text) return null;
    var item = element("li", className);
    if (label) item.append(element("span", "mk-saved__fact-label", label + ": "));
    item.append(text);
    parent.appendChild(item);
    return item;
  }

  function phoneLink(e) {
    var call = element("a", "mk-phone", e.phone_text);
    call.href = e.phone_href;
    return call;
  }

  function listItem(entry, shared) {
    var e = entry.values;
    var item = element("li", "mk-saved__item");
    var heading = element("h2", "mk-saved__name");
    var link = element("a", "", e.name);
    link.href = new URL(e.url, ROOT).href;
    heading.appendChild(link);
    item.append(heading, element("p", "mk-saved__provider", e.provider), element("p", "mk-saved__summary", e.summary));
    if (e.closed) item.appendChild(element("p", "mk-saved__closed", "Tijdelijk gesloten"));
    var facts = element("ul", "mk-saved__facts");
    if (e.phone_href) {
      var phone = fact(facts, "mk-saved__phone", "", "Bel " + (e.phone_who ? e.phone_who + ": " : ""));
      phone.appendChild(phoneLink(e));
      if (e.reachable) phone.append(" ", element("span", "mk-muted", "(bereikbaar: " + e.reachable + ")"));
    }
    fact(facts, "mk-saved__where", "Waar", e.where);
    fact(facts, "mk-saved__hours", "Wanneer", e.hours);
    fact(facts, "mk-saved__indication", "", e.indication);
    fact(facts, "mk-saved__cost", "Kosten", e.cost);
    item.appendChild(facts);
    if (!shared) {
      var remove = element("button", "md-button mk-saved__remove");
      remove.type = "button";
      remove.setAttribute("data-mk-remove", entry.id);
      remove.append("Haal van de lijst", hidden(": " + e.name));
      item.appendChild(remove);
    }
    return item;
  }

  function sheetItem(entry) {
    var e = entry.values;
    var item = element("li", "mk-sheet__item");
    var text = element("div", "mk-sheet__text");
    text.append(element("h3", "mk-sheet__name", e.name), element("p", "mk-sheet__provider", e.provider));
    text.appendChild(element("p", "mk-sheet__summary", e.summary + (e.closed ? " (Tijdelijk gesloten.)" : "")));
    var facts = element("dl", "mk-sheet__facts");
    function row(label, value) {
      if (!value) return;
      var dd = element("dd");
      dd.append(value);
      facts.append(element("dt", "", label), dd);
    }
    row("Voor wie", e.for_whom);
    if (e.phone_text) {
      var phone = element("span");
      phone.append(e.phone_who ? e.phone_who + ": " : "", phoneLink(e), e.reachable ? " (bereikbaar: " + e.reachable + ")" : "");
      row("Bellen", phone);
    }
    row("Adres", e.where);
    row("Wanneer", e.hours);
    row("Indicatie", e.indication);
    row("Kosten", e.cost);
    text.appendChild(facts);
    var address = new URL(e.url, ROOT).href;
    var qr = element("figure", "mk-sheet__qr");
    qr.append(qrCode(address, "QR-code naar de pagina van " + e.name), element("figcaption", "", address));
    item.append(text, qr);
    return item;
  }

  function renderList() {
    var root = list.root;
    var own = !list.shared;
    var ids = list.shared || read();
    var entries = [];
    var missing = [];
    ids.forEach(function (id) {
      var values = list.data && list.data.services[id];
      if (!values) return missing.push(id);
      // Shared columns hold the number of their text in "texts" (saved_list.py).
      var entry = { id: id, values: {} };
      list.data.fields.forEach(function (field, n) {
        entry.values[field] = list.data.shared.indexOf(field) >= 0 ? list.data.texts[values[n]] : values[n];
      });
      entries.push(entry);
    });
    if (!list.data) return;
    var note = root.querySelector(".mk-saved__missing");
    if (missing.length) {
      note.textContent = count(missing.length) + (missing.length === 1 ? " staat" : " staan") +
        " niet meer op de site" + (own ? " en is van de lijst gehaald." : ".");
      note.hidden = false;
      if (own) {
        write(ids.filter(function (id) { return missing.indexOf(id) < 0; }));
        return; // write() renders again
      }
    }
    ids = entries.map(function (entry) { return entry.id; });
    root.querySelector(".mk-saved__shared").hidden = own;
    root.querySelector(".mk-saved__shared-count").textContent = own ? "" : "Er " + (entries.length === 1 ? "staat " : "staan ") + count(entries.length) + " op.";
    var status = root.querySelector("[data-mk-status]");
    status.hidden = !entries.length;
    status.textContent = own ? "Op uw bewaarlijst: " + count(entries.length) + "." : "Op deze gedeelde lijst: " + count(entries.length) + ".";
    var items = root.querySelector(".mk-saved__list");
    items.replaceChildren.apply(items, entries.map(function (entry) { return listItem(entry, !own); }));
    root.querySelector(".mk-saved__empty").hidden = entries.length > 0;
    root.querySelector(".mk-saved__actions").hidden = !own || (!entries.length && !list.undo);
    root.querySelector("[data-mk-action=clear]").hidden = !entries.length;
    root.querySelector("[data-mk-action=undo]").hidden = !list.undo;
    root.querySelector(".mk-saved__share").hidden = !entries.length;
    root.querySelector(".mk-saved__sheet-form").hidden = !entries.length;
    // sharing
    var link = shareLink(ids);
    root.querySelector("#mk-share-link").value = link;
    var subject = "Hulp voor mantelzorgers: " + count(entries.length);
    root.querySelector("[data-mk-share=mail]").href =
      "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(plainText(entries, ids, "\r\n"));
    var message = plainText(entries, ids, "\n");
    root.querySelector("[data-mk-share=whatsapp]").href = "https://wa.me/?text=" + encodeURIComponent(message);
    root.querySelector("[data-mk-share=sms]").href = "sms:?&body=" + encodeURIComponent(message);
    root.querySelector("[data-mk-share=native]").hidden = typeof navigator.share !== "function";
    list.message = message;
    list.link = link;
    // the referral sheet
    var sheet = root.querySelector(".mk-sheet__list");
    sheet.replaceChildren.apply(sheet, entries.map(sheetItem));
  }

  function sheetName(root) {
    var name = root.querySelector("#mk-sheet-name").value.trim();
    root.querySelector(".mk-sheet__for").textContent = name ? " voor " + name : " van hulp voor mantelzorgers";
  }

  function act(action, root, target) {
    if (action === "keep") {
      var mine = read();
      var added = list.shared.filter(function (id) { return mine.indexOf(id) < 0 && list.data.services[id]; });
      list.shared = null;
      history.replaceState(history.state, "", new URL("lijst/", ROOT).href);
      write(mine.concat(added));
      announce(count(added.length) + " toegevoegd. Op uw bewaarlijst: " + count(read().length) + ".");
      focusStatus(root);
    } else if (action === "clear") {
      list.undo = read();
      write([]);
      announce("Uw bewaarlijst is leeg. Met de knop Zet de lijst terug komt hij terug.");
      root.querySelector("[data-mk-action=undo]").focus();
    } else if (action === "undo") {
      var back = list.undo || [];
      list.undo = null;
      write(back);
      announce("De lijst is terug: " + count(read().length) + ".");
      focusStatus(root);
    } else if (action === "copy") {
      copy(root.querySelector("#mk-share-link"));
    } else if (action === "share") {
      navigator.share({ title: "Bewaarlijst", text: list.message, url: list.link }).catch(function () {});
    } else if (action === "print") {
      sheetName(root);
      window.print();
    } else if (target.hasAttribute("data-mk-remove")) {
      var key = target.getAttribute("data-mk-remove");
      var item = target.closest("li");
      var next = item.nextElementSibling || item.previousElementSibling;
      var name = item.querySelector(".mk-saved__name").textContent;
      write(read().filter(function (id) { return id !== key; }));
      announce(name + " is van uw bewaarlijst gehaald. Op uw bewaarlijst: " + count(read().length) + ".");
      var again = next && root.querySelector("[data-mk-remove='" + next.querySelector("[data-mk-remove]").getAttribute("data-mk-remove") + "']");
      if (again) again.focus();
      else focusStatus(root);
    }
  }

  function focusStatus(root) {
    var target = root.querySelector("[data-mk-status]");
    if (target.hidden) target = root.querySelector(".mk-saved__empty a") || root.querySelector("h1");
    target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function copy(input) {
    function done() {
      announce("De link is gekopieerd.");
    }
    function fallback() {
      input.select();
      try {
        if (document.execCommand("copy")) return done();
      } catch (error) {
        /* nothing to do: the link is selected for the visitor to copy */
      }
      announce("Kopiëren lukt niet. De link is geselecteerd: kopieer hem zelf.");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(input.value).then(done, fallback);
    else fallback();
  }

  function startList(root) {
    if (list && list.root === root) return;
    var params = new URLSearchParams(location.search);
    list = {
      root: root,
      data: null,
      undo: null,
      shared: params.has("ids") ? clean((params.get("ids") || "").split(",")) : null,
    };
    var state = list;
    root.addEventListener("click", function (event) {
      var target = event.target.closest("[data-mk-action], [data-mk-remove]");
      if (target && root.contains(target)) act(target.getAttribute("data-mk-action"), root, target);
    });
    var name = root.querySelector("#mk-sheet-name");
    name.addEventListener("input", function () {
      sheetName(root);
    });
    // The name is for the paper only: not kept for when the visitor comes back.
    window.addEventListener("pagehide", function () {
      name.value = "";
    });
    sheetName(root);
    root.querySelector("[data-mk-date]").textContent = new Date().toLocaleDateString("nl-NL", {
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    root.querySelector("[data-mk-site]").textContent = ROOT.href;
    var data = fetch(new URL(root.getAttribute("data-data"), location.href)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
    var qr = loadScript(new URL(root.getAttribute("data-qr"), location.href).href).catch(function () {});
    Promise.all([data, qr]).then(
      function (results) {
        if (list !== state) return;
        state.data = results[0];
        renderList();
        root.setAttribute("data-mk-ready", "");
      },
      function () {
        var status = root.querySelector("[data-mk-status]");
        status.textContent = "De lijst kan nu niet worden getoond. Probeer het later opnieuw.";
        status.hidden = false;
      }
    );
  }

  /* -- every page ----------------------------------------------------------------------- */

  function changed() {
    counter();
    var saved = read();
    document.querySelectorAll("button.mk-save").forEach(function (button) {
      press(button, saved);
    });
    if (list && list.data && document.body.contains(list.root)) renderList();
  }

  function onPage() {
    liveRegion();
    counter();
    equip(document);
    equipServicePage();
    markExternalLinks();
    var root = document.getElementById("mk-saved");
    if (root) startList(root);
    else list = null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.mk-save");
    if (button) toggle(button);
  });

  window.addEventListener("storage", function (event) {
    if (event.key === STORE) changed();
  });

  // Cards the finder (or any script) adds later get their button too.
  new MutationObserver(function (mutations) {
    var saved = null;
    for (var i = 0; i < mutations.length; i++) {
      var added = mutations[i].addedNodes;
      for (var j = 0; j < added.length; j++) {
        var node = added[j];
        if (node.nodeType !== 1) continue;
        if (node.matches("li.mk-item")) equipItem(node, saved || (saved = read()));
        else if (node.firstElementChild) {
          node.querySelectorAll("li.mk-item").forEach(function (item) {
            equipItem(item, saved || (saved = read()));
          });
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(onPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
})();
