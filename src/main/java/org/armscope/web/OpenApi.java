package org.armscope.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/** The OpenAPI 3.1 document of the API, written from the route table. */
final class OpenApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApi() {
    }

    static ObjectNode document(List<Route> routes, String version) {
        ObjectNode o = JSON.createObjectNode();
        o.put("openapi", "3.1.0");
        ObjectNode info = o.putObject("info");
        info.put("title", "Armscope API");
        info.put("version", version);
        info.put("description", "Search, articles, entities, facts, comments, complaints, error reports, subscriptions "
                + "and moderation. Reading may be open to anonymous viewers (a server setting); everything else needs a "
                + "session (POST /api/session). Every request that changes something carries the session's CSRF token "
                + "in the X-CSRF-Token header. Errors are {\"error\": message}.");
        ObjectNode components = o.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        ObjectNode cookie = schemes.putObject("session");
        cookie.put("type", "apiKey");
        cookie.put("in", "cookie");
        cookie.put("name", WebServer.SESSION_COOKIE);
        ObjectNode csrf = schemes.putObject("csrf");
        csrf.put("type", "apiKey");
        csrf.put("in", "header");
        csrf.put("name", WebServer.CSRF_HEADER);
        ObjectNode error = components.putObject("schemas").putObject("Error");
        error.put("type", "object");
        error.putObject("properties").putObject("error").put("type", "string");
        ObjectNode paths = o.putObject("paths");
        for (Route r : routes) {
            String path = r.path().replaceAll("\\{([^}]+)}", "{$1}");
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            ObjectNode op = item.putObject(r.method().toLowerCase(Locale.ROOT));
            op.putArray("tags").add(r.tag());
            op.put("summary", r.summary());
            op.put("operationId", (r.method() + r.path()).replaceAll("[^A-Za-z0-9]+", "_"));
            op.put("x-role", r.role() == null ? "anyone" : r.role().code());
            ArrayNode params = op.putArray("parameters");
            for (Route.Param p : r.params()) {
                ObjectNode po = params.addObject();
                po.put("name", p.name());
                po.put("in", p.in());
                po.put("required", p.in().equals("path"));
                po.put("description", p.description());
                po.putObject("schema").put("type", "string");
            }
            if (r.body() != null) {
                ObjectNode body = op.putObject("requestBody");
                body.put("required", true);
                body.put("description", r.body());
                body.putObject("content").putObject("application/json").putObject("schema").put("type", "object");
            }
            if (r.role() != null) {
                ArrayNode sec = op.putArray("security");
                ObjectNode s = sec.addObject();
                s.putArray("session");
                if (r.changesState()) {
                    s.putArray("csrf");
                }
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "success (JSON" + (r.path().endsWith(".atom") ? "; Atom XML for feeds" : "") + ")");
            ObjectNode bad = responses.putObject("400");
            bad.put("description", "invalid input; the message says what");
            bad.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
            if (r.path().equals("/api/session") && r.method().equals("POST")) {
                responses.putObject("429").put("description", "too many failed sign-ins; Retry-After gives the seconds to wait");
            }
            if (r.role() != null) {
                responses.putObject("401").put("description", "sign in first");
                responses.putObject("403").put("description", "the role does not allow it, or the CSRF token is missing");
            }
        }
        return o;
    }
}
