package org.armscope.model;

import java.util.List;

/** The spec's twelve fact types with their core roles. */
public enum FactType {
    TRANSFER("supplier", "recipient", "item"),
    PRODUCTION("producer", "item"),
    AGREEMENT("parties"),
    TRAINING("provider", "recipient"),
    AID("donor", "recipient"),
    MAINTENANCE("provider", "customer", "item"),
    DISPOSAL("owner", "item"),
    PROCUREMENT("buyer", "item"),
    MEMBERSHIP("member", "organization"),
    COMPETITION("competitors", "market"),
    ACCUSATION("accused", "topic"),
    COOPERATION("parties");

    private final List<String> coreRoles;

    FactType(String... core) {
        this.coreRoles = List.of(core);
    }

    public List<String> coreRoles() {
        return coreRoles;
    }

    /** Roles whose values form one unordered set rather than separate atoms. */
    public static boolean isSetRole(String role) {
        return role.equals("parties") || role.equals("competitors");
    }
}
