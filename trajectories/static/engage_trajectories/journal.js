// Autosave for journal entries: saves to the server a moment after typing stops
// and keeps a copy on this device until the server has it, so nothing is lost
// when the tab closes or the network drops. The form still works without it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.localStorage) return;
  var status = form.querySelector("[data-autosave-status]");
  var key = form.getAttribute("data-storage-key");
  var timer = null;
  var saving = false;
  var dirty = false;
  // Set when the server refused a save because the entry changed elsewhere (409):
  // autosave waits until the person chooses "keep mine" or "load theirs".
  var conflict = null;
  var conflictBox = form.querySelector("[data-conflict]");

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "submit";
    });
  }
  function snapshot() {
    var data = {};
    fields().forEach(function (el) { data[el.name] = el.value; });
    return data;
  }
  function say(text) { if (status) status.textContent = text; }

  function keepLocally() {
    try {
      localStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), data: snapshot() }));
    } catch (e) { /* storage full or blocked: the server copy still counts */ }
  }

  function restore() {
    var raw = localStorage.getItem(key);
    if (!raw) return;
    try {
      var copy = JSON.parse(raw);
      // Restored only when it differs from what the server has: a copy typed
      // against an older version is then refused (409) and the person chooses.
      var differs = fields().some(function (el) {
        return el.name !== "version" && Object.prototype.hasOwnProperty.call(copy.data, el.name) &&
          copy.data[el.name] !== el.value;
      });
      if (!differs) { localStorage.removeItem(key); return; }
      fields().forEach(function (el) {
        if (!Object.prototype.hasOwnProperty.call(copy.data, el.name)) return;
        el.value = copy.data[el.name];
        el.dispatchEvent(new Event("change")); // a rich text editor shows it too
      });
      dirty = true;
      say(form.getAttribute("data-restored-text"));
      schedule();
    } catch (e) { localStorage.removeItem(key); }
  }

  function save() {
    if (saving) { schedule(); return; }
    if (conflict !== null) return;
    if (!form.elements.title || !form.elements.title.value.trim()) return;
    saving = true;
    say("…");
    var sent = content(snapshot());
    fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Autosave": "1" }
    }).then(function (response) {
      if (response.status === 409) {
        return response.json().then(function (reply) { showConflict(reply.version); return null; });
      }
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (reply) {
      if (reply === null) return;  // refused: the text stays here and on this device
      dirty = false;
      forget(sent);
      if (reply.edit_url && window.location.pathname !== reply.edit_url) {
        // A new entry now exists: keep editing that one.
        form.action = reply.edit_url;
        history.replaceState(null, "", reply.edit_url);
        key = "engage-journal-" + reply.id;
      }
      if (form.elements.version) form.elements.version.value = reply.version;
      form.setAttribute("data-saved-at", reply.saved_at);
      say(form.getAttribute("data-saved-text") + " " + new Date(reply.saved_at).toLocaleTimeString());
    }).catch(function () {
      say(form.getAttribute("data-offline-text"));
    }).finally(function () { saving = false; });
  }

  // What the person wrote, without the version it was written over.
  function content(data) {
    var text = {};
    Object.keys(data).forEach(function (name) { if (name !== "version") text[name] = data[name]; });
    return JSON.stringify(text);
  }
  // The copy on this device goes once the server has that very text: not when
  // it holds what was typed since, or in another tab of the same entry.
  function forget(sent) {
    try {
      var copy = JSON.parse(localStorage.getItem(key));
      if (copy && content(copy.data) !== sent) return;
    } catch (e) { /* unreadable: nothing worth keeping */ }
    localStorage.removeItem(key);
  }

  // The entry was saved elsewhere since this page's version: say so, and let the
  // person keep their text (sent again over the version the server has now) or
  // load the other version.
  function showConflict(version) {
    conflict = version;
    if (!conflictBox) return;
    conflictBox.hidden = false;
    var text = conflictBox.querySelector("[data-conflict-text]");
    text.textContent = text.getAttribute("data-text");
  }
  if (conflictBox) {
    conflictBox.querySelector("[data-keep-mine]").addEventListener("click", function () {
      if (conflict === null) return;
      form.elements.version.value = conflict;
      conflict = null;
      conflictBox.hidden = true;
      conflictBox.querySelector("[data-conflict-text]").textContent = "";
      save();
    });
    conflictBox.querySelector("[data-load-theirs]").addEventListener("click", function () {
      localStorage.removeItem(key);
      window.location.assign(form.action || window.location.href);
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  }

  form.addEventListener("input", function () { dirty = true; keepLocally(); schedule(); });
  window.addEventListener("online", function () { if (dirty) save(); });
  restore();
})();
