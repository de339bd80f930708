/* Mantelkaart keuzehulp (respite guide).
 *
 * The build decides what fits which answers and writes it down: every option,
 * rule, regulation and way of paying in the page carries `data-mk-when`, a map
 * from question id to the answers that allow it, and every offer in the offers
 * file of a municipality (aanbod/<gemeente>.json) carries the same map, or a list
 * of them of which one must match. This script only applies that one test
 * (`matches`), shows and hides what the page holds, fills in the offers as text,
 * and asks one question a screen.
 *
 * The answers and the question on screen are in the URL
 * (?wie=zelf&naaste=oudere&stap=pauze; without `stap`, the outcome), so every
 * screen can be sent, bookmarked and reloaded, and the browser's back button and
 * the page's own "Vorige" button go back a question. Focus moves to the heading of
 * each new screen. Without this script the page shows every question at once and
 * every option with the answers it fits. All text comes from the page or the
 * offers file.
 */
(function () {
  "use strict";

  var STEP = "stap"; // the question on screen; reserved, no question has this id
  var OUTCOME = "uitkomst";

  /* Every answered question must have an allowed answer; unanswered questions allow all.
   * A list of such maps matches when one of them does. */
  function matches(when, answers) {
    if (Array.isArray(when)) {
      return when.some(function (one) {
        return matches(one, answers);
      });
    }
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

  function json(element, name) {
    try {
      return JSON.parse(element.getAttribute(name) || "{}");
    } catch (error) {
      return {};
    }
  }

  /* The questions in page order: id, fieldset, known answers, and when it is asked. */
  function questions(form) {
    return Array.prototype.map.call(form.querySelectorAll("[data-mk-question]"), function (fieldset) {
      var known = {};
      each(fieldset, "input[type=radio]", function (input) {
        if (input.value) known[input.value] = true;
      });
      return {
        id: fieldset.getAttribute("data-mk-question"),
        fieldset: fieldset,
        known: known,
        onlyIf: json(fieldset, "data-mk-only-if"),
      };
    });
  }

  /* A question is asked when each of its conditions has one of its answers. */
  function asked(question, answers) {
    for (var id in question.onlyIf) {
      if (Object.prototype.hasOwnProperty.call(question.onlyIf, id)) {
        if (question.onlyIf[id].indexOf(answers[id]) === -1) return false;
      }
    }
    return true;
  }

  /* Only answers the page knows, to questions that are asked; the rest counts as unanswered. */
  function clean(form, raw) {
    var answers = {};
    questions(form).forEach(function (question) {
      var value = raw[question.id];
      if (!asked(question, answers)) return;
      if (typeof value === "string" && question.known[value]) answers[question.id] = value;
    });
    return answers;
  }

  function askedQuestions(form, answers) {
    return questions(form).filter(function (question) {
      return asked(question, answers);
    });
  }

  /* {answers, step} from a query string; step is a question id or OUTCOME. */
  function fromSearch(form, search) {
    var raw = {};
    new URLSearchParams(search).forEach(function (value, name) {
      if (!(name in raw)) raw[name] = value;
    });
    var answers = clean(form, raw);
    var list = askedQuestions(form, answers);
    var step = raw[STEP];
    var known = list.some(function (question) {
      return question.id === step;
    });
    if (!known) step = Object.keys(answers).length || step === OUTCOME ? OUTCOME : list[0].id;
    return { answers: answers, step: step };
  }

  function address(form, answers, step) {
    var params = new URLSearchParams();
    questions(form).forEach(function (question) {
      if (answers[question.id]) params.append(question.id, answers[question.id]);
    });
    var first = askedQuestions(form, answers)[0].id;
    if (step && step !== OUTCOME && !(step === first && !params.toString())) params.append(STEP, step);
    if (step === OUTCOME && !params.toString()) params.append(STEP, OUTCOME);
    var search = params.toString();
    return new URL(search ? "?" + search : location.pathname, location.href).href;
  }

  function setForm(form, answers) {
    each(form, "input[type=radio]", function (input) {
      input.checked = (answers[input.name] || "") === input.value;
    });
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
    if (offer.indication) slot("indication").textContent = offer.indication + ".";
    else slot("indication").remove();
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

  /* Items with their own conditions (regulations, ways of paying); their list hides when empty. */
  function showConditional(option, item, list, answers) {
    var shown = 0;
    each(option, item, function (element) {
      element.hidden = !matches(json(element, "data-mk-when"), answers);
      if (!element.hidden) shown += 1;
    });
    each(option, list, function (element) {
      element.hidden = shown === 0;
    });
  }

  function showOption(option, answers) {
    var fitting = null;
    each(option, "[data-mk-case]", function (item) {
      var needs = (item.getAttribute("data-mk-needs") || "").split(" ").filter(Boolean);
      var answered = needs.every(function (question) {
        return Boolean(answers[question]);
      });
      var fits = !fitting && answered && matches(json(item, "data-mk-when"), answers);
      if (fits) fitting = item;
      item.hidden = !fits;
    });
    if (!fitting) return false;
    each(fitting, "[data-mk-answer]", function (span) {
      var pair = span.getAttribute("data-mk-answer").split("=");
      span.hidden = answers[pair[0]] !== pair[1];
    });
    showConditional(option, "[data-mk-regulation]", ".mk-guide__regulations", answers);
    showConditional(option, "[data-mk-payment]", ".mk-guide__payments", answers);
    return true;
  }

  function showNotes(root, answers, step) {
    each(root, "[data-mk-note]", function (note) {
      var pair = note.getAttribute("data-mk-note").split("=");
      note.hidden = answers[pair[0]] !== pair[1] || step === pair[0];
    });
  }

  function showAnswers(root, form, answers) {
    var list = root.querySelector("[data-mk-guide-answers]");
    while (list.firstChild) list.removeChild(list.firstChild);
    questions(form).forEach(function (question) {
      var value = answers[question.id];
      if (!value) return;
      var input = question.fieldset.querySelector("input[value='" + CSS.escape(value) + "']");
      var term = document.createElement("dt");
      term.textContent = question.fieldset.querySelector("legend").textContent.trim();
      var description = document.createElement("dd");
      description.textContent = form.querySelector("label[for='" + input.id + "']").textContent;
      list.appendChild(term);
      list.appendChild(description);
    });
    var share = root.querySelector("[data-mk-guide-share]");
    share.href = address(form, answers, OUTCOME);
    share.textContent = share.href;
    var mail = root.querySelector("[data-mk-guide-mail]");
    if (mail) {
      mail.href =
        "mailto:?subject=" +
        encodeURIComponent(mail.getAttribute("data-subject")) +
        "&body=" +
        encodeURIComponent(share.href);
    }
  }

  /* Printed results write every link out (see keuzehulp.css). */
  function markLinks(root) {
    each(root, "[data-mk-guide-result] a[href]", function (link) {
      if (/^https?:/.test(link.href)) link.setAttribute("data-mk-print", link.href);
    });
  }

  var serial = 0;
  var remembered = {}; // every choice on the form when "Volgende" was last pressed
  // The screens this page went forward from, the last on top, so that "Vorige" can be the
  // browser's back when the previous screen is the one before in the history. (history.state
  // is not ours: mkdocs-material keeps its scroll position there.)
  var trail = [];
  var here = null;
  // mkdocs-material's instant navigation answers the back button by loading the page anew into
  // this document: what is remembered here belongs to the page at `path`, and `popped` says
  // that the page was started by the back or forward button (so the focus goes to its heading).
  var path = null;
  var popped = null;

  /* Show the outcome for `answers`; resolves when the offers are in. */
  function showOutcome(root, answers) {
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
    root.querySelector("[data-mk-guide-summary]").hidden = false;
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

  /* How many questions there may be: those asked, and those that later answers may still bring. */
  function total(form, answers, step) {
    var all = questions(form);
    var at = all
      .map(function (question) {
        return question.id;
      })
      .indexOf(step);
    var ahead = {};
    all.slice(at).forEach(function (question) {
      ahead[question.id] = true;
    });
    return all.filter(function (question) {
      for (var id in question.onlyIf) {
        if (Object.prototype.hasOwnProperty.call(question.onlyIf, id)) {
          if (!ahead[id] && question.onlyIf[id].indexOf(answers[id]) === -1) return false;
        }
      }
      return true;
    }).length;
  }

  /* The label of the form's button: "Volgende", or the last question's "Toon wat bij u past". */
  function nextLabel(root, form, step) {
    var answers = clean(form, currentRaw(form));
    var list = askedQuestions(form, answers);
    var last = list.length && list[list.length - 1].id === step;
    var button = form.querySelector("[data-mk-guide-next]");
    button.textContent = button.getAttribute(last ? "data-last" : "data-next");
  }

  function currentRaw(form) {
    var raw = {};
    each(form, "input[type=radio]:checked", function (input) {
      raw[input.name] = input.value;
    });
    return raw;
  }

  /* One screen: a question, or the outcome. Focus goes to its heading when `focus` is set. */
  function render(root, state, focus) {
    var form = root.querySelector("[data-mk-guide-form]");
    var outcome = state.step === OUTCOME;
    var list = askedQuestions(form, state.answers);
    var index = list
      .map(function (question) {
        return question.id;
      })
      .indexOf(state.step);
    root.setAttribute("data-mk-step", state.step);
    // Back on a question, the answers given before stay chosen (the URL holds those before it).
    setForm(form, outcome ? state.answers : Object.assign({}, remembered, state.answers));
    root.querySelector(".mk-guide__intro").hidden = outcome || index > 0;
    form.hidden = outcome;
    root.querySelector("[data-mk-guide-result]").hidden = !outcome;
    questions(form).forEach(function (question) {
      question.fieldset.hidden = question.id !== state.step;
    });
    showNotes(root, state.answers, state.step);
    each(root, "[data-mk-guide-restart]", function (link) {
      link.addEventListener("click", function () {
        remembered = {}; // a new start forgets the answers
        trail = [];
      });
    });
    each(root, "[data-mk-guide-back]", function (button) {
      button.hidden = !outcome && index <= 0;
    });
    var heading;
    var done;
    if (outcome) {
      done = showOutcome(root, state.answers);
      heading = root.querySelector("[data-mk-guide-result] h2");
    } else {
      serial += 1; // an outcome still loading must not write into this screen
      var progress = form.querySelector("[data-mk-guide-progress]");
      progress.textContent = progress
        .getAttribute("data-text")
        .replace("{n}", String(index + 1))
        .replace("{total}", String(total(form, state.answers, state.step)));
      progress.hidden = false;
      root.querySelector("[data-mk-guide-status]").textContent = "";
      nextLabel(root, form, state.step);
      heading = list[index].fieldset.querySelector("h2");
      root.setAttribute("data-mk-state", "ready");
      done = Promise.resolve(state.answers);
    }
    if (focus && heading) heading.focus();
    return done;
  }

  /* Where "Vorige" goes when there is no earlier screen of ours in the history. */
  function previous(form, state) {
    var list = askedQuestions(form, state.answers);
    var ids = list.map(function (question) {
      return question.id;
    });
    var index = state.step === OUTCOME ? ids.length : ids.indexOf(state.step);
    return { answers: state.answers, step: ids[Math.max(index - 1, 0)] };
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
    if (path !== location.pathname) {
      remembered = {};
      trail = [];
      path = location.pathname;
    }
    here = location.href;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var state = fromSearch(form, location.search);
      remembered = currentRaw(form);
      var answers = clean(form, remembered);
      var list = askedQuestions(form, answers);
      var ids = list.map(function (question) {
        return question.id;
      });
      var at = ids.indexOf(state.step);
      var next = at >= 0 && at + 1 < ids.length ? ids[at + 1] : OUTCOME;
      var target = address(form, answers, next);
      if (target !== location.href) {
        trail.push(location.href);
        history.pushState(null, "", target);
      }
      here = location.href;
      render(root, { answers: answers, step: next }, true);
    });
    form.addEventListener("change", function () {
      nextLabel(root, form, root.getAttribute("data-mk-step"));
    });
    each(root, "[data-mk-guide-restart]", function (link) {
      link.addEventListener("click", function () {
        remembered = {}; // a new start forgets the answers
        trail = [];
      });
    });
    each(root, "[data-mk-guide-back]", function (button) {
      button.addEventListener("click", function () {
        var state = previous(form, fromSearch(form, location.search));
        var target = address(form, state.answers, state.step);
        var before = trail.length ? fromSearch(form, new URL(trail[trail.length - 1]).search) : null;
        if (before && before.step === state.step) {
          history.back(); // the popstate handler shows it
          return;
        }
        trail.push(location.href);
        history.pushState(null, "", target);
        here = location.href;
        render(root, state, true);
      });
    });
    render(root, fromSearch(form, location.search), popped === location.href);
    popped = null;
  }

  window.addEventListener("popstate", function () {
    popped = location.href;
    var root = current();
    if (!root) return;
    var form = root.querySelector("[data-mk-guide-form]");
    if (trail.length && trail[trail.length - 1] === location.href) {
      trail.pop(); // back
    } else if (here) {
      trail.push(here); // forward
    }
    here = location.href;
    render(root, fromSearch(form, location.search), true);
  });

  /* For tests and other scripts: show the outcome for a set of answers (a Promise). */
  window.mantelkaartGuide = {
    matches: matches,
    show: function (raw) {
      var root = current();
      var form = root.querySelector("[data-mk-guide-form]");
      return render(root, { answers: clean(form, raw), step: OUTCOME }, false);
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
