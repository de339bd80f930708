/* Mantelkaart keuzehulp (respite guide).
 *
 * The build decides what fits which answers and writes it down: every option,
 * rule and regulation in the page carries `data-mk-when`, a map from question id
 * to the answers that allow it, and every offer in the offers file of a
 * municipality (aanbod/<gemeente>.json) carries the same map. This script only
 * applies that one test (`matches`), shows and hides what the page holds, fills
 * in the offers as text, and keeps the answers in the URL
 * (?voor=dementie&pauze=nacht), so a result can be sent, bookmarked and printed
 * and the back button works. Without this script the page shows every option
 * with the answers it fits. All text comes from the page or the offers file.
 */
(function () {
  "use strict";

  /* Every answered question must have an allowed answer; unanswered questions allow all. */
  function matches(when, answers) {
    for (var question in when) {
      if (Object.prototype.hasOwnProperty.call(when, question)) {
        var answer = answers[question];
        if (answer && when[question].indexOf(answer) === -1) return false;
      }
    }
    return true;
  }

  function each(root, selector, action) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), action);
  }

  function radios(form) {
    return Array.prototype.slice.call(form.querySelectorAll("input[type=radio]"));
  }

  /* Question ids in page order, each with the answers it knows. */
  function questions(form) {
    var order = [];
    var known = {};
    radios(form).forEach(function (input) {
      if (!known[input.name]) {
        known[input.name] = {};
        order.push(input.name);
      }
      if (input.value) known[input.name][input.value] = true;
    });
    return { order: order, known: known };
  }

  /* Only answers the page knows; empty and unknown values count as unanswered. */
  function clean(form, raw) {
    var q = questions(form);
    var answers = {};
    q.order.forEach(function (name) {
      var value = raw[name];
      if (typeof value === "string" && q.known[name][value]) answers[name] = value;
    });
    return answers;
  }

  function fromSearch(form, search) {
    var raw = {};
    new URLSearchParams(search).forEach(function (value, name) {
      if (!(name in raw)) raw[name] = value;
    });
    return clean(form, raw);
  }

  function fromForm(form) {
    var raw = {};
    radios(form).forEach(function (input) {
      if (input.checked) raw[input.name] = input.value;
    });
    return clean(form, raw);
  }

  function setForm(form, answers) {
    radios(form).forEach(function (input) {
      input.checked = (answers[input.name] || "") === input.value;
    });
  }

  function address(form, answers) {
    var params = new URLSearchParams();
    questions(form).order.forEach(function (name) {
      if (answers[name]) params.append(name, answers[name]);
    });
    var search = params.toString();
    return new URL(search ? "?" + search : location.pathname, location.href).href;
  }

  function when(element) {
    try {
      return JSON.parse(element.getAttribute("data-mk-when") || "{}");
    } catch (error) {
      return {};
    }
  }

  /* The offers file of a municipality, loaded once per page. */
  var files = {};
  function offersFile(root, area) {
    var url = new URL(root.getAttribute("data-mk-offers-url") + area + ".json", location.href).href;
    if (!files[url]) {
      files[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      files[url].catch(function () {
        delete files[url];
      });
    }
    return files[url];
  }

  function offerItem(root, offer) {
    var template = root.querySelector("[data-mk-offer-template]");
    var item = template.content.firstElementChild.cloneNode(true);
    item.setAttribute("data-mk-offer", offer.key);
    function slot(name) {
      return item.querySelector("[data-mk-slot='" + name + "']");
    }
    slot("name").textContent = offer.name;
    slot("name").setAttribute("href", offer.href);
    slot("provider").textContent = offer.provider;
    slot("summary").textContent = offer.summary;
    slot("facts").textContent = offer.facts;
    if (!offer.closed) slot("closed").remove();
    if (offer.phone && /^tel:\+?[0-9]+$/.test(offer.phone.href)) {
      slot("phone-link").setAttribute("href", offer.phone.href);
      slot("phone-link").textContent = offer.phone.text;
    } else {
      slot("phone").remove();
    }
    return item;
  }

  function showOffers(root, option, offers, answers, failed) {
    var list = option.querySelector("[data-mk-offers]");
    while (list.firstChild) list.removeChild(list.firstChild);
    (offers || []).forEach(function (offer) {
      if (matches(offer.when, answers)) list.appendChild(offerItem(root, offer));
    });
    var area = root.getAttribute("data-mk-area");
    var chooseArea = Boolean(area) && !answers[area];
    each(option, "[data-mk-choose-area]", function (item) {
      item.hidden = failed || !chooseArea;
    });
    each(option, "[data-mk-no-offers]", function (item) {
      item.hidden = failed || chooseArea || list.children.length > 0;
    });
    each(option, "[data-mk-offers-failed]", function (item) {
      item.hidden = !failed;
    });
  }

  function showOption(option, answers) {
    var fitting = null;
    each(option, "[data-mk-case]", function (item) {
      var fits = !fitting && matches(when(item), answers);
      if (fits) fitting = item;
      item.hidden = !fits;
    });
    if (!fitting) return false;
    each(fitting, "[data-mk-answer]", function (span) {
      var pair = span.getAttribute("data-mk-answer").split("=");
      span.hidden = answers[pair[0]] !== pair[1];
    });
    var regulations = 0;
    each(option, "[data-mk-regulation]", function (item) {
      item.hidden = !matches(when(item), answers);
      if (!item.hidden) regulations += 1;
    });
    each(option, ".mk-guide__regulations", function (list) {
      list.hidden = regulations === 0;
    });
    return true;
  }

  function showAnswers(root, form, answers) {
    var list = root.querySelector("[data-mk-guide-answers]");
    while (list.firstChild) list.removeChild(list.firstChild);
    each(form, "fieldset", function (fieldset) {
      var checked = fieldset.querySelector("input[type=radio]:checked");
      if (!checked || !answers[checked.name]) return;
      var term = document.createElement("dt");
      term.textContent = fieldset.querySelector("legend").textContent;
      var value = document.createElement("dd");
      value.textContent = form.querySelector("label[for='" + checked.id + "']").textContent;
      list.appendChild(term);
      list.appendChild(value);
    });
    var share = root.querySelector("[data-mk-guide-share]");
    share.href = address(form, answers);
    share.textContent = share.href;
  }

  /* Printed results write every link out (see keuzehulp.css). */
  function markLinks(root) {
    each(root, "[data-mk-guide-result] a[href]", function (link) {
      if (/^https?:/.test(link.href)) link.setAttribute("data-mk-print", link.href);
    });
  }

  var serial = 0;

  /* Show the result for `answers`; resolves when the offers are in. */
  function show(root, answers) {
    var form = root.querySelector("[data-mk-guide-form]");
    var empty = Object.keys(answers).length === 0;
    var mine = (serial += 1);
    var visible = [];
    var titles = [];
    root.setAttribute("data-mk-state", "busy");
    each(root, "[data-mk-option]", function (option) {
      option.hidden = empty || !showOption(option, answers);
      if (!option.hidden) {
        visible.push(option);
        titles.push(option.querySelector("h3").textContent.trim());
      }
    });
    root.querySelector("[data-mk-guide-summary]").hidden = empty;
    root.querySelector("[data-mk-guide-nothing]").hidden = empty || titles.length > 0;
    showAnswers(root, form, answers);
    var status = root.querySelector("[data-mk-guide-status]");
    var text = status.getAttribute("data-empty");
    if (!empty && titles.length === 0) text = status.getAttribute("data-none");
    if (titles.length === 1) text = status.getAttribute("data-one") + " " + titles[0] + ".";
    if (titles.length > 1) {
      text = status.getAttribute("data-many").replace("{n}", String(titles.length)) + " " + titles.join(", ") + ".";
    }
    status.textContent = text;
    function done(data, failed) {
      if (mine !== serial) return;
      visible.forEach(function (option) {
        showOffers(root, option, data[option.getAttribute("data-mk-option")], answers, failed);
      });
      markLinks(root);
      root.setAttribute("data-mk-state", "ready");
    }
    if (visible.length === 0) {
      done({}, false);
      return Promise.resolve(answers);
    }
    var area = root.getAttribute("data-mk-area");
    var file = (area && answers[area]) || root.getAttribute("data-mk-no-area");
    return offersFile(root, file).then(
      function (data) {
        done(data, false);
        return answers;
      },
      function () {
        done({}, true);
        return answers;
      }
    );
  }

  function current() {
    var root = document.querySelector("[data-mk-guide]");
    return root && root.getAttribute("data-mk-ready") ? root : null;
  }

  function start() {
    var root = document.querySelector("[data-mk-guide]");
    if (!root || root.getAttribute("data-mk-ready")) return;
    var form = root.querySelector("[data-mk-guide-form]");
    root.setAttribute("data-mk-ready", "true");
    root.classList.add("mk-guide--js");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = fromForm(form);
      var target = address(form, answers);
      if (target !== location.href) history.pushState(null, "", target);
      show(root, answers);
    });
    var answers = fromSearch(form, location.search);
    setForm(form, answers);
    show(root, answers);
  }

  window.addEventListener("popstate", function () {
    var root = current();
    if (!root) return;
    var form = root.querySelector("[data-mk-guide-form]");
    var answers = fromSearch(form, location.search);
    setForm(form, answers);
    show(root, answers);
  });

  /* For tests and other scripts: show the result for a set of answers (a Promise). */
  window.mantelkaartGuide = {
    matches: matches,
    show: function (raw) {
      var root = current();
      var form = root.querySelector("[data-mk-guide-form]");
      var answers = clean(form, raw);
      setForm(form, answers);
      return show(root, answers);
    },
  };

  /* mkdocs-material's instant navigation swaps pages without a reload: start on each one. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
