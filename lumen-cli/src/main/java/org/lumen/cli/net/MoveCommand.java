package org.lumen.cli.net;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lumen.cli.ExitCodes;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.Association;
import org.lumen.net.ConnectOptions;
import org.lumen.net.DimseResponse;
import org.lumen.net.FindResults;
import org.lumen.net.RetrieveProgress;
import org.lumen.net.dimse.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lumen dicom move HOST PORT --dest AET -k KEY=VALUE...}: C-MOVE, like movescu. */
@Command(name = "move", mixinStandardHelpOptions = true,
        description = "Ask a DICOM peer to send the matches of the keys to an AE with C-MOVE (like movescu); prints the "
                + "pending sub-operation counts as they come and the final counts.")
public final class MoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetOptions net;

    @Mixin
    QueryOptions query;

    @Option(names = {"--dest", "-aem"}, paramLabel = "AET",
            description = "The move destination AE title, known to the peer (default: the calling AE title).")
    String destination;

    @Override
    public Integer call() throws Exception {
        String sopClass = query.sopClass('M');
        var keys = query.identifier();
        String dest = destination == null ? net.callingAet : destination;
        PrintWriter out = spec.commandLine().getOut();
        DimseResponse last;
        ConnectOptions options = ConnectOptions.none().propose(sopClass, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        try (Association association = net.connect(options)) {
            FindResults results = RetrieveProgress.move(association, sopClass, dest, keys);
            for (DimseResponse pending = results.nextResponse(); pending != null; pending = results.nextResponse()) {
                out.println(counts("Pending", pending));
                out.flush();
            }
            last = results.finalResponse();
        }
        return report(spec, "C-MOVE to " + dest + " via " + net.peer(), last);
    }

    static String counts(String what, DimseResponse rsp) {
        int remaining = rsp.remaining();
        return what + ": " + rsp.completed() + " completed, " + rsp.failed() + " failed, " + rsp.warning() + " warning"
                + (remaining >= 0 ? ", " + remaining + " remaining" : "");
    }

    /** The final line; exit 1 when the peer failed the request or any sub-operation failed. */
    static int report(CommandSpec spec, String what, DimseResponse last) {
        int status = last.status();
        String line = counts(what + ": final status " + FindCommand.describe(status)
                + (last.errorComment() == null ? "" : " (" + last.errorComment().trim() + ")"), last);
        if (Status.isFailure(status) || last.failed() > 0) {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("lumen: " + line);
            return ExitCodes.FAILURE;
        }
        spec.commandLine().getOut().println(line);
        return ExitCodes.OK;
    }
}
