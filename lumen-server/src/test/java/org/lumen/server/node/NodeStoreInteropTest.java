package org.lumen.server.node;

import org.lumen.dicom.testing.PeerProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.StoredInstance;
import org.lumen.server.config.NodeConfig;

/**
 * dcmtk's storescu sends every file of ../shared/data/dicom to a running node, each transfer syntax with the storescu option
 * that proposes it (one storescu run per syntax, {@code -R} so that SR, SEG and private classes are proposed); every
 * acknowledged instance is then in the index with a file whose data set equals the source's; getscu and movescu (to a
 * dcmtk storescp configured as a remote AE) retrieve exactly the stored set, data sets identical.
 *
 * <p>Files that dcmtk 3.6.7 cannot send are listed with the reason in the test output (see {@link #UNSENDABLE}); files the
 * corpus holds twice under one SOP Instance UID (the same image in several syntaxes) are stored once (duplicate policy
 * KEEP): the stored copy must equal the first one acknowledged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeStoreInteropTest {
    /** The storescu option proposing each transfer syntax (peers README), and getscu's matching preference. */
    private static final Map<String, String> STORESCU_OPTION = Map.ofEntries(
            Map.entry(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, "-xi"),
            Map.entry(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "-xe"),
            Map.entry(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, "-xb"),
            Map.entry(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, "-xd"),
            Map.entry(TransferSyntax.JPEG_BASELINE_8BIT, "-xy"),
            Map.entry(TransferSyntax.JPEG_EXTENDED_12BIT, "-xx"),
            Map.entry(TransferSyntax.JPEG_LOSSLESS_SV1, "-xs"),
            Map.entry(TransferSyntax.JPEG_LS_LOSSLESS, "-xt"),
            Map.entry(TransferSyntax.JPEG_LS_NEAR_LOSSLESS, "-xu"),
            Map.entry(TransferSyntax.JPEG_2000_LOSSLESS, "-xv"),
            Map.entry(TransferSyntax.JPEG_2000, "-xw"),
            Map.entry(TransferSyntax.RLE_LOSSLESS, "-xr"));
    /** Syntaxes no storescu option proposes, with why. */
    private static final Map<String, String> UNSENDABLE = Map.of(
            "1.2.840.10008.1.2.4.201", "HTJ2K lossless: unknown to dcmtk 3.6.7",
            "1.2.840.10008.1.2.4.202", "HTJ2K RPCL lossless: unknown to dcmtk 3.6.7",
            "1.2.840.10008.1.2.4.203", "HTJ2K: unknown to dcmtk 3.6.7",
            "1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression: unknown to dcmtk 3.6.7",
            TransferSyntax.JPEG_LOSSLESS, "JPEG Lossless process 14 (.57): storescu's -xs proposes only .70 (SV1)");

    /** Storage SOP classes getscu 3.6.7 does not propose (Parametric Map, Microscopy Bulk Simple Annotations). */
    private static final Set<String> GETSCU_UNKNOWN_CLASSES = Set.of("1.2.840.10008.5.1.4.1.1.30",
            "1.2.840.10008.5.1.4.1.1.91.1");

    @TempDir
    static Path tmp;
    LumenNode node;
    PeerProcess storescp;
    Path storescpOut;
    /** Per source file: its header as read by Lumen, or null when Lumen cannot read it. */
    final Map<Path, Attributes> headers = new LinkedHashMap<>();
    /** The files of each storescu option, and the files not sent with the reason. */
    final Map<String, List<Path>> groups = new TreeMap<>();
    final Map<Path, String> notSent = new TreeMap<>();
    /** storescu's answer per file sent, and, per SOP Instance UID, the first file acknowledged. */
    final Map<Path, String> responses = new LinkedHashMap<>();
    final Map<String, Path> firstAcknowledged = new LinkedHashMap<>();
    final Map<String, Integer> acknowledgedPerOption = new TreeMap<>();

    @BeforeAll
    void sendTheCorpus() throws Exception {
        int storescpPort = PeerProcess.freePort();
        storescpOut = Files.createDirectories(tmp.resolve("storescp"));
        storescp = PeerProcess.start(tmp.resolve("storescp.log"), storescpPort, "storescp", "-aet", "STORESCP", "-pm", "+xa",
                "+B", "-od", storescpOut.toString(), String.valueOf(storescpPort));
        NodeConfig defaults = NodeConfig.defaults();
        NodeConfig.Dicom d = defaults.dicom();
        NodeConfig.Dicom dicom = new NodeConfig.Dicom(0, "LUMEN", d.maxAssociations(), d.maxPduLength(),
                d.idleTimeoutSeconds(), Map.of(), Map.of("STORESCP", new NodeConfig.RemoteAe("127.0.0.1", storescpPort)));
        node = LumenNode.start(defaults.withData(tmp.resolve("data")).withDicom(dicom).withHttp(defaults.http().withPort(0)));

        for (Path file : TestData.dicomCorpus()) {
            Attributes header = null;
            String ts = null;
            try {
                DicomFile parsed = DicomReader.read(file, ReadOptions.HEADER_ONLY);
                header = parsed.dataset();
                String metaTs = parsed.fileMeta() == null ? null : parsed.fileMeta().getString(Tag.TransferSyntaxUID);
                ts = metaTs != null ? metaTs.trim() : parsed.transferSyntax().uid();
            } catch (IOException | RuntimeException e) {
                // storescu decides about files Lumen cannot read; they go with the default proposal.
            }
            headers.put(file, header);
            if (ts != null && UNSENDABLE.containsKey(ts)) {
                notSent.put(file, UNSENDABLE.get(ts));
            } else {
                groups.computeIfAbsent(ts == null ? "-xe" : STORESCU_OPTION.getOrDefault(ts, "-xe"), k -> new ArrayList<>())
                        .add(file);
            }
        }
        for (Map.Entry<String, List<Path>> group : groups.entrySet()) {
            Storescu.Outcome outcome = Storescu.send(300, node.dicomPort(), "LUMEN", List.of("-R", group.getKey()),
                    group.getValue());
            int acknowledged = 0;
            for (Path file : group.getValue()) {
                String response = outcome.responses().get(file);
                if (response == null) {
                    notSent.put(file, "storescu: " + outcome.refusal(file));
                    continue;
                }
                responses.put(file, response);
                if (outcome.acknowledged(file)) {
                    acknowledged++;
                    Attributes h = headers.get(file);
                    if (h != null && h.getString(Tag.SOPInstanceUID) != null) {
                        firstAcknowledged.putIfAbsent(h.getString(Tag.SOPInstanceUID).trim(), file);
                    }
                }
            }
            acknowledgedPerOption.put(group.getKey(), acknowledged);
        }
        System.out.println("storescu per option: files " + groups.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size()).collect(Collectors.joining(", "))
                + "; acknowledged " + acknowledgedPerOption);
        System.out.println("not sent (" + notSent.size() + "):");
        notSent.forEach((f, why) -> System.out.println("  " + TestData.dataRoot().relativize(f) + ": " + why));
        responses.forEach((f, r) -> {
            if (!r.startsWith("Success")) {
                System.out.println("  answered " + r + ": " + TestData.dataRoot().relativize(f));
            }
        });
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (storescp != null) {
            storescp.close();
        }
    }

    /**
     * Lumen refuses (0xA900) only instances it cannot file: those without a Study or Series Instance UID (a few of the
     * JPEG-LS samples); everything else storescu sent is acknowledged.
     */
    @Test
    void everySendIsAcknowledgedButThoseWithoutStudyOrSeriesUid() {
        assertThat(firstAcknowledged.size()).as("distinct SOP instances acknowledged").isGreaterThanOrEqualTo(200);
        List<String> unexpected = new ArrayList<>();
        int refusedWithoutUids = 0;
        for (Map.Entry<Path, String> e : responses.entrySet()) {
            boolean ok = e.getValue().startsWith("Success") || e.getValue().startsWith("Warning");
            Attributes h = headers.get(e.getKey());
            boolean fileable = h != null && h.getString(Tag.StudyInstanceUID) != null && h.getString(Tag.SeriesInstanceUID) != null;
            if (!ok && !fileable && e.getValue().contains("DataSetDoesNotMatchSOPClass")) {
                refusedWithoutUids++;
            } else if (!ok || !fileable) {
                unexpected.add(TestData.dataRoot().relativize(e.getKey()) + ": " + e.getValue()
                        + (fileable ? "" : " (no Study/Series UID)"));
            }
        }
        System.out.println("refused for lack of Study/Series Instance UID: " + refusedWithoutUids);
        assertThat(unexpected).as("answers other than success for a fileable instance / 0xA900 for an unfileable one")
                .isEmpty();
    }

    @Test
    void everyAcknowledgedInstanceIsIndexedWithAnIdenticalFile() throws Exception {
        List<String> problems = new ArrayList<>();
        int sameBytes = 0;
        for (Map.Entry<String, Path> e : firstAcknowledged.entrySet()) {
            StoredInstance stored = node.archive().instance(e.getKey()).orElse(null);
            if (stored == null) {
                problems.add(e.getKey() + " (" + e.getValue().getFileName() + "): acknowledged but not in the index");
                continue;
            }
            if (!Files.isRegularFile(stored.path())) {
                problems.add(e.getKey() + ": indexed file missing " + stored.path());
                continue;
            }
            String difference = DataSets.difference(DataSets.read(stored.path()), DataSets.read(e.getValue()));
            if (difference != null) {
                problems.add(TestData.dataRoot().relativize(e.getValue()) + ": stored data set differs: " + difference);
            }
            if (DataSets.sameDatasetBytes(stored.path(), e.getValue())) {
                sameBytes++;
            }
        }
        System.out.println("stored: " + firstAcknowledged.size() + " instances, " + sameBytes
                + " byte-identical after the file meta, the rest equal in content");
        assertThat(problems).isEmpty();
        assertThat(node.archive().verify().clean()).as("Archive.verify()").isTrue();
    }

    /** Every instance the archive holds, by SOP Instance UID. */
    private Map<String, StoredInstance> storedSet() {
        Map<String, StoredInstance> stored = new TreeMap<>();
        for (String sop : firstAcknowledged.keySet()) {
            node.archive().instance(sop).ifPresent(s -> stored.put(sop, s));
        }
        return stored;
    }

    @Test
    void movescuToStorescpRetrievesExactlyTheStoredSet() throws Exception {
        Map<String, StoredInstance> stored = storedSet();
        Set<String> studies = new TreeSet<>();
        stored.values().forEach(s -> studies.add(s.studyInstanceUid()));
        for (String study : studies) {
            Peers.Result r = Peers.run(120, "movescu", "-aet", "MOVESCU", "-aec", "LUMEN", "-aem", "STORESCP", "-S", "-k",
                    "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1", String.valueOf(node.dicomPort()));
            assertThat(r.ok()).as(study + ": " + r).isTrue();
        }
        assertRetrieved(storescpOut, stored, "movescu");
    }

    @Test
    void getscuRetrievesExactlyTheStoredSet() throws Exception {
        Map<String, StoredInstance> stored = storedSet();
        Map<String, List<String>> bySyntax = new TreeMap<>();
        stored.values().forEach(s -> bySyntax.computeIfAbsent(s.transferSyntaxUid(), k -> new ArrayList<>())
                .add(s.sopInstanceUid()));
        Path out = Files.createDirectories(tmp.resolve("getscu"));
        for (Map.Entry<String, List<String>> group : bySyntax.entrySet()) {
            // getscu accepts the uncompressed syntaxes plus the one it is told to prefer.
            String option = STORESCU_OPTION.getOrDefault(group.getKey(), "-x=").replace('-', '+');
            if (group.getKey().equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)
                    || group.getKey().equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
                option = "+x=";
            }
            Peers.Result r = Peers.run(300, "getscu", "-aet", "GETSCU", "-aec", "LUMEN", "-S", option, "-od", out.toString(),
                    "-k", "QueryRetrieveLevel=IMAGE", "-k", "SOPInstanceUID=" + String.join("\\", group.getValue()),
                    "127.0.0.1", String.valueOf(node.dicomPort()));
            System.out.println("getscu " + option + " for " + group.getKey() + " (" + group.getValue().size() + "): exit "
                    + r.exitCode());
        }
        assertRetrieved(out, stored, "getscu");
    }

    private void assertRetrieved(Path folder, Map<String, StoredInstance> stored, String tool) throws IOException {
        Map<String, Path> received = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Attributes ds = DataSets.read(f);
                String sop = ds.getString(Tag.SOPInstanceUID).trim();
                if (received.put(sop, f) != null) {
                    problems.add(sop + " received twice");
                }
                StoredInstance s = stored.get(sop);
                if (s == null) {
                    problems.add(sop + ": received but not stored");
                    continue;
                }
                String difference = DataSets.difference(ds, DataSets.read(s.path()));
                if (difference != null) {
                    problems.add(sop + " (" + s.sopClassUid() + ", " + s.transferSyntaxUid() + "): differs: " + difference);
                }
            }
        }
        Set<String> missing = new TreeSet<>(stored.keySet());
        missing.removeAll(received.keySet());
        if (tool.equals("getscu")) {
            // getscu only offers the SCP role for the storage classes dcmtk 3.6.7 lists; Lumen's sub-operation then fails
            // with "No accepted presentation context" (logged), and movescu covers those instances.
            missing.removeIf(sop -> GETSCU_UNKNOWN_CLASSES.contains(stored.get(sop).sopClassUid()));
        }
        missing.forEach(sop -> problems.add(sop + " (" + stored.get(sop).sopClassUid() + ", "
                + stored.get(sop).transferSyntaxUid() + "): stored but not retrieved"));
        System.out.println(tool + ": " + received.size() + " of " + stored.size() + " retrieved");
        assertThat(problems).as(tool).isEmpty();
    }
}
