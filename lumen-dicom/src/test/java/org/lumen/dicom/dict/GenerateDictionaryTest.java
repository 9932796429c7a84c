package org.lumen.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the build's generator (src/build/GenerateDictionary.java) on small hand-made tables. */
class GenerateDictionaryTest {

    private static final String ELEMENTS_HEADER = "# test\ntag\tkeyword\tname\tvr\tvm\tretired\n";
    private static final String UIDS_HEADER = "uid\tkeyword\tname\ttype\tretired\n";

    private static Path generatorClasses;

    @TempDir
    Path dir;

    @Test
    void writesTagAndUidConstantsWithJavadoc() throws Exception {
        write("elements.tsv", ELEMENTS_HEADER
                + "(0010,0010)\tPatientName\tPatient's Name\tPN\t1\tN\n"
                + "(60xx,3000)\tOverlayData\tOverlay Data\tOB|OW\t1\tN\n"
                + "(0018,0061)\t\t\tDS\t1\tY\n"
                + "(0028,1200)\tGrayLookupTableData\tGray Lookup Table Data & more\tUS|SS|OW\t1-n\tY\n");
        write("uids.tsv", UIDS_HEADER + "1.2.840.10008.5.1.4.1.1.2\tCTImageStorage\tCT Image Storage\tSOP Class\tN\n");

        Result result = generate();

        assertThat(result.exitCode).as(result.errors).isZero();
        String tag = Files.readString(dir.resolve("out/org/lumen/dicom/data/Tag.java"));
        assertThat(tag).contains("    /** Patient's Name (0010,0010) PN, VM 1. */\n"
                + "    public static final int PatientName = 0x00100010;\n");
        assertThat(tag).contains("public static final int OverlayData = 0x60003000;");
        assertThat(tag).contains("/** Gray Lookup Table Data &amp; more (0028,1200) US|SS|OW, VM 1-n, retired. */");
        assertThat(tag).doesNotContain("0x00180061");
        String uid = Files.readString(dir.resolve("out/org/lumen/dicom/data/UID.java"));
        assertThat(uid).contains("    /** CT Image Storage (SOP Class). */\n"
                + "    public static final String CTImageStorage = \"1.2.840.10008.5.1.4.1.1.2\";\n");
    }

    @Test
    void sharedUidKeywordsGoToTheCurrentUidAndTheOthersGetTheirUidAsSuffix() throws Exception {
        write("elements.tsv", ELEMENTS_HEADER);
        write("uids.tsv", UIDS_HEADER
                + "1.2.3.10\tSameName\tOld\tSOP Class\tY\n"
                + "1.2.3.9\tSameName\tAlso old\tSOP Class\tY\n"
                + "1.2.3.11\tSameName\tCurrent\tSOP Class\tN\n");

        Result result = generate();

        assertThat(result.exitCode).as(result.errors).isZero();
        String uid = Files.readString(dir.resolve("out/org/lumen/dicom/data/UID.java"));
        assertThat(uid).contains("String SameName = \"1.2.3.11\";")
                .contains("String SameName_1_2_3_9 = \"1.2.3.9\";")
                .contains("String SameName_1_2_3_10 = \"1.2.3.10\";");
    }

    @Test
    void rejectsMalformedRowsNamingFileAndLine() throws Exception {
        write("elements.tsv", ELEMENTS_HEADER + "(0010,0010)\tPatientName\tPatient's Name\tPN\t1\tN\n"
                + "(0010,00g0)\tBroken\tBroken\tPN\t1\tN\n");
        write("uids.tsv", UIDS_HEADER);

        Result result = generate();

        assertThat(result.exitCode).isNotZero();
        assertThat(result.errors).contains("elements.tsv:4: tag (0010,00g0) is not (gggg,eeee)");
    }

    @Test
    void rejectsKeywordsThatCannotBeJavaNamesAndWrongHeaders() throws Exception {
        write("elements.tsv", ELEMENTS_HEADER + "(0010,0010)\tclass\tClass\tPN\t1\tN\n");
        write("uids.tsv", UIDS_HEADER);
        assertThat(generate().errors).contains("keyword 'class' cannot be a Java constant name");

        write("elements.tsv", "tag\tkeyword\tname\tvr\tvm\n");
        assertThat(generate().errors).contains("expected columns [tag, keyword, name, vr, vm, retired]");
    }

    @Test
    void leavesUnchangedOutputUntouched() throws Exception {
        write("elements.tsv", ELEMENTS_HEADER + "(0010,0010)\tPatientName\tPatient's Name\tPN\t1\tN\n");
        write("uids.tsv", UIDS_HEADER);
        assertThat(generate().exitCode).isZero();
        Path tag = dir.resolve("out/org/lumen/dicom/data/Tag.java");
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(tag, past);

        assertThat(generate().exitCode).isZero();

        assertThat(Files.getLastModifiedTime(tag)).isEqualTo(past);
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in").resolve(name), content, StandardCharsets.UTF_8);
    }

    private record Result(int exitCode, String errors) {
    }

    /** Compiles the generator once; launching it from source for every case would compile it each time. */
    @BeforeAll
    static void compileGenerator(@TempDir Path classes) {
        Path source = moduleDir().resolve("src/build/GenerateDictionary.java");
        assertThat(source).exists();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(status).as("javac GenerateDictionary.java").isZero();
        generatorClasses = classes;
    }

    private Result generate() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path errors = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", generatorClasses.toString(),
                "GenerateDictionary", dir.resolve("in").toString(), dir.resolve("out").toString()))
                .redirectError(errors.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("generator did not finish within 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(errors));
    }

    /** lumen-dicom's directory: from the build's lumen.root property, else the working directory surefire uses. */
    private static Path moduleDir() {
        String root = System.getProperty("lumen.root");
        return root != null ? Path.of(root, "lumen-dicom") : Path.of("").toAbsolutePath();
    }
}
