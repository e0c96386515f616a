package org.armscope.team;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Why a reader complains about a comment: one to three of these. */
public enum ComplaintReason {
    OBSCENE("obscene language"),
    FLOODING("flooding"),
    ILLEGAL("breaks the law"),
    INSULTS("insults participants"),
    ADVERTISING("advertising"),
    HATRED("incites hatred"),
    TROLLING("trolling or provocation"),
    OTHER("other");

    public static final int MAX = 3;

    private final String label;

    ComplaintReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a complaint's reasons: one to three distinct known codes, else a clear error. */
    public static List<ComplaintReason> parse(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("choose at least one reason");
        }
        Set<ComplaintReason> out = new LinkedHashSet<>();
        for (String c : codes) {
            try {
                out.add(valueOf(String.valueOf(c).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown reason '" + c + "'");
            }
        }
        if (out.size() > MAX) {
            throw new IllegalArgumentException("choose at most " + MAX + " reasons (" + out.size() + " given)");
        }
        return new ArrayList<>(out);
    }
}
