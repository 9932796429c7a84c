package org.lumen.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.VR;

/**
 * Checks the dictionaries against real files: in every explicit VR file of the shared corpus, each element's VR as
 * written by its producer must be one our dictionary allows (standard elements by tag, private ones by creator). dcmdump
 * (Debian dcmtk) lists the elements; implicit VR files are skipped, since there the VRs shown come from dcmtk's dictionary.
 */
@Tag("interop")
class ExplicitVrFilesAgreementTest {

    /** Producer VRs that differ from the dictionary, each checked by hand: the files are wrong or older than PS3.6. */
    private static final Set<String> KNOWN_DIFFERENCES = Set.of(
            // Curve Range (50xx,0106) is SH in PS3.6; this ECG file writes it as an empty US.
            "(50000106) standard [SH], file US",
            // dcmtk's private.dic has these CARDIO-D.R. 1.0 elements as DS; this device wrote US and FL.
            "(00291002) CARDIO-D.R. 1.0 [DS], file US",
            "(00291003) CARDIO-D.R. 1.0 [DS], file FL");

    private static final Pattern ELEMENT = Pattern.compile("^(\\s*)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) ([A-Z]{2}) (.*)$");
    private static final Pattern FILE_HEADER = Pattern.compile("^# dcmdump \\(\\d+/\\d+\\): (.*)$");
    private static final Pattern CREATOR_VALUE = Pattern.compile("^\\[(.*?)\\]");

    private final ElementDictionary standard = ElementDictionary.standard();
    private final PrivateDictionary vendors = PrivateDictionary.builtIn();

    @Test
    void producersVrsAreOnesTheDictionaryAllows() throws IOException, InterruptedException {
        List<Path> files = corpus();
        assertThat(files).hasSizeGreaterThan(300);
        Map<String, Set<String>> differences = new TreeMap<>();
        int explicitFiles = 0;
        int standardChecked = 0;
        int privateChecked = 0;
        String file = null;
        boolean explicit = false;
        String previous = "";
        Map<String, String> creators = new HashMap<>();
        for (String line : dcmdump(files)) {
            Matcher header = FILE_HEADER.matcher(line);
            if (header.matches()) {
                file = header.group(1);
                explicit = false;
                creators.clear();
                continue;
            }
            if (line.startsWith("# Used TransferSyntax: ") && previous.equals("# Dicom-Data-Set")) {
                explicit = !line.contains("Implicit");
                explicitFiles += explicit ? 1 : 0;
            }
            previous = line;
            Matcher element = ELEMENT.matcher(line);
            if (!element.matches() || !explicit || element.group(4).equals("UN")) {
                continue;
            }
            int depth = element.group(1).length();
            int group = Integer.parseInt(element.group(2), 16);
            int elementNumber = Integer.parseInt(element.group(3), 16);
            int tag = group << 16 | elementNumber;
            VR fileVr = VR.ofName(element.group(4));
            if (group == 0xFFFE || fileVr == null) {
                continue;
            }
            if (isPrivateGroup(group)) {
                if (elementNumber >= 0x0010 && elementNumber <= 0x00FF) {
                    Matcher value = CREATOR_VALUE.matcher(element.group(5));
                    creators.put(depth + "/" + group + "/" + elementNumber, value.find() ? value.group(1) : null);
                    checkStandard(tag, fileVr, file, differences);
                    standardChecked++;
                } else if (elementNumber >= 0x1000) {
                    String creator = creators.get(depth + "/" + group + "/" + (elementNumber >>> 8));
                    privateChecked += checkPrivate(creator, tag, fileVr, file, differences) ? 1 : 0;
                }
                // (gggg,0001-000F) and (gggg,0100-0FFF) are neither standard nor vendor elements.
                continue;
            }
            checkStandard(tag, fileVr, file, differences);
            standardChecked++;
        }
        assertThat(explicitFiles).as("explicit VR files").isGreaterThan(300);
        assertThat(standardChecked).as("standard elements checked").isGreaterThan(28_000);
        assertThat(privateChecked).as("private elements checked").isGreaterThan(2_900);
        assertThat(differences.keySet()).as("differences, with files: %s", differences).isEqualTo(KNOWN_DIFFERENCES);
    }

    private void checkStandard(int tag, VR fileVr, String file, Map<String, Set<String>> differences) {
        ElementDictionary.Entry known = standard.lookup(tag);
        if (known == null || !known.vrs().contains(fileVr)) {
            differences.computeIfAbsent(String.format("(%08X) standard %s, file %s", tag,
                    known == null ? "unknown" : known.vrs(), fileVr), k -> new TreeSet<>()).add(file);
        }
    }

    /** Compares a private element with the vendor dictionary; false when the dictionary does not know it. */
    private boolean checkPrivate(String creator, int tag, VR fileVr, String file, Map<String, Set<String>> differences) {
        PrivateDictionary.Entry known = vendors.lookup(creator, tag);
        if (known == null) {
            return false;
        }
        if (!known.vrs().contains(fileVr)) {
            differences.computeIfAbsent(String.format("(%08X) %s %s, file %s", tag, creator.strip(), known.vrs(),
                    fileVr), k -> new TreeSet<>()).add(file);
        }
        return true;
    }

    private static boolean isPrivateGroup(int group) {
        return (group & 1) != 0 && group > 0x0007 && group != 0xFFFF;
    }

    /** dcmdump's listing of all files at once: one process, a "# dcmdump (i/n): file" line before each file. */
    private static List<String> dcmdump(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dcmdump", "-q", "-M", "-Un", "+F"));
        files.forEach(f -> command.add(f.toString()));
        Path output = Files.createTempFile("dcmdump", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("dcmdump did not finish within 5 minutes");
            }
            return Files.readAllLines(output, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run dcmdump; install Debian's dcmtk", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The shared DICOM corpus, ../shared/data/dicom beside the repository; fails when it is missing. */
    private static List<Path> corpus() throws IOException {
        String root = System.getProperty("lumen.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path dicom = base.resolve("../shared/data/dicom").normalize();
        if (!Files.isDirectory(dicom)) {
            throw new IllegalStateException("shared DICOM data not found at " + dicom);
        }
        try (Stream<Path> walk = Files.walk(dicom)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches(".*\\.(tsv|md|json|txt|py|gz|tgz|xml|jpeg|jpg|png|pdf)$|LICENSE.*"))
                    .sorted()
                    .toList();
        }
    }
}
