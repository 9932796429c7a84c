package org.lumen.image.radiomics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link RadiomicsConfig} from a settings file (Java properties, UTF-8). The IBSI reference configurations are
 * such files too, shipped beside this class ({@code ibsi-config-C.properties} ...), so a user's file has exactly their form:
 *
 * <pre>
 * name = C
 * texture.dimensionalities = 3D            # any of 2D, 2.5D, 3D, comma separated
 * resampling.spacing = 2, 2, 2             # mm; two values = in-plane only (2D); "none" keeps the grid
 * resampling.image = linear                # nearest, linear, cubic-spline
 * resampling.mask = linear                 # nearest, linear
 * resampling.mask.threshold = 0.5          # partial volume threshold
 * resampling.round = true                  # round interpolated intensities to integers
 * resegmentation.range = -1000, 400        # or "-1000, inf", or "none"
 * resegmentation.outliers = none           # or the number of standard deviations, e.g. 3
 * discretisation = FBS 25                  # texture and intensity histogram: none, FBN n, FBS w
 * ivh.discretisation = FBS 2.5             # intensity-volume histogram: none, FBN n, FBS w
 * </pre>
 */
public final class RadiomicsSettings {
    private static final Set<String> KEYS = Set.of("name", "texture.dimensionalities", "resampling.spacing",
            "resampling.image", "resampling.mask", "resampling.mask.threshold", "resampling.round", "resegmentation.range",
            "resegmentation.outliers", "discretisation", "ivh.discretisation");

    private RadiomicsSettings() {
    }

    /** One of the IBSI reference configurations by name (digital-phantom, A..E; case-insensitive letters). */
    public static RadiomicsConfig reference(String name) {
        String canonical = RadiomicsConfig.REFERENCE_NAMES.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no IBSI configuration \"" + name + "\"; known: "
                        + String.join(", ", RadiomicsConfig.REFERENCE_NAMES)));
        String resource = "ibsi-config-" + canonical + ".properties";
        try (InputStream in = RadiomicsSettings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in settings " + resource + " missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in settings " + resource, e);
        }
    }

    /** Reads a settings file; IllegalArgumentException naming the file and key when a value is wrong or missing. */
    public static RadiomicsConfig read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    static RadiomicsConfig parse(Reader reader, String source) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(source + ": unknown setting(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        Settings s = new Settings(properties, source);
        try {
            return new RadiomicsConfig(s.required("name"), dimensionalities(s.required("texture.dimensionalities")),
                    resampling(s), range(s.required("resegmentation.range")), outliers(s.required("resegmentation.outliers")),
                    Discretisation.parse(s.required("discretisation")), Discretisation.parse(s.required("ivh.discretisation")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private record Settings(Properties properties, String source) {
        String required(String key) {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(source + ": setting " + key + " is missing");
            }
            return value.strip();
        }
    }

    private static Set<Dimensionality> dimensionalities(String text) {
        Set<Dimensionality> set = EnumSet.noneOf(Dimensionality.class);
        for (String word : text.split(",")) {
            String w = word.strip().toUpperCase(Locale.ROOT);
            set.add(switch (w) {
                case "2D" -> Dimensionality.TWO_D;
                case "2.5D", "2_5D" -> Dimensionality.TWO_AND_HALF_D;
                case "3D" -> Dimensionality.THREE_D;
                default -> throw new IllegalArgumentException("texture dimensionality \"" + word.strip()
                        + "\" is not one of 2D, 2.5D, 3D");
            });
        }
        return set;
    }

    private static Optional<RadiomicsConfig.Resampling> resampling(Settings s) {
        String spacingText = s.required("resampling.spacing");
        if (spacingText.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        double[] spacing = numbers(spacingText, "resampling.spacing");
        if (spacing.length < 2 || spacing.length > 3) {
            throw new IllegalArgumentException("resampling.spacing needs 2 (in-plane) or 3 values, got \"" + spacingText + "\"");
        }
        for (double v : spacing) {
            if (v != spacing[0]) {
                throw new IllegalArgumentException("resampling.spacing must be isotropic (IBSI), got \"" + spacingText + "\"");
            }
        }
        return Optional.of(new RadiomicsConfig.Resampling(spacing[0], spacing.length == 2,
                GridInterpolation.parse(s.required("resampling.image")), GridInterpolation.parse(s.required("resampling.mask")),
                number(s.required("resampling.mask.threshold"), "resampling.mask.threshold"),
                bool(s.required("resampling.round"), "resampling.round")));
    }

    private static Optional<RadiomicsConfig.IntensityRange> range(String text) {
        if (text.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        double[] bounds = numbers(text, "resegmentation.range");
        if (bounds.length != 2) {
            throw new IllegalArgumentException("resegmentation.range needs two values (lower, upper), got \"" + text + "\"");
        }
        return Optional.of(new RadiomicsConfig.IntensityRange(bounds[0], bounds[1]));
    }

    private static OptionalDouble outliers(String text) {
        return text.equalsIgnoreCase("none") ? OptionalDouble.empty()
                : OptionalDouble.of(number(text, "resegmentation.outliers"));
    }

    private static double[] numbers(String text, String key) {
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i], key);
        }
        return values;
    }

    private static double number(String text, String key) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + ": \"" + text.strip() + "\" is not a number");
                }
            }
        }
    }

    private static boolean bool(String text, String key) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + ": \"" + text + "\" is not true or false");
        };
    }
}
