package org.armscope.cli;

import org.armscope.pipeline.Pipeline;
import org.armscope.pipeline.QueryLinker;
import org.armscope.store.SqlStore;
import org.armscope.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

@Command(name = "search", description = "Find documents, best first; names in any script find all languages.")
final class SearchCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "QUERY")
    List<String> words;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Option(names = "--lang", description = "only documents in this language")
    String lang;

    @Option(names = "--type", description = "only documents with a fact of this type")
    String type;

    @Option(names = "--country", description = "only documents naming this ISO country")
    String country;

    @Override
    public Integer call() {
        Pipeline pipeline = Context.pipeline();
        String q = String.join(" ", words);
        try (SqlStore store = Context.store(pipeline)) {
            List<String> ids = QueryLinker.entityIds(pipeline, q);
            List<Store.Hit> hits = store.search(new Store.SearchQuery(q, ids, lang, type, country, null, null, null, null, limit));
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            for (Store.Hit h : hits) {
                out.printf(Locale.ROOT, "%s\t%.3f\t%s\t%s%n", h.id(), h.score(), h.lang(), h.title() == null ? "" : h.title());
            }
            if (hits.isEmpty()) {
                System.err.println("no documents match '" + q + "'");
            }
        }
        return 0;
    }
}
