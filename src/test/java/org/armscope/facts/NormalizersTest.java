package org.armscope.facts;

import org.armscope.model.Bound;
import org.armscope.model.Money;
import org.armscope.model.Quantity;
import org.armscope.model.TimeSpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NormalizersTest {
    private static TimeSpan time(String text, String lang) {
        List<Normalizers.Found<TimeSpan>> t = Normalizers.times(text, lang);
        assertEquals(1, t.size(), t.toString());
        return t.get(0).value();
    }

    @Test
    void russianDates() {
        assertEquals(new TimeSpan("2023-11", "2023-11", "ноября 2023"), time("в конце ноября 2023 заявило", "ru"));
        assertEquals("2022-05", time("соглашение, заключенное в мае 2022 между", "ru").start());
        TimeSpan since = time("С конца 1990-х годов Турция", "ru");
        assertEquals("1997", since.start());
        assertNull(since.end());
        TimeSpan y = time("началась еще в 1993 году", "ru");
        assertEquals("1993", y.start());
        assertEquals("1993", y.end());
        assertNull(time("с 1993 года", "ru").end());
        TimeSpan mid = time("закупила эти самолеты в середине 1980-х годов", "ru");
        assertEquals("1984", mid.start());
        assertEquals("1986", mid.end());
        assertEquals("1993", time("in the early 1990s", "en").end());
    }

    @Test
    void otherLanguages() {
        assertEquals("2017-11", time("до листопада 2017 року", "uk").start());
        assertEquals("2025-10-27", time("في 27 أكتوبر 2025", "ar").start());
        assertEquals("2021-02", time("Şubat 2021 ayında", "tr").start());
        TimeSpan range = time("delivered over 2022-25", "en");
        assertEquals("2022", range.start());
        assertEquals("2025", range.end());
        assertEquals("2011-09-10", time("on 10 September 2011", "en").start());
        assertNull(time("since 1993", "en").end());
    }

    @Test
    void money() {
        Money m = Normalizers.money("размер таких грантов не превышал 1 миллион долларов ежегодно").get(0).value();
        assertEquals(1_000_000, m.amount());
        assertEquals("USD", m.currency());
        assertEquals(Bound.MAX, m.bound());
        assertEquals("year", m.per());
        Money uk = Normalizers.money("загальною вартістю близько $250 млн Україна").get(0).value();
        assertEquals(250_000_000, uk.amount());
        assertEquals(Bound.APPROX, uk.bound());
        Money ar = Normalizers.money("المقدرة قيمتها بنحو 6.7 مليار دولار").get(0).value();
        assertEquals(6.7e9, ar.amount(), 1);
        assertEquals(Bound.APPROX, ar.bound());
        assertEquals(5.76e9, Normalizers.money("worth a combined US$5.76 billion").get(0).value().amount(), 1);
        assertEquals(6e9, Normalizers.money("6 milyar dolarlık paket").get(0).value().amount(), 1);
        assertEquals("EUR", Normalizers.money("a deal of 2.5 billion euros").get(0).value().currency());
    }

    @Test
    void quantities() {
        String ru = "Казахстан выставил на торги 117 советских истребителей";
        Quantity q = Normalizers.quantityBefore(ru, ru.indexOf("истребителей"), 3);
        assertEquals(117, q.value());
        String en = "commit Poland to buying 980 K2 tanks";
        assertEquals(980, Normalizers.quantityBefore(en, en.indexOf("K2"), 3).value());
        String year = "in 2024 ANKA drones";
        assertNull(Normalizers.quantityBefore(year, year.indexOf("ANKA"), 3));
        String ar = "تتضمن 30 مروحية أباتشي AH-64E";
        assertEquals(30, Normalizers.quantityBefore(ar, ar.indexOf("أباتشي"), 3).value());
    }
}
