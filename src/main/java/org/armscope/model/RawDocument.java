package org.armscope.model;

import java.util.Objects;

/** A document as it arrived: decoded text plus where it came from. */
public record RawDocument(String id, String source, String text, boolean html, String charset) {
    public RawDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
