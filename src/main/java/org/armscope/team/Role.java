package org.armscope.team;

import java.util.Locale;

/** What a user may do, each role including the ones before it. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Also comments, complains, reports errors and subscribes. */
    ANALYST,
    /** Also works the moderation queue and reviews error reports. */
    MODERATOR,
    /** Also manages accounts. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + s + "' (viewer, analyst, moderator or admin)");
        }
    }
}
