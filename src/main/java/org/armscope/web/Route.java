package org.armscope.web;

import io.javalin.http.Handler;
import org.armscope.team.Role;

import java.util.List;

/**
 * One endpoint of the API: the router registers it, the access check reads its role (null:
 * anyone), and the OpenAPI document describes it — one table, so the three cannot drift apart.
 */
record Route(String method, String path, Role role, String tag, String summary, List<Param> params, String body,
             Handler handler) {
    /** A query or path parameter. */
    record Param(String name, String in, String description) {
        static Param query(String name, String description) {
            return new Param(name, "query", description);
        }

        static Param path(String name, String description) {
            return new Param(name, "path", description);
        }
    }

    boolean changesState() {
        return !method.equals("GET");
    }
}
