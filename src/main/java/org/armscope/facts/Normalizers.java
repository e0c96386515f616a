package org.armscope.facts;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import org.armscope.model.Bound;
import org.armscope.model.Money;
import org.armscope.model.Quantity;
import org.armscope.model.TimeSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time, quantity and money in any supported language. Month names come from CLDR (ICU) in every
 * case form it has, matched by their common stem so that inflected forms ("в мае", "травня",
 * "Şubat ayında") are found; bounds and periods come from small cue lists.
 */
public final class Normalizers {
    /** A normalised value and where it stands in the text (offsets relative to the string given). */
    public record Found<T>(T value, int start, int end) {
    }

    private static final Map<String, List<String[]>> MONTHS = new ConcurrentHashMap<>();
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])(1[89]\\d{2}|20\\d{2})(?![\\d])");
    private static final Pattern RANGE = Pattern.compile("(?<![\\d.])(1[89]\\d{2}|20\\d{2})\\s?[-–—]\\s?(\\d{2}|\\d{4})(?![\\d])");
    private static final Pattern DECADE = Pattern.compile("(1[89]\\d0|20\\d0)\\s?[-’']?\\s?(?:х|x|s|ых|их|ые|ті|х годов|lar|ler|ات)");
    private static final Pattern LATE = Pattern.compile("(?i)(конц|кінц|late|أواخر|sonların|sonu)");
    private static final Pattern EARLY = Pattern.compile("(?i)(начал|початк|early|أوائل|başların|başı)");
    private static final Pattern MID = Pattern.compile("(?i)(середин|mid|منتصف|ortaların|ortası)");
    private static final Pattern SINCE = Pattern.compile("(?i)(?:^|\\s)(с|со|з|із|since|منذ)\\s+(?:\\S+\\s+){0,2}$");
    private static final Pattern SINCE_AFTER = Pattern.compile("^\\S*\\s*(?:'?(?:den|dan|ten|tan)\\s+(?:beri|bu yana)|yılından bu yana)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,3}(?:[ ,.\\u00A0]\\d{3})+|\\d+(?:[.,]\\d+)?)(?![\\d])");
    private static final Pattern MONEY = Pattern.compile(
            "(?iu)(?:(US\\s?\\$|\\$|€|£|USD\\s?|EUR\\s?)\\s?(\\d+(?:[.,]\\d+)*)\\s*(million|billion|mln|bn|млн|млрд|тыс|тис|мільйон\\w*|мільярд\\w*|миллион\\w*|миллиард\\w*)?)"
                    + "|(?:(\\d+(?:[.,]\\d+)*)\\s*(million|billion|mln|bn|млн\\.?|млрд\\.?|тыс\\.?|тис\\.?|миллион\\w*|миллиард\\w*|мільйон\\w*|мільярд\\w*|مليون|مليار\\w*|milyon|milyar)?\\s*"
                    + "(dollars?|долл\\w*|дол\\.|доларів|долар\\w*|دولار|dolar\\w*|euros?|евро|євро|يورو|avro|€|\\$|руб\\w*|pounds?|фунт\\w*|جنيه))");
    private static final Pattern MAX = Pattern.compile("(?iu)(не превыша|не перевищ|не более|не больше|до\\s*$|up to|not exceed|at most|no more than|حتى|لا يتجاوز|en fazla|kadar)");
    private static final Pattern APPROX = Pattern.compile("(?iu)(около|порядка|примерно|приблизительно|близько|приблизно|about|around|approximately|roughly|some|نحو|بنحو|حوالي|قرابة|yaklaşık|civarında)");
    private static final Pattern MIN = Pattern.compile("(?iu)(более|больше|свыше|понад|більше|over|more than|at least|أكثر من|ما يزيد|fazla)");
    private static final Pattern PER_YEAR = Pattern.compile("(?iu)(ежегодно|в год|щорічно|на рік|annually|per year|a year|each year|every year|سنويا|سنوياً|سنويًا|yıllık|her yıl)");

    private Normalizers() {
    }

    private static List<String[]> months(String lang) {
        return MONTHS.computeIfAbsent(lang, l -> {
            List<String[]> out = new ArrayList<>();
            DateFormatSymbols sym = new DateFormatSymbols(new ULocale(l));
            String[][] forms = {
                sym.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE),
                sym.getMonths(DateFormatSymbols.STANDALONE, DateFormatSymbols.WIDE),
            };
            for (int m = 0; m < 12; m++) {
                String a = forms[0][m].toLowerCase(Locale.ROOT);
                String b = forms[1][m].toLowerCase(Locale.ROOT);
                int n = 0;
                while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
                    n++;
                }
                String stem = a.substring(0, Math.max(2, Math.min(n, a.length())));
                // inflection changes only the last letters: keep at least all but two
                if (stem.length() > a.length() - 2 && a.length() > 4) {
                    stem = a.substring(0, a.length() - 2);
                }
                out.add(new String[] {stem, String.valueOf(m + 1), a});
            }
            return out;
        });
    }

    /** Month number (1-12) of a word, or 0. */
    static int month(String word, String lang) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String l : new String[] {lang, "en"}) {
            for (String[] m : months(l)) {
                if (w.equals(m[2]) || (w.startsWith(m[0]) && w.length() <= m[2].length() + 3
                        && (m[0].length() >= 3 || w.length() <= 3))) {
                    return Integer.parseInt(m[1]);
                }
            }
        }
        return 0;
    }

    /** Every time expression in the text. */
    public static List<Found<TimeSpan>> times(String text, String lang) {
        List<Found<TimeSpan>> out = new ArrayList<>();
        Matcher r = RANGE.matcher(text);
        while (r.find()) {
            String a = r.group(1);
            String b = r.group(2).length() == 2 ? a.substring(0, 2) + r.group(2) : r.group(2);
            if (b.compareTo(a) > 0) {
                out.add(new Found<>(new TimeSpan(a, b, r.group()), r.start(), r.end()));
            }
        }
        Matcher d = DECADE.matcher(text);
        while (d.find()) {
            if (overlaps(out, d.start(), d.end())) {
                continue;
            }
            int decade = Integer.parseInt(d.group(1));
            String before = text.substring(Math.max(0, d.start() - 25), d.start());
            boolean mid = MID.matcher(before).find();
            int year = LATE.matcher(before).find() ? decade + 7 : mid ? decade + 4 : decade;
            int from = Math.max(0, d.start() - 25);
            boolean since = SINCE.matcher(before.replaceAll("\\S*$", "")).find() || before.matches("(?isu).*\\b(с|з|since|منذ)\\s+\\S+\\s*$");
            String end = since ? null : String.valueOf(mid ? decade + 6 : EARLY.matcher(before).find() ? decade + 3 : decade + 9);
            out.add(new Found<>(new TimeSpan(String.valueOf(year), end, text.substring(from, d.end()).strip()), d.start(), d.end()));
        }
        Matcher y = YEAR.matcher(text);
        while (y.find()) {
            if (overlaps(out, y.start(), y.end())) {
                continue;
            }
            String year = y.group(1);
            int start = y.start();
            String value = year;
            // month (and day) right before the year: "в мае 2022", "27 October 2025", "٢٢ نوفمبر"
            String before = text.substring(0, y.start());
            Matcher w = Pattern.compile("(?:(\\d{1,2})\\s+)?([\\p{L}]+)\\s+(?:of\\s+)?$").matcher(before);
            if (w.find()) {
                int m = month(w.group(2), lang);
                if (m > 0) {
                    value = year + "-" + String.format("%02d", m);
                    start = w.start();
                    if (w.group(1) != null) {
                        value += "-" + String.format("%02d", Integer.parseInt(w.group(1)));
                    }
                }
            }
            String prefix = text.substring(Math.max(0, start - 12), start);
            boolean since = prefix.matches("(?isu).*(?:^|\\s)(с|со|з|із|since|منذ)\\s*$")
                    || SINCE_AFTER.matcher(text.substring(y.end())).find();
            out.add(new Found<>(new TimeSpan(value, since ? null : value, text.substring(start, y.end())), start, y.end()));
        }
        return out;
    }

    private static boolean overlaps(List<? extends Found<?>> found, int s, int e) {
        for (Found<?> f : found) {
            if (s < f.end() && f.start() < e) {
                return true;
            }
        }
        return false;
    }

    /** Money amounts with currency, bound and period. */
    public static List<Found<Money>> money(String text) {
        List<Found<Money>> out = new ArrayList<>();
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            String number;
            String scale;
            String currency;
            if (m.group(2) != null) {
                number = m.group(2);
                scale = m.group(3);
                currency = m.group(1);
            } else {
                number = m.group(4);
                scale = m.group(5);
                currency = m.group(6);
            }
            double amount = parseNumber(number) * scale(scale);
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            Bound bound = MAX.matcher(before).find() ? Bound.MAX : APPROX.matcher(before).find() ? Bound.APPROX
                    : MIN.matcher(before).find() ? Bound.MIN : Bound.EXACT;
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 25));
            String per = PER_YEAR.matcher(after).find() || PER_YEAR.matcher(before).find() ? "year" : null;
            out.add(new Found<>(new Money(amount, currency(currency), bound, per, m.group().strip()), m.start(), m.end()));
        }
        return out;
    }

    static String currency(String s) {
        String c = s.toLowerCase(Locale.ROOT).replace(" ", "");
        if (c.contains("€") || c.startsWith("eur") || c.startsWith("евро") || c.startsWith("євро") || c.contains("يورو") || c.startsWith("avro")) {
            return "EUR";
        }
        if (c.startsWith("руб")) {
            return "RUB";
        }
        if (c.contains("£") || c.startsWith("pound") || c.startsWith("фунт") || c.contains("جنيه")) {
            return "GBP";
        }
        return "USD";
    }

    static double scale(String s) {
        if (s == null) {
            return 1;
        }
        String c = s.toLowerCase(Locale.ROOT);
        if (c.startsWith("bil") || c.startsWith("bn") || c.startsWith("млрд") || c.startsWith("миллиард")
                || c.startsWith("мільярд") || c.startsWith("مليار") || c.startsWith("milyar")) {
            return 1e9;
        }
        if (c.startsWith("mil") || c.startsWith("mln") || c.startsWith("млн") || c.startsWith("миллион")
                || c.startsWith("мільйон") || c.startsWith("مليون") || c.startsWith("milyon")) {
            return 1e6;
        }
        if (c.startsWith("тыс") || c.startsWith("тис")) {
            return 1e3;
        }
        return 1;
    }

    /** "5.76", "1 000", "1,000,000", "6,7" to a number. */
    public static double parseNumber(String s) {
        String t = s.replace('\u00A0', ' ').strip();
        if (t.matches("\\d{1,3}(?:[ ,.]\\d{3})+")) {
            return Double.parseDouble(t.replaceAll("[ ,.]", ""));
        }
        return Double.parseDouble(t.replace(',', '.'));
    }

    /** A count right before a position (the item's start): "117 советских истребителей", "48 FA-50". */
    public static Quantity quantityBefore(String text, int itemStart, int maxGapWords) {
        String before = text.substring(0, itemStart);
        Matcher m = Pattern.compile("(\\d{1,3}(?:[ ,.\\u00A0]\\d{3})+|\\d+)\\s+((?:[\\p{L}\\p{M}«»\"-]+\\s+){0," + maxGapWords + "})$")
                .matcher(before);
        if (!m.find()) {
            m = Pattern.compile("(?<=\\s|^|و)(\\d+)((?:[\\p{L}\\p{M}«»\"-]+\\s+){0," + maxGapWords + "})$").matcher(before);
            if (!m.find()) {
                return null;
            }
        }
        String gap = m.group(2) == null ? "" : m.group(2);
        if (gap.matches("(?s).*\\b(год\\w*|році|року|year\\w*|yıl\\w*|عام|سنة).*")) {
            return null;
        }
        long value = (long) parseNumber(m.group(1));
        if (value >= 1800 && value <= 2100 && !m.group(1).matches(".*[ ,.].*")) {
            return null;
        }
        String context = text.substring(Math.max(0, m.start() - 25), m.start());
        Bound bound = MAX.matcher(context).find() ? Bound.MAX : APPROX.matcher(context).find() ? Bound.APPROX
                : MIN.matcher(context).find() ? Bound.MIN : Bound.EXACT;
        return new Quantity(value, bound, m.group(1));
    }

    /** Whether a number in the text is a year or part of money, so not a count. */
    static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }
}
