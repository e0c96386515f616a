package org.armscope.entities;

import com.ibm.icu.util.ULocale;
import org.armscope.model.Entity;
import org.armscope.model.EntityKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The canonical entries: every ISO country with its CLDR names (ICU) in each supported
 * language plus adjectives and capitals from {@code kb/countries.tsv}; alliances, agencies and
 * defence companies from {@code kb/orgs.tsv}; weapon systems from {@code kb/weapons.tsv}
 * (designations and categories from the SIPRI Arms Transfers Database) and
 * {@code kb/weapons-extra.tsv}; equipment classes from {@code kb/categories.tsv}; and the
 * analysts' own additions from the data folder.
 */
public final class KnowledgeBase {
    /** The category given to organisations that are organs of a state (ministries, procurement agencies). */
    public static final String GOVERNMENT = "government";
    /** Categories of places (LOC entries). */
    public static final String CITY = "city";
    public static final String REGION = "region";

    public static final List<String> LANGUAGES = List.of("en", "ru", "uk", "ar", "tr", "kk", "de", "fr", "es");

    /** One name of an entry: its language, text, and whether it is an adjective ("турецкий"). */
    public record Name(String lang, String text, boolean adjective) {
    }

    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<String, List<Name>> names = new LinkedHashMap<>();

    public static KnowledgeBase load(Path userFile) {
        KnowledgeBase kb = new KnowledgeBase();
        kb.loadCountries();
        kb.loadPlaces();
        kb.loadTsv("orgs.tsv", kb::addOrg);
        kb.loadTsv("weapons.tsv", kb::addWeapon);
        kb.loadTsv("weapons-extra.tsv", kb::addWeapon);
        kb.loadTsv("categories.tsv", kb::addCategory);
        if (userFile != null && Files.isRegularFile(userFile)) {
            try (InputStream in = Files.newInputStream(userFile)) {
                kb.readTsv(in, kb::addUserLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kb;
    }

    /**
     * A new entry for a name the knowledge base lacks. Its id is the kind and the name's
     * cross-script key ({@link org.armscope.text.Keys#nameKey}), so "Сергей Згурец" in one article and
     * "سيرجي زغوريتس" in its translation are one entry; a name too short for a safe key keeps its text.
     */
    public static Entity unknown(EntityKind kind, String name, String category) {
        String key = org.armscope.text.Keys.nameKey(name);
        String id = key.replace(" ", "").length() >= 5 && key.contains(" ") ? kind.name() + ":~" + key : kind.name() + ":" + name;
        return new Entity(id, kind, name, null, category, Map.of());
    }

    public Collection<Entity> entities() {
        return entities.values();
    }

    public Entity get(String id) {
        return entities.get(id);
    }

    public List<Name> names(String id) {
        return names.getOrDefault(id, List.of());
    }

    public int size() {
        return entities.size();
    }

    /** UN M49 regions CLDR names in every language ("Северная Африка", "غرب آسيا"). */
    private static final List<String> REGIONS = List.of("002", "015", "011", "014", "017", "018", "202", "019", "021",
            "005", "013", "029", "419", "142", "143", "030", "034", "035", "145", "150", "151", "154", "039", "155", "009", "053");

    /**
     * Places that are not countries: the cities CLDR names in every language (the exemplar city
     * of each time zone: Берлин, Симферополь, القدس), UN regions, and {@code kb/regions.tsv}
     * (the Middle East, the Caucasus). A capital stays a name of its country (governments are
     * named by their capitals); a city named like a country (Panama, Kuwait) is the country.
     */
    private void loadPlaces() {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Entity e : entities.values()) {
            for (String n : e.allNames()) {
                taken.add(n.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, com.ibm.icu.text.TimeZoneNames> zoneNames = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            zoneNames.put(lang, com.ibm.icu.text.TimeZoneNames.getInstance(new ULocale(lang)));
        }
        for (String zone : com.ibm.icu.util.TimeZone.getAvailableIDs(
                com.ibm.icu.util.TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
            String region = com.ibm.icu.util.TimeZone.getRegion(zone);
            String english = zoneNames.get("en").getExemplarLocationName(zone);
            if (english == null || region == null || region.equals("001") || taken.contains(english.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String id = "LOC:" + english;
            for (var en : zoneNames.entrySet()) {
                String n = en.getValue().getExemplarLocationName(zone);
                // a name of three letters or fewer ("ترك", Chuuk) is a stem of too many words
                if (n != null && n.codePointCount(0, n.length()) > 3 && !taken.contains(n.toLowerCase(Locale.ROOT))) {
                    addName(id, EntityKind.LOC, english, region, CITY, new Name(en.getKey(), n, false));
                }
            }
        }
        for (String code : REGIONS) {
            ULocale r = new ULocale("", code);
            String english = r.getDisplayCountry(ULocale.ENGLISH);
            for (String lang : LANGUAGES) {
                String n = r.getDisplayCountry(new ULocale(lang));
                if (!n.equals(code) && !taken.contains(n.toLowerCase(Locale.ROOT))) {
                    addName("LOC:" + english, EntityKind.LOC, english, null, REGION, new Name(lang, n, false));
                }
            }
        }
        loadTsv("regions.tsv", cols -> {
            // english name  lang  names;…
            for (String n : split(cols, 2)) {
                addName("LOC:" + cols[0], EntityKind.LOC, cols[0], null, REGION, new Name(cols[1], n, false));
            }
        });
    }

    private void loadCountries() {
        for (String iso : ULocale.getISOCountries()) {
            ULocale region = new ULocale("", iso);
            String english = region.getDisplayCountry(ULocale.ENGLISH);
            if (english.equals(iso)) {
                continue;
            }
            String id = "COUNTRY:" + iso;
            for (String lang : LANGUAGES) {
                String n = region.getDisplayCountry(new ULocale(lang));
                if (!n.equals(iso)) {
                    addName(id, EntityKind.COUNTRY, iso, iso, null, new Name(lang, n, false));
                }
            }
        }
        loadTsv("countries.tsv", cols -> {
            // iso  lang  names;…  adjectives;…  capitals;…
            String iso = cols[0];
            String id = "COUNTRY:" + iso;
            String lang = cols[1];
            for (String n : split(cols, 2)) {
                addName(id, EntityKind.COUNTRY, iso, iso, null, new Name(lang, n, false));
            }
            for (String n : split(cols, 3)) {
                addName(id, EntityKind.COUNTRY, iso, iso, null, new Name(lang, n, true));
            }
            for (String n : split(cols, 4)) {
                addName(id, EntityKind.COUNTRY, iso, iso, null, new Name(lang, n, false));
            }
        });
    }

    /** name  country  kind(ORG|PERSON)  aliases;… */
    private void addOrg(String[] cols) {
        String kindName = cols.length > 2 && !cols[2].isBlank() ? cols[2].strip() : "ORG";
        // GOV: a ministry or agency, which facts report as its country ("Poland's Armament Agency" is PL).
        String category = kindName.equals("GOV") ? GOVERNMENT : null;
        EntityKind kind = kindName.equals("GOV") ? EntityKind.ORG : EntityKind.valueOf(kindName);
        String id = kind.name() + ":" + cols[0];
        String country = cols.length > 1 && !cols[1].isBlank() ? cols[1].strip() : null;
        addName(id, kind, cols[0], country, category, new Name("en", cols[0], false));
        for (String alias : split(cols, 3)) {
            addName(id, kind, cols[0], country, category, new Name(langOf(alias), alias, false));
        }
    }

    /** designation  category  origin  aliases;… */
    private void addWeapon(String[] cols) {
        String id = "WEAPON:" + cols[0];
        String category = cols.length > 1 && !cols[1].isBlank() ? cols[1].strip() : "other";
        String origin = cols.length > 2 && !cols[2].isBlank() ? cols[2].strip() : null;
        Entity existing = entities.get(id);
        if (existing != null && cols.length <= 3) {
            return;
        }
        if (existing != null) {
            entities.put(id, new Entity(id, EntityKind.WEAPON, cols[0], origin != null ? origin : existing.country(),
                    category, existing.names()));
        }
        addName(id, EntityKind.WEAPON, cols[0], origin, category, new Name("en", cols[0], false));
        for (String alias : split(cols, 3)) {
            addName(id, EntityKind.WEAPON, cols[0], origin, category, new Name(langOf(alias), alias, false));
        }
    }

    /** lang  category  phrase */
    private void addCategory(String[] cols) {
        String category = cols[1].strip();
        String id = "CATEGORY:" + category;
        addName(id, EntityKind.CATEGORY, category, null, category, new Name(cols[0].strip(), cols[2].strip(), false));
    }

    /** Analysts' additions: kind  name  country  category  aliases;… */
    private void addUserLine(String[] cols) {
        EntityKind kind = EntityKind.valueOf(cols[0].strip().toUpperCase(Locale.ROOT));
        String[] rest = java.util.Arrays.copyOfRange(cols, 1, cols.length);
        switch (kind) {
            case WEAPON -> addWeapon(new String[] {rest[0], at(rest, 2), at(rest, 1), at(rest, 3)});
            case ORG, PERSON -> addOrg(new String[] {rest[0], at(rest, 1), kind.name(), at(rest, 3)});
            default -> throw new IllegalArgumentException("cannot add entries of kind " + kind);
        }
    }

    /** Adds an analyst's entry and appends it to the data folder's file so it persists. */
    public Entity addUserEntry(Path userFile, EntityKind kind, String name, String country, String category,
                               List<String> aliases) throws IOException {
        String line = String.join("\t", kind.name(), name, nz(country), nz(category), String.join(";", aliases));
        addUserLine(line.split("\t", -1));
        Files.createDirectories(userFile.toAbsolutePath().getParent());
        Files.writeString(userFile, line + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return entities.get(kind.name() + ":" + name);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String at(String[] a, int i) {
        return i < a.length ? a[i] : "";
    }

    private void addName(String id, EntityKind kind, String canonical, String country, String category, Name name) {
        if (name.text().isBlank()) {
            return;
        }
        entities.computeIfAbsent(id, k -> new Entity(id, kind, canonical, country, category, new LinkedHashMap<>()));
        Entity e = entities.get(id);
        List<String> byLang = e.names().computeIfAbsent(name.lang(), k -> new ArrayList<>());
        if (!byLang.contains(name.text())) {
            byLang.add(name.text());
        }
        List<Name> list = names.computeIfAbsent(id, k -> new ArrayList<>());
        if (!list.contains(name)) {
            list.add(name);
        }
    }

    /** The language a name most likely belongs to, by its script (Cyrillic with і/ї/є/ґ is Ukrainian). */
    public static String langOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(text.charAt(i));
            if (s == Character.UnicodeScript.CYRILLIC) {
                return text.matches(".*[іїєґІЇЄҐ].*") ? "uk" : "ru";
            }
            if (s == Character.UnicodeScript.ARABIC) {
                return "ar";
            }
        }
        return text.matches(".*[çğışöüÇĞİŞÖÜ].*") ? "tr" : "en";
    }

    private static List<String> split(String[] cols, int i) {
        if (i >= cols.length || cols[i].isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : cols[i].split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return new ArrayList<>(out);
    }

    private void loadTsv(String resource, Consumer<String[]> line) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/org/armscope/kb/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("knowledge-base resource kb/" + resource + " is missing");
            }
            readTsv(in, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readTsv(InputStream in, Consumer<String[]> line) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String s;
        while ((s = r.readLine()) != null) {
            if (s.isBlank() || s.startsWith("#")) {
                continue;
            }
            line.accept(s.split("\t", -1));
        }
    }
}
