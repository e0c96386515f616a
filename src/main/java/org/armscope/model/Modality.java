package org.armscope.model;

import java.util.Locale;

public enum Modality {
    ASSERTED, PLANNED, POSSIBLE, HYPOTHETICAL, ALLEGED, DENIED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Modality of(String s) {
        return s == null ? ASSERTED : valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
