package org.armscope.cli;

import org.armscope.clean.ArticleCleaner;
import org.armscope.ingest.FileSource;
import org.armscope.ingest.IngestException;
import org.armscope.model.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

@Command(name = "clean", description = "Print the cleaned article text of a file, one paragraph a line.")
final class CleanCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--meta", description = "print the metadata (title, date, author, site, url) first")
    boolean meta;

    @Option(names = "--explain", description = "list every block with its score and why it was kept or dropped")
    boolean explain;

    @Override
    public Integer call() {
        org.armscope.model.RawDocument raw;
        try {
            raw = FileSource.read(file, FileSource.DEFAULT_MAX_BYTES);
        } catch (IngestException e) {
            throw new Main.UserError(file + ": " + e.getMessage());
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (explain) {
            ArticleCleaner.explain(raw).forEach(out::println);
            return 0;
        }
        Document d = new ArticleCleaner().clean(raw);
        if (meta) {
            out.println("# title: " + nz(d.title()));
            out.println("# date: " + nz(d.date()));
            out.println("# author: " + nz(d.author()));
            out.println("# site: " + nz(d.site()));
            out.println("# url: " + nz(d.source()));
        }
        out.println(d.text());
        return 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
