// Makes the server-rendered SVG charts interactive (tooltips) where JavaScript runs, using the
// Vega bundle shipped with the book (_static/vega-bundle.js). Without JavaScript, or if anything
// fails, the SVG stays: the chart is always readable.
(function () {
  function enhance() {
    if (typeof window.vegaEmbed !== "function") return;
    document.querySelectorAll(".wmo-grafiek[data-spec]").forEach(function (el) {
      var specEl = document.getElementById(el.getAttribute("data-spec"));
      if (!specEl) return;
      var spec;
      try { spec = JSON.parse(specEl.textContent); } catch (e) { return; }
      var target = document.createElement("div");
      target.setAttribute("aria-hidden", "true");
      window.vegaEmbed(target, spec, {
        renderer: "svg", actions: false,
        formatLocale: {decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""]},
      }).then(function () {
        el.replaceChildren(target);
      }).catch(function () { /* keep the static SVG */ });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  else enhance();
})();
