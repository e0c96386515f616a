package org.armscope.ingest;

import org.armscope.model.RawDocument;

import java.util.function.Consumer;

/** Where documents come from: files and folders today; feeds, archives and streams plug in here. */
public interface Source {
    /** How many items will be offered, or -1 when unknown (for progress bars). */
    long estimatedSize();

    /** Offers every readable document to {@code sink}; unreadable items go to {@code errors}, never stop the run. */
    void forEach(Consumer<RawDocument> sink, Consumer<IngestError> errors);

    record IngestError(String item, String message) {
    }
}
