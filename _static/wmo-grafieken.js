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
        // nl-NL dates, as in the static SVG (vl-convert time_format_locale="nl-NL")
        timeFormatLocale: {
          dateTime: "%a %e %B %Y %T", date: "%d-%m-%Y", time: "%H:%M:%S", periods: ["AM", "PM"],
          days: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
          shortDays: ["zo", "ma", "di", "wo", "do", "vr", "za"],
          months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                   "september", "oktober", "november", "december"],
          shortMonths: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                        "nov", "dec"],
        },
      }).then(function () {
        el.replaceChildren(target);
      }).catch(function () { /* keep the static SVG */ });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  else enhance();
})();
