// Dutch interface of the Wmo-monitor book (analysis.present.interface).
// 1. Light only: the book's colours are audited in light mode (WCAG AA), so neither a stored
//    preference nor the system's dark mode may switch the theme. Runs in <head>, before the page
//    is drawn; the theme's own script then keeps "light".
// 2. The search page's texts that Sphinx's Dutch catalogue leaves in English.
(function () {
  var root = document.documentElement;
  root.dataset.mode = "light";
  root.dataset.theme = "light";
  try { localStorage.setItem("mode", "light"); localStorage.setItem("theme", "light"); } catch (e) {}
  if (window.Documentation && Documentation.addTranslations) {
    Documentation.addTranslations({
      locale: "nl",
      plural_expr: "(n != 1)",
      messages: {
        "Search Results": "Zoekresultaten",
        "Searching": "Bezig met zoeken",
        "Preparing search...": "Zoeken voorbereiden…",
        ", in ": ", in ",
        "Hide Search Matches": "Zoektreffers verbergen",
        "Search finished, found ${resultCount} page(s) matching the search query.":
          "Klaar: ${resultCount} pagina('s) gevonden.",
        "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
          "Niets gevonden. Controleer de spelling of zoek op minder woorden."
      }
    });
  }
})();
