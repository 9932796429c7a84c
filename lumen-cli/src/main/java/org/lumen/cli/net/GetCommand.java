package org.lumen.cli.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.lumen.cli.BadInputException;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.io.WriteOptions;
import org.lumen.net.Association;
import org.lumen.net.ConnectOptions;
import org.lumen.net.DimseResponse;
import org.lumen.net.DimseServiceRegistry;
import org.lumen.net.FindResults;
import org.lumen.net.RetrieveProgress;
import org.lumen.net.StoreRequest;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lumen dicom get HOST PORT -k KEY=VALUE... --out DIR}: C-GET, like getscu. The instances come back on the same
 * association (we take the SCP role for the storage SOP classes) and are written as Part 10 files named by SOP Instance UID.
 */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Retrieve the matches of the keys with C-GET (like getscu) and store them as Part 10 files in --out.")
public final class GetCommand implements Callable<Integer> {
    /** Storage SOP classes proposed with the SCP role by default: what modalities and archives commonly hold. */
    static final List<String> COMMON_STORAGE = List.of(UID.CTImageStorage, UID.EnhancedCTImageStorage, UID.MRImageStorage,
            UID.EnhancedMRImageStorage, UID.ComputedRadiographyImageStorage, "1.2.840.10008.5.1.4.1.1.1.1",
            "1.2.840.10008.5.1.4.1.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.1.2.1",
            "1.2.840.10008.5.1.4.1.1.1.3", UID.UltrasoundImageStorage, UID.UltrasoundMultiFrameImageStorage,
            UID.SecondaryCaptureImageStorage, UID.MultiFrameSingleBitSecondaryCaptureImageStorage,
            UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage, UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage,
            UID.MultiFrameTrueColorSecondaryCaptureImageStorage, UID.NuclearMedicineImageStorage,
            UID.PositronEmissionTomographyImageStorage, UID.EnhancedPETImageStorage, UID.XRayAngiographicImageStorage,
            UID.EnhancedXAImageStorage, UID.XRayRadiofluoroscopicImageStorage, UID.XRay3DAngiographicImageStorage,
            UID.BreastTomosynthesisImageStorage, UID.RTImageStorage, UID.RTDoseStorage, UID.RTStructureSetStorage,
            UID.RTPlanStorage, UID.RTIonPlanStorage, UID.RTBeamsTreatmentRecordStorage, UID.BasicTextSRStorage,
            UID.EnhancedSRStorage, UID.ComprehensiveSRStorage, UID.Comprehensive3DSRStorage, UID.KeyObjectSelectionDocumentStorage,
            UID.XRayRadiationDoseSRStorage, UID.MammographyCADSRStorage, UID.SegmentationStorage, UID.ParametricMapStorage,
            UID.SpatialRegistrationStorage, UID.RawDataStorage, UID.GrayscaleSoftcopyPresentationStateStorage,
            UID.ColorSoftcopyPresentationStateStorage, UID.EncapsulatedPDFStorage, UID.VLPhotographicImageStorage,
            UID.VLEndoscopicImageStorage, UID.VLMicroscopicImageStorage, UID.VLWholeSlideMicroscopyImageStorage,
            UID.OphthalmicPhotography8BitImageStorage, UID.OphthalmicTomographyImageStorage, UID.TwelveLeadECGWaveformStorage,
            UID.GeneralECGWaveformStorage, UID.HemodynamicWaveformStorage, UID.LegacyConvertedEnhancedCTImageStorage,
            UID.LegacyConvertedEnhancedMRImageStorage, UID.LegacyConvertedEnhancedPETImageStorage);

    @Spec
    CommandSpec spec;

    @Mixin
    NetOptions net;

    @Mixin
    QueryOptions query;

    @Option(names = {"--out", "-od"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder for the received instances, SOP_INSTANCE_UID.dcm (default: the current folder).")
    Path out;

    @Option(names = "--sop-class", paramLabel = "UID", split = ",",
            description = "More storage SOP classes to accept (beside the common ones).")
    List<String> moreClasses;

    @Option(names = "--propose", paramLabel = "TS", split = ",",
            description = "Transfer syntaxes we accept for the instances, preferred first (default: explicit,implicit).")
    List<String> propose;

    @Override
    public Integer call() throws Exception {
        String sopClass = query.sopClass('G');
        Attributes keys = query.identifier();
        Set<String> classes = new LinkedHashSet<>(COMMON_STORAGE);
        if (moreClasses != null) {
            for (String uid : moreClasses) {
                if (!uid.trim().matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                    throw new BadInputException("--sop-class " + uid + " is not a UID");
                }
                classes.add(uid.trim());
            }
        }
        if (classes.size() > 127) {
            throw new BadInputException("At most 127 storage SOP classes fit beside the C-GET context: " + classes.size());
        }
        List<String> syntaxes = new ArrayList<>();
        if (propose == null || propose.isEmpty()) {
            syntaxes.addAll(List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        } else {
            propose.forEach(p -> syntaxes.add(TransferSyntaxNames.resolve(p)));
        }
        Files.createDirectories(out);
        ConnectOptions options = ConnectOptions.none().propose(sopClass, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        // One context per syntax when they fit, so that an SCP that cannot transcode finds the one its file is stored in
        boolean separate = 1 + classes.size() * syntaxes.size() <= 128;
        for (String cuid : classes) {
            if (separate) {
                for (String ts : syntaxes) {
                    options = options.propose(cuid, ts);
                }
            } else {
                options = options.propose(cuid, syntaxes.toArray(String[]::new));
            }
            options = options.withScpRole(cuid);
        }
        AtomicInteger written = new AtomicInteger();
        DimseServiceRegistry incoming = new DimseServiceRegistry()
                .registerStorageFallback((req, data) -> {
                    write(req, data);
                    written.incrementAndGet();
                });
        PrintWriter stdout = spec.commandLine().getOut();
        DimseResponse last;
        try (Association association = net.connect(options, incoming)) {
            FindResults results = RetrieveProgress.get(association, sopClass, keys);
            for (DimseResponse pending = results.nextResponse(); pending != null; pending = results.nextResponse()) {
                stdout.println(MoveCommand.counts("Pending", pending));
                stdout.flush();
            }
            last = results.finalResponse();
        }
        stdout.println("Wrote " + written.get() + " instance" + (written.get() == 1 ? "" : "s") + " to " + out);
        return MoveCommand.report(spec, "C-GET via " + net.peer(), last);
    }

    /** Writes the received data set behind a file meta header, via a temporary file renamed into place. */
    private void write(StoreRequest req, InputStream data) throws DimseException, IOException {
        String iuid = req.sopInstanceUid().trim();
        if (!iuid.matches("[0-9.]{1,64}")) {
            throw new DimseException(Status.PROCESSING_FAILURE, "SOP Instance UID is not a valid UID");
        }
        Path target = out.resolve(iuid + ".dcm");
        Path temp = Files.createTempFile(out, ".get-", ".part");
        try {
            try (OutputStream file = Files.newOutputStream(temp)) {
                file.write(part10Header(req));
                data.transferTo(file);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Preamble, DICM and the file meta for this instance as lumen-dicom's writer encodes them (cut after group 0002). */
    private byte[] part10Header(StoreRequest req) throws IOException {
        Attributes meta = new Attributes(false, 8);
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, req.sopClassUid().trim());
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, req.sopInstanceUid().trim());
        if (req.callingAe() != null && !req.callingAe().isBlank()) {
            meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, req.callingAe().trim());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        DicomWriter.write(bytes, meta, new Attributes(), req.transferSyntaxUid().trim(), WriteOptions.DEFAULT);
        byte[] b = bytes.toByteArray();
        int groupLength = (b[140] & 0xFF) | (b[141] & 0xFF) << 8 | (b[142] & 0xFF) << 16 | (b[143] & 0xFF) << 24;
        return java.util.Arrays.copyOf(b, 144 + groupLength);
    }
}
