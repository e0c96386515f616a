package org.armscope.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.armscope.ingest.FileSource;
import org.armscope.ingest.Source;
import org.armscope.pipeline.Pipeline;
import org.armscope.pipeline.Processed;
import org.armscope.store.SqlStore;
import org.armscope.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "ingest", description = "Ingest files and folders (txt, html, htm, gz) into the data folder.")
final class IngestCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Option(names = "--max-bytes", description = "largest file accepted (default ${DEFAULT-VALUE})")
    long maxBytes = FileSource.DEFAULT_MAX_BYTES;

    @Option(names = "--threads", description = "worker threads (default: number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--reprocess", description = "extract again documents already stored (after a model or rule change); "
            + "reviewed corrections are applied again")
    boolean reprocess;

    @Override
    public Integer call() throws Exception {
        Pipeline pipeline = Context.pipeline();
        Source source = new FileSource(paths, maxBytes);
        Stats stats = run(pipeline, source, Main.dataDir(), threads, quiet, reprocess);
        System.out.printf("stored %d, duplicates %d, errors %d, in %.1f s (%.1f documents/s)%n", stats.stored.get(),
                stats.duplicates.get(), stats.errors.get(), stats.seconds, stats.rate());
        return stats.errors.get() > 0 && stats.stored.get() == 0 && stats.duplicates.get() == 0 ? 1 : 0;
    }

    static final class Stats {
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        double seconds;

        double rate() {
            return seconds == 0 ? 0 : (stored.get() + duplicates.get()) / seconds;
        }
    }

    /** Cleans and analyses on worker threads, stores in order of completion; a bad file is reported and skipped. */
    static Stats run(Pipeline pipeline, Source source, Path data, int threads, boolean quiet) throws Exception {
        return run(pipeline, source, data, threads, quiet, false);
    }

    static Stats run(Pipeline pipeline, Source source, Path data, int threads, boolean quiet, boolean reprocess) throws Exception {
        Stats stats = new Stats();
        long t0 = System.nanoTime();
        ExecutorService pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(threads * 4), new ThreadPoolExecutor.CallerRunsPolicy());
        try (SqlStore store = SqlStore.open(data, pipeline.knowledgeBase());
             ProgressBar bar = quiet || source.estimatedSize() < 20 ? null : new ProgressBarBuilder()
                     .setTaskName("ingest").setInitialMax(source.estimatedSize()).setStyle(ProgressBarStyle.ASCII)
                     .setUpdateIntervalMillis(500).build()) {
            java.util.concurrent.ConcurrentLinkedQueue<Future<?>> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
            source.forEach(raw -> pending.add(pool.submit(() -> {
                try {
                    Processed p = pipeline.process(raw);
                    Store.PutResult r = store.put(p, reprocess);
                    (r == Store.PutResult.STORED ? stats.stored : stats.duplicates).incrementAndGet();
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    stats.errors.incrementAndGet();
                    System.err.println("armscope: skipped " + raw.source() + ": " + describe(e));
                }
                if (bar != null) {
                    bar.step();
                }
            })), err -> {
                stats.errors.incrementAndGet();
                System.err.println("armscope: skipped " + err.item() + ": " + err.message());
                if (bar != null) {
                    bar.step();
                }
            });
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        stats.seconds = (System.nanoTime() - t0) / 1e9;
        return stats;
    }

    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "structure too deeply nested to process";
        }
        if (e instanceof OutOfMemoryError) {
            return "document too large to process in the available memory";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
