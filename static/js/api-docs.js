// The API reference page (/api/v1/docs): Swagger UI reading the app's own OpenAPI document.
// A file of its own: the site's Content-Security-Policy allows no inline script.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapi,
    domNode: root,
    deepLinking: true,
  });
});
