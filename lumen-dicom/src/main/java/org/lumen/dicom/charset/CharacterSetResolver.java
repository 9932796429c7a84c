package org.lumen.dicom.charset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the values of (0008,0005) into a {@link SpecificCharacterSet}, repairing what producers get wrong instead of
 * failing: misspelled terms, unknown terms, a set without code extensions among several values, a multi-byte set in
 * value 1, and UTF-8/GB18030/GBK combined with other values.
 */
final class CharacterSetResolver {
    /** Longest part of a bad value quoted in a warning; (0008,0005) values are at most 16 characters. */
    private static final int QUOTE_LIMIT = 64;

    private final List<String> warnings = new ArrayList<>();

    private CharacterSetResolver() {
    }

    static SpecificCharacterSet resolve(String[] values) {
        List<String> split = new ArrayList<>();
        for (String value : values) {
            split.addAll(value == null ? List.of("") : Arrays.asList(value.split("\\\\", -1)));
        }
        return new CharacterSetResolver().build(split.toArray(String[]::new));
    }

    private SpecificCharacterSet build(String[] values) {
        List<DefinedTerm> terms = understand(values);
        DefinedTerm first = terms.isEmpty() || terms.get(0) == DefinedTerm.ISO_IR_6 ? null : terms.get(0);
        List<DefinedTerm> rest = terms.size() > 1 ? terms.subList(1, terms.size()) : List.of();
        if (first != null && first.kind() == DefinedTerm.Kind.MULTI_BYTE) {
            if (!rest.isEmpty()) {
                warnings.add("Specific Character Set " + first.text() + " cannot be combined with code extensions;"
                        + " the other values are ignored");
            }
            return single(first);
        }
        List<DefinedTerm> extensions = extensionsAfter(rest);
        return extensions.isEmpty() ? single(first) : codeExtensions(first, extensions);
    }

    /**
     * The understood term of each value; value 1 stays in place, as null when empty or unknown (the default repertoire
     * then), while empty and unknown later values are dropped.
     */
    private List<DefinedTerm> understand(String[] values) {
        List<DefinedTerm> terms = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? "" : values[i].strip();
            if (value.isEmpty()) {
                if (i == 0) {
                    terms.add(null);
                } else {
                    warnings.add("Specific Character Set value " + (i + 1) + " is empty; ignored");
                }
                continue;
            }
            DefinedTerm.Resolution resolution = DefinedTerm.resolve(value);
            if (resolution == null) {
                warnings.add("Unknown Specific Character Set value '" + quote(value) + "' ignored"
                        + (i == 0 ? "; the default repertoire is used in its place" : ""));
                if (i == 0) {
                    terms.add(null);
                }
                continue;
            }
            if (resolution.warning() != null) {
                warnings.add(resolution.warning());
            }
            terms.add(resolution.term());
        }
        return terms;
    }

    /** Values 2 to n as code extensions, with the sets that cannot be code extensions repaired or dropped. */
    private List<DefinedTerm> extensionsAfter(List<DefinedTerm> rest) {
        Set<DefinedTerm> extensions = new LinkedHashSet<>();
        for (DefinedTerm term : rest) {
            DefinedTerm extension = asCodeExtension(term);
            if (extension == null) {
                warnings.add("Specific Character Set " + term.text() + " cannot be a code extension; ignored");
            } else if (!extensions.add(extension)) {
                warnings.add(twice(extension));
            }
        }
        return new ArrayList<>(extensions);
    }

    private DefinedTerm asCodeExtension(DefinedTerm term) {
        DefinedTerm extension = term.withCodeExtensions();
        if (extension != null && extension != term) {
            warnings.add("Specific Character Set " + term.text() + " among several values read as "
                    + extension.text());
        }
        return extension;
    }

    /** One value, or several of which only the first could be kept. */
    private SpecificCharacterSet single(DefinedTerm term) {
        if (term == null) {
            return warnings.isEmpty() ? SpecificCharacterSet.DEFAULT
                    : new SpecificCharacterSet(new String[0], warnings, defaultCodec(), true);
        }
        String[] terms = {term.text()};
        String name = SpecificCharacterSet.displayName(terms);
        return switch (term.kind()) {
            case SINGLE_BYTE -> new SpecificCharacterSet(terms, warnings,
                    new SingleByteCodec(name, term.g0(), term.g1()), false);
            case MULTI_BYTE -> new SpecificCharacterSet(terms, warnings, new JdkCharsetCodec(name, term.charset()),
                    false);
            case CODE_EXTENSION -> isValidFirst(term) ? codeExtensions(term, List.of()) : codeExtensions(null,
                    List.of(multiByteFirst(term)));
        };
    }

    private DefinedTerm multiByteFirst(DefinedTerm term) {
        warnings.add("Specific Character Set " + term.text() + " is a multi-byte set, which value 1 may not name;"
                + " read as \\" + term.text());
        return term;
    }

    /** Code extensions: value 1 (null for the default repertoire) gives the initial state, all values the sets. */
    private SpecificCharacterSet codeExtensions(DefinedTerm first, List<DefinedTerm> extensions) {
        DefinedTerm initial = first;
        List<DefinedTerm> others = new ArrayList<>(extensions);
        if (initial != null && initial.kind() == DefinedTerm.Kind.SINGLE_BYTE) {
            initial = asCodeExtension(initial);
        } else if (initial != null && !isValidFirst(initial)) {
            others.add(0, multiByteFirst(initial));
            initial = null;
        }
        if (initial != null && others.remove(initial)) {
            warnings.add(twice(initial));
        }
        others = new ArrayList<>(new LinkedHashSet<>(others));
        List<String> terms = new ArrayList<>();
        terms.add(initial == null ? "" : initial.text());
        List<GraphicSet> declared = new ArrayList<>();
        addSets(declared, initial == null ? DefinedTerm.ISO_2022_IR_6 : initial);
        boolean asciiOnly = initial == null || initial.isDefaultRepertoire();
        for (DefinedTerm extension : others) {
            terms.add(extension.text());
            addSets(declared, extension);
            asciiOnly &= extension.isDefaultRepertoire();
        }
        String[] termArray = terms.toArray(String[]::new);
        GraphicSet initialG0 = initial == null ? GraphicSet.ASCII : initial.g0();
        GraphicSet initialG1 = initial == null ? null : initial.g1();
        return new SpecificCharacterSet(termArray, warnings, new Iso2022Codec(
                SpecificCharacterSet.displayName(termArray), initialG0, initialG1, declared), asciiOnly);
    }

    /** Value 1 must put a single-byte set into G0: the multi-byte sets of PS3.3 Table C.12-4 are for values 2 to n. */
    private static boolean isValidFirst(DefinedTerm term) {
        return term.g0() != null && !term.g0().isDoubleByte();
    }

    private static void addSets(List<GraphicSet> declared, DefinedTerm term) {
        for (GraphicSet set : new GraphicSet[] {term.g0(), term.g1()}) {
            if (set != null && !declared.contains(set)) {
                declared.add(set);
            }
        }
    }

    private static String twice(DefinedTerm term) {
        return "Specific Character Set " + term.text() + " is named twice; the repeat is ignored";
    }

    private static TextCodec defaultCodec() {
        return new SingleByteCodec(SpecificCharacterSet.displayName(new String[0]), GraphicSet.ASCII, null);
    }

    private static String quote(String value) {
        return value.length() <= QUOTE_LIMIT ? value : value.substring(0, QUOTE_LIMIT) + "…";
    }
}
