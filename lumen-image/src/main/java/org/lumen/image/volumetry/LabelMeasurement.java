package org.lumen.image.volumetry;

import org.lumen.image.Vec3;

/**
 * What {@link LabelVolumetry} measures of one label of a label map.
 *
 * @param label the label value
 * @param voxelCount voxels holding the label
 * @param voxelVolumeMm3 voxel count times the volume of one voxel
 * @param meshVolumeMm3 volume inside the label's marching-cubes surface (level 0.5, padded), mm^3
 * @param surfaceAreaMm2 area of that surface
 * @param maximumDiameterMm largest distance between two surface vertices
 * @param centroid mean voxel-centre position in patient coordinates (LPS, mm)
 */
public record LabelMeasurement(int label, long voxelCount, double voxelVolumeMm3, double meshVolumeMm3,
        double surfaceAreaMm2, double maximumDiameterMm, Vec3 centroid) {
}
