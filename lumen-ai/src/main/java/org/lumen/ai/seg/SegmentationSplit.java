package org.lumen.ai.seg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * A seeded training/validation split of case names: the names sorted, shuffled by {@code new Random(seed)}, the first
 * {@code round(n * validationFraction)} (at least one) for validation. The same names and seed always give the same split
 * whatever order the files were listed in; {@link #write} records it beside the model.
 */
public record SegmentationSplit(long seed, List<String> train, List<String> validation) {

    public SegmentationSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    public static SegmentationSplit of(List<String> names, double validationFraction, long seed) {
        TreeSet<String> sorted = new TreeSet<>(names);
        if (sorted.size() != names.size()) {
            throw new IllegalArgumentException("case names must be unique; " + (names.size() - sorted.size()) + " repeat");
        }
        if (sorted.size() < 2 || !(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("need at least 2 cases and a validation fraction in (0, 1), got "
                    + sorted.size() + " cases and " + validationFraction);
        }
        List<String> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(seed));
        int nVal = Math.max(1, Math.min(sorted.size() - 1, (int) Math.round(sorted.size() * validationFraction)));
        List<String> val = new ArrayList<>(shuffled.subList(0, nVal));
        List<String> train = new ArrayList<>(shuffled.subList(nVal, shuffled.size()));
        Collections.sort(val);
        Collections.sort(train);
        return new SegmentationSplit(seed, train, val);
    }

    /** {@code {"seed": .., "train": [..], "validation": [..]}}, pretty-printed. */
    public void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", seed);
        json.put("train", train);
        json.put("validation", validation);
        Files.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
    }

    public static SegmentationSplit read(Path file) throws IOException {
        var node = new ObjectMapper().readTree(file.toFile());
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        node.get("train").forEach(n -> train.add(n.asText()));
        node.get("validation").forEach(n -> val.add(n.asText()));
        return new SegmentationSplit(node.get("seed").asLong(), train, val);
    }
}
