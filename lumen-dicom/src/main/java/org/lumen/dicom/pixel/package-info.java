/**
 * The pixel pipeline: from a dataset's pixel data to samples, modality values and display values.
 *
 * <ol>
 *   <li>{@link org.lumen.dicom.pixel.ImagePixelDescription} reads and checks the Image Pixel module.</li>
 *   <li>A {@link org.lumen.dicom.pixel.FrameSource} gives each frame on its own, in one layout (that of Explicit VR
 *       Little Endian native data): {@link org.lumen.dicom.pixel.NativeFrameSource} reads the frame's byte range from
 *       memory or from the file; {@link org.lumen.dicom.pixel.EncapsulatedFrameSource} finds the frame's fragments with a
 *       {@link org.lumen.dicom.pixel.FrameLocator} and decodes them with the
 *       {@link org.lumen.dicom.pixel.FrameDecoder} that {@link org.lumen.dicom.pixel.FrameDecoders} holds for the transfer
 *       syntax (RLE Lossless, Deflated Image Frame Compression and Encapsulated Uncompressed are built in; other codecs
 *       register the same way).</li>
 *   <li>{@link org.lumen.dicom.pixel.PixelData} turns frames into samples (Bits Stored at High Bit, sign, byte order,
 *       planar configuration, YBR_FULL_422 subsampling), colour (YBR to RGB, palettes), modality values (rescale or
 *       Modality LUT, per frame from enhanced multi-frame functional groups) and 8-bit display values (VOI window with
 *       LINEAR, LINEAR_EXACT or SIGMOID, or VOI LUT; MONOCHROME1 inverted).</li>
 *   <li>{@link org.lumen.dicom.pixel.FrameRenderer} writes a frame as PNG.</li>
 * </ol>
 *
 * <p>Frame indexes are 0-based throughout. Every failure to make sense of pixel data is a
 * {@link org.lumen.dicom.pixel.PixelDataException} whose message names the attribute or transfer syntax at fault.
 */
package org.lumen.dicom.pixel;
