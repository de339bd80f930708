// Gives Decap CMS's icon buttons a Dutch name (generated into /admin/ by cms.py).
//
// Decap 3 draws the buttons above each list item (fold, drag, remove) as icons without
// a name, and has no setting for one; screen readers then say only "button". This
// script names each of them after what it does and the item it belongs to, e.g.
// "Verwijder: kantoor: Dordrecht", whenever Decap draws or changes the form.
(function () {
  "use strict";
  // The icons by the start of their SVG path (decap-cms-ui-default's icon set).
  var ACTIONS = {
    "m5.123 6.33": "Open of sluit",  // chevron: fold or unfold the item
    "M11.916 9.96": "Verwijder",  // close: remove the item
  };
  var DRAG = "Verplaats";

  function itemName(control) {
    var item = control.closest('[class*="SortableListItem"]');
    var label = item && item.querySelector('[class*="NestedObjectLabel"]');
    var text = label ? label.textContent.trim() : "";
    return text || "dit onderdeel";
  }

  function actionOf(control) {
    if (control.getAttribute("aria-roledescription") === "sortable") return DRAG;
    var path = control.querySelector("svg path");
    var shape = path ? path.getAttribute("d") || "" : "";
    for (var start in ACTIONS) {
      if (shape.indexOf(start) === 0) return ACTIONS[start];
    }
    return "";
  }

  function nameButtons() {
    var controls = document.querySelectorAll('[class*="TopBar"] > button, [class*="TopBar"] > [role="button"]');
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      if (control.textContent.trim()) continue;  // has a visible name already
      var action = actionOf(control);
      if (!action) continue;
      var name = action + ": " + itemName(control);
      if (control.getAttribute("aria-label") !== name) control.setAttribute("aria-label", name);
      if (control.getAttribute("title") !== name) control.setAttribute("title", name);
    }
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      nameButtons();
    });
  }
  new MutationObserver(schedule).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  schedule();
})();
