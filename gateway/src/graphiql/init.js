// Starts the vendored GraphiQL (UMD globals React, ReactDOM, GraphiQL) against this gateway.
// Kept out of the page so the page's Content-Security-Policy needs no inline script.
(function () {
  "use strict";
  var container = document.getElementById("graphiql");
  var endpoint = container.getAttribute("data-endpoint") || "/graphql";
  var fetcher = GraphiQL.createFetcher({
    url: new URL(endpoint, window.location.href).toString(),
  });
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
    }),
  );
})();
