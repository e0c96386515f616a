package org.armscope.eval;

import org.armscope.model.Arg;
import org.armscope.model.EntityKind;
import org.armscope.model.Fact;
import org.armscope.model.FactType;
import org.armscope.text.Keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The scoring of spec/facts.md §4, exactly: atomisation, entity match (spec key, aliases,
 * designation prefixes, categories, free-text containment), one-to-one maximum matching of
 * required gold atoms then of optional ones, per-type and overall P/R/F1, attribute accuracy
 * over matched atoms, and the country-level repeat.
 */
public final class FactScorer {

    /** One atom: a fact with one value per non-set core role and one pair for a set role. */
    public record Atom(Fact fact, Map<String, List<Arg>> core) {
    }

    public record Counts(int predicted, int gold, int matchedPredicted, int matchedGold) {
        public double precision() {
            return predicted == 0 ? 0 : (double) matchedPredicted / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) matchedGold / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(predicted + o.predicted, gold + o.gold, matchedPredicted + o.matchedPredicted,
                    matchedGold + o.matchedGold);
        }
    }

    public record Result(Map<String, Counts> byType, Counts overall, int modalityRight, int timeRight, int timeGold,
                         int quantityRight, int quantityGold, int matched, List<Atom[]> pairs,
                         List<Atom> missedGold, List<Atom> spuriousPredicted) {
        public double modalityAccuracy() {
            return matched == 0 ? 0 : (double) modalityRight / matched;
        }

        public double timeAccuracy() {
            return timeGold == 0 ? 0 : (double) timeRight / timeGold;
        }

        public double quantityAccuracy() {
            return quantityGold == 0 ? 0 : (double) quantityRight / quantityGold;
        }
    }

    private FactScorer() {
    }

    public static Result score(List<Fact> gold, List<Fact> predicted) {
        List<Atom> goldRequired = new ArrayList<>();
        List<Atom> goldOptional = new ArrayList<>();
        for (Fact f : gold) {
            (f.optional() ? goldOptional : goldRequired).addAll(atomise(f));
        }
        List<Atom> pred = new ArrayList<>();
        predicted.forEach(f -> pred.addAll(atomise(f)));

        int[] predToGold = new int[pred.size()];
        Arrays.fill(predToGold, -1);
        int[] goldToPred = match(goldRequired, pred, predToGold, null);
        boolean[] droppedPred = new boolean[pred.size()];
        int[] predToOpt = new int[pred.size()];
        Arrays.fill(predToOpt, -1);
        boolean[] taken = new boolean[pred.size()];
        for (int i = 0; i < pred.size(); i++) {
            taken[i] = predToGold[i] >= 0;
        }
        match(goldOptional, pred, predToOpt, taken);
        for (int i = 0; i < pred.size(); i++) {
            droppedPred[i] = predToGold[i] < 0 && predToOpt[i] >= 0;
        }

        Map<String, Counts> byType = new TreeMap<>();
        for (Atom g : goldRequired) {
            byType.merge(g.fact().type().name(), new Counts(0, 1, 0, 0), Counts::plus);
        }
        for (int gi = 0; gi < goldRequired.size(); gi++) {
            if (goldToPred[gi] >= 0) {
                byType.merge(goldRequired.get(gi).fact().type().name(), new Counts(0, 0, 0, 1), Counts::plus);
            }
        }
        List<Atom> spurious = new ArrayList<>();
        for (int i = 0; i < pred.size(); i++) {
            if (droppedPred[i]) {
                continue;
            }
            boolean m = predToGold[i] >= 0;
            byType.merge(pred.get(i).fact().type().name(), new Counts(1, 0, m ? 1 : 0, 0), Counts::plus);
            if (!m) {
                spurious.add(pred.get(i));
            }
        }
        Counts overall = byType.values().stream().reduce(new Counts(0, 0, 0, 0), Counts::plus);
        int modality = 0;
        int timeRight = 0;
        int timeGold = 0;
        int qRight = 0;
        int qGold = 0;
        List<Atom[]> pairs = new ArrayList<>();
        List<Atom> missed = new ArrayList<>();
        for (int gi = 0; gi < goldRequired.size(); gi++) {
            Atom g = goldRequired.get(gi);
            if (goldToPred[gi] < 0) {
                missed.add(g);
                continue;
            }
            Atom p = pred.get(goldToPred[gi]);
            pairs.add(new Atom[] {g, p});
            modality += g.fact().modality() == p.fact().modality() ? 1 : 0;
            if (g.fact().time() != null && g.fact().time().start() != null) {
                timeGold++;
                timeRight += timeEqual(g.fact(), p.fact()) ? 1 : 0;
            }
            if (g.fact().quantity() != null) {
                qGold++;
                qRight += p.fact().quantity() != null && p.fact().quantity().value() == g.fact().quantity().value() ? 1 : 0;
            }
        }
        return new Result(byType, overall, modality, timeRight, timeGold, qRight, qGold, pairs.size(), pairs, missed, spurious);
    }

    /** Country level (§4.5): every ORG/PERSON actor replaced by its country where known. */
    public static List<Fact> atCountryLevel(List<Fact> facts) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            Map<String, List<Arg>> roles = new LinkedHashMap<>();
            f.roles().forEach((k, v) -> roles.put(k, v.stream().map(Arg::atCountryLevel).toList()));
            out.add(new Fact(f.factId(), f.doc(), f.type(), roles, f.modality(), f.time(), f.quantity(), f.money(),
                    f.source(), f.evidence(), f.optional(), f.confidence(), f.rule()));
        }
        return out;
    }

    public static boolean timeEqual(Fact gold, Fact pred) {
        if (pred.time() == null || pred.time().start() == null) {
            return false;
        }
        String g = gold.time().start();
        String p = pred.time().start();
        return p.length() >= g.length() && p.substring(0, g.length()).equals(g);
    }

    /** Kuhn's augmenting paths; candidates tried in order of preference. Returns gold→pred. */
    private static int[] match(List<Atom> gold, List<Atom> pred, int[] predToGold, boolean[] unavailable) {
        int[] goldToPred = new int[gold.size()];
        Arrays.fill(goldToPred, -1);
        List<List<Integer>> adj = new ArrayList<>();
        for (Atom g : gold) {
            List<Integer> cands = new ArrayList<>();
            for (int i = 0; i < pred.size(); i++) {
                if ((unavailable == null || !unavailable[i]) && atomMatch(g, pred.get(i))) {
                    cands.add(i);
                }
            }
            cands.sort(Comparator.comparingInt((Integer i) -> -preference(g, pred.get(i))));
            adj.add(cands);
        }
        for (int gi = 0; gi < gold.size(); gi++) {
            augment(gi, adj, goldToPred, predToGold, new boolean[pred.size()]);
        }
        return goldToPred;
    }

    private static boolean augment(int gi, List<List<Integer>> adj, int[] goldToPred, int[] predToGold, boolean[] seen) {
        for (int p : adj.get(gi)) {
            if (seen[p]) {
                continue;
            }
            seen[p] = true;
            if (predToGold[p] < 0 || augment(predToGold[p], adj, goldToPred, predToGold, seen)) {
                predToGold[p] = gi;
                goldToPred[gi] = p;
                return true;
            }
        }
        return false;
    }

    private static int preference(Atom g, Atom p) {
        int s = 0;
        List<Arg> gi = g.core().getOrDefault("item", List.of());
        List<Arg> pi = p.core().getOrDefault("item", List.of());
        if (!gi.isEmpty() && !pi.isEmpty() && gi.get(0).kind() == pi.get(0).kind()) {
            s += 8;
        }
        if (g.fact().modality() == p.fact().modality()) {
            s += 4;
        }
        if (g.fact().time() != null && timeEqual(g.fact(), p.fact())) {
            s += 2;
        }
        if (g.fact().quantity() != null && p.fact().quantity() != null
                && g.fact().quantity().value() == p.fact().quantity().value()) {
            s += 1;
        }
        return s;
    }

    public static List<Atom> atomise(Fact f) {
        List<Map<String, List<Arg>>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (String role : f.type().coreRoles()) {
            List<Arg> values = f.role(role);
            List<List<Arg>> options = new ArrayList<>();
            if (FactType.isSetRole(role)) {
                if (values.size() <= 2) {
                    options.add(values);
                } else {
                    for (int i = 0; i < values.size(); i++) {
                        for (int j = i + 1; j < values.size(); j++) {
                            options.add(List.of(values.get(i), values.get(j)));
                        }
                    }
                }
            } else if (values.isEmpty()) {
                options.add(List.of());
            } else {
                for (Arg v : values) {
                    options.add(List.of(v));
                }
            }
            List<Map<String, List<Arg>>> next = new ArrayList<>();
            for (Map<String, List<Arg>> c : combos) {
                for (List<Arg> o : options) {
                    Map<String, List<Arg>> m = new LinkedHashMap<>(c);
                    m.put(role, o);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos.stream().map(c -> new Atom(f, c)).toList();
    }

    public static boolean atomMatch(Atom gold, Atom pred) {
        if (!gold.fact().doc().equals(pred.fact().doc()) || gold.fact().type() != pred.fact().type()) {
            return false;
        }
        for (String role : gold.fact().type().coreRoles()) {
            List<Arg> g = gold.core().getOrDefault(role, List.of());
            List<Arg> p = pred.core().getOrDefault(role, List.of());
            if (g.isEmpty() || p.isEmpty() || g.size() != p.size()) {
                return false;
            }
            if (g.size() == 1) {
                if (!argMatch(g.get(0), p.get(0))) {
                    return false;
                }
            } else if (!(argMatch(g.get(0), p.get(0)) && argMatch(g.get(1), p.get(1))
                    || argMatch(g.get(0), p.get(1)) && argMatch(g.get(1), p.get(0)))) {
                return false;
            }
        }
        return true;
    }

    public static boolean argMatch(Arg gold, Arg pred) {
        if (gold.isFreeText() || pred.isFreeText()) {
            if (!(gold.isFreeText() && pred.isFreeText())) {
                return false;
            }
            String a = Keys.specKey(gold.text());
            String b = Keys.specKey(pred.text());
            return !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
        }
        return switch (gold.kind()) {
            case COUNTRY -> pred.kind() == EntityKind.COUNTRY && pred.name() != null
                    && pred.name().equalsIgnoreCase(gold.name());
            case ORG, PERSON, LOC -> (pred.kind() == EntityKind.ORG || pred.kind() == EntityKind.PERSON || pred.kind() == EntityKind.LOC)
                    && names(gold, Keys::specKey).contains(Keys.specKey(pred.name()));
            case WEAPON -> pred.kind() == EntityKind.WEAPON && pred.name() != null
                    && names(gold, Function.identity()).stream().anyMatch(n -> weaponMatch(n, pred.name()));
            case CATEGORY -> (pred.kind() == EntityKind.CATEGORY || pred.kind() == EntityKind.WEAPON)
                    && gold.category() != null && gold.category().equalsIgnoreCase(String.valueOf(pred.category()));
        };
    }

    private static List<String> names(Arg a, Function<String, String> f) {
        List<String> out = new ArrayList<>();
        if (a.name() != null) {
            out.add(f.apply(a.name()));
        }
        a.aliases().forEach(x -> out.add(f.apply(x)));
        return out;
    }

    /** §4.2 designations: token-list prefix, or joined-form prefix ending where a digit meets a letter. */
    public static boolean weaponMatch(String a, String b) {
        List<String> ta = tokens(a);
        List<String> tb = tokens(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return false;
        }
        List<String> shortT = ta.size() <= tb.size() ? ta : tb;
        List<String> longT = ta.size() <= tb.size() ? tb : ta;
        if (longT.subList(0, shortT.size()).equals(shortT)) {
            return true;
        }
        String ja = Keys.specKey(a);
        String jb = Keys.specKey(b);
        if (ja.equals(jb)) {
            return true;
        }
        String s = ja.length() <= jb.length() ? ja : jb;
        String l = ja.length() <= jb.length() ? jb : ja;
        if (s.isEmpty() || !l.startsWith(s)) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        char next = l.charAt(s.length());
        return Character.isDigit(last) && Character.isLetter(next);
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.strip().split("\\s+")) {
            String k = Keys.specKey(t);
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    /** The report: a table by type, attribute accuracies, the country level, and last the overall line. */
    public static String report(List<Fact> gold, List<Fact> predicted) {
        Result atom = score(gold, predicted);
        Result country = score(atCountryLevel(gold), atCountryLevel(predicted));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-13s %6s %6s %7s %7s %7s%n", "type", "pred", "gold", "P", "R", "F1"));
        for (Map.Entry<String, Counts> e : atom.byType().entrySet()) {
            Counts c = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-13s %6d %6d %7.3f %7.3f %7.3f%n", e.getKey(), c.predicted(), c.gold(),
                    c.precision(), c.recall(), c.f1()));
        }
        sb.append(String.format(Locale.ROOT, "matched atoms %d: modality accuracy %.3f, time accuracy %.3f (%d with time), quantity accuracy %.3f (%d with quantity)%n",
                atom.matched(), atom.modalityAccuracy(), atom.timeAccuracy(), atom.timeGold(), atom.quantityAccuracy(), atom.quantityGold()));
        Counts c = country.overall();
        sb.append(String.format(Locale.ROOT, "country-level P %.3f R %.3f F1 %.3f%n", c.precision(), c.recall(), c.f1()));
        Counts o = atom.overall();
        sb.append(String.format(Locale.ROOT, "overall P %.3f R %.3f F1 %.3f", o.precision(), o.recall(), o.f1()));
        return sb.toString();
    }
}
