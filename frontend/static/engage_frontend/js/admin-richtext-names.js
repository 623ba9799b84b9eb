/*
 * Gives each Draftail rich-text editor in the Wagtail admin an accessible name.
 *
 * Wagtail 8.0 renders the editor's textbox (a contenteditable div with
 * role="textbox") next to a hidden input; the field's <label for> points at that
 * hidden input, so the textbox itself has no name (axe: aria-input-field-name);
 * in StreamField blocks the label has no `for` at all.
 * This names it by the field's own label (aria-labelledby), on page load and for
 * every StreamField block added later. No inline script: served as a file under
 * the admin's CSP, from the `insert_global_admin_js` hook in
 * frontend/wagtail_hooks.py.
 */
(function () {
  "use strict";

  function inputBeside(wrapper) {
    var node = wrapper.previousElementSibling;
    while (node) {
      if (node.tagName === "INPUT" && node.id) {
        return node;
      }
      node = node.previousElementSibling;
    }
    return null;
  }

  function labelOf(input, wrapper) {
    var label =
      document.getElementById(input.id + "-label") ||
      document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
    if (!label) {
      // A StreamField block's rich-text child: Wagtail renders its label with
      // neither `for` nor `id`, as a child of the block's [data-contentpath].
      var field = wrapper.closest("[data-contentpath]");
      label = field && field.querySelector(":scope > label.w-field__label");
    }
    if (label && !label.id) {
      label.id = input.id + "-label";
    }
    return label;
  }

  function nameEditors() {
    var boxes = document.querySelectorAll(
      '[data-draftail-editor-wrapper] [role="textbox"]:not([aria-labelledby]):not([aria-label])'
    );
    boxes.forEach(function (box) {
      var wrapper = box.closest("[data-draftail-editor-wrapper]");
      var input = wrapper && inputBeside(wrapper);
      var label = input && labelOf(input, wrapper);
      if (label) {
        box.setAttribute("aria-labelledby", label.id);
      }
    });
  }

  var pending = false;
  function soon() {
    if (pending) {
      return;
    }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      nameEditors();
    });
  }

  function start() {
    nameEditors();
    new MutationObserver(soon).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
