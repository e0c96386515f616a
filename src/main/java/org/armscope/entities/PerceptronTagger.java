package org.armscope.entities;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An averaged-perceptron sequence tagger over BIO labels (Collins 2002), decoded greedily left to
 * right with the two previous labels as features and the BIO constraint (an I-X only after B-X or
 * I-X). Features are 64-bit hashes ({@link NerFeatures}); the trained model keeps, per feature,
 * its averaged weight for each label, in one flat array behind an open-addressing index.
 */
public final class PerceptronTagger {
    private static final int MAGIC = 0x41534e52; // "ASNR"
    private static final int VERSION = 1;

    private final String[] labels;
    private final Bio bio;
    private final long[] table;     // open addressing: key at 2s, its row at 2s+1 (one cache line); key 0 = empty
    private final float[] weights;  // row * labels + label
    private final int mask;

    private PerceptronTagger(String[] labels, long[] featureKeys, float[] featureWeights) {
        this.labels = labels;
        this.bio = Bio.of(labels);
        int cap = Integer.highestOneBit(Math.max(16, featureKeys.length * 2 - 1)) << 1;
        this.table = new long[cap * 2];
        this.mask = cap - 1;
        for (int r = 0; r < featureKeys.length; r++) {
            int slot = slot(featureKeys[r]);
            table[2 * slot] = featureKeys[r];
            table[2 * slot + 1] = r;
        }
        this.weights = featureWeights;
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public int features() {
        return weights.length / labels.length;
    }

    private int slot(long key) {
        int s = (int) (mix(key) & mask);
        while (table[2 * s] != 0 && table[2 * s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private int row(long key) {
        int s = (int) (mix(key) & mask);
        while (true) {
            long k = table[2 * s];
            if (k == key) {
                return (int) table[2 * s + 1];
            }
            if (k == 0) {
                return -1;
            }
            s = (s + 1) & mask;
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** What the BIO labels are: each label's type index (-1 for O) and whether it is an I- label. */
    private record Bio(int[] typeOf, boolean[] inside) {
        static Bio of(String[] labels) {
            int[] typeOf = new int[labels.length];
            boolean[] inside = new boolean[labels.length];
            List<String> types = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                String l = labels[i];
                if (l.equals("O")) {
                    typeOf[i] = -1;
                    continue;
                }
                String t = l.substring(2);
                if (!types.contains(t)) {
                    types.add(t);
                }
                typeOf[i] = types.indexOf(t);
                inside[i] = l.startsWith("I-");
            }
            return new Bio(typeOf, inside);
        }

        /** Whether label {@code next} may follow label {@code prev} (-1: sentence start). */
        boolean allowed(int prev, int next) {
            return !inside[next] || prev >= 0 && typeOf[prev] == typeOf[next];
        }

        int size() {
            return typeOf.length;
        }
    }

    /** Beam width of decoding and training. */
    static final int BEAM = 4;

    /** Adds the weights of feature {@code f} for every label to {@code score}. */
    interface Scorer {
        void add(long f, float[] score);
    }

    /** The label index of each token of one sentence. */
    public int[] tag(NerFeatures.SentenceFeatures s) {
        return decode(s, this::add, BEAM, bio, null);
    }

    /**
     * Beam search left to right, the beam kept as labels and back-pointers per position. With
     * {@code gold} given (training), stops as soon as the gold prefix falls out of the beam and
     * returns the best prefix so far (early update, Collins and Roark 2004).
     */
    private static int[] decode(NerFeatures.SentenceFeatures s, Scorer w, int beam, Bio bio, int[] gold) {
        int n = s.size();
        int nl = bio.size();
        int[][] lab = new int[n][beam];
        int[][] par = new int[n][beam];
        float[] sc = new float[beam];
        boolean[] onGold = new boolean[beam];
        int size = 1;
        onGold[0] = true;
        float[] stat = new float[nl];
        float[] score = new float[nl];
        long[] dyn = new long[NerFeatures.DYNAMIC];
        float[] cs = new float[beam * nl];
        int[] cb = new int[beam * nl];
        int[] cl = new int[beam * nl];
        float[] nsc = new float[beam];
        boolean[] nGold = new boolean[beam];
        for (int i = 0; i < n; i++) {
            Arrays.fill(stat, 0f);
            for (long f : s.statics(i)) {
                w.add(f, stat);
            }
            int count = 0;
            for (int b = 0; b < size; b++) {
                int prev = i > 0 ? lab[i - 1][b] : -1;
                int prev2 = i > 1 ? lab[i - 2][par[i - 1][b]] : -1;
                System.arraycopy(stat, 0, score, 0, nl);
                s.dynamic(i, prev, prev2, dyn);
                for (long f : dyn) {
                    w.add(f, score);
                }
                for (int l = 0; l < nl; l++) {
                    if (!bio.allowed(prev, l)) {
                        continue;
                    }
                    cs[count] = sc[b] + score[l];
                    cb[count] = b;
                    cl[count] = l;
                    count++;
                }
            }
            int kept = Math.min(beam, count);
            boolean anyGold = false;
            for (int k = 0; k < kept; k++) {
                int best = -1;
                for (int c = 0; c < count; c++) {
                    if (cb[c] >= 0 && (best < 0 || cs[c] > cs[best])) {
                        best = c;
                    }
                }
                lab[i][k] = cl[best];
                par[i][k] = cb[best];
                nsc[k] = cs[best];
                nGold[k] = gold != null && onGold[cb[best]] && cl[best] == gold[i];
                anyGold |= nGold[k];
                cb[best] = -1;
            }
            size = kept;
            System.arraycopy(nsc, 0, sc, 0, kept);
            System.arraycopy(nGold, 0, onGold, 0, kept);
            if (gold != null && !anyGold) {
                return backtrack(lab, par, i, 0);
            }
        }
        return n == 0 ? new int[0] : backtrack(lab, par, n - 1, 0);
    }

    private static int[] backtrack(int[][] lab, int[][] par, int last, int slot) {
        int[] out = new int[last + 1];
        for (int i = last; i >= 0; i--) {
            out[i] = lab[i][slot];
            slot = par[i][slot];
        }
        return out;
    }

    private static boolean samePrefix(int[] a, int[] gold, int len) {
        for (int k = 0; k < len; k++) {
            if (a[k] != gold[k]) {
                return false;
            }
        }
        return true;
    }

    private void add(long f, float[] score) {
        int r = row(f);
        if (r < 0) {
            return;
        }
        int base = r * labels.length;
        for (int l = 0; l < labels.length; l++) {
            score[l] += weights[base + l];
        }
    }

    /** Labelled spans of a tagged sentence: {type, first token, last token}. */
    public List<Span> spans(int[] tags) {
        List<Span> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= tags.length; i++) {
            boolean continues = i < tags.length && bio.inside()[tags[i]];
            if (start >= 0 && !continues) {
                out.add(new Span(labels[tags[start]].substring(2), start, i - 1));
                start = -1;
            }
            if (i < tags.length && bio.typeOf()[tags[i]] >= 0 && !bio.inside()[tags[i]]) {
                start = i;
            }
        }
        return out;
    }

    /** A recognised name: its type (the training set's mapped type) and its token range, inclusive. */
    public record Span(String type, int first, int last) {
    }

    // ------------------------------------------------------------------ training

    /** One training sentence: its features and its gold label names. */
    public record Example(NerFeatures.SentenceFeatures features, String[] gold) {
    }

    /**
     * Trains for {@code epochs} passes over the examples in a shuffled order (fixed seed: the same
     * data gives the same model), with the two previous predicted labels as history, and returns the
     * averaged model with weights below {@code prune} in magnitude dropped.
     */
    public static PerceptronTagger train(List<Example> examples, int epochs, float prune, java.io.PrintStream log) {
        List<String> labelList = new ArrayList<>();
        labelList.add("O");
        for (Example e : examples) {
            for (String g : e.gold()) {
                if (!labelList.contains(g)) {
                    labelList.add(g);
                }
            }
        }
        // B before I of each type, types in order of first appearance
        List<String> ordered = new ArrayList<>(List.of("O"));
        for (String l : labelList) {
            if (!l.equals("O")) {
                String t = l.substring(2);
                for (String p : List.of("B-" + t, "I-" + t)) {
                    if (!ordered.contains(p)) {
                        ordered.add(p);
                    }
                }
            }
        }
        String[] labels = ordered.toArray(String[]::new);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            labelIndex.put(labels[i], i);
        }
        int nl = labels.length;
        Map<Long, float[]> w = new HashMap<>();
        Map<Long, double[]> u = new HashMap<>();
        Trainer t = new Trainer(labels, w, u);
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(20261201L);
        long c = 1;
        for (int epoch = 0; epoch < epochs; epoch++) {
            java.util.Collections.shuffle(order, random);
            int errors = 0;
            int tokens = 0;
            for (Example e : order) {
                NerFeatures.SentenceFeatures s = e.features();
                int[] gold = new int[s.size()];
                for (int i = 0; i < gold.length; i++) {
                    gold[i] = labelIndex.getOrDefault(e.gold()[i], 0);
                }
                int[] pred = decode(s, t::add, BEAM, t.bio, gold);
                int len = pred.length;
                if (!samePrefix(pred, gold, len)) {
                    for (int i = 0; i < len; i++) {
                        t.update(s, i, gold, +1, c);
                        t.update(s, i, pred, -1, c);
                        if (pred[i] != gold[i]) {
                            errors++;
                        }
                    }
                }
                tokens += s.size();
                c++;
            }
            if (log != null) {
                log.printf("epoch %d: %d features, token error rate %.4f%n", epoch + 1, w.size(), errors / (double) Math.max(1, tokens));
            }
        }
        // average (w - u / c) and prune
        List<Long> kept = new ArrayList<>();
        List<float[]> rowsKept = new ArrayList<>();
        for (Map.Entry<Long, float[]> en : w.entrySet()) {
            float[] wr = en.getValue();
            double[] ur = u.get(en.getKey());
            float[] avg = new float[nl];
            boolean any = false;
            for (int l = 0; l < nl; l++) {
                avg[l] = (float) (wr[l] - ur[l] / c);
                if (Math.abs(avg[l]) < prune) {
                    avg[l] = 0f;
                } else {
                    any = true;
                }
            }
            if (any && en.getKey() != 0) {
                kept.add(en.getKey());
                rowsKept.add(avg);
            }
        }
        long[] fk = new long[kept.size()];
        float[] fw = new float[kept.size() * nl];
        for (int r = 0; r < fk.length; r++) {
            fk[r] = kept.get(r);
            System.arraycopy(rowsKept.get(r), 0, fw, r * nl, nl);
        }
        return new PerceptronTagger(labels, fk, fw);
    }

    /** The mutable weights of training, with the BIO constraint of the final tagger. */
    private static final class Trainer {
        final String[] labels;
        final Map<Long, float[]> w;
        final Map<Long, double[]> u;
        final Bio bio;

        Trainer(String[] labels, Map<Long, float[]> w, Map<Long, double[]> u) {
            this.labels = labels;
            this.w = w;
            this.u = u;
            this.bio = Bio.of(labels);
        }

        void add(long f, float[] score) {
            float[] r = w.get(f);
            if (r != null) {
                for (int l = 0; l < r.length; l++) {
                    score[l] += r[l];
                }
            }
        }

        /** Adds {@code sign} to the weights of position i's features for its label in {@code labels}. */
        void update(NerFeatures.SentenceFeatures s, int i, int[] labels, int sign, long c) {
            long[] dyn = new long[NerFeatures.DYNAMIC];
            s.dynamic(i, i > 0 ? labels[i - 1] : -1, i > 1 ? labels[i - 2] : -1, dyn);
            int l = labels[i];
            for (long[] feats : new long[][] {s.statics(i), dyn}) {
                for (long f : feats) {
                    float[] r = w.computeIfAbsent(f, k -> new float[this.labels.length]);
                    double[] a = u.computeIfAbsent(f, k -> new double[this.labels.length]);
                    r[l] += sign;
                    a[l] += (double) sign * c;
                }
            }
        }
    }

    // ------------------------------------------------------------------ persistence

    public void save(OutputStream out) throws IOException {
        try (DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(new GZIPOutputStream(out)))) {
            d.writeInt(MAGIC);
            d.writeInt(VERSION);
            d.writeInt(labels.length);
            for (String l : labels) {
                d.writeUTF(l);
            }
            int n = features();
            d.writeInt(n);
            int nl = labels.length;
            // rows in slot order are not needed: write key and its non-zero weights
            long[] byRow = new long[n];
            for (int s = 0; s < table.length; s += 2) {
                if (table[s] != 0) {
                    byRow[(int) table[s + 1]] = table[s];
                }
            }
            for (int r = 0; r < n; r++) {
                d.writeLong(byRow[r]);
                int nz = 0;
                for (int l = 0; l < nl; l++) {
                    if (weights[r * nl + l] != 0f) {
                        nz++;
                    }
                }
                d.writeByte(nz);
                for (int l = 0; l < nl; l++) {
                    float v = weights[r * nl + l];
                    if (v != 0f) {
                        d.writeByte(l);
                        d.writeFloat(v);
                    }
                }
            }
        }
    }

    public static PerceptronTagger load(InputStream in) throws IOException {
        try (DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16))) {
            if (d.readInt() != MAGIC || d.readInt() != VERSION) {
                throw new IOException("not an Armscope tagger model (or one of another version)");
            }
            String[] labels = new String[d.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = d.readUTF();
            }
            int n = d.readInt();
            long[] fk = new long[n];
            float[] fw = new float[n * labels.length];
            for (int r = 0; r < n; r++) {
                fk[r] = d.readLong();
                int nz = d.readUnsignedByte();
                for (int k = 0; k < nz; k++) {
                    int l = d.readUnsignedByte();
                    fw[r * labels.length + l] = d.readFloat();
                }
            }
            return new PerceptronTagger(labels, fk, fw);
        }
    }
}
