package org.armscope.team;

/**
 * What user-written text (comments, notes, complaints) may contain. Length is counted in
 * characters as a reader counts them (Unicode code points), the same way the web form's
 * "characters left" counter does. Refused, with nothing stored: control characters other than
 * line breaks and tabs, unpaired surrogates, Unicode non-characters, and bidirectional
 * formatting used to disguise text: overrides (U+202D, U+202E) anywhere, and embeddings or
 * isolates that are not closed where they are opened.
 */
public final class TextPolicy {
    public static final int COMMENT_MAX = 2000;
    public static final String INVALID = "the text contains invalid characters";

    private TextPolicy() {
    }

    /** A refused text, with the message a user sees. */
    public static final class InvalidTextException extends IllegalArgumentException {
        public InvalidTextException(String message) {
            super(message);
        }
    }

    /** Returns the text with line breaks normalised, or throws with the reason it is refused. */
    public static String check(String text, int maxChars) {
        if (text == null || text.isBlank()) {
            throw new InvalidTextException("the text is empty");
        }
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        int bidiDepth = 0;
        int chars = 0;
        for (int i = 0; i < t.length(); ) {
            char c = t.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= t.length() || !Character.isLowSurrogate(t.charAt(i + 1))) {
                    throw invalid("an unpaired surrogate at character " + (chars + 1));
                }
                cp = Character.toCodePoint(c, t.charAt(i + 1));
            } else if (Character.isLowSurrogate(c)) {
                throw invalid("an unpaired surrogate at character " + (chars + 1));
            } else {
                cp = c;
            }
            chars++;
            if (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t') {
                throw invalid(String.format("control character U+%04X at character %d", cp, chars));
            }
            if (isNonCharacter(cp)) {
                throw invalid(String.format("non-character U+%04X at character %d", cp, chars));
            }
            switch (cp) {
                case 0x202D, 0x202E -> throw invalid(String.format("bidirectional override U+%04X at character %d", cp, chars));
                case 0x202A, 0x202B, 0x2066, 0x2067, 0x2068 -> bidiDepth++;
                case 0x202C, 0x2069 -> {
                    if (--bidiDepth < 0) {
                        throw invalid("a bidirectional formatting character closes nothing at character " + chars);
                    }
                }
                case '\n' -> {
                    if (bidiDepth != 0) {
                        throw invalid("a bidirectional embedding or isolate is not closed before the line ends");
                    }
                }
                default -> { }
            }
            i += Character.charCount(cp);
        }
        if (bidiDepth != 0) {
            throw invalid("a bidirectional embedding or isolate is not closed");
        }
        if (chars > maxChars) {
            throw new InvalidTextException(String.format("the text is %,d characters long; at most %,d are allowed",
                    chars, maxChars));
        }
        return t.strip();
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static InvalidTextException invalid(String detail) {
        return new InvalidTextException(INVALID + " (" + detail + ")");
    }
}
