package org.armscope.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A short passage of a document around its first match, with the matches marked: words that the
 * document language's analyser reduces to the same term as a query word ("Казахстана" for
 * "Казахстан"), and mentions of the entities the query names in any script ("Казахстан" for
 * "كازاخستان").
 */
final class Snippets {
    static final int WIDTH = 240;

    private Snippets() {
    }

    record Snippet(String text, List<int[]> highlights) {
    }

    /** {@code terms}: the query as {@code field}'s analyser makes it ({@link #terms}). */
    static Snippet snippet(String text, Set<String> terms, Analyzer analyzer, String field, List<int[]> entitySpans) {
        if (text == null) {
            return new Snippet("", List.of());
        }
        List<int[]> matches = new ArrayList<>(entitySpans);
        if (!terms.isEmpty()) {
            // the first 100,000 characters: a snippet is about where the document starts to match
            String head = text.length() > 100_000 ? text.substring(0, 100_000) : text;
            analyse(analyzer, field, head, (t, start, end) -> {
                if (terms.contains(t)) {
                    matches.add(new int[] {start, end});
                }
            });
        }
        matches.sort(Comparator.comparingInt(a -> a[0]));
        int at = matches.isEmpty() ? 0 : matches.get(0)[0];
        int from = Math.max(0, at - 80);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space > 0 && space < at ? space + 1 : from;
        }
        int to = Math.min(text.length(), from + WIDTH);
        String prefix = from > 0 ? "…" : "";
        String body = text.substring(from, to).replace('\n', ' ');
        List<int[]> marks = new ArrayList<>();
        int last = -1;
        for (int[] m : matches) {
            if (m[0] >= from && m[1] <= to && m[0] >= last) {
                marks.add(new int[] {m[0] - from + prefix.length(), m[1] - from + prefix.length()});
                last = m[1];
            }
        }
        return new Snippet(prefix + body + (to < text.length() ? "…" : ""), marks);
    }

    /** The terms the analyser makes of a text. */
    static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> out = new HashSet<>();
        analyse(analyzer, field, text, (t, start, end) -> out.add(t));
        return out;
    }

    private interface TermSink {
        void accept(String term, int start, int end);
    }

    private static void analyse(Analyzer analyzer, String field, String text, TermSink sink) {
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                sink.accept(term.toString(), off.startOffset(), off.endOffset());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
