package org.lumen.image.filter;

import org.lumen.image.Volume;

/**
 * An IBSI 2 convolutional filter: takes an image and returns its response map on the same grid. Lengths given to filters
 * (sigma, wavelength) are in mm and converted with the image's spacing; the boundary condition says what lies beyond the
 * image edges.
 */
public interface ImageFilter {
    Volume apply(Volume image);
}
