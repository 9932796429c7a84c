package org.lumen.image.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.series.SeriesVolume;
import org.lumen.image.series.SeriesVolumeBuilder;

/**
 * The IBSI CT radiomics phantom's GTV exists as an RTSTRUCT (26 closed planar contours, drawn in CERR) and as the NIfTI
 * mask the IBSI made from it. Filling the contours by voxel centre (even-odd) onto the DICOM series must give that mask
 * voxel for voxel.
 */
class IbsiCtPhantomRtStructTest {
    private static final String PHANTOM = "ibsi/ibsi_1_ct_radiomics_phantom/";
    private static final String RTSTRUCT = PHANTOM + "dicom/mask/DCM_RS_00060.dcm";
    private static final int GTV_VOXELS = 125_256;

    private static SeriesVolume series;
    private static Volume niftiMask;

    @BeforeAll
    static void read() throws Exception {
        series = SeriesVolumeBuilder.fromFolder(TestData.data(PHANTOM + "dicom/image"));
        niftiMask = NiftiReader.read(TestData.data(PHANTOM + "nifti/mask/mask.nii.gz"));
    }

    @Test
    void theGtvFilledOntoTheSeriesIsTheIbsiNiftiMaskVoxelForVoxel() throws Exception {
        Volume mask = RoiMasks.load(TestData.data(RTSTRUCT), series, Optional.of("GTV-1"));
        assertThat(mask.sameGeometry(series.volume(), 0)).isTrue();
        assertThat(niftiMask.sameGeometry(mask, 1e-4)).isTrue();
        List<String> differences = new ArrayList<>();
        int ours = 0;
        int theirs = 0;
        int both = 0;
        for (int k = 0; k < mask.nz(); k++) {
            for (int j = 0; j < mask.ny(); j++) {
                for (int i = 0; i < mask.nx(); i++) {
                    boolean inOurs = mask.get(i, j, k) != 0;
                    boolean inTheirs = niftiMask.get(i, j, k) != 0;
                    ours += inOurs ? 1 : 0;
                    theirs += inTheirs ? 1 : 0;
                    both += inOurs && inTheirs ? 1 : 0;
                    if (inOurs != inTheirs) {
                        differences.add("(" + i + "," + j + "," + k + ") ours " + inOurs + " IBSI " + inTheirs);
                    }
                }
            }
        }
        double dice = 2.0 * both / (ours + theirs);
        assertThat(differences).as("voxels where the RTSTRUCT mask and the IBSI NIfTI mask differ (Dice %.6f): %s",
                dice, differences.subList(0, Math.min(20, differences.size()))).isEmpty();
        assertThat(ours).isEqualTo(theirs).isEqualTo(GTV_VOXELS);
    }

    @Test
    void theOnlyRoiIsTakenWithoutANameAndNamesMatchIgnoringCase() throws Exception {
        Volume image = series.volume();
        assertThat(count(RoiMasks.load(TestData.data(RTSTRUCT), image, Optional.empty()))).isEqualTo(GTV_VOXELS);
        assertThat(count(RoiMasks.load(TestData.data(RTSTRUCT), image, Optional.of(" gtv-1")))).isEqualTo(GTV_VOXELS);
    }

    @Test
    void theNiftiImageAndTheFolderHoldingTheRtStructWorkToo() throws Exception {
        Volume niftiImage = NiftiReader.read(TestData.data(PHANTOM + "nifti/image/phantom.nii.gz"));
        Volume onNifti = RoiMasks.load(TestData.data(PHANTOM + "dicom/mask"), niftiImage, Optional.empty());
        assertThat(onNifti.data()).isEqualTo(binary(niftiMask));
    }

    @Test
    void anUnknownRoiNameIsRefusedNamingTheRoisThereAre() {
        assertThatThrownBy(() -> RoiMasks.load(TestData.data(RTSTRUCT), series, Optional.of("PTV")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ROI named 'PTV'").hasMessageContaining("'GTV-1'");
    }

    @Test
    void severalRoisAndNoNameIsRefusedListingThem(@TempDir Path temp) throws Exception {
        Attributes dataset = rtStruct();
        Attributes copy = dataset.getSequence(Tag.StructureSetROISequence).get(0).deepCopy();
        copy.setString(Tag.ROINumber, VR.IS, "2").setString(Tag.ROIName, VR.LO, "Lung");
        dataset.getSequence(Tag.StructureSetROISequence).add(copy);
        Path file = temp.resolve("two.dcm");
        DicomWriter.write(file, null, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThatThrownBy(() -> RoiMasks.load(file, series, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 ROIs; say which one: 'GTV-1', 'Lung'");
        // Lung has no ROI Contour Sequence item.
        assertThatThrownBy(() -> RoiMasks.load(file, series, Optional.of("Lung")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROI 'Lung' has no CLOSED_PLANAR contour to fill (it has no contours at all)");
        assertThat(count(RoiMasks.load(file, series, Optional.of("GTV-1")))).isEqualTo(GTV_VOXELS);
    }

    @Test
    void anImageTheContoursDoNotReachIsRefused() {
        Geometry own = series.volume().geometry();
        Volume elsewhere = series.volume().withGeometry(new Geometry(own.origin().plus(new Vec3(0, 0, 400)),
                own.direction(), own.spacing()));
        assertThatThrownBy(() -> RoiMasks.load(TestData.data(RTSTRUCT), elsewhere, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROI 'GTV-1' has no contour on this image")
                .hasMessageContaining("26 contours").hasMessageContaining("slices 0 to 59");
    }

    @Test
    void anotherFrameOfReferenceIsRefused() {
        assertThatThrownBy(() -> RoiMasks.load(TestData.data(RTSTRUCT), series.volume(), Optional.empty(),
                Optional.of("1.2.3.4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROI 'GTV-1' is in frame of reference 1.3.6.1.4.1.9590.100.1.2.")
                .hasMessageContaining("but the image is in 1.2.3.4");
    }

    @Test
    void labelMapsRefuseAnRtStructForItHasNoGrid() {
        assertThatThrownBy(() -> LabelMaps.read(TestData.data(RTSTRUCT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is an RTSTRUCT")
                .hasMessageContaining("RoiMasks.load");
    }

    private static Attributes rtStruct() throws Exception {
        return DicomReader.read(TestData.data(RTSTRUCT), ReadOptions.INCLUDE_ALL).dataset();
    }

    private static float[] binary(Volume volume) {
        float[] out = new float[volume.voxelCount()];
        for (int v = 0; v < out.length; v++) {
            out[v] = volume.get(v) != 0 ? 1f : 0f;
        }
        return out;
    }

    static int count(Volume mask) {
        int count = 0;
        for (int v = 0; v < mask.voxelCount(); v++) {
            count += mask.get(v) != 0 ? 1 : 0;
        }
        return count;
    }
}
