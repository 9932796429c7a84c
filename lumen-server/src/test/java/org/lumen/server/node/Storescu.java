package org.lumen.server.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumen.dicom.testing.Peers;

/**
 * dcmtk's storescu run in verbose mode, with what it printed read back per file: which files got a success (or warning)
 * response, which failed, and which it never tried to send (refused when checking its input).
 */
final class Storescu {
    private Storescu() {
    }

    /** Per file (as passed), the response text storescu logged ("Success", "Warning...", or the failure lines). */
    record Outcome(Map<Path, String> responses, Peers.Result result) {
        boolean acknowledged(Path file) {
            String r = responses.get(file);
            return r != null && (r.startsWith("Success") || r.startsWith("Warning"));
        }

        List<Path> acknowledged() {
            return responses.keySet().stream().filter(this::acknowledged).toList();
        }

        /** The warning storescu printed about a file it did not send ("cannot access file", "no SOP Class UID"...). */
        String refusal(Path file) {
            for (String line : (result.stdout() + "\n" + result.stderr()).split("\n")) {
                if (line.contains(file.toString()) && !line.contains("Sending file")) {
                    return line.trim();
                }
            }
            return "never sent (no line names it)";
        }
    }

    /** Sends {@code files} in one association (per storescu run) with {@code options} (e.g. "-R", "-xs"). */
    static Outcome send(long timeoutSeconds, int port, String calledAe, List<String> options, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("-v", "-nh", "-aet", "STORESCU", "-aec", calledAe));
        args.addAll(options);
        args.add("127.0.0.1");
        args.add(String.valueOf(port));
        files.forEach(f -> args.add(f.toString()));
        Peers.Result result = Peers.run(timeoutSeconds, "storescu", args.toArray(String[]::new));
        return new Outcome(parse(result.stdout() + "\n" + result.stderr()), result);
    }

    /** "I: Sending file: X" opens a file; "I: Received Store Response (S)" or "E: Store Failed, file: X:" closes it. */
    static Map<Path, String> parse(String log) {
        Map<Path, String> responses = new LinkedHashMap<>();
        Path current = null;
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf("Sending file: ");
            if (at >= 0) {
                current = Path.of(line.substring(at + "Sending file: ".length()).trim());
                responses.put(current, "no response");
            } else if (current != null && line.contains("Received Store Response (")) {
                int start = line.indexOf("Received Store Response (") + "Received Store Response (".length();
                responses.put(current, line.substring(start, line.lastIndexOf(')')).trim());
            } else if (current != null && line.contains("Store Failed, file:")) {
                String detail = i + 1 < lines.length ? lines[i + 1].trim() : "";
                responses.put(current, "Failed: " + detail);
            }
        }
        return responses;
    }
}
