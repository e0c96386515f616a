package org.armscope.cli;

import org.armscope.pipeline.Pipeline;
import org.armscope.store.SqlStore;

import java.nio.file.Path;

/** What commands share: the pipeline and the store of the data folder, built on first use. */
final class Context {
    private Context() {
    }

    static Path userKb(Path data) {
        return data.resolve("kb").resolve("additions.tsv");
    }

    static Pipeline pipeline() {
        return Pipeline.standard(userKb(Main.dataDir()));
    }

    static SqlStore store(Pipeline p) {
        return SqlStore.open(Main.dataDir(), p.knowledgeBase());
    }
}
