package org.lumen.dicom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C (clean) action for descriptors. Nobody can prove that free text names nobody, so Lumen inverts the question: a
 * descriptor is kept only when every word in it is on a small allow-list of medical and technical vocabulary shipped with
 * Lumen ({@code descriptor-vocabulary.txt}), or is a short number (at most four digits, so dates and record numbers do
 * not pass), or a listed word or unit joined to such a number ({@code 5mm}, {@code Plan1}). Anything else is treated as
 * possibly identifying and gets the Basic Profile action instead. Words are split at every character that is not a
 * letter or a digit, and compared without case.
 */
public final class DescriptorCleaner {
    static final String RESOURCE = "descriptor-vocabulary.txt";
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SHORT_NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern WORD_THEN_NUMBER = Pattern.compile("(\\p{L}+)(\\d{1,4})");
    private static final Pattern NUMBER_THEN_WORD = Pattern.compile("(\\d{1,4})(\\p{L}+)");

    private final Set<String> vocabulary;

    public DescriptorCleaner(Set<String> vocabulary) {
        Set<String> lower = new HashSet<>();
        for (String word : vocabulary) {
            lower.add(word.toLowerCase(Locale.ROOT));
        }
        this.vocabulary = Set.copyOf(lower);
    }

    private static final class Standard {
        static final DescriptorCleaner CLEANER = new DescriptorCleaner(load());

        private static Set<String> load() {
            try (InputStream in = DescriptorCleaner.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + RESOURCE + " is missing from the lumen-dicom jar");
                }
                Set<String> words = new HashSet<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String word = line.strip();
                    if (!word.isEmpty() && !word.startsWith("#")) {
                        words.add(word);
                    }
                }
                return words;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The cleaner with the vocabulary shipped in lumen-dicom. */
    public static DescriptorCleaner standard() {
        return Standard.CLEANER;
    }

    /** True when every word of {@code text} is allowed (an empty text is clean). */
    public boolean isClean(String text) {
        for (String token : SEPARATORS.split(text.trim())) {
            if (!token.isEmpty() && !isAllowed(token.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private boolean isAllowed(String token) {
        if (vocabulary.contains(token) || SHORT_NUMBER.matcher(token).matches()) {
            return true;
        }
        Matcher wordNumber = WORD_THEN_NUMBER.matcher(token);
        if (wordNumber.matches()) {
            return vocabulary.contains(wordNumber.group(1));
        }
        Matcher numberWord = NUMBER_THEN_WORD.matcher(token);
        return numberWord.matches() && vocabulary.contains(numberWord.group(2));
    }

    public int vocabularySize() {
        return vocabulary.size();
    }
}
