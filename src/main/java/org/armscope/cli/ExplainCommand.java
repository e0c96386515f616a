package org.armscope.cli;

import org.armscope.facts.FactKeys;
import org.armscope.ingest.FileSource;
import org.armscope.ingest.IngestException;
import org.armscope.model.Document;
import org.armscope.model.Fact;
import org.armscope.model.Mention;
import org.armscope.model.Sentence;
import org.armscope.pipeline.Pipeline;
import org.armscope.pipeline.Processed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "explain", description = "Show each sentence with its entities, the rules that fired and why candidates were rejected.")
final class ExplainCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "DOC", description = "a file, or the id of a stored document")
    String doc;

    @Override
    public Integer call() throws Exception {
        Pipeline pipeline = Context.pipeline();
        Document d;
        Path p = Path.of(doc);
        if (Files.isRegularFile(p)) {
            try {
                d = pipeline.clean(FileSource.read(p, FileSource.DEFAULT_MAX_BYTES));
            } catch (IngestException e) {
                throw new Main.UserError(doc + ": " + e.getMessage());
            }
        } else {
            try (var store = Context.store(pipeline)) {
                d = store.document(doc).orElseThrow(() -> new Main.UserError("no file or stored document '" + doc + "'"));
            }
            d = d.withLang(null);
        }
        List<String> trace = new ArrayList<>();
        Processed r = pipeline.analyze(d, null, trace);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("document " + d.id() + " (" + r.analyzed().lang() + ")");
        // the recogniser's layers the fact stage does not read: outer names, names inside names
        List<org.armscope.entities.StatisticalLinker.Recognised> layers =
                org.armscope.entities.StatisticalLinker.recognise(pipeline.linker(), r.analyzed()).stream()
                        .filter(org.armscope.entities.StatisticalLinker.Recognised::layer).toList();
        for (Sentence s : r.analyzed().sentences()) {
            out.println("[" + s.index() + "] " + s.text());
            for (Mention m : r.mentions()) {
                if (m.sentence() == s.index()) {
                    out.println("    " + m.text() + " → " + m.entity().id() + (m.adjectival() ? " (adjective)" : ""));
                }
            }
            for (var l : layers) {
                if (l.mention().sentence() == s.index()) {
                    out.println("    (layer, not read by the facts) " + l.mention().text() + " → " + l.type() + " " + l.mention().entity().id());
                }
            }
            String tag = "  [" + s.index() + "] ";
            trace.stream().filter(t -> t.startsWith(tag)).forEach(t -> out.println("    " + t.substring(tag.length())));
        }
        out.println("facts:");
        for (Fact f : r.facts()) {
            out.printf("  %.2f %s  (%s)%n", f.confidence(), FactKeys.describe(f), f.rule());
        }
        return 0;
    }
}
