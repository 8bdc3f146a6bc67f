package io.conduithex.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Strings glued from random pieces, the same ones on every run for a given seed: for checking that a hand-written
 * shortcut agrees with the rule it replaced.
 */
public final class RandomTexts {
    private RandomTexts() {
    }

    /** {@code count} strings, each of between none and {@code mostPieces} pieces drawn from {@code pieces}. */
    public static List<String> of(String[] pieces, int mostPieces, int count, long seed) {
        var random = new SplittableRandom(seed);
        var texts = new ArrayList<String>(count);
        for (int n = 0; n < count; n++) {
            var text = new StringBuilder();
            int length = random.nextInt(mostPieces + 1);
            for (int k = 0; k < length; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
