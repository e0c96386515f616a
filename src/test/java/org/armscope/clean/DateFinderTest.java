package org.armscope.clean;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DateFinderTest {
    @Test
    void visibleDatesInEveryLanguage() {
        assertEquals("2026-11-22", DateFinder.find("Опубликовано 22 ноября 2026, 14:05"));
        assertEquals("2026-11-22", DateFinder.find("نشر في ٢٢ نوفمبر ٢٠٢٦"));
        assertEquals("2026-11-22", DateFinder.find("22 Kasım 2026 Pazar"));
        assertEquals("2026-11-22", DateFinder.find("22 листопада 2026 року"));
        assertEquals("2012-05-31", DateFinder.find("31. Mai 2012"));
        assertEquals("2012-05-31", DateFinder.find("Posted on May 31, 2012 by admin"));
        assertEquals("2012-05-31", DateFinder.find("31.05.2012"));
        assertEquals("2012-05-31", DateFinder.find("2012-05-31T10:00:00Z"));
        assertEquals("2019-02-05", DateFinder.find("5 de febrero de 2019"));
    }

    @Test
    void noDateNoGuess() {
        assertNull(DateFinder.find("Version 2.31 released, see page 12"));
        assertNull(DateFinder.find("31.13.2012"));
    }

    @Test
    void htmlMetadataOrder() {
        String html = "<html><head><link rel=canonical href='https://x.org/2017/7/12/story/'></head><body>"
                + "<article><p>Some article text that is long enough to count as prose here.</p></article>"
                + "<footer><span class='date'>17 June 2019</span></footer></body></html>";
        var doc = new ArticleCleaner().clean(new org.armscope.model.RawDocument("d", "https://x.org/", html, true, "UTF-8"));
        assertEquals("2017-07-12", doc.date(), "a date in the URL outranks dates elsewhere on the page");
    }

    @Test
    void theAddressOutranksTagsAndTheTextIsTheLastResort() {
        String tagged = "<html><head><meta property='article:published_time' content='2019-06-17T08:00:00Z'>"
                + "<link rel=canonical href='https://x.org/2017/07/12/story/'></head><body><p>Text.</p></body></html>";
        assertEquals("2017-07-12", clean(tagged).date(), "a full date in the address is the publication date");
        String untagged = "<html><body><article><p>Copyright 19.12.2019, 12:14. A talk on 3 January 2020.</p>"
                + "<p>Our office closed on 19.12.2019 for the holidays, and a second note of 2 March 2018.</p>"
                + "<p>The date 19.12.2019 appears a third time.</p></article></body></html>";
        assertEquals("2019-12-19", clean(untagged).date(), "the date the page states most often");
        assertNull(clean("<html><body><p>No date here, only version 2.31.</p></body></html>").date());
    }

    private static org.armscope.model.Document clean(String html) {
        return new ArticleCleaner().clean(new org.armscope.model.RawDocument("d", "https://x.org/page", html, true, "UTF-8"));
    }
}
