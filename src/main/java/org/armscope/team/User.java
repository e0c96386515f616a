package org.armscope.team;

/** An account. */
public record User(long id, String name, Role role) {
    public boolean can(Role needed) {
        return role.includes(needed);
    }
}
