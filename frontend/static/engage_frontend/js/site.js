// The site's progressive enhancements, on every page. Without this script
// everything still works: the menu is simply shown, wide tables scroll.
(function () {
  "use strict";

  // A wide table that scrolls sideways can be scrolled with the keyboard: the
  // wrapper takes focus (named by the table's caption when it has one).
  function scrollableTables() {
    var wraps = document.querySelectorAll(".table-wrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        var caption = wrap.querySelector("caption");
        if (caption) {
          if (!caption.id) caption.id = "table-caption-" + i;
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-labelledby", caption.id);
        }
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-labelledby");
      }
    }
  }

  // The main menu on narrow screens (a phone, or 200% zoom): behind a Menu button.
  function collapsibleMenu() {
    var header = document.querySelector(".site-header");
    var toggle = header && header.querySelector(".menu-toggle");
    var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!menu) return;
    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    }
    header.classList.add("site-header--collapsible");
    toggle.hidden = false;
    setOpen(false);
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }
  function setUp() {
    collapsibleMenu();
    scrollableTables();
    window.addEventListener("resize", scrollableTables);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
