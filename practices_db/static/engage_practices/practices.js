// Progressive enhancement of the practices search: facet links, sorting and
// pagination update the results in place (the URL still captures the search,
// and everything works without this script).
(function () {
  "use strict";
  var form = document.querySelector("[data-practice-search]");
  if (!form || !window.fetch || !window.DOMParser || !history.pushState) return;

  function swap(url, push) {
    document.body.setAttribute("aria-busy", "true");
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        ["main"].forEach(function (selector) {
          var fresh = next.querySelector(selector);
          var old = document.querySelector(selector);
          if (fresh && old) old.innerHTML = fresh.innerHTML;
        });
        document.title = next.title;
        if (push) history.pushState({ practices: true }, "", url);
        bind();
        var count = document.getElementById("results-count");
        if (count) { count.setAttribute("tabindex", "-1"); count.focus(); }
      })
      .catch(function () { window.location.assign(url); })
      .finally(function () { document.body.removeAttribute("aria-busy"); });
  }

  function bind() {
    var main = document.querySelector("main");
    main.querySelectorAll(".facet__value, .active-filters a, .pagination a").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        swap(link.href, true);
      });
    });
    var sort = main.querySelector("#practice-sort");
    var searchForm = main.querySelector("[data-practice-search]");
    if (sort && searchForm) {
      sort.addEventListener("change", function () {
        var params = new URLSearchParams(new FormData(searchForm));
        swap(searchForm.action + "?" + params.toString(), true);
      });
    }
  }

  window.addEventListener("popstate", function () { swap(window.location.href, false); });
  bind();
})();
