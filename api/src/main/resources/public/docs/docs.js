// Renders Taproot's generated OpenAPI document; a token typed into "Authorize" is sent as a bearer token.
window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
