package org.armscope.model;

/** Character offsets of the supporting text in the document's cleaned text. */
public record Evidence(String doc, int start, int end, String text) {
}
