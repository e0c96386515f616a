package org.armscope.clean;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates written out in a page's visible text, in any of the languages Armscope
 * reads: "22 ноября 2026", "٢٢ نوفمبر ٢٠٢٦", "22 Kasım 2026", "22 листопада 2026",
 * "31. Mai 2012", "May 31, 2012", "31.05.2012", "2012-05-31". Month names come from CLDR (ICU),
 * in every case form it has and their inflected stems.
 */
final class DateFinder {
    private static final List<String> LOCALES = List.of("en", "ru", "uk", "ar", "tr", "kk", "de", "fr", "es", "pl",
            "pt", "it", "nl", "fi", "hu", "no", "sv", "cs");
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(19\\d{2}|20\\d{2})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.])(\\d{1,2})[./](\\d{1,2})[./](19\\d{2}|20\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?([\\p{L}]{3,12})\\.?,?\\s+(?:de\\s+)?(19\\d{2}|20\\d{2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([\\p{L}]{3,12})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(19\\d{2}|20\\d{2})(?!\\d)");

    static {
        for (String l : LOCALES) {
            DateFormatSymbols sym = new DateFormatSymbols(new ULocale(l));
            for (int ctx : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
                for (int width : new int[] {DateFormatSymbols.WIDE, DateFormatSymbols.ABBREVIATED}) {
                    String[] names = sym.getMonths(ctx, width);
                    for (int m = 0; m < 12; m++) {
                        String n = names[m].toLowerCase(Locale.ROOT).replace(".", "");
                        if (n.length() >= 3) {
                            MONTHS.putIfAbsent(n, m + 1);
                        }
                    }
                }
            }
        }
    }

    private DateFinder() {
    }

    static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Integer m = MONTHS.get(w);
        if (m != null) {
            return m;
        }
        // inflected forms: "мае", "листопада" against "листопад"; the stem must be long enough
        for (Map.Entry<String, Integer> e : MONTHS.entrySet()) {
            String k = e.getKey();
            if (k.length() >= 4 && w.length() >= 4 && (w.startsWith(k.substring(0, k.length() - 1)) || k.startsWith(w.substring(0, w.length() - 1)))
                    && Math.abs(w.length() - k.length()) <= 2) {
                return e.getValue();
            }
        }
        return 0;
    }

    /** The first date in the text, as YYYY-MM-DD, or null. */
    static String find(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = toAsciiDigits(raw);
        int bestAt = Integer.MAX_VALUE;
        String best = null;
        Matcher m = ISO.matcher(text);
        if (m.find() && m.start() < bestAt) {
            best = day(m.group(1), m.group(2), m.group(3));
            bestAt = best == null ? bestAt : m.start();
        }
        m = NUMERIC.matcher(text);
        if (m.find() && m.start() < bestAt) {
            String d = day(m.group(3), m.group(2), m.group(1));
            if (d != null) {
                best = d;
                bestAt = m.start();
            }
        }
        m = DAY_MONTH_YEAR.matcher(text);
        while (m.find() && m.start() < bestAt) {
            int month = month(m.group(2));
            if (month > 0) {
                String d = day(m.group(3), String.valueOf(month), m.group(1));
                if (d != null) {
                    best = d;
                    bestAt = m.start();
                    break;
                }
            }
        }
        m = MONTH_DAY_YEAR.matcher(text);
        while (m.find() && m.start() < bestAt) {
            int month = month(m.group(1));
            if (month > 0) {
                String d = day(m.group(3), String.valueOf(month), m.group(2));
                if (d != null) {
                    best = d;
                    break;
                }
            }
        }
        return best;
    }

    /** Every date in the text (each pattern's matches), as YYYY-MM-DD, in no particular order. */
    static List<String> findAll(String raw) {
        List<String> out = new java.util.ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        String text = toAsciiDigits(raw);
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            add(out, day(m.group(1), m.group(2), m.group(3)));
        }
        m = NUMERIC.matcher(text);
        while (m.find()) {
            add(out, day(m.group(3), m.group(2), m.group(1)));
        }
        m = DAY_MONTH_YEAR.matcher(text);
        while (m.find()) {
            int month = month(m.group(2));
            add(out, month > 0 ? day(m.group(3), String.valueOf(month), m.group(1)) : null);
        }
        m = MONTH_DAY_YEAR.matcher(text);
        while (m.find()) {
            int month = month(m.group(1));
            add(out, month > 0 ? day(m.group(3), String.valueOf(month), m.group(2)) : null);
        }
        return out;
    }

    private static void add(List<String> out, String day) {
        if (day != null) {
            out.add(day);
        }
    }

    private static String day(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)).toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String toAsciiDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '٠' && c <= '٩') {
                out.append((char) ('0' + (c - '٠')));
            } else if (c >= '۰' && c <= '۹') {
                out.append((char) ('0' + (c - '۰')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
