// Swagger UI on this server's own document. "Try it out" calls this server (the document's server is "/");
// persistAuthorization keeps the token typed under "Authorize" across reloads (in this browser's localStorage).
// validatorUrl null: no call to the public validator, the page talks to this server only.
window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
