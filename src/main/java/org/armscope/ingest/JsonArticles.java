package org.armscope.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.armscope.model.RawDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Article records in JSON: a file holding an array of objects, JSON Lines, or a .zip of such files
 * (news corpora such as SaudiNewsNet ship so). A record gives its text as {@code content},
 * {@code text} or {@code body}, and may give {@code title} and {@code url}; the text becomes the
 * title line, a blank line and the body. Records are read one at a time (a streaming parser), so a
 * large archive does not have to fit in memory; a record with no text is reported and skipped.
 */
final class JsonArticles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TEXT_FIELDS = {"content", "text", "body", "article"};
    private static final String[] TITLE_FIELDS = {"title", "headline"};

    private JsonArticles() {
    }

    static boolean accepted(String lowerName) {
        return lowerName.endsWith(".json") || lowerName.endsWith(".jsonl") || lowerName.endsWith(".zip");
    }

    static void read(Path file, Consumer<RawDocument> sink, Consumer<Source.IngestError> errors) {
        String name = file.getFileName().toString();
        String stem = FileSource.stem(name);
        try (InputStream in = Files.newInputStream(file)) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(in);
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    String entry = e.getName().toLowerCase(Locale.ROOT);
                    if (!e.isDirectory() && (entry.endsWith(".json") || entry.endsWith(".jsonl"))) {
                        records(zip, stem + "-" + FileSource.stem(Path.of(e.getName()).getFileName().toString()),
                                file + "!" + e.getName(), sink, errors);
                    }
                }
            } else {
                records(in, stem, file.toString(), sink, errors);
            }
        } catch (IOException e) {
            errors.accept(new Source.IngestError(file.toString(), "cannot read article records: " + e.getMessage()));
        }
    }

    /** Every record of one JSON text (an array of objects, or objects one after another). */
    private static void records(InputStream in, String idPrefix, String where, Consumer<RawDocument> sink,
                                Consumer<Source.IngestError> errors) {
        int n = 0;
        try {
            JsonParser p = JSON.getFactory().createParser(new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // the zip stream stays open for its next entry
                }
            });
            JsonToken tok;
            while ((tok = p.nextToken()) != null) {
                if (tok != JsonToken.START_OBJECT) {
                    continue;
                }
                JsonNode rec = JSON.readTree(p);
                n++;
                if (n == 1 && first(rec, TEXT_FIELDS) == null && first(rec, TITLE_FIELDS) == null) {
                    errors.accept(new Source.IngestError(where, "not article records (no content, text, body or title field)"));
                    return;
                }
                String body = first(rec, TEXT_FIELDS);
                if (body == null || body.isBlank()) {
                    errors.accept(new Source.IngestError(where + " #" + n, "record has no text"));
                    continue;
                }
                String title = first(rec, TITLE_FIELDS);
                String url = first(rec, "url", "link");
                String text = title == null || title.isBlank() ? body : title.strip() + "\n\n" + body;
                sink.accept(new RawDocument(idPrefix + "-" + n, url != null ? url : where + "#" + n, text, false, "UTF-8"));
            }
        } catch (IOException e) {
            errors.accept(new Source.IngestError(where, "malformed JSON after " + n + " records: " + e.getMessage()));
        }
    }

    private static String first(JsonNode rec, String... fields) {
        for (String f : fields) {
            JsonNode v = rec.get(f);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        return null;
    }
}
