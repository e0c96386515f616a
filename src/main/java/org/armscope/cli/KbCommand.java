package org.armscope.cli;

import org.armscope.entities.KnowledgeBase;
import org.armscope.entities.SipriImporter;
import org.armscope.model.Entity;
import org.armscope.model.EntityKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@Command(name = "kb", description = "The knowledge base: list, show and add entries; import SIPRI designations.",
        subcommands = {KbCommand.ListEntries.class, KbCommand.Show.class, KbCommand.Add.class, KbCommand.ImportSipri.class})
final class KbCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static KnowledgeBase load() {
        return KnowledgeBase.load(Context.userKb(Main.dataDir()));
    }

    @Command(name = "list", description = "List entries, optionally of one kind.")
    static final class ListEntries implements Runnable {
        @Option(names = "--kind", description = "COUNTRY, ORG, PERSON, WEAPON or CATEGORY")
        String kind;

        @Override
        public void run() {
            for (Entity e : load().entities()) {
                if (kind == null || e.kind().name().equalsIgnoreCase(kind)) {
                    System.out.println(e.id() + "\t" + (e.country() == null ? "" : e.country()) + "\t" + (e.category() == null ? "" : e.category()));
                }
            }
        }
    }

    @Command(name = "show", description = "Show one entry with its names by language.")
    static final class Show implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "e.g. COUNTRY:KZ, WEAPON:S-300")
        String id;

        @Override
        public Integer call() {
            Entity e = load().get(id);
            if (e == null) {
                throw new Main.UserError("no knowledge-base entry '" + id + "' (see: armscope kb list)");
            }
            System.out.println(e.id() + " (" + e.kind() + ")" + (e.country() != null ? " country " + e.country() : "")
                    + (e.category() != null ? " category " + e.category() : ""));
            e.names().forEach((lang, names) -> System.out.println("  " + lang + ": " + String.join("; ", names)));
            return 0;
        }
    }

    @Command(name = "add", description = "Add an analyst's entry; it persists in the data folder.")
    static final class Add implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--kind", required = true, description = "WEAPON, ORG or PERSON")
        String kind;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--country")
        String country;

        @Option(names = "--category")
        String category;

        @Option(names = "--alias", description = "another name (repeatable)")
        List<String> aliases = List.of();

        @Override
        public Integer call() throws Exception {
            EntityKind k = EntityKind.valueOf(kind.toUpperCase(Locale.ROOT));
            Entity e = load().addUserEntry(Context.userKb(Main.dataDir()), k, name, country, category, aliases);
            System.out.println("added " + e.id());
            return 0;
        }
    }

    @Command(name = "import-sipri", description = "Regenerate the weapons table from the SIPRI trade register CSV.")
    static final class ImportSipri implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "CSV")
        Path csv;

        @Option(names = "--out", defaultValue = "src/main/resources/org/armscope/kb/weapons.tsv")
        Path out;

        @Override
        public Integer call() throws Exception {
            System.out.println(SipriImporter.run(csv, out) + " designations written to " + out);
            return 0;
        }
    }
}
