// A little help on top of a page that reads fine without it: citation pop-overs, the cited
// sentence marked in its article, and the story list filtered as you type.
"use strict";

(function () {
  let popover = null;

  function showPopover(link) {
    const text = link.dataset.quote;
    if (!text) return;
    hidePopover();
    const sep = text.indexOf(": ");
    popover = document.createElement("div");
    popover.className = "popover";
    popover.setAttribute("role", "tooltip");
    const src = document.createElement("span");
    src.className = "src";
    src.textContent = sep > 0 ? text.slice(0, sep) : "source";
    const body = document.createElement("span");
    body.textContent = sep > 0 ? text.slice(sep + 2) : text;
    popover.append(src, body);
    document.body.append(popover);
    const r = link.getBoundingClientRect();
    const left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 12);
    popover.style.left = Math.max(8, left) + "px";
    popover.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  function hidePopover() {
    if (popover) popover.remove();
    popover = null;
  }

  // the sentence a citation points at, marked inside its article's text
  function markCited(hash, quote) {
    const target = hash && document.getElementById(hash.slice(1));
    if (!target) return;
    const details = target.querySelector("details");
    if (details) details.open = true;
    document.querySelectorAll("mark.cited").forEach(function (m) { m.replaceWith(m.textContent); });
    const sentence = quote && quote.indexOf(": ") > 0 ? quote.slice(quote.indexOf(": ") + 2) : "";
    if (sentence) {
      for (const p of target.querySelectorAll("details p")) {
        p.normalize();
        const node = p.firstChild;
        const at = node && node.nodeType === 3 ? node.data.indexOf(sentence) : -1;
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + sentence.length);
          const mark = document.createElement("mark");
          mark.className = "cited";
          range.surroundContents(mark);
          mark.scrollIntoView({ block: "center" });
          return;
        }
      }
    }
    target.scrollIntoView({ block: "start" });
  }

  function initBrief() {
    document.querySelectorAll("a.cite, a.cite-source").forEach(function (a) {
      if (a.title) {
        a.dataset.quote = a.title;
        a.removeAttribute("title");
      }
      a.addEventListener("mouseenter", function () { showPopover(a); });
      a.addEventListener("focus", function () { showPopover(a); });
      a.addEventListener("mouseleave", hidePopover);
      a.addEventListener("blur", hidePopover);
      a.addEventListener("click", function (ev) {
        const hash = a.getAttribute("href");
        if (!hash || hash[0] !== "#") return;
        ev.preventDefault();
        history.replaceState(null, "", hash);
        hidePopover();
        markCited(hash, a.dataset.quote);
      });
    });
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hidePopover(); });
  }

  function initFilter() {
    const form = document.getElementById("filters");
    if (!form || !document.getElementById("results")) return;
    let timer = null;
    let asked = 0;
    async function refresh() {
      const params = new URLSearchParams(new FormData(form));
      for (const [k, v] of [...params]) if (!v) params.delete(k);
      const url = "/" + (params.toString() ? "?" + params : "");
      const mine = ++asked;
      const results = document.getElementById("results");
      results.classList.add("loading");
      try {
        const resp = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
        const doc = new DOMParser().parseFromString(await resp.text(), "text/html");
        const fresh = doc.getElementById("results");
        const current = document.getElementById("results");
        if (mine === asked && fresh && current) {
          current.replaceWith(fresh);
          history.replaceState(null, "", url);
        }
      } finally {
        const now = document.getElementById("results");
        if (now) now.classList.remove("loading");
      }
    }
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 200);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initBrief();
    initFilter();
  });
})();
