package dev.glyphoxa.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a sample of milliseconds. */
record Stats(int n, double p50, double p95, double mean) {

    static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stats(v.length, pct(v, 0.5), pct(v, 0.95), Arrays.stream(v).average().orElse(Double.NaN));
    }

    private static double pct(double[] sorted, double p) {
        double idx = p * (sorted.length - 1);
        int lo = (int) Math.floor(idx);
        int hi = (int) Math.ceil(idx);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (idx - lo);
    }

    String row(String name) {
        return String.format("| %s | %d | %.1f | %.1f | %.1f |", name, n, p50, p95, mean);
    }
}
