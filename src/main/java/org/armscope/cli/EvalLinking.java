package org.armscope.cli;

import org.armscope.eval.NerEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "linking", description = "Entity-linking accuracy against NEREL's Wikidata links (test split) for the items "
        + "the knowledge base holds; the last line is 'accuracy x.xxx'.")
final class EvalLinking implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NEREL_DIR")
    Path dir;

    @Option(names = "--errors", description = "list every mention linked wrongly or not found")
    boolean errors;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new Main.UserError("no folder " + dir);
        }
        NerEval.LinkingReport r = NerEval.linking(dir, Context.pipeline());
        if (errors) {
            r.errors().forEach(System.out::println);
        }
        System.out.println(r.format());
        return 0;
    }
}
