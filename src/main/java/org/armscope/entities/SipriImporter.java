package org.armscope.entities;

import com.ibm.icu.util.ULocale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@code kb/weapons.tsv} from the SIPRI Arms Transfers Database trade register: every
 * designation with its SIPRI category (mapped from SIPRI's weapon description) and the most
 * frequent supplier as its origin. Information from the SIPRI Arms Transfers Database.
 */
public final class SipriImporter {
    private static final Map<String, String> COUNTRY_OVERRIDES = Map.ofEntries(
            Map.entry("Soviet Union", "RU"), Map.entry("United States", "US"), Map.entry("USA", "US"),
            Map.entry("United Kingdom", "GB"), Map.entry("South Korea", "KR"), Map.entry("North Korea", "KP"),
            Map.entry("Czechoslovakia", "CZ"), Map.entry("Czechia", "CZ"), Map.entry("Yugoslavia", "RS"),
            Map.entry("East Germany (GDR)", "DE"), Map.entry("Turkiye", "TR"), Map.entry("UAE", "AE"),
            Map.entry("Viet Nam", "VN"), Map.entry("DR Congo", "CD"), Map.entry("Bosnia-Herzegovina", "BA"),
            Map.entry("Cote d'Ivoire", "CI"), Map.entry("eSwatini", "SZ"), Map.entry("Taiwan", "TW"),
            Map.entry("Iran", "IR"), Map.entry("Syria", "SY"), Map.entry("Russia", "RU"), Map.entry("Brunei", "BN"),
            Map.entry("Laos", "LA"), Map.entry("Moldova", "MD"), Map.entry("Congo", "CG"), Map.entry("Cabo Verde", "CV"),
            Map.entry("Timor-Leste", "TL"), Map.entry("Saint Vincent", "VC"), Map.entry("North Macedonia", "MK"));

    private SipriImporter() {
    }

    /** SIPRI's category for a weapon description ("FGA aircraft" → aircraft, "SAM system" → air defence systems). */
    public static String category(String description) {
        String d = description.toLowerCase(Locale.ROOT);
        if (d.contains("satellite")) {
            return "satellites";
        }
        if (d.contains("engine") || d.contains("turbofan") || d.contains("turbojet") || d.contains("turboprop")
                || d.contains("gas turbine") || d.contains("reactor")) {
            return "engines";
        }
        if (d.contains("radar") || d.contains("sonar") || d.contains("eo system") || d.contains("eo search")
                || d.contains("search system") || d.contains("intelligence system") || d.contains("recce system")) {
            return "sensors";
        }
        if (d.contains("anti-submarine") && (d.contains("rocket launcher") || d.contains("mortar"))) {
            return "anti-submarine warfare";
        }
        if (d.contains("aircraft carrier")) {
            return "ships";
        }
        if (d.contains("aircraft") || d.contains("helicopter") || d.contains("uav") || d.contains("airship")) {
            return "aircraft";
        }
        if (d.contains("sam system") || d.contains("anti-aircraft gun") || d.contains("air-defence")
                || d.contains("ad system") || d.contains("abm system") || d.equals("sam/abm")) {
            return "air defence systems";
        }
        if (d.contains("missile") || d.contains("torpedo") || d.contains("guided") || d.contains("sam")
                || d.contains("munition") || d.contains("drone") || d.contains("abm")) {
            return "missiles";
        }
        if (d.contains("naval gun") || d.contains("coastal defence") || d.contains("naval multiple") || d.contains("mine")
                && !d.contains("minesweeper") && !d.contains("minehunter") && !d.contains("minelayer")) {
            return "naval weapons";
        }
        if (d.contains("ship") || d.contains("boat") || d.contains("frigate") || d.contains("corvette")
                || d.contains("destroyer") || d.contains("submarine") || d.contains("cruiser") || d.contains("mine")
                || d.contains("craft") || d.contains("tug") || d.contains("tanker") || d.contains("icebreaker")) {
            return "ships";
        }
        if (d.contains("tank") || d.contains("apc") || d.contains("vehicle") || d.contains("armoured")
                || d.contains("bridgelayer") || d.contains("ugv")) {
            return "armoured vehicles";
        }
        if (d.contains("gun") || d.contains("mortar") || d.contains("rocket launcher") || d.contains("howitzer")) {
            return "artillery";
        }
        return "other";
    }

    public static Map<String, String> countryCodes() {
        Map<String, String> out = new HashMap<>();
        for (String iso : ULocale.getISOCountries()) {
            out.put(new ULocale("", iso).getDisplayCountry(ULocale.ENGLISH), iso);
        }
        out.putAll(COUNTRY_OVERRIDES);
        return out;
    }

    /** Reads the trade register CSV and writes the TSV; returns the number of designations. */
    public static int run(Path csv, Path tsv) throws IOException {
        Map<String, String> iso = countryCodes();
        Map<String, Map<String, Integer>> categories = new TreeMap<>();
        Map<String, Map<String, Integer>> suppliers = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> header = parse(r.readLine());
            int iSupplier = header.indexOf("supplier");
            int iDesignation = header.indexOf("weapon_designation");
            int iDescription = header.indexOf("weapon_description");
            String line;
            while ((line = r.readLine()) != null) {
                List<String> c = parse(line);
                if (c.size() <= Math.max(iDesignation, iDescription)) {
                    continue;
                }
                String des = c.get(iDesignation).strip();
                if (des.isEmpty() || des.contains("\t")) {
                    continue;
                }
                categories.computeIfAbsent(des, k -> new HashMap<>()).merge(category(c.get(iDescription)), 1, Integer::sum);
                String sup = iso.get(c.get(iSupplier).strip());
                if (sup != null) {
                    suppliers.computeIfAbsent(des, k -> new HashMap<>()).merge(sup, 1, Integer::sum);
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
            w.write("# Generated by `armscope kb import-sipri` from the SIPRI Arms Transfers Database trade register.\n");
            w.write("# Information from the SIPRI Arms Transfers Database. Columns: designation, category, origin (main supplier).\n");
            for (Map.Entry<String, Map<String, Integer>> e : categories.entrySet()) {
                String cat = top(e.getValue());
                String origin = suppliers.containsKey(e.getKey()) ? top(suppliers.get(e.getKey())) : "";
                w.write(e.getKey() + "\t" + cat + "\t" + origin + "\n");
            }
        }
        return categories.size();
    }

    private static String top(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** One CSV line with quoted fields. */
    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
