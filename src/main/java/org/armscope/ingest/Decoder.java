package org.armscope.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text. Order of evidence: a byte-order mark, strict UTF-8, a charset declared in
 * HTML, then statistical detection (ICU) among the legacy encodings news sites use, with a
 * letter-case check that separates windows-1251 from KOI8-R on short texts.
 */
public final class Decoder {
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)");
    private static final List<String> LEGACY = List.of("windows-1251", "KOI8-R", "windows-1256", "ISO-8859-6",
            "windows-1254", "ISO-8859-9", "windows-1252", "ISO-8859-1", "ISO-8859-5", "IBM866", "UTF-16LE", "UTF-16BE");

    public record Decoded(String text, String charset) {
    }

    private Decoder() {
    }

    public static Decoded decode(byte[] bytes) throws IngestException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        if (looksBinary(bytes)) {
            throw new IngestException("binary data, not text or HTML (control bytes in the first 8 KB)");
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8");
        }
        String almost = almostUtf8(bytes);
        if (almost != null) {
            return new Decoded(almost, "UTF-8");
        }
        String declared = declaredCharset(bytes);
        if (declared != null && !declared.toLowerCase(Locale.ROOT).startsWith("utf")) {
            try {
                Charset cs = Charset.forName(declared);
                return new Decoded(new String(bytes, cs), cs.name());
            } catch (IllegalArgumentException ignored) {
                // unknown name: fall through to detection
            }
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        String best = null;
        int bestConfidence = -1;
        for (CharsetMatch m : detector.detectAll()) {
            if (LEGACY.contains(m.getName()) && m.getConfidence() > bestConfidence) {
                best = m.getName();
                bestConfidence = m.getConfidence();
            }
        }
        if (best == null) {
            best = "windows-1252";
        }
        if (best.equals("windows-1251") || best.equals("KOI8-R") || best.equals("ISO-8859-5") || best.equals("IBM866")) {
            best = bestCyrillic(bytes);
        }
        return new Decoded(new String(bytes, Charset.forName(best)), best);
    }

    /** Among single-byte Cyrillic encodings, the one whose decoding reads most like ordinary text (mostly lower case). */
    static String bestCyrillic(byte[] bytes) {
        String best = "windows-1251";
        double bestScore = -1;
        for (String name : List.of("windows-1251", "KOI8-R", "IBM866", "ISO-8859-5")) {
            String text = new String(bytes, Charset.forName(name));
            int lower = 0;
            int cyr = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                    cyr++;
                    if (Character.isLowerCase(c)) {
                        lower++;
                    }
                }
            }
            double score = cyr == 0 ? 0 : (double) lower / cyr + cyr / (double) Math.max(1, text.length());
            if (score > bestScore) {
                bestScore = score;
                best = name;
            }
        }
        return best;
    }

    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        return n > 0 && control > n / 20;
    }

    /**
     * UTF-8 with a few broken sequences (a page cut in the middle of a character, one stray byte)
     * is still UTF-8: decoded with U+FFFD for the broken bytes when at most one character in a
     * thousand is broken and the rest holds well-formed multi-byte characters. Legacy encodings
     * fail far more often than that.
     */
    static String almostUtf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int broken = 0;
        int multi = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                broken++;
            } else if (c >= 0x80) {
                multi++;
            }
        }
        return multi > 0 && broken <= Math.max(2, text.length() / 1000) && broken * 20 < multi ? text : null;
    }

    private static String strict(byte[] bytes, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }
}
