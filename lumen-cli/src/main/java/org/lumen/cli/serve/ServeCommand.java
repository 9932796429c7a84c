package org.lumen.cli.serve;

import org.lumen.cli.BadInputException;
import org.lumen.server.config.ConfigException;
import org.lumen.server.config.NodeConfig;
import org.lumen.server.config.NodeConfigLoader;
import org.lumen.server.node.FolderImport;
import org.lumen.server.node.LumenNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code lumen serve}: runs the node (archive, DICOM listener, DICOMweb) until SIGTERM or Ctrl-C, then stops cleanly.
 * Settings come from docs/configuration.md's sources; the flags here win over all of them.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Lumen node: DICOM (C-ECHO/STORE/FIND/MOVE/GET, Storage Commitment, Worklist) and DICOMweb.")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see docs/configuration.md).")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default lumen-data).")
    Path data;

    @Option(names = "--dicom-port", paramLabel = "N", description = "DICOM port (default 11112; 0 = any free port).")
    Integer dicomPort;

    @Option(names = "--http-port", paramLabel = "N", description = "HTTP port (default 8080; 0 = any free port).")
    Integer httpPort;

    @Option(names = "--aet", paramLabel = "AET", description = "Our AE title (default LUMEN).")
    String aeTitle;

    @Option(names = "--demo", description = "Before serving, import the sample DICOM files (../shared/data/dicom, or "
            + "--demo-data DIR) into the archive, so the node has studies to show.")
    boolean demo;

    @Option(names = "--demo-data", paramLabel = "DIR", defaultValue = "../shared/data/dicom",
            description = "Folder imported by --demo (default ${DEFAULT-VALUE}).")
    Path demoData;

    @Option(names = "--print-config", description = "Print the effective configuration as YAML and exit.")
    boolean printConfig;

    @Override
    public Integer call() throws Exception {
        NodeConfig config;
        try {
            config = withFlags(NodeConfigLoader.load(configFile, System.getenv()));
        } catch (ConfigException e) {
            throw new BadInputException(e.getMessage());
        }
        if (printConfig) {
            spec.commandLine().getOut().print(NodeConfigLoader.toYaml(config));
            spec.commandLine().getOut().flush();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        LumenNode node;
        try {
            node = LumenNode.start(config);
        } catch (ConfigException e) {
            throw new BadInputException(e.getMessage());
        }
        if (demo) {
            importDemo(node);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "lumen-shutdown"));
        spec.commandLine().getOut().printf("Lumen %s: DICOM on %s:%d, HTTP on http://%s:%d/ (DICOMweb /dicom-web/), data in %s%n",
                config.dicom().aeTitle(), config.bind(), node.dicomPort(), config.bind(), node.httpPort(),
                config.data().toAbsolutePath());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private void importDemo(LumenNode node) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(demoData)) {
            node.close();
            throw new BadInputException("No sample folder at " + demoData.toAbsolutePath()
                    + "; pass --demo-data DIR with DICOM files");
        }
        FolderImport.Result result = FolderImport.run(node.archive(), demoData);
        spec.commandLine().getOut().printf("Imported %d sample instances from %s (%d files refused: not DICOM or broken on "
                + "purpose; see the log)%n", result.stored(), demoData, result.refused());
    }

    private NodeConfig withFlags(NodeConfig config) {
        NodeConfig c = config;
        if (data != null) {
            c = c.withData(data);
        }
        if (dicomPort != null) {
            c = c.withDicom(c.dicom().withPort(dicomPort));
        }
        if (aeTitle != null) {
            c = c.withDicom(c.dicom().withAeTitle(aeTitle));
        }
        if (httpPort != null) {
            c = c.withHttp(c.http().withPort(httpPort));
        }
        return c;
    }
}
