package org.lumen.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import org.lumen.server.archive.IncomingInstance;
import org.lumen.server.archive.QueryLevel;
import org.lumen.server.archive.QueryOptions;
import org.lumen.server.archive.StoreResult;
import org.lumen.server.query.QueryMatchingTestAccess;
import org.lumen.server.testing.EmbeddedPostgresDb;

/**
 * The same Flyway migrations, the same store path and every row of the C-FIND matching table on PostgreSQL 14 (zonky's
 * embedded binaries): the index SQL is portable, not H2-only.
 */
class PostgresIndexTest {
    @TempDir
    static Path data;
    static EmbeddedPostgresDb postgres;
    static Archive archive;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgresDb.start();
        String url = postgres.createDatabase("lumen_index");
        archive = Archive.open(ArchiveConfig.of(data).withJdbc(url, postgres.user(), "").withMaxPoolSize(4));
        QueryMatchingTestAccess.loadCorpus(archive);
    }

    @AfterAll
    static void stop() throws Exception {
        if (archive != null) {
            archive.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<Arguments> cases() {
        return QueryMatchingTestAccess.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesAsOnH2(String what, QueryLevel level, QueryOptions options, Attributes keys, Set<String> expectedFiles) {
        assertThat(QueryMatchingTestAccess.answers(archive, level, keys, options)).as(what)
                .isEqualTo(QueryMatchingTestAccess.entities(level, expectedFiles));
    }

    @Test
    void storesDuplicatesReindexesAndVerifiesOnPostgres() throws Exception {
        Path ct = TestData.dicom("pydicom/test_files/CT_small.dcm");
        try (InputStream in = Files.newInputStream(ct)) {
            assertThat(archive.store(IncomingInstance.fromPart10(in, "PG")).outcome()).isEqualTo(StoreResult.Outcome.KEPT);
        }
        assertThat(archive.verify().clean()).isTrue();
        assertThat(archive.reindex().indexed()).isEqualTo(QueryMatchingTestAccess.fileCount());
        assertThat(archive.verify().clean()).isTrue();
        List<Attributes> studies = archive.find(QueryLevel.STUDY, new Attributes(), QueryOptions.DEFAULT.withLimit(5)).toList();
        assertThat(studies).hasSize(5);
    }
}
