package org.memoscope.data;

/**
 * What {@link ImageFolderReader} does when the images of a folder differ in size.
 *
 * <ul>
 *   <li>{@link #requireSame()}: all images must share one size, else the folder is refused
 *       (the default);</li>
 *   <li>{@link #cropToSmallest()}: every image is cut to its central window of the smallest
 *       width and the smallest height found in the folder;</li>
 *   <li>{@link #resizeTo(int, int)}: every image is scaled to the given size by Java2D.</li>
 * </ul>
 */
public sealed interface SizePolicy
        permits SizePolicy.RequireSame, SizePolicy.CropToSmallest, SizePolicy.ResizeTo {

    /** All images must have one size. */
    static SizePolicy requireSame() {
        return new RequireSame();
    }

    /** Centre-crop every image to the smallest width and height in the folder. */
    static SizePolicy cropToSmallest() {
        return new CropToSmallest();
    }

    /** Scale every image to {@code width x height}. */
    static SizePolicy resizeTo(int width, int height) {
        return new ResizeTo(width, height);
    }

    /** See {@link SizePolicy#requireSame()}. */
    record RequireSame() implements SizePolicy {
    }

    /** See {@link SizePolicy#cropToSmallest()}. */
    record CropToSmallest() implements SizePolicy {
    }

    /**
     * See {@link SizePolicy#resizeTo(int, int)}.
     *
     * @param width  target width in pixels, at least 1
     * @param height target height in pixels, at least 1
     */
    record ResizeTo(int width, int height) implements SizePolicy {

        /** Checks that both sides are positive. */
        public ResizeTo {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("target size must be at least 1x1, got "
                        + width + "x" + height);
            }
        }
    }
}
