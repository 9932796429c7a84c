package org.lumen.image.radiomics.features;

import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.mesh.ConvexHull;
import org.lumen.image.mesh.MarchingCubes;
import org.lumen.image.mesh.TriangleMesh;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.RoiImage;

/**
 * IBSI 1 morphological features (family "Morphology", tags {@code morph_*}), in 3D and in mm.
 *
 * <p>Positions are voxel indices times the spacing, in the grid's own frame, as IBSI computes them (the axis-aligned
 * bounding box is aligned with the grid). The surface is the marching-cubes mesh of the morphological mask padded with
 * empty voxels at level 0.5; the convex hull is that of the mesh vertices. Point-set features (PCA axes, the geometric
 * centre of mass) use the morphological mask's voxel centres; intensity features (centre of mass shift, integrated
 * intensity, Moran's I, Geary's C) use the intensity mask. PCA uses the sample covariance (divided by N - 1), which
 * the IBSI consensus values of the small digital phantom (74 voxels) distinguish from the population one.
 */
public final class Morphology {
    private Morphology() {
    }

    public static FeatureTable compute(RoiImage roi) {
        Volume image = roi.image();
        Vec3 spacing = image.geometry().spacing();
        boolean[] morphological = roi.morphologicalMask();
        int voxels = count(morphological);
        if (voxels == 0) {
            throw new IllegalArgumentException("the morphological mask is empty; morphology needs at least one voxel");
        }
        if (count(roi.intensityMask()) == 0) {
            throw new IllegalArgumentException("the intensity mask is empty; morphology needs at least one voxel in it");
        }
        TriangleMesh mesh = MarchingCubes.ofMask(morphological, image.nx(), image.ny(), image.nz(),
                Matrix3.diagonal(spacing.x(), spacing.y(), spacing.z()), Vec3.ZERO);
        TriangleMesh hull = ConvexHull.of(mesh.vertices());
        double volume = mesh.volume();
        double area = mesh.area();
        double voxelVolume = spacing.x() * spacing.y() * spacing.z();
        SymmetricEigen pca = SymmetricEigen.of(covariance(image, morphological));
        double major = Math.sqrt(Math.max(0, pca.values()[0]));
        double minor = Math.sqrt(Math.max(0, pca.values()[1]));
        double least = Math.sqrt(Math.max(0, pca.values()[2]));
        OrientedBox aabb = OrientedBox.axisAligned(mesh.vertices());
        OrientedBox ombb = OrientedBox.approximateMinimum(hull.vertices(), pca.vectors());
        double[] mvee = Ellipsoids.minimumVolumeEnclosingSemiAxes(hull.vertices());
        double compactness2 = 36 * Math.PI * volume * volume / (area * area * area);
        double meanIntensity = mean(roi.intensityMaskValues());
        SpatialAutocorrelation autocorrelation = SpatialAutocorrelation.of(image.data(), roi.intensityMask(), image.nx(),
                image.ny(), image.nz(), spacing);
        return new FeatureTable()
                .put("morph_volume", volume)
                .put("morph_vol_approx", voxels * voxelVolume)
                .put("morph_area_mesh", area)
                .put("morph_av", area / volume)
                .put("morph_comp_1", volume / (Math.sqrt(Math.PI) * Math.pow(area, 1.5)))
                .put("morph_comp_2", compactness2)
                .put("morph_sph_dispr", Math.cbrt(1 / compactness2))
                .put("morph_sphericity", Math.cbrt(compactness2))
                .put("morph_asphericity", Math.cbrt(1 / compactness2) - 1)
                .put("morph_com", centreOfMassShift(roi, spacing))
                .put("morph_diam", hull.maximumVertexDistance())
                .put("morph_pca_maj_axis", 4 * major)
                .put("morph_pca_min_axis", 4 * minor)
                .put("morph_pca_least_axis", 4 * least)
                .put("morph_pca_elongation", minor / major)
                .put("morph_pca_flatness", least / major)
                .put("morph_vol_dens_aabb", volume / aabb.volume())
                .put("morph_area_dens_aabb", area / aabb.area())
                .put("morph_vol_dens_ombb", volume / ombb.volume())
                .put("morph_area_dens_ombb", area / ombb.area())
                // AEE semi-axes a, b, c = 2 sqrt(lambda) each.
                .put("morph_vol_dens_aee", volume / Ellipsoids.volume(2 * major, 2 * minor, 2 * least))
                .put("morph_area_dens_aee", area / Ellipsoids.area(2 * major, 2 * minor, 2 * least))
                .put("morph_vol_dens_mvee", volume / Ellipsoids.volume(mvee[0], mvee[1], mvee[2]))
                .put("morph_area_dens_mvee", area / Ellipsoids.area(mvee[0], mvee[1], mvee[2]))
                .put("morph_vol_dens_conv_hull", volume / hull.volume())
                .put("morph_area_dens_conv_hull", area / hull.area())
                .put("morph_integ_int", volume * meanIntensity)
                .put("morph_moran_i", autocorrelation.moranI())
                .put("morph_geary_c", autocorrelation.gearyC());
    }

    /** Sample covariance (divided by N - 1) of the voxel centres (mm) in the mask; zero for a single voxel. */
    private static double[][] covariance(Volume image, boolean[] mask) {
        Vec3 spacing = image.geometry().spacing();
        double[] sum = new double[3];
        double[][] products = new double[3][3];
        int n = 0;
        int at = 0;
        double[] p = new double[3];
        for (int k = 0; k < image.nz(); k++) {
            for (int j = 0; j < image.ny(); j++) {
                for (int i = 0; i < image.nx(); i++, at++) {
                    if (!mask[at]) {
                        continue;
                    }
                    p[0] = i * spacing.x();
                    p[1] = j * spacing.y();
                    p[2] = k * spacing.z();
                    for (int r = 0; r < 3; r++) {
                        sum[r] += p[r];
                        for (int c = 0; c < 3; c++) {
                            products[r][c] += p[r] * p[c];
                        }
                    }
                    n++;
                }
            }
        }
        double[][] covariance = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                covariance[r][c] = n < 2 ? 0 : (products[r][c] - sum[r] * sum[c] / n) / (n - 1);
            }
        }
        return covariance;
    }

    /** Distance between the morphological mask's centroid and the intensity-weighted centroid of the intensity mask. */
    private static double centreOfMassShift(RoiImage roi, Vec3 spacing) {
        Volume image = roi.image();
        double[] geometric = new double[3];
        double[] weighted = new double[3];
        int count = 0;
        double weight = 0;
        int at = 0;
        for (int k = 0; k < image.nz(); k++) {
            for (int j = 0; j < image.ny(); j++) {
                for (int i = 0; i < image.nx(); i++, at++) {
                    double x = i * spacing.x();
                    double y = j * spacing.y();
                    double z = k * spacing.z();
                    if (roi.morphologicalMask()[at]) {
                        geometric[0] += x;
                        geometric[1] += y;
                        geometric[2] += z;
                        count++;
                    }
                    if (roi.intensityMask()[at]) {
                        double value = image.get(at);
                        weighted[0] += value * x;
                        weighted[1] += value * y;
                        weighted[2] += value * z;
                        weight += value;
                    }
                }
            }
        }
        double dx = geometric[0] / count - weighted[0] / weight;
        double dy = geometric[1] / count - weighted[1] / weight;
        double dz = geometric[2] / count - weighted[2] / weight;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean inside : mask) {
            n += inside ? 1 : 0;
        }
        return n;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
