package org.lumen.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.VR;

/**
 * Compares the VRs of our dictionary with dcmtk's (Debian libdcmtk17, PS3.6 2022b) for every tag dcmtk lists, expanding
 * its ranges such as (6000-60FF,3000) or (0009-o-FFFF,0010-u-00FF) tag by tag. The VR decides how an implicit VR file is
 * read, so any difference must be a known, explained one.
 */
@Tag("interop")
class DcmtkDictionaryComparisonTest {

    private static final Path DCMTK_DICTIONARY = Path.of("/usr/share/libdcmtk17/dicom.dic");

    /** dcmtk line tag -> the disagreement we accept, with the number of tags it covers. */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            // PS3.6 gives LUT Data "US or OW"; dcmtk adds SS. 16-bit words either way; the LUT Descriptor says the sign.
            "(0028,3006)", "1 tag(s), e.g. (0028,3006): ours [US, OW], dcmtk [OW, SS, US]",
            // dcmtk also calls (gggg,0010-00FF) in groups 0001-0007 creators, which PS3.5 7.8.1 does not allow.
            "(0001-o-0007,0010-u-00FF)", "960 tag(s), e.g. (0001,0010): ours unknown, dcmtk [LO]",
            // dcmtk's private range runs to group FFFF, which PS3.5 7.8.1 excludes from private groups.
            "(0009-o-FFFF,0010-u-00FF)", "240 tag(s), e.g. (FFFF,0010): ours unknown, dcmtk [LO]");

    private static final Pattern TAG_PATTERN = Pattern.compile(
            "\\(([0-9A-F]{4})(?:-([ou]-)?([0-9A-F]{4}))?,([0-9A-F]{4})(?:-([ou]-)?([0-9A-F]{4}))?\\)");

    private final ElementDictionary dictionary = ElementDictionary.standard();

    @Test
    void everyVrDcmtkKnowsAgreesWithOursOrIsAKnownDifference() throws IOException {
        if (!Files.isReadable(DCMTK_DICTIONARY)) {
            throw new IllegalStateException(DCMTK_DICTIONARY + " is missing; install Debian's dcmtk (libdcmtk17)");
        }
        Map<String, String> differences = new TreeMap<>();
        int lines = 0;
        long tagsCompared = 0;
        for (String line : Files.readAllLines(DCMTK_DICTIONARY, StandardCharsets.ISO_8859_1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            Matcher tag = TAG_PATTERN.matcher(fields[0].toUpperCase().replace("-O-", "-o-").replace("-U-", "-u-"));
            assertThat(tag.matches()).as("dcmtk tag %s", fields[0]).isTrue();
            Set<VR> theirs = dcmtkVrs(fields[1]);
            lines++;
            Range groups = Range.of(tag.group(1), tag.group(2), tag.group(3));
            Range elements = Range.of(tag.group(4), tag.group(5), tag.group(6));
            int disagreeing = 0;
            String example = null;
            for (int group = groups.first; group <= groups.last; group += groups.step) {
                for (int element = elements.first; element <= elements.last; element += elements.step) {
                    int t = group << 16 | element;
                    ElementDictionary.Entry ours = dictionary.lookup(t);
                    tagsCompared++;
                    if (ours == null || !withUn(ours.vrs()).equals(withUn(theirs))) {
                        if (disagreeing++ == 0) {
                            example = String.format("(%04X,%04X): ours %s, dcmtk %s", group, element,
                                    ours == null ? "unknown" : ours.vrs(), List.copyOf(theirs));
                        }
                    }
                }
            }
            if (disagreeing > 0) {
                differences.put(fields[0].toUpperCase().replace("-O-", "-o-").replace("-U-", "-u-"),
                        disagreeing + " tag(s), e.g. " + example);
            }
        }
        assertThat(lines).isGreaterThan(4900);
        assertThat(tagsCompared).isGreaterThan(7_000_000L);
        assertThat(differences).isEqualTo(KNOWN_DIFFERENCES);
    }

    /** An empty VR set (items) compares as UN on both sides, since EnumSet.copyOf cannot take an empty list. */
    private static Set<VR> withUn(java.util.Collection<VR> vrs) {
        return vrs.isEmpty() ? EnumSet.of(VR.UN) : EnumSet.copyOf(vrs);
    }

    private static Set<VR> dcmtkVrs(String code) {
        return switch (code) {
            case "xs" -> EnumSet.of(VR.US, VR.SS);
            case "ox", "px" -> EnumSet.of(VR.OB, VR.OW);
            case "lt" -> EnumSet.of(VR.US, VR.SS, VR.OW);
            case "up" -> EnumSet.of(VR.UL);
            case "na" -> EnumSet.noneOf(VR.class);
            default -> {
                VR vr = VR.ofName(code);
                assertThat(vr).as("dcmtk VR %s", code).isNotNull();
                yield EnumSet.of(vr);
            }
        };
    }

    /** A dcmtk range: even numbers by default, odd with -o-, all with -u-. */
    private record Range(int first, int last, int step) {
        static Range of(String first, String kind, String last) {
            int from = Integer.parseInt(first, 16);
            if (last == null) {
                return new Range(from, from, 1);
            }
            int to = Integer.parseInt(last, 16);
            if ("o-".equals(kind)) {
                return new Range(from | 1, to, 2);
            }
            return "u-".equals(kind) ? new Range(from, to, 1) : new Range(from & ~1, to, 2);
        }
    }
}
