package org.armscope.model;

import java.util.Locale;

public enum Bound {
    EXACT, MAX, MIN, APPROX;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Bound of(String s) {
        return s == null ? EXACT : valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
