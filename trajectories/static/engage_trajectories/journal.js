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
      var savedAt = form.getAttribute("data-saved-at");
      if (savedAt && new Date(copy.at) <= new Date(savedAt)) { localStorage.removeItem(key); return; }
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
    if (!form.elements.title || !form.elements.title.value.trim()) return;
    saving = true;
    say("…");
    fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Autosave": "1" }
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (reply) {
      dirty = false;
      localStorage.removeItem(key);
      if (reply.edit_url && window.location.pathname !== reply.edit_url) {
        // A new entry now exists: keep editing that one.
        form.action = reply.edit_url;
        history.replaceState(null, "", reply.edit_url);
        key = "engage-journal-" + reply.id;
      }
      form.setAttribute("data-saved-at", reply.saved_at);
      say(form.getAttribute("data-saved-text") + " " + new Date(reply.saved_at).toLocaleTimeString());
    }).catch(function () {
      say(form.getAttribute("data-offline-text"));
    }).finally(function () { saving = false; });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  }

  form.addEventListener("input", function () { dirty = true; keepLocally(); schedule(); });
  window.addEventListener("online", function () { if (dirty) save(); });
  restore();
})();
