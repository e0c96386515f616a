package org.armscope.store;

import java.util.Locale;

/** A short passage of a document around the first occurrence of a query word. */
final class Snippets {
    private Snippets() {
    }

    static String snippet(String text, String query) {
        if (text == null) {
            return "";
        }
        int at = -1;
        if (query != null) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String w : query.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (w.length() >= 3) {
                    at = lower.indexOf(w.length() > 5 ? w.substring(0, w.length() - 2) : w);
                    if (at >= 0) {
                        break;
                    }
                }
            }
        }
        int from = Math.max(0, at < 0 ? 0 : at - 80);
        int to = Math.min(text.length(), from + 240);
        String s = text.substring(from, to).replace('\n', ' ');
        return (from > 0 ? "…" : "") + s + (to < text.length() ? "…" : "");
    }
}
