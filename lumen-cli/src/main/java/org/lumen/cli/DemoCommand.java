package org.lumen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lumen demo}: placeholder replaced below. */
@Command(name = "demo", description = "Run Lumen's toolkit over the bundled sample data.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
