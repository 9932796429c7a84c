package org.lumen.cli.net;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.lumen.cli.BadInputException;
import org.lumen.cli.ExitCodes;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.dump.DumpFormatter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.json.DicomJsonWriter;
import org.lumen.net.Association;
import org.lumen.net.ConnectOptions;
import org.lumen.net.DimseResponse;
import org.lumen.net.FindResults;
import org.lumen.net.dimse.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lumen dicom find HOST PORT [-P|-S|-W] -k KEY=VALUE...}: C-FIND, like findscu. */
@Command(name = "find", mixinStandardHelpOptions = true,
        description = "Query a DICOM peer with C-FIND (like findscu): Patient Root (-P), Study Root (-S) or Modality "
                + "Worklist (-W); matches as a dump or DICOM JSON.")
public final class FindCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetOptions net;

    @Mixin
    QueryOptions query;

    @Option(names = {"-W", "--worklist"}, description = "Modality Worklist information model (no Query/Retrieve Level).")
    boolean worklist;

    @Option(names = "--json", description = "Print the matches as a DICOM JSON array.")
    boolean json;

    @Option(names = "--cancel-after", paramLabel = "N", description = "Send C-CANCEL after N matches.")
    Integer cancelAfter;

    @Override
    public Integer call() throws Exception {
        if (worklist && (query.patientRoot() || query.level != null)) {
            throw new BadInputException("-W takes no -P/-S nor --level");
        }
        if (cancelAfter != null && cancelAfter < 1) {
            throw new BadInputException("--cancel-after must be at least 1: " + cancelAfter);
        }
        String sopClass = worklist ? UID.ModalityWorklistInformationModelFind : query.sopClass('F');
        Attributes keys = worklist ? QueryKeys.apply(new Attributes(), query.keys) : query.identifier();
        PrintWriter out = spec.commandLine().getOut();
        DicomJsonWriter jsonWriter = new DicomJsonWriter();
        DumpFormatter dump = new DumpFormatter();
        int count = 0;
        boolean cancelled = false;
        DimseResponse last;
        ConnectOptions options = ConnectOptions.none().propose(sopClass, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        try (Association association = net.connect(options)) {
            FindResults results = association.find(sopClass, keys);
            if (json) {
                out.print("[");
            }
            while (results.hasNext()) {
                Attributes match = results.next();
                count++;
                if (json) {
                    out.print(count > 1 ? ",\n" : "\n");
                    out.print(toJson(jsonWriter, match == null ? new Attributes() : match));
                } else {
                    out.println("# Match " + count);
                    out.print(match == null ? "" : dump.format(match));
                }
                if (cancelAfter != null && count == cancelAfter && !cancelled) {
                    results.cancel();
                    cancelled = true;
                }
            }
            last = results.finalResponse();
            if (json) {
                out.println(count > 0 ? "\n]" : "]");
            }
        }
        out.flush();
        int status = last.status();
        String line = "C-FIND " + net.peer() + ": " + count + " match" + (count == 1 ? "" : "es") + ", final status "
                + describe(status) + (last.errorComment() == null ? "" : " (" + last.errorComment().trim() + ")");
        if (Status.isFailure(status)) {
            spec.commandLine().getErr().println("lumen: " + line);
            return ExitCodes.FAILURE;
        }
        spec.commandLine().getErr().println(line);
        return ExitCodes.OK;
    }

    private static String toJson(DicomJsonWriter writer, Attributes match) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(match, bytes);
        return bytes.toString(StandardCharsets.UTF_8).trim();
    }

    static String describe(int status) {
        if (Status.isSuccess(status)) {
            return "Success";
        }
        if (status == Status.CANCEL) {
            return "Cancel";
        }
        return (Status.isWarning(status) ? "Warning " : "Failure ") + Status.hex(status);
    }
}
