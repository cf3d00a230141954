// /docs: Swagger UI over the server's own /openapi.json (the bundle is vendored in /static/swagger).
(function () {
  "use strict";
  var box = document.getElementById("swagger-ui");
  if (!box || typeof SwaggerUIBundle !== "function") return;
  window.ui = SwaggerUIBundle({
    url: box.getAttribute("data-schema") || "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
})();
