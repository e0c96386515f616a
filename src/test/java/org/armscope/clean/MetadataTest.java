package org.armscope.clean;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MetadataTest {
    @Test
    void aUtcTimestampIsTheDayInTheSitesTimeZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("2021-11-05", Metadata.isoDay(berlin, "2021-11-04T23:00Z"));
        assertEquals("2022-05-03", Metadata.isoDay(ZoneId.of("America/Argentina/Buenos_Aires"), "2022-05-04T00:53:29.274Z"));
        // a written offset already names the local day, "+00:00" too
        assertEquals("2019-12-26", Metadata.isoDay(ZoneId.of("Europe/Zurich"), "2019-12-26T23:07:45+00:00"));
        assertEquals("2022-05-07", Metadata.isoDay(ZoneId.of("America/Lima"), "2022-05-07T13:43:46-05:00"));
        // no known zone, or a bare date: the date as written
        assertEquals("2021-11-04", Metadata.isoDay(null, "2021-11-04T23:00Z"));
        assertEquals("2021-11-04", Metadata.isoDay(berlin, "2021-11-04"));
    }

    @Test
    void theZoneComesFromTheCountryDomain() {
        assertEquals(ZoneId.of("Europe/Berlin"), Metadata.zoneOf("https://www.kas.de/de/laenderberichte/x"));
        assertEquals(ZoneId.of("Asia/Almaty"), Metadata.zoneOf("https://kazinform.kz/news/1"));
        assertNull(Metadata.zoneOf("https://www.reuters.com/article/x"));
        assertNull(Metadata.zoneOf("not a url"));
        var page = Jsoup.parse("<html><head><link rel=canonical href='https://beige.de/artikel/x'>"
                + "<meta property='article:published_time' content='2022-11-06T23:00:00.000Z'></head><body></body></html>");
        assertEquals("2022-11-07", Metadata.read(page).date());
    }

    @Test
    void withNoDateMarkedUpTheDatelineUnderTheHeadlineWins() {
        var page = Jsoup.parse("<html><body><div class='top'>Heute 28.01.2022</div>"
                + "<h1>Zuschauerrückkehr bei den Proficlubs</h1><p>02.02.2022</p>"
                + "<p>Die Vereine dürfen wieder Zuschauer in die Hallen lassen, so die Landesregierung.</p>"
                + "<ul><li>Älter: 14.01.2022</li></ul></body></html>");
        assertEquals("2022-02-02", Metadata.read(page).date());
    }

    @Test
    void aDayFirstDateInTheAddressIsRead() {
        var page = Jsoup.parse("<html><head><link rel=canonical href='https://www.biathlon-antholz.it/de/newsroom/"
                + "23-01-2022-dorothea-wierer-darf-jubeln'></head><body><p>20.02.2020</p></body></html>");
        assertEquals("2022-01-23", Metadata.read(page).date());
        var other = Jsoup.parse("<html><head><link rel=canonical href='https://weisser-ring.de/media-news/meldungen/29-10-2021'>"
                + "</head><body></body></html>");
        assertEquals("2021-10-29", Metadata.read(other).date());
        var none = Jsoup.parse("<html><head><link rel=canonical href='https://example.org/produkt/45-13-2021'>"
                + "</head><body></body></html>");
        assertNull(Metadata.read(none).date());
    }

    @Test
    void aBareDateTagCountsAfterTheDateThePageShows() {
        var page = Jsoup.parse("<html><head><meta name='date' content='2020-02-12'></head><body>"
                + "<h1>Faire Lieferketten</h1><p class='news-date'>05.02.2020</p><p>Text of the news item.</p></body></html>");
        assertEquals("2020-02-05", Metadata.read(page).date());
        var published = Jsoup.parse("<html><head><meta property='article:published_time' content='2020-02-12T10:00:00+01:00'>"
                + "</head><body><h1>T</h1><p class='news-date'>05.02.2020</p></body></html>");
        assertEquals("2020-02-12", Metadata.read(published).date());
        var bare = Jsoup.parse("<html><head><meta name='date' content='2020-02-12'></head><body><p>Text.</p></body></html>");
        assertEquals("2020-02-12", Metadata.read(bare).date());
    }
}
