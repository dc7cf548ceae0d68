// Fresh Start: small helpers on top of plain HTML forms. Every page works without this file.
(function () {
  "use strict";
  // After htmx swaps in a new step: move focus to the error summary or the new heading, so
  // screen readers announce it (htmx itself updates document.title from the <title> sent).
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.detail.target || event.detail.target.id !== "main") return;
    var target = document.getElementById("error-summary") || document.getElementById("main-heading");
    if (target) target.focus();
  });
  // A slow phone: say a step is on its way and take the button out of reach until the next
  // page is in, so a second tap cannot send the answer twice (issue 15).
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt.closest && event.detail.elt.closest("form");
    if (!form) return;
    document.getElementById("main").setAttribute("aria-busy", "true");
    form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    document.getElementById("main").removeAttribute("aria-busy");
    var form = event.detail.elt.closest && event.detail.elt.closest("form");
    if (form) form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = false; });
  });
  // The language links name the step to come back to. htmx swaps only <main>, so after it
  // moves to another step, point the header's links at that step.
  function languageLinksFollow(event) {
    var here = new URL(event.detail.path, window.location.href);
    document.querySelectorAll("#languages a, #review-notice a, #start-over").forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("next", here.pathname + here.search);
      link.href = url.pathname + url.search;
    });
  }
  document.addEventListener("htmx:pushedIntoHistory", languageLinksFollow);
  document.addEventListener("htmx:replacedInHistory", languageLinksFollow);
  // A form with something typed or chosen but not sent yet (a question, the worker's record
  // table) would lose it to a plain language link: post the form instead, and the server shows
  // it again in the new language, saving nothing. Unchanged, the link is followed as it is.
  function changed(form) {
    return Array.prototype.some.call(form.elements, function (field) {
      if (field.type === "radio" || field.type === "checkbox") return field.checked !== field.defaultChecked;
      if (field.tagName === "SELECT") {
        return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
      }
      return field.type !== "hidden" && "defaultValue" in field && field.value !== field.defaultValue;
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("#languages a");
    var form = document.querySelector("form[data-keep-on-switch]");
    if (!link || !form || !changed(form)) return;
    var code = new URL(link.href).pathname.split("/").pop();
    var field = document.createElement("input");
    event.preventDefault();
    field.type = "hidden"; field.name = "switch_to"; field.value = code;
    form.appendChild(field);
    form.submit();
  });
  document.addEventListener("click", function (event) {
    var exit = event.target.closest("#quick-exit");
    if (exit) {
      // Leave at once, and take this page out of the tab's history.
      event.preventDefault();
      try { sessionStorage.clear(); } catch (e) { /* storage may be blocked */ }
      window.location.replace(exit.href);
      return;
    }
    var copy = event.target.closest("[data-copy]");
    if (copy && navigator.clipboard) {
      navigator.clipboard.writeText(document.getElementById(copy.getAttribute("data-copy")).value);
    }
    if (event.target.closest("[data-print]")) window.print();
  });
  // On paper the reasons are open (print.css does it too where ::details-content works).
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details.why, details.not-applying"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { closed.forEach(function (d) { d.open = false; }); });
  // Answers are wiped 55 to 60 minutes after the last request (webapp/state.py). Ten minutes
  // before, say so and offer to keep them (WCAG 2.2.1): a request that renews the cookie.
  var WARN_AFTER = 45 * 60 * 1000, warnTimer = null;
  function armTimeout() {
    var warning = document.getElementById("timeout-warning");
    if (!warning) return;
    warning.hidden = true;
    clearTimeout(warnTimer);
    if (warning.hasAttribute("data-armed")) {
      warnTimer = setTimeout(function () { warning.hidden = false; }, WARN_AFTER);
    }
  }
  document.addEventListener("DOMContentLoaded", armTimeout);
  document.addEventListener("htmx:afterRequest", function (event) {
    var warning = document.getElementById("timeout-warning"), xhr = event.detail.xhr;
    if (warning && xhr) warning.toggleAttribute("data-armed", xhr.getResponseHeader("X-Answers-Kept") === "1");
    armTimeout();
  });
  document.addEventListener("click", function (event) {
    var keep = event.target.closest("[data-keep]");
    if (!keep) return;
    fetch(keep.getAttribute("data-keep"), {method: "POST", credentials: "same-origin",
      headers: {"X-CSRFToken": document.querySelector("input[name=csrf_token]").value}})
      .then(armTimeout);
  });
  function reveal() {
    document.querySelectorAll("[data-copy],[data-print]").forEach(function (button) {
      if (!button.hasAttribute("data-copy") || navigator.clipboard) button.hidden = false;
    });
  }
  document.addEventListener("DOMContentLoaded", reveal);
  document.addEventListener("htmx:afterSettle", reveal);
})();
