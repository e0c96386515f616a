package org.armscope.ingest;

import org.armscope.model.RawDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Files and folders (recursively): .txt, .html, .htm, and any of them gzipped, and article
 * records in JSON (.json, .jsonl, or a .zip of them: {@link JsonArticles}). The document id is the
 * file-name stem (with the record's number for JSON), so a seed keeps its name through the whole system.
 */
public final class FileSource implements Source {
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    private static final List<String> EXTENSIONS = List.of(".txt", ".html", ".htm", ".xhtml", ".text");

    private final List<Path> files = new ArrayList<>();
    private final List<IngestError> missing = new ArrayList<>();
    private final long maxBytes;

    public FileSource(List<Path> paths) {
        this(paths, DEFAULT_MAX_BYTES);
    }

    public FileSource(List<Path> paths, long maxBytes) {
        this.maxBytes = maxBytes;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(FileSource::accepted)
                            .sorted(Comparator.comparing(Path::toString)).forEach(files::add);
                } catch (IOException e) {
                    missing.add(new IngestError(p.toString(), "cannot list folder: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                missing.add(new IngestError(p.toString(), "no such file or folder"));
            }
        }
    }

    static boolean accepted(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return EXTENSIONS.stream().anyMatch(base::endsWith) || JsonArticles.accepted(name);
    }

    @Override
    public long estimatedSize() {
        long n = 0;
        for (Path f : files) {
            // an archive of article records counts by its size (about 2 KB a record)
            n += JsonArticles.accepted(f.getFileName().toString().toLowerCase(Locale.ROOT))
                    ? Math.max(1, sizeOf(f) / ARCHIVE_BYTES_PER_RECORD) : 1;
        }
        return n;
    }

    private static final long ARCHIVE_BYTES_PER_RECORD = 2_000;

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void forEach(Consumer<RawDocument> sink, Consumer<IngestError> errors) {
        missing.forEach(errors);
        for (Path f : files) {
            if (JsonArticles.accepted(f.getFileName().toString().toLowerCase(Locale.ROOT))) {
                JsonArticles.read(f, sink, errors);
                continue;
            }
            RawDocument doc;
            try {
                doc = read(f, maxBytes);
            } catch (IngestException e) {
                errors.accept(new IngestError(f.toString(), e.getMessage()));
                continue;
            }
            sink.accept(doc);
        }
    }

    /** Reads one file into a document, or says clearly why it cannot. */
    public static RawDocument read(Path f, long maxBytes) throws IngestException {
        String name = f.getFileName().toString();
        boolean gz = name.toLowerCase(Locale.ROOT).endsWith(".gz");
        String base = gz ? name.substring(0, name.length() - 3) : name;
        try {
            long size = Files.size(f);
            if (size == 0) {
                throw new IngestException("empty file");
            }
            if (size > maxBytes) {
                throw new IngestException(String.format(Locale.ROOT,
                        "file is %,d bytes, over the limit of %,d bytes (--max-bytes)", size, maxBytes));
            }
            byte[] bytes;
            try (InputStream in = gz ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                throw new IngestException("decompressed content is over the limit of " + maxBytes + " bytes");
            }
            Decoder.Decoded decoded = Decoder.decode(bytes);
            String text = decoded.text();
            if (text.isBlank()) {
                throw new IngestException("no text in file");
            }
            boolean html = isHtml(base, text);
            return new RawDocument(stem(base), f.toAbsolutePath().toUri().toString(), text, html, decoded.charset());
        } catch (IOException e) {
            throw new IngestException("cannot read: " + e.getMessage(), e);
        }
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static boolean isHtml(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) {
            return true;
        }
        String head = text.substring(0, Math.min(text.length(), 1024)).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
    }
}
