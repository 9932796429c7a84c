package org.lumen.cli.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.cli.Main;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import org.lumen.server.archive.IncomingInstance;
import org.lumen.server.archive.StoredInstance;

/** {@code lumen archive reindex|verify} with their exit codes: 0 clean, 1 problems, 2 bad usage. */
class ArchiveCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path data;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private StoredInstance[] fill() throws Exception {
        StoredInstance[] stored = new StoredInstance[2];
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            int i = 0;
            for (String f : new String[] {"CT_small.dcm", "MR_small.dcm"}) {
                try (InputStream in = Files.newInputStream(TestData.dicom("pydicom/test_files/" + f))) {
                    stored[i++] = archive.store(IncomingInstance.fromPart10(in, "import")).instance();
                }
            }
        }
        return stored;
    }

    @Test
    void verifyIsCleanThenReportsAChangedFile() throws Exception {
        StoredInstance[] stored = fill();
        assertThat(Main.run("archive", "verify", "--data", data.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("verified 2 files: 0 mismatched, 0 missing, 0 not indexed");
        byte[] bytes = Files.readAllBytes(stored[0].path());
        bytes[bytes.length - 2] ^= 0x55;
        Files.write(stored[0].path(), bytes);
        out.reset();
        assertThat(Main.run("archive", "verify", "--data", data.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("MISMATCH " + stored[0].sopInstanceUid()).contains("1 mismatched");
    }

    @Test
    void reindexRebuildsALostIndex() throws Exception {
        StoredInstance[] stored = fill();
        // Lose the index entirely: the files alone must be enough.
        try (var files = Files.walk(data.resolve("index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(Main.run("archive", "reindex", "--data", data.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("reindexed 2 of 2 files");
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            assertThat(archive.instance(stored[1].sopInstanceUid())).contains(stored[1].withReceivedAt(
                    archive.instance(stored[1].sopInstanceUid()).orElseThrow().receivedAt()));
        }
        out.reset();
        assertThat(Main.run("archive", "verify", "--data", data.toString())).isEqualTo(0);
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(Main.run("archive", "verify")).isEqualTo(2);
        assertThat(Main.run("archive", "verify", "--data", data.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not an archive folder");
    }
}
