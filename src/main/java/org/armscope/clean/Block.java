package org.armscope.clean;

import org.jsoup.nodes.Element;

import java.util.List;

/**
 * One candidate paragraph of a page: its text, how much of it is link text, whether it is a
 * heading, whether it sits in chrome-looking markup, and its nearest ancestors (HTML only).
 */
record Block(String text, double linkDensity, boolean heading, boolean chromeMarkup, List<Element> ancestors) {
    static Block plain(String text) {
        return new Block(text, 0, false, false, List.of());
    }
}
