package org.armscope.ingest;

/** A file that cannot become a document; the message says why in words a person can act on. */
public class IngestException extends Exception {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
