package org.lumen.dicom.pixel;

/**
 * Pixel data that cannot be turned into samples: an image pixel description that is missing or inconsistent, pixel data
 * shorter than the description needs, frames that cannot be located, or a transfer syntax without a decoder. The message
 * names the attribute or syntax at fault so that a user can act on it.
 */
public class PixelDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PixelDataException(String message) {
        super(message);
    }

    public PixelDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
