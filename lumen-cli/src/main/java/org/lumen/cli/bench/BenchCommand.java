package org.lumen.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lumen bench ...}: measurements that are not part of the test run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (not part of the test run).",
        subcommands = {HeaderParseBench.class, DecodeBench.class, QidoLatencyBench.class, InferenceBench.class,
                RadiomicsBench.class, RegistrationBench.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
