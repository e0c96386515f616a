package org.armscope.clean;

import org.armscope.model.Document;
import org.armscope.model.RawDocument;

/** Turns a raw page (HTML, or plain text with site chrome) into the article text and its metadata. */
public interface Cleaner {
    Document clean(RawDocument raw);
}
