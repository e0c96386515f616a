package org.armscope.model;

import java.util.List;

/** A sentence with offsets into the cleaned text and its tokens. */
public record Sentence(int index, int start, int end, String text, List<Token> tokens, int paragraph) {
}
