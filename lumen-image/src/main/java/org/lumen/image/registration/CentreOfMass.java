package org.lumen.image.registration;

import org.lumen.image.Vec3;
import org.lumen.image.Volume;

/** The intensity-weighted centre of a volume in patient coordinates (mm), weights measured from the lowest value. */
public final class CentreOfMass {
    private CentreOfMass() {
    }

    public static Vec3 of(Volume volume) {
        float min = Float.POSITIVE_INFINITY;
        for (int n = 0; n < volume.voxelCount(); n++) {
            min = Math.min(min, volume.get(n));
        }
        double sum = 0;
        double si = 0;
        double sj = 0;
        double sk = 0;
        int n = 0;
        for (int k = 0; k < volume.nz(); k++) {
            for (int j = 0; j < volume.ny(); j++) {
                for (int i = 0; i < volume.nx(); i++, n++) {
                    double w = volume.get(n) - min;
                    sum += w;
                    si += w * i;
                    sj += w * j;
                    sk += w * k;
                }
            }
        }
        if (!(sum > 0)) {
            // A constant image has no centre of mass; its grid centre stands in.
            return volume.indexToPatient((volume.nx() - 1) / 2.0, (volume.ny() - 1) / 2.0, (volume.nz() - 1) / 2.0);
        }
        return volume.indexToPatient(si / sum, sj / sum, sk / sum);
    }
}
