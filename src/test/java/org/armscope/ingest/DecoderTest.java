package org.armscope.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecoderTest {
    private static final String RU = "Казахстан может начать производство беспилотников раньше Украины. "
            + "Минобороны Казахстана заявило, что уже идет процесс выбора предприятия.";
    private static final String AR = "قال سيرجي زغوريتس إن أوكرانيا قد زودت مؤخرًا معدات الطيران الكازاخستانية وأنظمة الصواريخ.";

    @Test
    void legacyEncodingsComeOutRight() throws Exception {
        for (String cs : List.of("windows-1251", "KOI8-R")) {
            Decoder.Decoded d = Decoder.decode(RU.getBytes(Charset.forName(cs)));
            assertEquals(RU, d.text(), cs);
            assertEquals(cs, d.charset());
        }
        Decoder.Decoded ar = Decoder.decode(AR.replace("ً", "").getBytes(Charset.forName("windows-1256")));
        assertEquals(AR.replace("ً", ""), ar.text());
    }

    @Test
    void utf8AndBom() throws Exception {
        assertEquals(RU, Decoder.decode(RU.getBytes(StandardCharsets.UTF_8)).text());
        byte[] bom = ("\uFEFF" + AR).getBytes(StandardCharsets.UTF_8);
        assertEquals(AR, Decoder.decode(bom).text());
    }

    @Test
    void utf8CutInTheMiddleOfACharacterIsStillUtf8() throws Exception {
        String pl = "Kolejne organizacje sprzeciwiają się skandalicznym i bezpodstawnym atakom. ".repeat(20);
        byte[] good = pl.getBytes(StandardCharsets.UTF_8);
        byte[] cut = new byte[good.length + 4];
        System.arraycopy(good, 0, cut, 0, good.length);
        cut[good.length] = (byte) 0xC3; // the first byte of a two-byte character, then ASCII
        cut[good.length + 1] = '.';
        cut[good.length + 2] = '.';
        cut[good.length + 3] = '.';
        Decoder.Decoded d = Decoder.decode(cut);
        assertEquals("UTF-8", d.charset());
        assertTrue(d.text().startsWith(pl), d.text().substring(0, 80));
        // a legacy page is not taken for broken UTF-8
        Decoder.Decoded ru = Decoder.decode(RU.getBytes(Charset.forName("windows-1251")));
        assertEquals("windows-1251", ru.charset());
    }

    @Test
    void htmlDeclaredCharsetIsUsed() throws Exception {
        String html = "<html><head><meta charset=\"windows-1251\"></head><body><p>" + RU + "</p></body></html>";
        assertTrue(Decoder.decode(html.getBytes(Charset.forName("windows-1251"))).text().contains(RU));
    }

    @Test
    void binaryIsRefusedWithAClearMessage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        IngestException e = assertThrows(IngestException.class, () -> Decoder.decode(png));
        assertTrue(e.getMessage().contains("binary"));
    }

    @Test
    void badFilesAreReportedAndSkippedWithoutStoppingTheRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.txt"), RU);
        Files.write(dir.resolve("empty.html"), new byte[0]);
        Files.write(dir.resolve("image.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1});
        Files.writeString(dir.resolve("big.txt"), "x".repeat(2000));
        List<String> ids = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        new FileSource(List.of(dir, dir.resolve("missing.txt")), 1000).forEach(d -> ids.add(d.id()),
                e -> errors.add(e.item() + ": " + e.message()));
        assertEquals(List.of("good"), ids);
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("empty file")));
        assertTrue(errors.stream().anyMatch(e -> e.contains("binary")));
        assertTrue(errors.stream().anyMatch(e -> e.contains("over the limit")));
        assertTrue(errors.stream().anyMatch(e -> e.contains("no such file")));
    }

    @Test
    void gzippedFilesKeepTheirStem(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("article-7.html.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("<html><body><p>" + RU + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
        }
        var raw = FileSource.read(gz, FileSource.DEFAULT_MAX_BYTES);
        assertEquals("article-7", raw.id());
        assertTrue(raw.html());
    }
}
