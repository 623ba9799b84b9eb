// Rich text editor for the textareas lms.forms.RichTextarea marks with
// data-rich-text. Without this script the textarea takes plain text; with it the
// textarea is hidden and kept in sync (as HTML, firing "input" so autosave sees
// every change) with an editable region that has a toolbar of real buttons.
// The hidden <name>__format input is set to "html" so the server reads HTML.
// Works under the site's CSP: no inline script, style or event handler attributes.
(function () {
  "use strict";
  if (!document.execCommand || !window.DOMParser || !document.querySelector) return;

  var INLINE = { STRONG: "strong", B: "strong", EM: "em", I: "em", A: "a", BR: "br" };
  var BLOCK = { P: "p", DIV: "p", UL: "ul", OL: "ol", LI: "li", BLOCKQUOTE: "p", PRE: "p" };
  var HEADINGS = { H1: "h3", H2: "h3", H3: "h3", H4: "h4", H5: "h4", H6: "h4" };
  var DROP = { SCRIPT: 1, STYLE: 1, TEMPLATE: 1, IFRAME: 1, OBJECT: 1, EMBED: 1,
               NOSCRIPT: 1, SVG: 1, MATH: 1, HEAD: 1, TITLE: 1, META: 1, LINK: 1 };
  var SAFE_HREF = /^(https?:\/\/|mailto:)/i;
  var inert = document.implementation.createHTMLDocument("");
  var editors = 0;

  // --- Sanitising: anything in, paragraphs/bold/italic/lists/links out -------------
  function copyClean(from, to, headings) {
    Array.prototype.forEach.call(from.childNodes, function (node) {
      if (node.nodeType === 3) { to.appendChild(inert.createTextNode(node.nodeValue)); return; }
      if (node.nodeType !== 1 || DROP[node.nodeName.toUpperCase()]) return;
      var name = node.nodeName.toUpperCase();
      var tag = INLINE[name] || BLOCK[name] || (headings ? HEADINGS[name] : (HEADINGS[name] && "p"));
      if ((name === "DIV" || name === "BLOCKQUOTE" || name === "PRE") &&
          node.querySelector("p, div, ul, ol, li, h1, h2, h3, h4, h5, h6, blockquote, pre, table")) tag = null;
      if (name === "A") {
        var href = (node.getAttribute("href") || "").trim();
        if (!SAFE_HREF.test(href)) tag = null;
      }
      if (!tag) { copyClean(node, to, headings); return; }
      var el = inert.createElement(tag);
      if (tag === "a") el.setAttribute("href", node.getAttribute("href").trim());
      to.appendChild(el);
      copyClean(node, el, headings);
    });
  }

  function isBlock(node) {
    return node.nodeType === 1 && /^(P|UL|OL|H3|H4)$/.test(node.nodeName.toUpperCase());
  }

  function isEmpty(node) { return !node.textContent.replace(/\s+/g, ""); }

  // Top-level text and inline elements go into paragraphs; empty paragraphs go.
  function structure(root) {
    var out = inert.createElement("div");
    var paragraph = null;
    Array.prototype.slice.call(root.childNodes).forEach(function (node) {
      if (isBlock(node)) {
        paragraph = null;
        out.appendChild(node);
      } else if (node.nodeName.toUpperCase() === "LI") {
        paragraph = null;
        out.appendChild(wrap(node, "ul"));
      } else {
        if (!paragraph) { paragraph = inert.createElement("p"); out.appendChild(paragraph); }
        paragraph.appendChild(node);
      }
    });
    Array.prototype.slice.call(out.querySelectorAll("p, h3, h4, li")).forEach(function (el) {
      while (el.lastChild && el.lastChild.nodeName.toUpperCase() === "BR") el.removeChild(el.lastChild);
      if (isEmpty(el) && el.parentNode) el.parentNode.removeChild(el);
    });
    Array.prototype.slice.call(out.querySelectorAll("ul, ol")).forEach(function (el) {
      if (!el.querySelector("li") && el.parentNode) el.parentNode.removeChild(el);
    });
    return out;
  }

  function wrap(node, tag) { var list = inert.createElement(tag); list.appendChild(node); return list; }

  function cleanHtml(html, headings) {
    var parsed = new DOMParser().parseFromString("<body>" + (html || "") + "</body>", "text/html");
    var holder = inert.createElement("div");
    copyClean(parsed.body, holder, headings);
    return structure(holder).innerHTML;
  }

  function escapeText(text) {
    var holder = inert.createElement("div");
    holder.appendChild(inert.createTextNode(text));
    return holder.innerHTML;
  }

  function textToHtml(text) {
    return text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/).map(function (block) {
      var lines = block.split("\n").filter(function (l) { return l.trim(); });
      return lines.length ? "<p>" + lines.map(escapeText).join("<br>") + "</p>" : "";
    }).join("");
  }

  // --- One editor --------------------------------------------------------------------
  function enhance(textarea) {
    var form = textarea.form;
    var format = textarea.nextElementSibling;
    var template = format && format.nextElementSibling;
    if (!form || !format || format.name !== textarea.getAttribute("data-rich-format")) return;
    if (!template || !template.hasAttribute("data-rich-toolbar") || !template.content) return;
    var hint = template.nextElementSibling;
    if (hint && hint.hasAttribute("data-rich-hint")) hint.hidden = true; else hint = null;
    var headings = textarea.getAttribute("data-rich-text") === "headings";
    editors += 1;
    var id = textarea.id || "rich-text-" + editors;

    var wrapper = document.createElement("div");
    wrapper.className = "rich-text-editor";
    var toolbar = document.createElement("div");
    toolbar.className = "rich-text-editor__toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", template.getAttribute("data-label"));
    toolbar.setAttribute("aria-controls", id + "_editor");
    toolbar.appendChild(document.importNode(template.content, true));
    var area = document.createElement("div");
    area.id = id + "_editor";
    area.className = "rich-text-editor__area rich-text";
    area.setAttribute("contenteditable", "true");
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    area.setAttribute("spellcheck", "true");
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      if (!label.id) label.id = textarea.id + "_label";
      area.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function (event) { event.preventDefault(); area.focus(); });
    }
    var describedby = (textarea.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (ref) {
      return ref && !(hint && ref === hint.id);
    }).join(" ");
    if (describedby) area.setAttribute("aria-describedby", describedby);
    if (textarea.hasAttribute("aria-invalid")) area.setAttribute("aria-invalid", textarea.getAttribute("aria-invalid"));
    wrapper.appendChild(toolbar);
    wrapper.appendChild(area);
    textarea.parentNode.insertBefore(wrapper, textarea);
    if (textarea.required) {
      // A hidden control cannot show the browser's "fill this in": the server says it.
      textarea.required = false;
      area.setAttribute("aria-required", "true");
    }
    textarea.hidden = true;
    format.value = "html";

    var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button[data-command]"));
    buttons.forEach(function (button, index) {
      button.tabIndex = index === 0 ? 0 : -1;
      if (button.getAttribute("data-command") !== "link") button.setAttribute("aria-pressed", "false");
    });

    function value() { return cleanHtml(area.innerHTML, headings); }

    function load(html) {
      var clean = cleanHtml(html, headings);
      area.innerHTML = clean || "<p><br></p>";
      textarea.value = clean;
    }

    function sync() {
      var html = value();
      if (textarea.value === html) return;
      textarea.value = html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    var saved = null;
    function remember() {
      var selection = window.getSelection();
      if (selection.rangeCount && area.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        saved = selection.getRangeAt(0).cloneRange();
      }
    }
    function focusArea() {
      // area.focus() fires "focus", whose listener remembers the caret the
      // browser puts at the start: keep the selection to restore first.
      var range = saved;
      area.focus();
      if (range) {
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        saved = range;
      }
    }

    function block() {
      var value = String(document.queryCommandValue("formatBlock") || "").toLowerCase();
      return value.replace(/[<>]/g, "");
    }

    function state() {
      var pressed = {
        bold: document.queryCommandState("bold"),
        italic: document.queryCommandState("italic"),
        bulleted: document.queryCommandState("insertUnorderedList"),
        numbered: document.queryCommandState("insertOrderedList"),
        heading: block() === "h3" || block() === "h4"
      };
      buttons.forEach(function (button) {
        var command = button.getAttribute("data-command");
        if (command in pressed) button.setAttribute("aria-pressed", pressed[command] ? "true" : "false");
      });
    }

    function currentLink() {
      var selection = window.getSelection();
      var node = selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
      while (node && node !== area) {
        if (node.nodeName && node.nodeName.toUpperCase() === "A") return node;
        node = node.parentNode;
      }
      return null;
    }

    // The Link button opens a small form below the toolbar (no prompt()):
    // Enter applies, Escape cancels, and focus returns to the text with the
    // selection it had.
    var panel = toolbar.querySelector("[data-link-panel]");
    wrapper.insertBefore(panel, area);
    var linkInput = panel.querySelector("[data-link-input]");
    linkInput.id = id + "_link";
    panel.querySelector("[data-link-label]").htmlFor = linkInput.id;
    var removeButton = panel.querySelector('[data-link-action="remove"]');
    var editing = null;

    function openLink() {
      editing = currentLink();
      linkInput.value = editing ? editing.getAttribute("href") : "";
      removeButton.hidden = !editing;
      panel.hidden = false;
      linkInput.focus();
      linkInput.select();
    }

    function closeLink() {
      panel.hidden = true;
      editing = null;
      focusArea();
    }

    function selectLink(node) {
      var range = document.createRange();
      range.selectNodeContents(node);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    }

    function applyLink(remove) {
      var existing = editing;
      var answer = remove ? "" : linkInput.value.trim();
      closeLink();
      if (!answer) {
        if (existing) selectLink(existing);
        document.execCommand("unlink");
      } else {
        if (!SAFE_HREF.test(answer)) answer = (answer.indexOf("@") > 0 && answer.indexOf("/") < 0 ? "mailto:" : "https://") + answer;
        if (existing) selectLink(existing);
        if (window.getSelection().isCollapsed) {
          document.execCommand("insertHTML", false, '<a href="' + escapeText(answer).replace(/"/g, "&quot;") + '">' + escapeText(answer) + "</a>");
        } else {
          document.execCommand("createLink", false, answer);
        }
      }
      remember();
      state();
      sync();
    }

    panel.addEventListener("click", function (event) {
      var button = event.target.closest("[data-link-action]");
      if (!button) return;
      var action = button.getAttribute("data-link-action");
      if (action === "cancel") closeLink(); else applyLink(action === "remove");
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); closeLink(); }
      else if (event.key === "Enter" && event.target === linkInput) { event.preventDefault(); applyLink(false); }
    });

    function run(command) {
      focusArea();
      if (command === "link") { remember(); openLink(); return; }
      document.execCommand("styleWithCSS", false, false);
      if (command === "bold" || command === "italic") document.execCommand(command);
      else if (command === "bulleted") document.execCommand("insertUnorderedList");
      else if (command === "numbered") document.execCommand("insertOrderedList");
      else if (command === "heading") document.execCommand("formatBlock", false, block() === "h3" ? "<p>" : "<h3>");
      remember();
      state();
      sync();
    }

    toolbar.addEventListener("mousedown", function (event) {
      if (event.target.closest("button")) event.preventDefault(); // keep the selection
    });
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-command]");
      if (button) run(button.getAttribute("data-command"));
    });
    toolbar.addEventListener("keydown", function (event) {
      var index = buttons.indexOf(document.activeElement);
      if (index < 0) return;
      var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      next = (next + buttons.length) % buttons.length;
      buttons[index].tabIndex = -1;
      buttons[next].tabIndex = 0;
      buttons[next].focus();
    });

    area.addEventListener("keydown", function (event) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      var key = event.key.toLowerCase();
      var command = { b: "bold", i: "italic", k: "link" }[key];
      if (!command) return;
      event.preventDefault();
      run(command);
    });
    area.addEventListener("input", function (event) {
      event.stopPropagation(); // the textarea's own input event tells the form
      remember();
      state();
      sync();
    });
    area.addEventListener("paste", function (event) {
      var data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      var html = data.getData("text/html");
      var clean = html ? cleanHtml(html, headings) : textToHtml(data.getData("text/plain") || "");
      if (clean) document.execCommand("insertHTML", false, clean);
      sync();
    });
    area.addEventListener("drop", function (event) { event.preventDefault(); });
    ["keyup", "mouseup", "focus"].forEach(function (name) {
      area.addEventListener(name, function () { remember(); state(); });
    });
    area.addEventListener("blur", remember);
    // Someone else set the textarea (journal.js restoring a copy from this device).
    textarea.addEventListener("change", function () { load(textarea.value); });

    document.execCommand("defaultParagraphSeparator", false, "p");
    load(textarea.getAttribute("data-rich-html"));
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-rich-text]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
