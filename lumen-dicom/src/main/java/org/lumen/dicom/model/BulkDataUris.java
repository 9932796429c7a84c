package org.lumen.dicom.model;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.BulkDataUri;

/**
 * Our own BulkDataURI form for a value still in its file: {@code file:///path#offset=N,length=M}, with {@code ,bigEndian=true}
 * appended when the file's words are big endian (so that OW/OF/OD values are swapped correctly when read back).
 */
public final class BulkDataUris {
    private static final Pattern FRAGMENT = Pattern.compile("offset=(\\d{1,18}),length=(\\d{1,18})(,bigEndian=(true|false))?");

    private BulkDataUris() {
    }

    public static String of(BulkData bulk) {
        return bulk.uri() + (bulk.bigEndian() ? ",bigEndian=true" : "");
    }

    /**
     * A {@link BulkData} for one of our own file URIs when {@code trustFileUris} is set, else (and for any other URI) a
     * {@link BulkDataUri} that keeps the text as given.
     */
    public static Object parse(String uri, boolean trustFileUris) {
        int hash = uri.lastIndexOf('#');
        if (!trustFileUris || hash < 0 || !uri.regionMatches(true, 0, "file:", 0, 5)) {
            return new BulkDataUri(uri);
        }
        Matcher m = FRAGMENT.matcher(uri.substring(hash + 1));
        if (!m.matches()) {
            return new BulkDataUri(uri);
        }
        try {
            Path file = Path.of(new URI(uri.substring(0, hash)));
            return new BulkData(file, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), "true".equals(m.group(4)));
        } catch (Exception e) {
            // Not a usable local file URI after all (authority, odd syntax, other file system): keep it as text.
            return new BulkDataUri(uri);
        }
    }
}
