package org.armscope.clean;

/** One candidate paragraph of a page: its text, how much of it is link text, and whether it is a heading or list item. */
record Block(String text, double linkDensity, boolean heading, boolean chromeMarkup) {
    static Block plain(String text) {
        return new Block(text, 0, false, false);
    }
}
