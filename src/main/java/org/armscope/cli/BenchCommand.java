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
                        // a marker line makes every copy a distinct document for deduplication
                        sink.accept(new RawDocument(d.id() + "-" + r, d.source(), d.text() + "\n\ncopy " + r, d.html(), d.charset()));
                    }
                }
            }
        };
        Path data = Files.createTempDirectory("armscope-bench");
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
        System.out.printf("documents %d, threads %d, start-up %.1f s, ingest %.1f s, %.1f documents/s, peak heap %d MB%n",
                s.stored.get() + s.duplicates.get(), threads, startup, s.seconds, s.rate(), peak / (1024 * 1024));
        return 0;
    }
}
