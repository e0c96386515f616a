package org.armscope.facts;

import org.armscope.model.Arg;
import org.armscope.model.Fact;
import org.armscope.text.Keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Identity of a fact by its type and core roles: the same deal has the same key in every document. */
public final class FactKeys {
    private FactKeys() {
    }

    /** A stable key of type and core roles (set roles unordered), without the document. */
    public static String dealKey(Fact f) {
        StringBuilder sb = new StringBuilder(f.type().name());
        for (String role : f.type().coreRoles()) {
            List<String> vals = new ArrayList<>();
            for (Arg a : f.role(role)) {
                vals.add(argKey(a));
            }
            vals.sort(null);
            sb.append('|').append(role).append('=').append(String.join(",", vals));
        }
        return sb.toString();
    }

    public static String atomKey(Fact f) {
        return f.doc() + "|" + dealKey(f);
    }

    static String argKey(Arg a) {
        if (a.isFreeText()) {
            return "T:" + Keys.specKey(a.text());
        }
        return switch (a.kind()) {
            case CATEGORY -> "C:" + a.category();
            // people and organisations the knowledge base lacks meet across scripts by their name key
            case PERSON, ORG -> a.kind().name().charAt(0) + ":" + Keys.nameKey(a.name());
            default -> a.kind().name().charAt(0) + ":" + Keys.specKey(a.name());
        };
    }

    /** A short stable id for the deal: shared by the same fact across documents. */
    public static String factId(Fact f) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(dealKey(f).getBytes(StandardCharsets.UTF_8));
            return "f" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String describe(Fact f) {
        Map<String, String> roles = new TreeMap<>();
        f.roles().forEach((k, v) -> roles.put(k, String.join("+", v.stream().map(Arg::label).toList())));
        return f.type() + " " + roles + " " + f.modality().code();
    }
}
