package org.armscope.model;

/**
 * One token. {@code norm} is the lower-cased, script-normalised surface; {@code lemma}
 * the dictionary form (or a light stem where no dictionary exists); {@code tag} the
 * morphological tag of the dictionary reading, if any; {@code keys} the lookup keys
 * (lemma variants, clitic-stripped stems) the entity and fact stages try.
 */
public record Token(String text, int start, int end, String norm, String lemma, String tag,
                    java.util.List<String> keys) {
    public boolean isNumber() {
        return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }
}
