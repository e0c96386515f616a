package org.armscope.model;

/** Kinds of things the knowledge base and the spec know. */
public enum EntityKind {
    COUNTRY, ORG, PERSON, WEAPON, CATEGORY, LOC;

    public boolean isActor() {
        return this == COUNTRY || this == ORG || this == PERSON;
    }
}
