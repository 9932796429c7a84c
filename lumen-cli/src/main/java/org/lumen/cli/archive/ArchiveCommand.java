package org.lumen.cli.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import org.lumen.cli.BadInputException;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lumen archive reindex|verify}: maintenance of a node's archive while the node is stopped. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Maintain the archive of a stopped node: rebuild its index from the files, or verify every file.",
        subcommands = {ArchiveCommand.Reindex.class, ArchiveCommand.Verify.class})
public final class ArchiveCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Where the archive is; shared by the subcommands. */
    static final class Location {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data folder (default of `lumen serve`: ./lumen-data).")
        Path data;

        @Option(names = "--jdbc", paramLabel = "URL", description = "Index database, when not the embedded H2 in DIR/index (e.g. jdbc:postgresql://host/lumen).")
        String jdbcUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "Database user for --jdbc.")
        String user;

        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password for --jdbc.")
        String password;

        Archive open() throws Exception {
            if (!Files.isDirectory(data.resolve("files"))) {
                throw new BadInputException(data + " is not an archive folder (it has no files/ folder); give the node's --data folder");
            }
            ArchiveConfig config = ArchiveConfig.of(data);
            if (jdbcUrl != null) {
                config = config.withJdbc(jdbcUrl, user, password);
            }
            try {
                return Archive.open(config);
            } catch (IllegalStateException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Rebuild the index from the files under DIR/files (the index is emptied first). Exit 0 when every file"
                    + " was indexed, 1 when some could not be.")
    static final class Reindex implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Mixin
        Location location;

        @Override
        public Integer call() throws Exception {
            try (Archive archive = location.open()) {
                var report = archive.reindex();
                System.out.printf("reindexed %d of %d files%n", report.indexed(), report.files());
                report.problems().forEach(p -> System.out.println("not indexed: " + p));
                return report.problems().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-hash every indexed file and compare with the index. Exit 0 when all match, 1 when a file differs,"
                    + " is missing, or is not indexed.")
    static final class Verify implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Mixin
        Location location;

        @Override
        public Integer call() throws Exception {
            try (Archive archive = location.open()) {
                var report = archive.verify();
                report.mismatches().forEach(p -> System.out.println("MISMATCH " + p.sopInstanceUid() + " " + p.path() + ": " + p.detail()));
                report.missing().forEach(p -> System.out.println("MISSING " + p.sopInstanceUid() + " " + p.path() + ": " + p.detail()));
                report.unindexed().forEach(p -> System.out.println("UNINDEXED " + p));
                System.out.printf("verified %d files: %d mismatched, %d missing, %d not indexed%n", report.checked(),
                        report.mismatches().size(), report.missing().size(), report.unindexed().size());
                return report.clean() ? 0 : 1;
            }
        }
    }
}
