package org.armscope.facts;

import org.armscope.entities.KnowledgeBase;
import org.armscope.language.LanguageProfile;
import org.armscope.language.TextAnalyzer;
import org.armscope.model.AnalyzedText;
import org.armscope.model.Arg;
import org.armscope.model.Entity;
import org.armscope.model.EntityKind;
import org.armscope.model.Evidence;
import org.armscope.model.Fact;
import org.armscope.model.FactType;
import org.armscope.model.Mention;
import org.armscope.model.Modality;
import org.armscope.model.Money;
import org.armscope.model.Quantity;
import org.armscope.model.Sentence;
import org.armscope.model.TimeSpan;
import org.armscope.model.Token;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based fact extraction driven by per-language cue lexicons. For each trigger in a
 * sentence, actors are given roles from how the sentence marks them (preposition, case ending,
 * clitic, position before or after the trigger) and the trigger's voice (give, get, make,
 * mutual, ...); items are the weapons and equipment classes of the sentence. Modality comes from
 * cues before the trigger, time, quantity and money from the normalisers, the source from
 * attribution cues.
 */
public final class RuleFactExtractor implements FactExtractor {
    enum Marker { NONE, FROM, TO, WITH, IN, GEN, ADJ }

    private static final Set<FactType> NEEDS_ITEM = EnumSet.of(FactType.TRANSFER, FactType.PRODUCTION,
            FactType.MAINTENANCE, FactType.DISPOSAL, FactType.PROCUREMENT);

    private final TextAnalyzer analyzer;

    public RuleFactExtractor(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** An actor mention with the role marking the sentence gives it. */
    private record Actor(Mention mention, Arg arg, Marker marker) {
        int pos() {
            return mention.firstToken();
        }
    }

    private record Item(Mention mention, Arg arg) {
    }

    @Override
    public List<Fact> extract(AnalyzedText text, List<Mention> mentions) {
        return extract(text, mentions, null);
    }

    @Override
    public List<Fact> extract(AnalyzedText text, List<Mention> mentions, List<String> trace) {
        Lexicon lex = Lexicon.of(text.lang());
        LanguageProfile profile = analyzer.profile(text.lang());
        Map<String, Fact> facts = new LinkedHashMap<>();
        Discourse discourse = new Discourse();
        for (Sentence s : text.sentences()) {
            List<Lexicon.Hit> hits = lex.scan(s.tokens());
            List<Mention> named = mentions.stream().filter(m -> m.sentence() == s.index()).toList();
            List<Mention> ms = withAntecedents(s, named, hits, discourse, trace);
            List<Actor> actors = actors(s, withoutDateline(s, ms, trace), hits, profile);
            List<Item> items = withoutReplaced(resolveDemonstratives(items(ms), ms, hits, discourse), hits, trace, s);
            Actor source = source(s, hits, actors);
            if (s.index() == 0) {
                List<Arg> heads = new ArrayList<>();
                actors.stream().filter(a -> a.mention().kind() != EntityKind.PERSON).forEach(a -> addDistinct(heads, a.arg()));
                discourse.titleParties = heads;
            }
            List<Actor> roleActors = actors.stream().filter(a -> a != source
                    && a.mention().kind() != EntityKind.PERSON).toList();
            Map<FactType, Integer> seen = new java.util.EnumMap<>(FactType.class);
            List<Fact> sentenceFacts = new ArrayList<>();
            for (Lexicon.Hit h : hits) {
                // one fact of a type per clause: a second trigger of the type counts only well away from the first
                Integer prior = seen.get(h.cue().type());
                if (h.cue().kind() != Lexicon.Kind.TRIGGER || (prior != null && h.index() - prior <= WINDOW)) {
                    continue;
                }
                int t = h.index();
                // a partner introduced by "with" may stand further from the verb: "X signed ..., both with Y"
                boolean mutual = h.cue().type() == FactType.AGREEMENT;
                // and in a verb-final language the subject may stand far before the verb
                List<Actor> near = roleActors.stream().filter(a -> Math.abs(a.pos() - t) <= WINDOW
                        || (mutual && a.marker() == Marker.WITH && a.pos() > t && a.pos() - t <= 2 * WINDOW)
                        || (profile.subjectFirst() && a.marker() == Marker.NONE && a.pos() < t && t - a.pos() <= 2 * WINDOW)).toList();
                List<Item> nearItems = items.stream().filter(it -> Math.abs(it.mention().firstToken() - t) <= WINDOW).toList();
                List<Fact> made = build(text, s, h, near, nearItems, hits, source, discourse, trace);
                if (!made.isEmpty()) {
                    seen.put(h.cue().type(), h.index());
                }
                for (Fact f : made) {
                    if (f.type() == FactType.PROCUREMENT && !f.role("buyer").isEmpty()) {
                        discourse.lastProcurement = f;
                        discourse.lastProcurementMaker = f.role("supplier").isEmpty() ? null : f.role("supplier").get(0);
                        for (Item it : nearItems) {
                            if (discourse.lastProcurementMaker == null && f.role("item").stream().anyMatch(a -> same(a, it.arg()))) {
                                discourse.lastProcurementMaker = makerOf(it, near);
                            }
                        }
                    }
                }
                sentenceFacts.addAll(made);
            }
            dropGenericCooperation(sentenceFacts, s, trace);
            dropContradictedProcurement(sentenceFacts, s, trace);
            if (sentenceFacts.isEmpty() && !items.isEmpty() && hits.stream().anyMatch(h -> h.cue().kind() == Lexicon.Kind.ANAPHORA)
                    && discourse.lastFacts != null && s.index() - discourse.lastSentence <= 2) {
                // "Среди них есть МиГ-31": the previous facts, with this sentence's items
                for (Fact prev : discourse.lastFacts) {
                    if (!prev.roles().containsKey("item")) {
                        continue;
                    }
                    for (Item it : items) {
                        Map<String, List<Arg>> r = new LinkedHashMap<>(prev.roles());
                        r.put("item", List.of(it.arg()));
                        sentenceFacts.add(new Fact(null, prev.doc(), prev.type(), r, prev.modality(), prev.time(), null, null,
                                prev.source(), new Evidence(prev.doc(), s.start(), s.end(), s.text()), false,
                                prev.confidence() - 0.1, prev.rule() + " + anaphora"));
                        note(trace, s, "anaphora continues " + prev.type() + " with " + it.arg().label());
                    }
                }
            }
            if (!items.isEmpty() && discourse.pending != null && s.index() - discourse.pendingSentence <= 2
                    && sentenceFacts.stream().noneMatch(f -> f.type() == discourse.pending.type())
                    && hits.stream().anyMatch(h -> h.cue().kind() == Lexicon.Kind.ANAPHORA)) {
                // "The package includes 30 AH-64E and 3,250 JLTV": the waiting exchange, item by item
                Fact prev = discourse.pending;
                for (Item it : items) {
                    Map<String, List<Arg>> r = new LinkedHashMap<>(prev.roles());
                    r.put("item", List.of(it.arg()));
                    Quantity q = Normalizers.quantityBefore(text.document().text(), it.mention().start(), 3);
                    sentenceFacts.add(new Fact(null, prev.doc(), prev.type(), r, prev.modality(), prev.time(), q, prev.money(),
                            prev.source(), new Evidence(prev.doc(), s.start(), s.end(), s.text()), false, prev.confidence(), prev.rule()));
                    note(trace, s, prev.rule() + " → " + FactKeys.describe(sentenceFacts.get(sentenceFacts.size() - 1)));
                }
                discourse.pendingSentence = s.index();
            }
            for (Item it : items) {
                if (it.arg().kind() == EntityKind.WEAPON && it.arg().category() != null) {
                    discourse.lastWeapon.put(it.arg().category(), it.arg());
                    discourse.weaponsOf.computeIfAbsent(it.arg().category(), k -> new java.util.HashSet<>()).add(it.arg().name());
                }
            }
            // the antecedent of "the country" is the sentence's first country named outright (its topic)
            named.stream().filter(m -> m.kind() == EntityKind.COUNTRY && !m.adjectival()).findFirst()
                    .ifPresent(m -> discourse.lastActor.put(EntityKind.COUNTRY, m.entity()));
            named.stream().filter(m -> m.kind() == EntityKind.ORG && !m.adjectival()).findFirst()
                    .ifPresent(m -> discourse.lastActor.put(EntityKind.ORG, m.entity()));
            if (!sentenceFacts.isEmpty()) {
                discourse.lastFacts = sentenceFacts;
                discourse.lastSentence = s.index();
            }
            for (Fact f : sentenceFacts) {
                String key = FactKeys.atomKey(f);
                Fact prior = facts.get(key);
                if (prior == null) {
                    facts.put(key, f);
                } else {
                    // one deal told twice: the first statement (the headline and lead tell the news; later
                    // sentences add conditions and hypotheses), unless the later one is clearly surer, with
                    // what only the other one says
                    Fact keep = f.confidence() > prior.confidence() + MERGE_MARGIN ? f : prior;
                    Fact other = keep == f ? prior : f;
                    facts.put(key, new Fact(keep.factId(), keep.doc(), keep.type(), keep.roles(), keep.modality(),
                            keep.time() != null ? keep.time() : other.time(),
                            keep.quantity() != null ? keep.quantity() : other.quantity(),
                            keep.money() != null ? keep.money() : other.money(),
                            keep.source() != null ? keep.source() : other.source(),
                            keep.evidence(), keep.optional(), keep.confidence(), keep.rule()));
                }
            }
        }
        return new ArrayList<>(facts.values());
    }

    /**
     * A party cannot buy what the same sentence has it supply: a procurement whose buyer is the
     * supplier of a transfer of the same system in the sentence read the roles the wrong way round
     * ("أنقرة ولندن تبرمان صفقة ... لتزويد تركيا بـ20 مقاتلة تايفون": London supplies, it does not buy).
     */
    private static void dropContradictedProcurement(List<Fact> facts, Sentence s, List<String> trace) {
        facts.removeIf(p -> {
            if (p.type() != FactType.PROCUREMENT || p.role("buyer").isEmpty() || p.role("item").isEmpty()) {
                return false;
            }
            String buyer = FactKeys.argKey(p.role("buyer").get(0));
            for (Fact t : facts) {
                if (t.type() == FactType.TRANSFER && !t.role("supplier").isEmpty()
                        && FactKeys.argKey(t.role("supplier").get(0)).equals(buyer)
                        && t.role("item").stream().anyMatch(i -> p.role("item").stream()
                        .anyMatch(j -> FactKeys.argKey(i).equals(FactKeys.argKey(j))))) {
                    note(trace, s, "PROCUREMENT by " + buyer + " dropped: the sentence has " + buyer + " supply the same system");
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * COOPERATION is cooperation "with no more specific type" (the spec): where the sentence also
     * states a more specific fact between the same parties, the cooperation says nothing more.
     */
    private static void dropGenericCooperation(List<Fact> facts, Sentence s, List<String> trace) {
        facts.removeIf(c -> {
            if (c.type() != FactType.COOPERATION) {
                return false;
            }
            java.util.Set<String> parties = new java.util.HashSet<>();
            c.role("parties").forEach(a -> parties.add(FactKeys.argKey(a)));
            for (Fact f : facts) {
                if (f == c || f.type() == FactType.COOPERATION) {
                    continue;
                }
                java.util.Set<String> actors = new java.util.HashSet<>();
                f.roles().forEach((role, args) -> {
                    if (!role.equals("item")) {
                        args.forEach(a -> actors.add(FactKeys.argKey(a)));
                    }
                });
                if (actors.containsAll(parties)) {
                    note(trace, s, "COOPERATION " + parties + " dropped: the sentence states a more specific " + f.type());
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Who makes a system, as the sentence says it: a possessive or adjective right before it
     * ("Boeing's F/A-18", "китайські JF-17"), a company right after it ("F-16IN от Lockheed Martin"),
     * else the knowledge base's country of the design.
     */
    private static Arg makerOf(Item it, List<Actor> actors) {
        for (Actor a : actors) {
            if (a.marker() == Marker.ADJ && a.mention().lastToken() < it.mention().firstToken()
                    && it.mention().firstToken() - a.mention().lastToken() <= 2) {
                return a.arg();
            }
        }
        for (Actor a : actors) {
            if (a.mention().kind() == EntityKind.ORG && a.pos() > it.mention().lastToken()
                    && a.pos() - it.mention().lastToken() <= 3) {
                return a.arg();
            }
        }
        String origin = it.mention().kind() == EntityKind.WEAPON ? it.mention().entity().country() : null;
        return origin == null || origin.isBlank() ? null : Arg.country(origin);
    }

    /** A word of making between a system and a company: "JAS 39 Gripen NG производства Saab". */
    private static boolean attributiveMaker(List<Actor> actors, List<Item> items, int t) {
        boolean companyAfter = actors.stream().anyMatch(a -> a.mention().kind() == EntityKind.ORG && a.pos() == t + 1);
        boolean systemBefore = items.stream().anyMatch(it -> it.mention().kind() == EntityKind.WEAPON
                && it.mention().lastToken() < t && t - it.mention().lastToken() <= 3);
        return companyAfter && systemBefore;
    }

    /** How much surer a later statement of a deal must be to replace the first. */
    private static final double MERGE_MARGIN = 0.05;

    /** The headline and lead: the sentences that report the news of the day. */
    private static final int NEWS_OF_THE_DAY = 3;

    /** How far (in tokens) from a word of making what is made may stand. */
    private static final int MAKE_REACH = 6;
    /** How far (in tokens) from its trigger an actor may stand. */
    private static final int WINDOW = 15;
    /** How many tokens before its trigger a modal cue ("может", "يمكن", "may") still governs it. */
    private static final int MODAL_REACH = 12;

    /** What earlier sentences said: the last facts and the last giver and taker, for arguments a sentence leaves implicit. */
    private static final class Discourse {
        List<Fact> lastFacts;
        int lastSentence = -100;
        Actor giver;
        Actor taker;
        int directedSentence = -100;
        /** A directed exchange whose sentence named no items, and where it stood. */
        Fact pending;
        int pendingSentence = -100;
        /** The last purchase told: its buyer is the market a tender is for, its maker a competitor. */
        Fact lastProcurement;
        Arg lastProcurementMaker;
        /** The distinct actors of the headline (the first sentence). */
        List<Arg> titleParties = List.of();
        /** The last country and the last organisation named: what "the country" and "the company" refer back to. */
        final Map<EntityKind, Entity> lastActor = new java.util.EnumMap<>(EntityKind.class);
        /** The last designated system named, by category: what "these aircraft" refers back to. */
        final Map<String, Arg> lastWeapon = new java.util.HashMap<>();
        /** Every designated system named so far, by category. */
        final Map<String, java.util.Set<String>> weaponsOf = new java.util.HashMap<>();
    }

    private static final String OPENING_QUOTES = "«\"„“‘‹";

    /**
     * "The country followed up with an order", "the company will supply": a nominal anaphor (lexicon
     * PRON, argument COUNTRY or ORG) that stands apart from any name is the country or organisation
     * named last; it joins the sentence's mentions as that entity.
     */
    private static List<Mention> withAntecedents(Sentence s, List<Mention> named, List<Lexicon.Hit> hits,
                                                 Discourse discourse, List<String> trace) {
        List<Mention> out = null;
        for (Lexicon.Hit h : hits) {
            if (h.cue().kind() != Lexicon.Kind.PRON) {
                continue;
            }
            Entity antecedent = discourse.lastActor.get(EntityKind.valueOf(h.cue().arg()));
            int first = h.index();
            int last = h.index() + h.length() - 1;
            boolean apart = named.stream().noneMatch(m -> m.lastToken() >= first - 1 && m.firstToken() <= last + 1);
            var toks = s.tokens();
            // "предприятие «172 ЦАРЗ»", "the company \"X\"": the noun introduces the quoted name after it
            boolean introducesQuote = last + 1 < toks.size() && OPENING_QUOTES.indexOf(toks.get(last + 1).text().charAt(0)) >= 0
                    && toks.get(last + 1).text().length() == 1;
            if (antecedent == null || !apart || introducesQuote) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(named);
            }
            out.add(new Mention(toks.get(first).start(), toks.get(last).end(), h.cue().pattern(), antecedent, s.index(),
                    first, last, false));
            note(trace, s, "«" + h.cue().pattern() + "» refers back to " + antecedent.name());
        }
        if (out == null) {
            return named;
        }
        out.sort(java.util.Comparator.comparingInt(Mention::firstToken));
        return out;
    }

    /**
     * A class of equipment after a demonstrative ("эти самолеты", "these jets", "هذه الطائرات",
     * "bu uçaklar") is the system of that class named last, and so is a class of which the article has
     * named one system only: the item of the fact is that system.
     */
    private static List<Item> resolveDemonstratives(List<Item> items, List<Mention> ms, List<Lexicon.Hit> hits,
                                                    Discourse discourse) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item it : items) {
            Arg earlier = it.arg().kind() == EntityKind.CATEGORY ? discourse.lastWeapon.get(it.arg().category()) : null;
            int at = it.mention().firstToken();
            boolean pointed = earlier != null && hits.stream().anyMatch(h -> h.cue().kind() == Lexicon.Kind.DEM
                    && h.index() + h.length() == at);
            // the only system of its class the article has named: "the corvettes" of an article on the Sigma
            java.util.Set<String> known = it.arg().kind() == EntityKind.CATEGORY
                    ? discourse.weaponsOf.getOrDefault(it.arg().category(), java.util.Set.of()) : java.util.Set.of();
            // (a class described by its origin, "беспилотники от Турции", "Turkish drones", stays a class)
            boolean described = ms.stream().anyMatch(m -> m.kind().isActor()
                    && m.firstToken() <= it.mention().lastToken() + 2 && m.lastToken() >= it.mention().firstToken() - 2);
            boolean sole = earlier != null && known.size() == 1 && !described;
            out.add(pointed || sole ? new Item(it.mention(), earlier) : it);
        }
        return out;
    }

    private List<Fact> build(AnalyzedText text, Sentence s, Lexicon.Hit h, List<Actor> actors, List<Item> items,
                             List<Lexicon.Hit> hits, Actor source, Discourse discourse, List<String> trace) {
        FactType type = h.cue().type();
        String voice = h.cue().arg();
        int t = h.index();
        String rule = type + "/" + voice + " «" + h.cue().pattern() + "»";
        LanguageProfile lp = analyzer.profile(text.lang());
        boolean noItems = NEEDS_ITEM.contains(type) && items.isEmpty();
        List<Map<String, List<Arg>>> roleSets = new ArrayList<>();
        switch (voice) {
            case "give", "get" -> {
                boolean give = voice.equals("give");
                Actor giver = first(actors, Marker.FROM, -1, null);
                Actor taker = first(actors, Marker.TO, -1, giver);
                Actor subject = subject(actors, t, lp);
                if (give) {
                    if (giver == null && subject != null && subject != taker) {
                        giver = subject;
                    }
                    if (taker == null) {
                        taker = after(actors, t, giver);
                    }
                    if (giver == null) {
                        giver = originOfItems(actors, items, taker);
                    }
                    if (taker == null) {
                        taker = first(actors, Marker.WITH, -1, giver); // "satış ... Suudi Arabistan ile"
                    }
                    if (taker == null) {
                        taker = any(actors, giver);
                    }
                } else {
                    if (taker == null && subject != null && subject != giver) {
                        taker = subject;
                    }
                    if (giver == null && type == FactType.TRAINING) {
                        giver = first(actors, Marker.IN, -1, taker);
                    }
                    if (taker == null) {
                        Actor candidate = any(actors, giver);
                        // an adjective names where an item comes from, not who receives it
                        taker = candidate != null && candidate.marker() == Marker.ADJ && type != FactType.TRAINING ? null : candidate;
                    }
                }
                if (s.index() - discourse.directedSentence <= 3 && giver == null && taker != null && discourse.giver != null
                        && same(discourse.giver.arg(), taker.arg()) && discourse.taker != null) {
                    // the only actor named is the one who gave before: it gives again, to the same party
                    giver = taker;
                    taker = discourse.taker;
                }
                if (s.index() - discourse.directedSentence <= 3 && (giver == null) != (taker == null)) {
                    // the sentence continues the previous exchange: the missing side is the one already named
                    if (giver == null && discourse.giver != null && !same(discourse.giver.arg(), taker.arg())) {
                        giver = discourse.giver;
                    } else if (taker == null && discourse.taker != null && !same(discourse.taker.arg(), giver.arg())) {
                        taker = discourse.taker;
                    }
                }
                if (giver != null && taker != null && (type == FactType.TRANSFER || type == FactType.AID)) {
                    discourse.giver = giver;
                    discourse.taker = taker;
                    discourse.directedSentence = s.index();
                }
                String[] names = roleNames(type);
                Map<String, List<Arg>> roles = new LinkedHashMap<>();
                if (giver != null) {
                    roles.put(names[0], List.of(giver.arg()));
                }
                if (taker != null) {
                    roles.put(names[1], List.of(taker.arg()));
                }
                roleSets.add(roles);
            }
            case "make" -> {
                if (attributiveMaker(actors, items, t)) {
                    // "Gripen NG производства Saab", "F/A-18 компании Boeing": who makes it, no production event
                    note(trace, s, rule + " rejected: names the maker of a system, reports no production");
                    return List.of();
                }
                if (items.stream().noneMatch(it -> Math.abs(it.mention().firstToken() - t) <= MAKE_REACH)) {
                    // "собрали 15 млн" collects money: what is made stands next to the word
                    note(trace, s, rule + " rejected: nothing made within " + MAKE_REACH + " words");
                    return List.of();
                }
                Actor subject = subject(actors, t, lp);
                Actor licensor = first(actors, Marker.FROM, -1, null);
                Actor producer = subject != null && subject != licensor ? subject : null;
                // where it is made is who makes it, when no one else is said to: "to be assembled in Vietnam"
                Actor place = actors.stream().filter(a -> a.marker() == Marker.IN && a.arg().kind() == EntityKind.COUNTRY
                        && Math.abs(a.pos() - t) <= MAKE_REACH).findFirst().orElse(null);
                Actor origin = originOfItems(actors, items, null);
                boolean licensed = hits.stream().anyMatch(x -> x.cue().kind() == Lexicon.Kind.LICENCE);
                if (place != null && (producer == null || licensed)) {
                    // (with a subject and no licence the subject makes it there: "Baykar Ukrayna'da üretecek")
                    if (producer != null && !same(producer.arg(), place.arg()) && licensor == null) {
                        licensor = producer;
                    }
                    producer = place;
                } else if (licensed && origin != null) {
                    // under licence: the maker is the party that is not the design's origin
                    Actor origin0 = origin;
                    Actor other = actors.stream().filter(a -> !same(a.arg(), origin0.arg()) && a.marker() != Marker.ADJ
                            && (a.arg().country() == null || !a.arg().country().equals(origin0.arg().name()))).findFirst().orElse(null);
                    if (other != null) {
                        producer = other;
                        licensor = origin;
                    }
                }
                if (producer == null) {
                    producer = firstNot(actors, licensor, Marker.ADJ);
                }
                if (licensor == null) {
                    licensor = originOfItems(actors, items, producer);
                }
                Map<String, List<Arg>> roles = new LinkedHashMap<>();
                if (producer != null) {
                    roles.put("producer", List.of(producer.arg()));
                }
                if (licensor != null && (producer == null || !same(licensor.arg(), producer.arg()))) {
                    roles.put("licensor", List.of(licensor.arg()));
                }
                roleSets.add(roles);
            }
            case "own" -> {
                Actor owner = subject(actors, t, lp);
                if (owner == null) {
                    owner = firstNot(actors, null, Marker.FROM);
                }
                Map<String, List<Arg>> roles = new LinkedHashMap<>();
                if (owner != null) {
                    roles.put("owner", List.of(owner.arg()));
                }
                roleSets.add(roles);
            }
            case "mutual" -> {
                List<Map<String, List<Arg>>> sets = parties(actors, hits, t);
                if (sets.stream().noneMatch(r -> r.getOrDefault("parties", List.of()).size() >= 2)
                        && discourse.titleParties.size() == 2 && s.index() > 0) {
                    // "был подписан контракт" with its parties left unsaid: the two the headline names,
                    // if the sentence names no one else
                    List<Arg> p = new ArrayList<>(discourse.titleParties);
                    boolean other = actors.stream().anyMatch(a -> discourse.titleParties.stream().noneMatch(x -> same(x, a.arg())));
                    if (!other) {
                        sets = List.of(Map.of("parties", p));
                        rule += " + headline parties";
                    }
                }
                roleSets.addAll(sets);
            }
            case "compete" -> roleSets.addAll(competition(actors, t));
            case "tender" -> {
                // "Dassault's Rafale, Airbus's Eurofighter and Boeing's Super Hornet had also been
                // considered": the makers of the systems in the running compete, with the maker of the
                // one bought, for the buyer's market
                List<Arg> competitors = new ArrayList<>();
                for (Item it : items) {
                    Arg maker = makerOf(it, actors);
                    if (maker != null) {
                        addDistinct(competitors, maker);
                    }
                }
                Actor place = actors.stream().filter(a -> a.marker() == Marker.IN).findFirst().orElse(null);
                Fact bought = discourse.lastProcurement;
                Arg market = place != null ? place.arg() : bought != null ? bought.role("buyer").get(0) : null;
                if (bought != null && discourse.lastProcurementMaker != null) {
                    addDistinct(competitors, discourse.lastProcurementMaker);
                }
                Map<String, List<Arg>> roles = new LinkedHashMap<>();
                if (market != null) {
                    Arg m0 = market;
                    competitors.removeIf(c -> same(c, m0));
                    roles.put("market", List.of(market));
                }
                roles.put("competitors", competitors);
                roleSets.add(roles);
            }
            case "member" -> {
                Actor org = null;
                for (Actor a : actors) {
                    if (a.mention().kind() == EntityKind.ORG && a.pos() > t && (org == null)) {
                        org = a;
                    }
                }
                if (org == null) {
                    // "NATO üyesi", "NATO müttefiki": the alliance (an organisation of no one country) before the word
                    for (Actor a : actors) {
                        if (a.mention().kind() == EntityKind.ORG && a.pos() < t && a.arg().country() == null) {
                            org = a;
                        }
                    }
                }
                Actor member = subject(actors.stream().filter(a -> a.mention().kind() != EntityKind.ORG
                        || a.arg().country() != null).toList(), t, lp);
                if (member == null || member == org) {
                    member = firstNot(actors, org, Marker.GEN);
                }
                Map<String, List<Arg>> roles = new LinkedHashMap<>();
                if (member != null) {
                    roles.put("member", List.of(member.arg()));
                }
                if (org != null) {
                    roles.put("organization", List.of(org.arg()));
                }
                roleSets.add(roles);
            }
            case "accuse" -> {
                Actor afterT = after(actors, t, null);
                Actor before = subject(actors, t, lp);
                Map<String, List<Arg>> roles = new LinkedHashMap<>();
                Actor accused = afterT != null && afterT.marker() == Marker.NONE && before != null ? afterT : before;
                if (accused == null) {
                    accused = afterT;
                }
                if (accused != null) {
                    roles.put("accused", List.of(accused.arg()));
                }
                if (accused == afterT && before != null && before != accused) {
                    roles.put("accuser", List.of(before.arg()));
                }
                roles.put("topic", List.of(Arg.freeText(topic(s, hits, t))));
                roleSets.add(roles);
            }
            default -> {
                note(trace, s, rule + " rejected: unknown voice " + voice);
                return List.of();
            }
        }
        Modality modality = modality(s, hits, t, h.cue().modality(), lp.futureTag(), lp.pastTag(), lp.subjectFirst());
        TimeSpan time = nearestTime(s, text.lang(), s.tokens().get(t).start());
        String published = text.document().date();
        if (time == null && type == FactType.AGREEMENT && modality == Modality.ASSERTED && published != null
                && s.index() < NEWS_OF_THE_DAY) {
            // "Ankara and London sign a deal": an agreement the headline or lead reports as done, with no
            // date of its own, was signed when the news was published
            time = new TimeSpan(published, published, "publication date");
        }
        Money money = firstMoney(s);
        if (noItems) {
            // "approved arms sales to Israel. The package includes …": the items may follow
            for (Map<String, List<Arg>> roles : roleSets) {
                if (missingCore(type, roles) == null) {
                    discourse.pending = new Fact(null, text.document().id(), type, roles, modality, time, null, money,
                            source == null ? null : source.arg(), null, false, confidence(type, roles, modality) - 0.1,
                            rule + " + items of a following sentence");
                    discourse.pendingSentence = s.index();
                    note(trace, s, rule + " waits: no weapon or equipment in the sentence, " + FactKeys.describe(discourse.pending));
                    return List.of();
                }
            }
            note(trace, s, rule + " rejected: no weapon or equipment in the sentence");
            return List.of();
        }
        List<Fact> out = new ArrayList<>();
        for (Map<String, List<Arg>> roles : roleSets) {
            String missing = missingCore(type, roles);
            if (missing != null) {
                note(trace, s, rule + " rejected: no " + missing);
                continue;
            }
            List<List<Item>> itemGroups = new ArrayList<>();
            if (NEEDS_ITEM.contains(type)) {
                for (Item it : items) {
                    itemGroups.add(List.of(it));
                }
            } else {
                itemGroups.add(items);
            }
            for (List<Item> group : itemGroups) {
                Map<String, List<Arg>> r = new LinkedHashMap<>(roles);
                Quantity quantity = null;
                if (!group.isEmpty() && type != FactType.COMPETITION && type != FactType.MEMBERSHIP
                        && type != FactType.ACCUSATION && type != FactType.TRAINING) {
                    r.put("item", group.stream().map(Item::arg).toList());
                    if (group.size() == 1) {
                        quantity = Normalizers.quantityBefore(text.document().text(), group.get(0).mention().start(), 3);
                    }
                }
                if (type == FactType.TRAINING) {
                    quantity = firstCount(s, text.document().text());
                }
                Evidence ev = new Evidence(text.document().id(), s.start(), s.end(), s.text());
                double confidence = confidence(type, r, modality);
                Fact f = new Fact(null, text.document().id(), type, r, modality, time, quantity,
                        type == FactType.TRAINING || type == FactType.MEMBERSHIP ? null : money,
                        source == null ? null : source.arg(), ev, false, confidence, rule);
                out.add(f);
                note(trace, s, rule + " → " + FactKeys.describe(f));
            }
        }
        return out;
    }

    private static double confidence(FactType type, Map<String, List<Arg>> roles, Modality modality) {
        double c = 0.55 + 0.05 * Math.min(4, roles.size());
        if (modality != Modality.ASSERTED) {
            c -= 0.05;
        }
        for (List<Arg> values : roles.values()) {
            for (Arg a : values) {
                if (a.kind() == EntityKind.COUNTRY || (a.kind() == EntityKind.WEAPON && a.category() != null)) {
                    c += 0.03;
                }
            }
        }
        return Math.min(0.99, c);
    }

    private static void note(List<String> trace, Sentence s, String msg) {
        if (trace != null) {
            trace.add("  [" + s.index() + "] " + msg);
        }
    }

    static String[] roleNames(FactType type) {
        return switch (type) {
            case TRANSFER -> new String[] {"supplier", "recipient"};
            case AID -> new String[] {"donor", "recipient"};
            case TRAINING -> new String[] {"provider", "recipient"};
            case MAINTENANCE -> new String[] {"provider", "customer"};
            case PROCUREMENT -> new String[] {"supplier", "buyer"};
            default -> new String[] {"giver", "taker"};
        };
    }

    private static String missingCore(FactType type, Map<String, List<Arg>> roles) {
        for (String core : type.coreRoles()) {
            if (core.equals("item")) {
                continue;
            }
            List<Arg> v = roles.get(core);
            if (v == null || v.isEmpty()) {
                return core;
            }
            if (FactType.isSetRole(core) && v.size() < 2) {
                return "second " + core.substring(0, core.length() - 1);
            }
        }
        // a giver and a taker that are the same actor say nothing
        List<Arg> all = new ArrayList<>();
        for (String core : type.coreRoles()) {
            if (!core.equals("item") && !FactType.isSetRole(core) && !core.equals("topic")) {
                all.addAll(roles.getOrDefault(core, List.of()));
            }
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (same(all.get(i), all.get(j))) {
                    return "distinct actors";
                }
            }
        }
        if (type == FactType.PROCUREMENT && roles.containsKey("supplier") && roles.containsKey("buyer")
                && same(roles.get("supplier").get(0), roles.get("buyer").get(0))) {
            roles.remove("supplier");
        }
        return null;
    }

    static boolean same(Arg a, Arg b) {
        return a.kind() == b.kind() && a.name() != null && a.name().equals(b.name());
    }

    // ---- actors and their marking -------------------------------------------------------

    private List<Actor> actors(Sentence s, List<Mention> ms, List<Lexicon.Hit> hits, LanguageProfile profile) {
        List<Actor> out = new ArrayList<>();
        Mention previous = null;
        for (Mention m : ms) {
            Mention before = previous;
            previous = m;
            if (!m.kind().isActor()) {
                continue;
            }
            Arg arg = actorArg(m.entity());
            boolean government = governmentBody(hits, m.firstToken(), m.lastToken());
            if (m.kind() == EntityKind.ORG && m.entity().country() == null && !out.isEmpty()
                    && out.get(out.size() - 1).mention().lastToken() + 1 == m.firstToken()
                    && out.get(out.size() - 1).arg().kind() == EntityKind.COUNTRY && government) {
                // "Gürcistan Savunma Bakanlığına", "Минобороны Казахстана": the country acts, in the case
                // the body's own ending gives it
                Actor country = out.get(out.size() - 1);
                Marker bodyCase = marker(s, m, hits, profile);
                if (bodyCase != Marker.NONE && country.marker() == Marker.NONE) {
                    out.set(out.size() - 1, new Actor(country.mention(), country.arg(), bodyCase));
                }
                continue;
            }
            if (m.adjectival() && nextActorFollows(ms, m)) {
                continue; // "Endonezyalı Republikorp", "the Polish Ministry": the adjective says whose, it is no party
            }
            if (m.kind() == EntityKind.ORG && m.entity().country() == null && before != null && before.adjectival()
                    && before.kind() == EntityKind.COUNTRY && before.lastToken() + 1 == m.firstToken()) {
                // "the Swiss Federal Council" is Switzerland; "the Polish firm X" is X, of Poland
                arg = government ? Arg.country(before.entity().country())
                        : new Arg(arg.kind(), arg.name(), before.entity().country(), arg.category(), arg.text(), arg.aliases());
            }
            if (!out.isEmpty()) {
                Actor last = out.get(out.size() - 1);
                // "Poland's Armament Agency", "Минобороны Казахстана": one actor
                if (same(last.arg(), arg) && m.firstToken() - last.mention().lastToken() <= 2) {
                    continue;
                }
            }
            if (m.adjectival() && (governmentBody(hits, m.lastToken() + 1, m.lastToken() + 1)
                    || governmentBody(hits, m.firstToken() - 2, m.firstToken() - 1))) {
                out.add(new Actor(m, arg, Marker.NONE)); // "the Swiss government picks": the country acts
                continue;
            }
            Marker marker = makerOfNextWeapon(s, ms, m) ? Marker.ADJ : marker(s, m, hits, profile);
            out.add(new Actor(m, arg, marker));
        }
        return out;
    }

    /**
     * A company standing right before a system in the possessive ("Lockheed Martin's F-35",
     * "Dassault's Rafale") names who makes it, as an adjective of origin does: it is not the buyer.
     */
    private static boolean makerOfNextWeapon(Sentence s, List<Mention> ms, Mention m) {
        if (m.kind() != EntityKind.ORG) {
            return false;
        }
        String last = s.tokens().get(m.lastToken()).text();
        int next = m.lastToken() + 1;
        if (next < s.tokens().size() && POSSESSIVE.contains(s.tokens().get(next).text())) {
            next++;
        } else if (!last.endsWith("'s") && !last.endsWith("’s") && last.indexOf('\'') < 0 && last.indexOf('’') < 0) {
            return false;
        }
        for (Mention w : ms) {
            if (w.kind() == EntityKind.WEAPON && w.firstToken() == next) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> POSSESSIVE = Set.of("'s", "’s", "'", "’");

    /** Whether a government word (lexicon GOV: ministry, government, army, وزارة, hükümeti) lies in tokens [from, to]. */
    private static boolean governmentBody(List<Lexicon.Hit> hits, int from, int to) {
        for (Lexicon.Hit h : hits) {
            if (h.cue().kind() == Lexicon.Kind.GOV && h.index() >= from && h.index() <= to) {
                return true;
            }
        }
        return false;
    }

    private static boolean nextActorFollows(List<Mention> ms, Mention adjective) {
        for (Mention n : ms) {
            if (n.firstToken() == adjective.lastToken() + 1 && (n.kind() == EntityKind.ORG || n.kind() == EntityKind.PERSON)) {
                return true;
            }
        }
        return false;
    }

    static Arg actorArg(Entity e) {
        if (e.kind() == EntityKind.COUNTRY) {
            return Arg.country(e.country());
        }
        if (e.kind() == EntityKind.ORG && KnowledgeBase.GOVERNMENT.equals(e.category()) && e.country() != null) {
            return Arg.country(e.country());
        }
        List<String> aliases = e.names().values().stream().flatMap(List::stream).distinct().toList();
        return new Arg(e.kind(), e.name(), e.country(), null, null, aliases);
    }

    /** The role a preposition or postposition cue gives the actor it governs, or null. */
    private static Marker roleMarker(Lexicon.Kind kind) {
        return switch (kind) {
            case FROM -> Marker.FROM;
            case TO -> Marker.TO;
            case WITH -> Marker.WITH;
            case IN -> Marker.IN;
            default -> null;
        };
    }

    private Marker marker(Sentence s, Mention m, List<Lexicon.Hit> hits, LanguageProfile profile) {
        List<Token> toks = s.tokens();
        for (Lexicon.Hit h : hits) {
            int end = h.index() + h.length();
            if ("post".equals(h.cue().arg())) {
                continue;
            }
            if ((end == m.firstToken() || (end == m.firstToken() - 1 && !m.adjectival() && isAdjectiveLike(toks.get(end))))
                    && roleMarker(h.cue().kind()) != null) {
                return roleMarker(h.cue().kind());
            }
        }
        for (Lexicon.Hit h : hits) {
            // postpositions mark the actor before them: "Suudi Arabistan ile", "X'e göre"
            if (h.index() == m.lastToken() + 1 && "post".equals(h.cue().arg()) && roleMarker(h.cue().kind()) != null) {
                return roleMarker(h.cue().kind());
            }
        }
        Token head = toks.get(m.firstToken());
        Token last = toks.get(m.lastToken());
        int ap = last.norm().indexOf('\'');
        if (ap > 0) {
            String suffix = last.norm().substring(ap + 1);
            for (Map.Entry<String, List<String>> e : profile.markerSuffixes().entrySet()) {
                if (e.getValue().contains(suffix)) {
                    return Marker.valueOf(e.getKey());
                }
            }
        } else if ((m.kind() == EntityKind.ORG || m.kind() == EntityKind.COUNTRY) && profile.splitApostrophe()
                && !m.entity().allNames().contains(m.text())) {
            // an institution named by common nouns, or a country named by an anaphor, takes its case
            // ending with no apostrophe: "Savunma Bakanlığına" (to the ministry), "ülkede" (in the country)
            String word = last.norm();
            Marker found = null;
            int longest = 1;
            for (Map.Entry<String, List<String>> e : profile.markerSuffixes().entrySet()) {
                for (String suffix : e.getValue()) {
                    if (suffix.length() > longest && word.endsWith(suffix) && word.length() > suffix.length() + 3) {
                        found = Marker.valueOf(e.getKey());
                        longest = suffix.length();
                    }
                }
            }
            if (found != null) {
                return found;
            }
        }
        for (Map.Entry<String, List<String>> e : profile.markerPrefixes().entrySet()) {
            for (String p : e.getValue()) {
                if (head.text().startsWith(p) && !m.entity().allNames().stream().anyMatch(n -> n.startsWith(p))) {
                    return Marker.valueOf(e.getKey());
                }
            }
        }
        if (m.adjectival()) {
            return Marker.ADJ;
        }
        if (!head.tag().isEmpty() && !profile.caseTags().isEmpty()) {
            String[] readings = head.tag().split("\\|");
            for (String c : List.of("DAT", "GEN", "INS")) {
                var p = profile.caseTags().get(c);
                if (p == null) {
                    continue;
                }
                boolean all = true;
                for (String r : readings) {
                    all &= p.matcher(r).find();
                }
                if (all) {
                    return switch (c) {
                        case "DAT" -> Marker.TO;
                        case "GEN" -> Marker.GEN;
                        default -> Marker.WITH;
                    };
                }
            }
        }
        return Marker.NONE;
    }

    private static boolean isAdjectiveLike(Token t) {
        return t.tag().contains("ADJ") || t.tag().contains("adj");
    }

    private static Actor first(List<Actor> actors, Marker marker, int after, Actor not) {
        for (Actor a : actors) {
            if (a.marker() == marker && a.pos() > after && a != not && (not == null || !same(a.arg(), not.arg()))) {
                return a;
            }
        }
        return null;
    }

    private static Actor firstNot(List<Actor> actors, Actor not, Marker skip) {
        for (Actor a : actors) {
            if (a != not && a.marker() != skip && (not == null || !same(a.arg(), not.arg()))) {
                return a;
            }
        }
        for (Actor a : actors) {
            if (a != not && (not == null || !same(a.arg(), not.arg()))) {
                return a;
            }
        }
        return null;
    }

    /** The grammatical subject: the nearest unmarked actor before the trigger (after it for verb-first Arabic). */
    /**
     * The unmarked actor that does what the trigger says: by the language's word order
     * ({@code subject.position} in its profile), the last one before the trigger (SVO: Russian,
     * English), the first one (SOV: Turkish "Milli Savunma Bakanlığı, ..., Gürcistan'a hibe olarak
     * verdi"), or failing any before it the first one after it (VSO: Arabic).
     */
    private static Actor subject(List<Actor> actors, int t, LanguageProfile profile) {
        Actor best = null;
        for (Actor a : actors) {
            if (a.pos() < t && (a.marker() == Marker.NONE)) {
                best = a;
                if (profile.subjectFirst()) {
                    break;
                }
            }
        }
        if (best == null && profile.subjectAfter()) {
            for (Actor a : actors) {
                if (a.pos() > t && a.marker() == Marker.NONE) {
                    return a;
                }
            }
        }
        return best;
    }

    private static Actor after(List<Actor> actors, int t, Actor not) {
        for (Marker pref : List.of(Marker.NONE, Marker.GEN, Marker.IN, Marker.ADJ)) {
            for (Actor a : actors) {
                if (a.pos() > t && a.marker() == pref && a != not && (not == null || !same(a.arg(), not.arg()))) {
                    return a;
                }
            }
        }
        return null;
    }

    private static Actor any(List<Actor> actors, Actor not) {
        for (Marker pref : List.of(Marker.GEN, Marker.ADJ, Marker.NONE, Marker.IN, Marker.TO)) {
            for (Actor a : actors) {
                if (a.marker() == pref && a != not && (not == null || !same(a.arg(), not.arg()))) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The country an item comes from: an adjective right before it ("турецких дронов") or its origin in the knowledge base. */
    private static Actor originOfItems(List<Actor> actors, List<Item> items, Actor not) {
        for (Item it : items) {
            for (Actor a : actors) {
                if (a.marker() == Marker.ADJ && a.mention().lastToken() < it.mention().firstToken()
                        && it.mention().firstToken() - a.mention().lastToken() <= 2 && (not == null || !same(a.arg(), not.arg()))) {
                    return a;
                }
            }
        }
        for (Item it : items) {
            String origin = it.mention().entity().country();
            if (it.mention().kind() == EntityKind.WEAPON && origin != null && !origin.isBlank()) {
                Arg arg = Arg.country(origin);
                if (not == null || !same(arg, not.arg())) {
                    return new Actor(it.mention(), arg, Marker.ADJ);
                }
            }
        }
        return null;
    }

    private static List<Map<String, List<Arg>>> parties(List<Actor> actors, List<Lexicon.Hit> hits, int t) {
        List<Actor> chosen = new ArrayList<>();
        for (Lexicon.Hit h : hits) {
            if (h.cue().kind() == Lexicon.Kind.BETWEEN) {
                boolean afterCue = !"before".equals(h.cue().arg());
                for (Actor a : actors) {
                    if (afterCue ? a.pos() > h.index() && a.pos() <= h.index() + 8 : a.pos() < h.index() && a.pos() >= h.index() - 8) {
                        chosen.add(a);
                    }
                }
                break;
            }
        }
        List<Map<String, List<Arg>>> out = new ArrayList<>();
        if (chosen.size() < 2) {
            chosen.clear();
            List<Actor> with = actors.stream().filter(a -> a.marker() == Marker.WITH).toList();
            List<Actor> main = actors.stream().filter(a -> a.marker() == Marker.NONE || a.marker() == Marker.GEN && a.mention().kind() != EntityKind.COUNTRY).toList();
            if (!with.isEmpty() && !main.isEmpty()) {
                for (Actor m : main) {
                    List<Arg> p = new ArrayList<>();
                    p.add(m.arg());
                    with.forEach(w -> addDistinct(p, w.arg()));
                    if (p.size() >= 2) {
                        out.add(Map.of("parties", p));
                    }
                }
                return out;
            }
            // "Россия и Италия подписали контракт, по которому ... компании «Ивеко»": a subject of two
            // or more actors before the verb are the parties, not what the rest of the sentence names
            List<Actor> before = actors.stream().filter(a -> a.pos() < t && a.marker() == Marker.NONE).toList();
            chosen.addAll(before.size() >= 2 ? before
                    : actors.stream().filter(a -> a.marker() != Marker.IN && a.marker() != Marker.FROM).toList());
        }
        List<Arg> p = new ArrayList<>();
        chosen.forEach(a -> addDistinct(p, a.arg()));
        Map<String, List<Arg>> roles = new LinkedHashMap<>();
        roles.put("parties", p);
        out.add(roles);
        return out;
    }

    private static void addDistinct(List<Arg> list, Arg a) {
        for (Arg b : list) {
            if (same(a, b)) {
                return;
            }
        }
        list.add(a);
    }

    private static List<Map<String, List<Arg>>> competition(List<Actor> actors, int t) {
        Actor market = null;
        for (Actor a : actors) {
            if (a.pos() > t && (a.marker() == Marker.IN || a.marker() == Marker.ADJ)) {
                market = a;
            }
        }
        List<Actor> before = new ArrayList<>();
        List<Actor> objects = new ArrayList<>();
        for (Actor a : actors) {
            if (a == market || (market != null && same(a.arg(), market.arg()))) {
                continue;
            }
            if (a.pos() < t) {
                before.add(a);
            } else if (a.marker() == Marker.TO || a.marker() == Marker.WITH || a.marker() == Marker.GEN || a.marker() == Marker.NONE) {
                objects.add(a);
            }
        }
        List<Map<String, List<Arg>>> out = new ArrayList<>();
        if (!objects.isEmpty() && !before.isEmpty()) {
            for (Actor b : before) {
                Map<String, List<Arg>> roles = new LinkedHashMap<>();
                roles.put("competitors", List.of(b.arg(), objects.get(0).arg()));
                if (market != null) {
                    roles.put("market", List.of(market.arg()));
                }
                out.add(roles);
            }
            return out;
        }
        List<Arg> all = new ArrayList<>();
        before.forEach(a -> addDistinct(all, a.arg()));
        objects.forEach(a -> addDistinct(all, a.arg()));
        Map<String, List<Arg>> roles = new LinkedHashMap<>();
        roles.put("competitors", all);
        if (market != null) {
            roles.put("market", List.of(market.arg()));
        }
        out.add(roles);
        return out;
    }

    // ---- items ------------------------------------------------------------------------------

    /**
     * A dateline is where the story was filed, not who acts: "SEOUL, Aug. 27 (Yonhap) --",
     * "МОСКВА, 27 августа — РИА Новости": a place opening the sentence, then a comma, then within
     * eight words a dash or a parenthesis.
     */
    private static List<Mention> withoutDateline(Sentence s, List<Mention> ms, List<String> trace) {
        List<Token> toks = s.tokens();
        for (Mention m : ms) {
            if (m.firstToken() != 0 || m.adjectival() || m.lastToken() + 1 >= toks.size()
                    || !toks.get(m.lastToken() + 1).text().equals(",")) {
                continue;
            }
            String head = m.text();
            if (!head.equals(head.toUpperCase(java.util.Locale.ROOT)) && !Character.isUpperCase(head.codePointAt(0))) {
                continue;
            }
            for (int i = m.lastToken() + 2; i < toks.size() && i <= m.lastToken() + 9; i++) {
                String t = toks.get(i).text();
                if (t.equals("—") || t.equals("–") || t.equals("-") && i + 1 < toks.size() && toks.get(i + 1).text().equals("-")
                        || t.equals("(")) {
                    note(trace, s, m.text() + " opens a dateline: the place of filing, not an actor");
                    List<Mention> out = new ArrayList<>(ms);
                    out.remove(m);
                    return out;
                }
            }
        }
        return ms;
    }

    /**
     * The systems a replacement cue names are the old ones, not the ones bought or delivered:
     * "as the successor to its ageing fleets of F/A-18 Hornet and F-5 Tiger aircraft", "на замену
     * МиГ-29", "بدلا من طائرات F-16"; a cue with the argument "post" has them before it (Turkish
     * "F-16'ların yerine"). A run of systems close to the cue and to one another is dropped.
     */
    private static List<Item> withoutReplaced(List<Item> items, List<Lexicon.Hit> hits, List<String> trace, Sentence s) {
        List<Item> out = new ArrayList<>(items);
        for (Lexicon.Hit h : hits) {
            if (h.cue().kind() != Lexicon.Kind.REPLACED) {
                continue;
            }
            if ("post".equals(h.cue().arg())) {
                int reach = h.index() - 1;
                for (int k = out.size() - 1; k >= 0; k--) {
                    Item it = out.get(k);
                    if (it.mention().lastToken() < h.index() && reach - it.mention().lastToken() <= 2) {
                        reach = it.mention().firstToken() - 1;
                        note(trace, s, "«" + String.join(" ", h.cue().words()) + "» " + it.mention().text() + " is the system replaced");
                        out.remove(k);
                    }
                }
            } else {
                int reach = h.index() + h.length();
                for (int k = 0; k < out.size(); k++) {
                    Item it = out.get(k);
                    if (it.mention().firstToken() >= h.index() + h.length() && it.mention().firstToken() - reach <= 5) {
                        reach = it.mention().lastToken() + 1;
                        note(trace, s, "«" + String.join(" ", h.cue().words()) + "» " + it.mention().text() + " is the system replaced");
                        out.remove(k--);
                    }
                }
            }
        }
        return out;
    }

    private static List<Item> items(List<Mention> ms) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            Mention m = ms.get(i);
            if (m.kind() != EntityKind.WEAPON && m.kind() != EntityKind.CATEGORY) {
                continue;
            }
            if (m.kind() == EntityKind.CATEGORY && adjacentWeapon(ms, i)) {
                continue;
            }
            if (m.kind() == EntityKind.WEAPON && !out.isEmpty()
                    && out.get(out.size() - 1).mention().entity().id().equals(m.entity().id())
                    && m.firstToken() - out.get(out.size() - 1).mention().lastToken() <= 1) {
                continue;
            }
            Entity e = m.entity();
            if (m.kind() == EntityKind.CATEGORY && out.stream().anyMatch(x -> x.arg().kind() == EntityKind.CATEGORY
                    && e.category().equals(x.arg().category()))) {
                continue;
            }
            String category = e.category() != null ? e.category() : neighbourCategory(ms, i);
            Arg arg = m.kind() == EntityKind.WEAPON
                    ? new Arg(EntityKind.WEAPON, e.name(), null, category, null, List.of())
                    : new Arg(EntityKind.CATEGORY, null, null, e.category(), m.text(), List.of());
            out.add(new Item(m, arg));
        }
        List<Item> kept = new ArrayList<>();
        for (Item it : out) {
            boolean covered = it.arg().kind() == EntityKind.CATEGORY && out.stream().anyMatch(w -> w.arg().kind() == EntityKind.WEAPON
                    && it.arg().category() != null && it.arg().category().equals(w.arg().category()));
            if (!covered) {
                kept.add(it);
            }
        }
        return kept;
    }

    private static boolean adjacentWeapon(List<Mention> ms, int i) {
        Mention c = ms.get(i);
        for (Mention m : ms) {
            if (m.kind() == EntityKind.WEAPON && (Math.abs(m.firstToken() - c.lastToken()) <= 2
                    || Math.abs(c.firstToken() - m.lastToken()) <= 1)) {
                return true;
            }
        }
        return false;
    }

    private static String neighbourCategory(List<Mention> ms, int i) {
        Mention w = ms.get(i);
        Mention best = null;
        for (Mention m : ms) {
            if (m.kind() == EntityKind.CATEGORY && (Math.abs(m.firstToken() - w.lastToken()) <= 2
                    || Math.abs(w.firstToken() - m.lastToken()) <= 2)) {
                best = m;
            }
        }
        return best != null ? best.entity().category() : "other";
    }

    // ---- modality, source, time, money ---------------------------------------------------------

    /** How close a modal word must stand to govern a trigger told in the past tense. */
    private static final int DONE_REACH = 3;

    /** How many words after its trigger noun a modal word still governs it in a verb-final language. */
    private static final int VERB_FINAL_MODAL_REACH = 8;

    /** How many words from its trigger a future verb still makes the fact planned ("передаст ... безвозмездно"). */
    private static final int TENSE_REACH = 6;

    private static Modality modality(Sentence s, List<Lexicon.Hit> hits, int t, String fixed, java.util.regex.Pattern future,
                                     java.util.regex.Pattern past, boolean verbFinal) {
        if (fixed != null) {
            return Modality.of(fixed);
        }
        Modality best = Modality.ASSERTED;
        for (Lexicon.Hit h : hits) {
            boolean post = "post".equals(h.cue().arg());
            // a negation stands right before the trigger, or (verb-final languages) right after it
            if (h.cue().kind() == Lexicon.Kind.NEG && (post ? h.index() > t && h.index() - t <= 3
                    : h.index() + h.length() >= t - 1 && h.index() < t)) {
                return Modality.DENIED;
            }
        }
        for (Lexicon.Hit h : hits) {
            // "accused Pyongyang of secret deliveries": what one is accused of is alleged
            if (h.cue().kind() == Lexicon.Kind.TRIGGER && h.cue().type() == FactType.ACCUSATION && h.index() < t
                    && t - h.index() <= MODAL_REACH) {
                best = Modality.ALLEGED;
            }
        }
        // "соглашения, заключенного в мае 2022": a trigger told in the past tense is done, whatever a
        // modal word further back says of the rest of the sentence
        boolean done = false;
        if (past != null) {
            for (int i = t; i <= Math.min(s.tokens().size() - 1, t + 2); i++) {
                done |= past.matcher(s.tokens().get(i).tag()).find();
            }
        }
        for (Lexicon.Hit h : hits) {
            if (h.cue().kind() != Lexicon.Kind.MOD) {
                continue;
            }
            // in a verb-final language the modal verb follows the trigger noun: "satış ... müzakereler sürerken"
            int after = verbFinal ? VERB_FINAL_MODAL_REACH : 2;
            boolean near = h.index() < t ? t - h.index() <= (done ? DONE_REACH : MODAL_REACH) : h.index() - t <= after;
            boolean clauseWide = h.cue().arg().equals("hypothetical") || h.cue().arg().equals("alleged");
            if (near || clauseWide) {
                Modality m = Modality.of(h.cue().arg());
                if (rank(m) > rank(best)) {
                    best = m;
                }
            }
        }
        if (best == Modality.ASSERTED && future != null) {
            for (int i = Math.max(0, t - TENSE_REACH); i <= Math.min(s.tokens().size() - 1, t + TENSE_REACH); i++) {
                if (future.matcher(s.tokens().get(i).tag()).find()) {
                    return Modality.PLANNED;
                }
            }
        }
        return best;
    }

    private static int rank(Modality m) {
        return switch (m) {
            case ASSERTED -> 0;
            case PLANNED -> 1;
            case POSSIBLE -> 2;
            case ALLEGED -> 3;
            case HYPOTHETICAL -> 4;
            case DENIED -> 5;
        };
    }

    private static Actor source(Sentence s, List<Lexicon.Hit> hits, List<Actor> actors) {
        for (Lexicon.Hit h : hits) {
            if (h.cue().kind() != Lexicon.Kind.SRC) {
                continue;
            }
            if ("after".equals(h.cue().arg())) {
                for (Actor a : actors) {
                    if (a.pos() >= h.index() + h.length() && a.pos() <= h.index() + h.length() + 4) {
                        return a;
                    }
                }
            } else {
                Actor best = null;
                for (Actor a : actors) {
                    if (a.pos() < h.index() && a.pos() >= h.index() - 6 && a.mention().kind() != EntityKind.COUNTRY) {
                        best = a;
                    }
                }
                if (best != null) {
                    return best;
                }
                for (Actor a : actors) {
                    if (a.pos() > h.index() && a.pos() <= h.index() + 3 && a.mention().kind() != EntityKind.COUNTRY) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    private static String topic(Sentence s, List<Lexicon.Hit> hits, int t) {
        for (Lexicon.Hit h : hits) {
            if (h.cue().kind() == Lexicon.Kind.TOPIC && h.index() >= t) {
                return h.cue().arg();
            }
        }
        for (Lexicon.Hit h : hits) {
            if (h.cue().kind() == Lexicon.Kind.TOPIC) {
                return h.cue().arg();
            }
        }
        int from = Math.min(s.tokens().size() - 1, t + 1);
        int start = s.tokens().get(from).start() - s.start();
        String rest = s.text().substring(Math.max(0, start));
        int cut = rest.indexOf(',');
        rest = cut > 0 ? rest.substring(0, cut) : rest;
        return rest.length() > 80 ? rest.substring(0, 80) : rest;
    }

    private static TimeSpan nearestTime(Sentence s, String lang, int triggerOffset) {
        TimeSpan best = null;
        int bestDist = Integer.MAX_VALUE;
        for (Normalizers.Found<TimeSpan> f : Normalizers.times(s.text(), lang)) {
            int d = Math.abs(s.start() + f.start() - triggerOffset);
            if (d < bestDist) {
                best = f.value();
                bestDist = d;
            }
        }
        return best;
    }

    private static Money firstMoney(Sentence s) {
        List<Normalizers.Found<Money>> m = Normalizers.money(s.text());
        return m.isEmpty() ? null : m.get(0).value();
    }

    private static Quantity firstCount(Sentence s, String docText) {
        for (Token tok : s.tokens()) {
            if (tok.isNumber() && tok.text().matches("\\d{1,5}") && !tok.text().matches("(19|20)\\d{2}")) {
                return new Quantity(Long.parseLong(tok.text()), org.armscope.model.Bound.EXACT, tok.text());
            }
        }
        return null;
    }
}
