package org.armscope.team;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextPolicyTest {
    private static String refused(String text) {
        return assertThrows(TextPolicy.InvalidTextException.class, () -> TextPolicy.check(text, 2000)).getMessage();
    }

    @Test
    void lengthIsCountedInCharactersAsAReaderCountsThem() {
        assertEquals(2000, TextPolicy.check("я".repeat(2000), 2000).length());
        // 2,000 emoji are 4,000 UTF-16 units but 2,000 characters
        assertEquals(4000, TextPolicy.check("😀".repeat(2000), 2000).length());
        assertTrue(refused("я".repeat(2001)).contains("2,001 characters long; at most 2,000"));
        assertTrue(refused("😀".repeat(2001)).contains("2,001"));
    }

    @Test
    void controlCharactersAreRefusedButLineBreaksAndTabsAreText() {
        assertEquals("a\nb\tc\nd", TextPolicy.check("a\r\nb\tc\rd", 2000));
        assertTrue(refused("bell \u0007").startsWith(TextPolicy.INVALID));
        assertTrue(refused("nul \u0000 x").contains("U+0000"));
        assertTrue(refused("esc \u001b[31m red").contains("U+001B"));
        assertTrue(refused("c1 \u0085 next line").contains("U+0085"));
    }

    @Test
    void unpairedSurrogatesAndNonCharactersAreRefused() {
        assertTrue(refused("lone \ud800 high").contains("unpaired surrogate"));
        assertTrue(refused("lone \udc00 low").contains("unpaired surrogate"));
        assertTrue(refused("reversed \udc00\ud800").contains("unpaired surrogate"));
        assertTrue(refused("x \uffff").contains("non-character"));
        assertTrue(refused("x \ufdd0").contains("non-character"));
    }

    @Test
    void bidiOverridesAreRefusedAndEmbeddingsMustClose() {
        assertTrue(refused("invoice_\u202Efdp.exe").contains("override U+202E"));
        assertTrue(refused("x \u202D y").contains("override U+202D"));
        assertTrue(refused("open \u2067 never closed").contains("not closed"));
        assertTrue(refused("closes \u2069 nothing").contains("closes nothing"));
        assertTrue(refused("\u202B line one\nline two \u202C").contains("before the line ends"));
        // balanced isolates are how a right-to-left name is quoted inside left-to-right text
        assertEquals("said \u2067كازاخستان\u2069 today", TextPolicy.check("said \u2067كازاخستان\u2069 today", 2000));
        // Arabic, Persian joiners and Cyrillic are ordinary text
        assertEquals("می‌خواهم قال سيرجي زغوريتس", TextPolicy.check("می‌خواهم قال سيرجي زغوريتس", 2000));
    }

    @Test
    void emptyTextIsRefused() {
        assertEquals("the text is empty", refused("  \n "));
        assertEquals("the text is empty", refused(null));
    }

    @Test
    void complaintsTakeOneToThreeKnownReasons() {
        assertEquals(2, ComplaintReason.parse(java.util.List.of("flooding", "ADVERTISING")).size());
        assertEquals(1, ComplaintReason.parse(java.util.List.of("other", "other")).size(), "a reason counts once");
        assertEquals("choose at least one reason", assertThrows(IllegalArgumentException.class,
                () -> ComplaintReason.parse(java.util.List.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComplaintReason.parse(
                java.util.List.of("flooding", "advertising", "trolling", "hatred"))).getMessage().contains("at most 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComplaintReason.parse(
                java.util.List.of("boring"))).getMessage().contains("unknown reason 'boring'"));
    }
}
