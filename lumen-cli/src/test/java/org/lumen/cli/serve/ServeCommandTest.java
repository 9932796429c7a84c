package org.lumen.cli.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.cli.Main;
import org.lumen.dicom.testing.Peers;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `lumen serve` as a user runs it: flags over defaults, clear errors, and a real process that stops cleanly on SIGTERM. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printConfigShowsFlagsOverDefaults() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("serve", "--print-config", "--aet", "PACSAI", "--dicom-port", "11999", "--data", "/srv/x");
        } finally {
            System.setOut(saved);
        }
        String yaml = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(yaml).contains("aeTitle: \"PACSAI\"").contains("port: 11999").contains("data: \"/srv/x\"")
                .contains("bind: \"127.0.0.1\"").contains("port: 8080");
    }

    @Test
    void missingConfigFileIsBadInputNamingTheFile() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("serve", "--config", tmp.resolve("nope.yaml").toString());
        } finally {
            System.setErr(saved);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("configuration file not found").contains("nope.yaml");
    }

    @Test
    void servesEchoOnItsPortAndStopsCleanlyOnSigterm() throws Exception {
        Peers.require("echoscu");
        Path data = tmp.resolve("data");
        Process node = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--data", data.toString(),
                "--dicom-port", "0", "--http-port", "0", "--aet", "LUMENTEST"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            Pattern listening = Pattern.compile("DICOM on 127\\.0\\.0\\.1:(\\d+), HTTP on http://127\\.0\\.0\\.1:(\\d+)/");
            int port = -1;
            for (String line; port < 0 && (line = lines.readLine()) != null; ) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(port).as("the node prints where it listens").isPositive();
            Peers.Result echo = Peers.run(30, "echoscu", "-aec", "LUMENTEST", "127.0.0.1", Integer.toString(port));
            assertThat(echo.exitCode()).as(echo.stderr()).isZero();

            node.destroy();                                            // SIGTERM
            assertThat(node.waitFor(20, TimeUnit.SECONDS)).as("stops within 20 s of SIGTERM").isTrue();
            // A clean stop releases the archive and leaves nothing to reconcile.
            assertThat(Files.list(data.resolve("tmp")).count()).isZero();
            try (Archive reopened = Archive.open(ArchiveConfig.of(data))) {
                assertThat(reopened.verify().clean()).isTrue();
            }
        } finally {
            node.destroyForcibly();
        }
    }
}
