package org.armscope.ingest;

import org.armscope.model.RawDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonArticlesTest {
    private static final String RECORDS = "[{\"title\": \"واشنطن توافق\", \"content\": \"نص المقال الأول.\", \"url\": \"http://x/1\"},"
            + " {\"title\": \"empty\", \"content\": \"\"}, {\"text\": \"Second article.\"}]";

    @Test
    void recordsFromJsonArraysJsonLinesAndZipArchives(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.json"), RECORDS, StandardCharsets.UTF_8);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("day.zip")))) {
            z.putNextEntry(new ZipEntry("2015-07-21.json"));
            z.write(RECORDS.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Files.writeString(dir.resolve("gold.facts.jsonl"), "{\"doc\": \"x\", \"type\": \"TRANSFER\", \"roles\": {}}\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("c.jsonl"), "{\"content\": \"Line one.\"}\n{\"content\": \"Line two.\"}\n{broken",
                StandardCharsets.UTF_8);
        List<RawDocument> docs = new ArrayList<>();
        List<Source.IngestError> errors = new ArrayList<>();
        new FileSource(List.of(dir)).forEach(docs::add, errors::add);
        assertEquals(6, docs.size(), docs.toString());
        RawDocument first = docs.stream().filter(d -> d.id().equals("a-1")).findFirst().orElseThrow();
        assertEquals("واشنطن توافق\n\nنص المقال الأول.", first.text());
        assertEquals("http://x/1", first.source());
        assertTrue(docs.stream().anyMatch(d -> d.id().equals("day-2015-07-21-3")), "zip entries keep their names");
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("no text")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("malformed JSON after 2 records")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.item().endsWith("gold.facts.jsonl") && e.message().contains("not article records")),
                "a JSON file of other records is refused once, as a whole: " + errors);
    }
}
