package org.armscope.model;

/**
 * A span of the cleaned text linked to an entity. {@code firstToken}/{@code lastToken}
 * index the tokens of sentence {@code sentence}; {@code adjectival} is true for
 * "турецких", "Polish", "الكازاخستانية" — the entity named through an adjective.
 */
public record Mention(int start, int end, String text, Entity entity, int sentence,
                      int firstToken, int lastToken, boolean adjectival) {
    public EntityKind kind() {
        return entity.kind();
    }
}
