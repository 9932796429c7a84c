package org.lumen.cli.net;

import java.util.concurrent.Callable;
import org.lumen.cli.ExitCodes;
import org.lumen.net.Association;
import org.lumen.net.ConnectOptions;
import org.lumen.net.DimseResponse;
import org.lumen.net.dimse.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lumen dicom echo HOST PORT}: C-ECHO, like echoscu. */
@Command(name = "echo", mixinStandardHelpOptions = true, description = "Verify a DICOM peer with C-ECHO (like echoscu).")
public final class EchoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetOptions net;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        DimseResponse rsp;
        try (Association association = net.connect(ConnectOptions.echo())) {
            rsp = association.echo();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!rsp.isSuccess()) {
            spec.commandLine().getErr().println("lumen: C-ECHO to " + net.peer() + " answered " + Status.hex(rsp.status()));
            return ExitCodes.FAILURE;
        }
        spec.commandLine().getOut().println("C-ECHO to " + net.peer() + ": Success (" + ms + " ms)");
        return ExitCodes.OK;
    }
}
