package io.conduithex.application.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The word lists generated text is drawn from, read once from the class path. Immutable. */
final class Vocabulary {
    static final Vocabulary STANDARD = new Vocabulary(read("first-names.txt"), read("last-names.txt"),
            read("words.txt"), read("tags.txt"));

    final List<String> firstNames;
    final List<String> lastNames;
    final List<String> words;
    /** Most popular first: tag popularity follows the position in this list. */
    final List<String> tags;

    private Vocabulary(List<String> firstNames, List<String> lastNames, List<String> words, List<String> tags) {
        this.firstNames = firstNames;
        this.lastNames = lastNames;
        this.words = words;
        this.tags = tags;
    }

    private static List<String> read(String name) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("word list " + name + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\\s+")).filter(word -> !word.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read word list " + name, e);
        }
    }
}
