package io.conduithex.application.seed;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent: a few ranks very often, most
 * rarely, like authors' output or tags' popularity. Immutable and thread-safe; the randomness is the caller's.
 */
final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("Zipf needs at least one rank, was " + n);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
    }

    int size() {
        return cumulative.length;
    }

    int sample(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        int rank = index >= 0 ? index : -index - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
