package org.lumen.server.query;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.lumen.dicom.data.Attributes;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.QueryLevel;
import org.lumen.server.archive.QueryOptions;

/** The matching table of {@link QueryMatchingTest}, for the same rows on other databases. */
public final class QueryMatchingTestAccess {
    private QueryMatchingTestAccess() {
    }

    public static void loadCorpus(Archive archive) throws Exception {
        QueryMatchingTest.loadCorpus(archive);
    }

    public static Stream<Arguments> cases() {
        return QueryMatchingTest.cases();
    }

    public static Set<String> answers(Archive archive, QueryLevel level, Attributes keys, QueryOptions options) {
        return QueryMatchingTest.answers(archive, level, keys, options);
    }

    public static Set<String> entities(QueryLevel level, Set<String> files) {
        return QueryMatchingTest.entities(level, files);
    }

    public static int fileCount() {
        return QueryMatchingTest.FILES.size();
    }
}
