package org.armscope.cli;

import org.armscope.ingest.FileSource;
import org.armscope.ingest.Source;
import org.armscope.model.RawDocument;
import org.armscope.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

@Command(name = "bench", description = "Throughput benchmark: ingest the given files repeated N times into a fresh data folder.")
final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Option(names = "--repeat", defaultValue = "1", description = "how many copies of each document (each a distinct document)")
    int repeat;

    @Option(names = "--threads", description = "worker threads (default: number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--keep", paramLabel = "DIR", description = "store into DIR and keep it (to serve or search the result), "
            + "instead of a temporary folder")
    Path keep;

    /**
     * Copy {@code r} of a document, made distinct for deduplication by a copy number before the end
     * of its first prose paragraph (a line of more than 80 characters; in HTML the first {@code <p>}), which
     * the cleaner keeps. A marker line of its own would be cleaned away as chrome and the copies
     * stored once.
     */
    static String distinct(RawDocument d, int r) {
        String t = d.text();
        String mark = " " + r;
        int at = -1;
        if (d.html()) {
            at = t.toLowerCase(java.util.Locale.ROOT).indexOf("</p>");
        } else {
            int start = 0;
            for (String line : t.split("\n", -1)) {
                if (line.strip().length() > 80) {
                    at = start + line.stripTrailing().length();
                    break;
                }
                start += line.length() + 1;
            }
        }
        if (at > 0 && ".!?".indexOf(t.charAt(at - 1)) >= 0) {
            at--; // "… signed in 2025 7." reads as prose to the cleaner; a "(7)" after the sentence reads as a counter
        }
        return at < 0 ? t + mark : t.substring(0, at) + mark + t.substring(at);
    }

    @Override
    public Integer call() throws Exception {
        List<RawDocument> docs = new ArrayList<>();
        new FileSource(paths).forEach(docs::add, e -> System.err.println("skipped " + e.item() + ": " + e.message()));
        Source repeated = new Source() {
            @Override
            public long estimatedSize() {
                return (long) docs.size() * repeat;
            }

            @Override
            public void forEach(Consumer<RawDocument> sink, Consumer<IngestError> errors) {
                for (int r = 0; r < repeat; r++) {
                    for (RawDocument d : docs) {
                        sink.accept(new RawDocument(d.id() + "-" + r, d.source(), distinct(d, r), d.html(), d.charset()));
                    }
                }
            }
        };
        Path data = keep != null ? keep : Files.createTempDirectory("armscope-bench");
        long t0 = System.nanoTime();
        Pipeline pipeline = Context.pipeline();
        double startup = (System.nanoTime() - t0) / 1e9;
        IngestCommand.Stats s = IngestCommand.run(pipeline, repeated, data, threads, false);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("documents %d (stored %d, duplicates %d, errors %d), threads %d, start-up %.1f s, ingest %.1f s, "
                + "%.1f documents/s, peak heap %d MB%n", s.stored.get() + s.duplicates.get(), s.stored.get(), s.duplicates.get(),
                s.errors.get(), threads, startup, s.seconds, s.rate(), peak / (1024 * 1024));
        return 0;
    }
}
