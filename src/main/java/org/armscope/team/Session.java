package org.armscope.team;

import java.time.Instant;

/** A signed-in browser: the cookie's token (known only to the browser after creation), its CSRF token, its user. */
public record Session(String token, String csrf, User user, Instant expires) {
}
