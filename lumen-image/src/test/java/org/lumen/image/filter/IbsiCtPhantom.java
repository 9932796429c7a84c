package org.lumen.image.filter;

import java.nio.file.Path;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;

/**
 * The IBSI 1 CT radiomics phantom prepared as IBSI 2 phase 2 prescribes, cropped to the GTV's bounding box plus a margin
 * that covers the filter's reach, so that filtering the crop gives the same values inside the ROI as filtering the whole
 * image (a margin larger than the image keeps all of it).
 *
 * <ul>
 *   <li>Configuration A (2D): the image as acquired (0.977 x 0.977 x 3 mm), filters slice by slice.</li>
 *   <li>Configuration B (3D): interpolated to 1 mm isotropic with IBSI's centre-aligned grid, the image with a tricubic
 *       spline and rounded to integers, the mask trilinearly and thresholded at 0.5.</li>
 * </ul>
 * In both the ROI is then re-segmented to [-1000, 400] HU (of the unfiltered image). The centre-aligned grid and the
 * spline are written here as a minimal stand-in for the radiomics package's IBSI interpolation.
 */
final class IbsiCtPhantom {
    static final double RESEGMENT_LOW = -1000;
    static final double RESEGMENT_HIGH = 400;

    private static Volume image;
    private static Volume mask;
    private static CubicBSpline spline;
    private static final java.util.Map<Integer, Crop> CONFIG_B = new java.util.concurrent.ConcurrentHashMap<>();

    /** The cropped image and, on the same grid, the ROI intensity mask. */
    record Crop(Volume image, boolean[] intensityMask) {
        float[] roiValues(Volume response) {
            int count = 0;
            for (boolean inside : intensityMask) {
                count += inside ? 1 : 0;
            }
            float[] values = new float[count];
            int n = 0;
            for (int i = 0; i < intensityMask.length; i++) {
                if (intensityMask[i]) {
                    values[n++] = response.get(i);
                }
            }
            return values;
        }
    }

    private IbsiCtPhantom() {
    }

    private static synchronized void load() {
        if (image == null) {
            Path root = TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti");
            try {
                image = NiftiReader.read(root.resolve("image/phantom.nii.gz"));
                mask = NiftiReader.read(root.resolve("mask/mask.nii.gz"));
            } catch (NiftiException e) {
                throw new IllegalStateException("cannot read the IBSI CT phantom", e);
            }
        }
    }

    /** Configuration A: original grid; margin in-plane only (2D filters). */
    static Crop configA(int margin) {
        load();
        int[] box = boundingBox(mask, 0.5f);
        int[] lo = {box[0] - margin, box[1] - margin, box[2]};
        int[] hi = {box[3] + margin, box[4] + margin, box[5]};
        clamp(lo, hi, image);
        Volume cropImage = crop(image, lo, hi);
        Volume cropMask = crop(mask, lo, hi);
        boolean[] roi = new boolean[cropImage.voxelCount()];
        for (int i = 0; i < roi.length; i++) {
            float v = cropImage.get(i);
            roi[i] = cropMask.get(i) >= 0.5f && v >= RESEGMENT_LOW && v <= RESEGMENT_HIGH;
        }
        return new Crop(cropImage, roi);
    }

    /** Configuration B: 1 mm isotropic, tricubic spline image rounded to integers, trilinear mask at 0.5. */
    static Crop configB(int margin) {
        return CONFIG_B.computeIfAbsent(margin, IbsiCtPhantom::interpolateConfigB);
    }

    private static Crop interpolateConfigB(int margin) {
        load();
        synchronized (IbsiCtPhantom.class) {
            if (spline == null) {
                spline = new CubicBSpline(image);
            }
        }
        double[] start = new double[3];
        int[] size = new int[3];
        double[] step = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            int n = axis == 0 ? image.nx() : axis == 1 ? image.ny() : image.nz();
            double spacing = image.geometry().spacing().get(axis);
            size[axis] = (int) Math.ceil(n * spacing / 1.0);
            step[axis] = 1.0 / spacing;
            // Centre alignment: the new grid's centre coincides with the old one's.
            start[axis] = (n - 1) / 2.0 - (size[axis] - 1) / 2.0 * step[axis];
        }
        // The interpolated mask's bounding box, searched near the original mask only.
        int[] original = boundingBox(mask, 0.5f);
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int axis = 0; axis < 3; axis++) {
            lo[axis] = Math.max(0, (int) Math.floor((original[axis] - 1 - start[axis]) / step[axis]));
            hi[axis] = Math.min(size[axis] - 1, (int) Math.ceil((original[axis + 3] + 1 - start[axis]) / step[axis]));
        }
        Volume searchMask = resampleMask(lo, hi, start, step);
        int[] roiBox = boundingBox(searchMask, 0.5f);
        for (int axis = 0; axis < 3; axis++) {
            int offset = lo[axis];
            lo[axis] = Math.max(0, roiBox[axis] + offset - margin);
            hi[axis] = Math.min(size[axis] - 1, roiBox[axis + 3] + offset + margin);
        }
        Volume cropMask = resampleMask(lo, hi, start, step);
        int nx = hi[0] - lo[0] + 1;
        int ny = hi[1] - lo[1] + 1;
        int nz = hi[2] - lo[2] + 1;
        float[] values = new float[nx * ny * nz];
        boolean[] roi = new boolean[values.length];
        for (int k = 0; k < nz; k++) {
            double z = start[2] + (lo[2] + k) * step[2];
            for (int j = 0; j < ny; j++) {
                double y = start[1] + (lo[1] + j) * step[1];
                for (int i = 0; i < nx; i++) {
                    double x = start[0] + (lo[0] + i) * step[0];
                    int t = i + nx * (j + ny * k);
                    float v = Math.round(spline.at(x, y, z));
                    values[t] = v;
                    roi[t] = cropMask.get(t) >= 0.5f && v >= RESEGMENT_LOW && v <= RESEGMENT_HIGH;
                }
            }
        }
        return new Crop(new Volume(nx, ny, nz, values, VoxelType.FLOAT32, cropMask.geometry()), roi);
    }

    /** The mask trilinearly interpolated onto new-grid voxels lo..hi (inclusive). */
    private static Volume resampleMask(int[] lo, int[] hi, double[] start, double[] step) {
        Vec3 origin = image.indexToPatient(start[0] + lo[0] * step[0], start[1] + lo[1] * step[1],
                start[2] + lo[2] * step[2]);
        Geometry grid = new Geometry(origin, image.geometry().direction(), new Vec3(1, 1, 1));
        return Resampler.resample(mask, hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1, grid,
                AffineTransform.IDENTITY, Interpolation.LINEAR, 0f);
    }

    /** {xmin, ymin, zmin, xmax, ymax, zmax} of the voxels at or above {@code threshold}. */
    static int[] boundingBox(Volume volume, float threshold) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        for (int k = 0; k < volume.nz(); k++) {
            for (int j = 0; j < volume.ny(); j++) {
                for (int i = 0; i < volume.nx(); i++) {
                    if (volume.get(i, j, k) >= threshold) {
                        box[0] = Math.min(box[0], i);
                        box[1] = Math.min(box[1], j);
                        box[2] = Math.min(box[2], k);
                        box[3] = Math.max(box[3], i);
                        box[4] = Math.max(box[4], j);
                        box[5] = Math.max(box[5], k);
                    }
                }
            }
        }
        if (box[3] < 0) {
            throw new IllegalStateException("the mask is empty");
        }
        return box;
    }

    private static void clamp(int[] lo, int[] hi, Volume volume) {
        int[] sizes = {volume.nx(), volume.ny(), volume.nz()};
        for (int axis = 0; axis < 3; axis++) {
            lo[axis] = Math.max(0, lo[axis]);
            hi[axis] = Math.min(sizes[axis] - 1, hi[axis]);
        }
    }

    /** Voxels lo..hi (inclusive) of a volume, placed where they were. */
    static Volume crop(Volume volume, int[] lo, int[] hi) {
        int nx = hi[0] - lo[0] + 1;
        int ny = hi[1] - lo[1] + 1;
        int nz = hi[2] - lo[2] + 1;
        float[] values = new float[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    values[i + nx * (j + ny * k)] = volume.get(lo[0] + i, lo[1] + j, lo[2] + k);
                }
            }
        }
        Geometry g = volume.geometry();
        Geometry placed = new Geometry(g.indexToPatient(lo[0], lo[1], lo[2]), g.direction(), g.spacing());
        return new Volume(nx, ny, nz, values, VoxelType.FLOAT32, placed);
    }
}
