package org.armscope.cli;

import org.armscope.facts.FactJson;
import org.armscope.model.Fact;
import org.armscope.store.Exports;
import org.armscope.store.SqlStore;
import org.armscope.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Command(name = "facts", description = "Write every stored fact: spec JSON Lines, SIPRI-register CSV, or a GraphML graph.")
final class FactsCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default), csv or graphml")
    String format;

    @Option(names = "--type", description = "only this fact type")
    String type;

    @Option(names = "--country", description = "only facts with this ISO country among their actors")
    String country;

    @Option(names = "--min-confidence", defaultValue = "0", description = "drop facts below this confidence")
    double minConfidence;

    @Override
    public Integer call() {
        try (SqlStore store = SqlStore.open(Main.dataDir(), null)) {
            List<Fact> facts = store.facts(new Store.FactFilter(null, type, country, null, null, Integer.MAX_VALUE))
                    .stream().filter(f -> f.confidence() >= minConfidence).toList();
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            switch (format) {
                case "jsonl" -> facts.forEach(f -> out.println(FactJson.toLine(f)));
                case "csv" -> out.print(Exports.sipriCsv(facts, store));
                case "graphml" -> out.print(Exports.graphMl(facts));
                default -> throw new Main.UserError("unknown format '" + format + "': use jsonl, csv or graphml");
            }
            out.flush();
        }
        return 0;
    }
}
