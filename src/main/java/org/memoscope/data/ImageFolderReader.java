package org.memoscope.data;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Reads a folder of PNG and JPEG images into a grayscale {@link ImageSet}.
 *
 * <p>Files are taken in the order of their names (plain string order), so the same folder
 * always gives the same set. Only regular files ending in {@code .png}, {@code .jpg} or
 * {@code .jpeg} (any case) are read; other files, hidden files (names starting with a dot) and
 * sub-folders are skipped. A file with an image extension that does not decode is an error
 * naming it.
 *
 * <p>Gray. A single-channel gray image keeps its stored levels: sample / (2^bits - 1), so an
 * 8-bit gray PNG comes back exactly as written. Any other image (RGB, palette) is turned to luma
 * from its sRGB values with the ITU-R BT.601 weights, Y = 0.299 R + 0.587 G + 0.114 B, divided
 * by 255. Alpha is ignored.
 *
 * <p>Sizes follow a {@link SizePolicy}. Resizing uses Java2D: area averaging
 * ({@link Image#SCALE_AREA_AVERAGING}) when an image shrinks in both directions, bilinear
 * interpolation otherwise; it works on 8-bit sRGB copies, so a resized 16-bit image keeps
 * only 8 bits.
 */
public final class ImageFolderReader {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg");
    private static final double LUMA_RED = 0.299;
    private static final double LUMA_GREEN = 0.587;
    private static final double LUMA_BLUE = 0.114;

    private ImageFolderReader() {
    }

    /** The images of {@code folder}, which must all have one size. */
    public static ImageSet read(Path folder) throws DataLoadException {
        return read(folder, SizePolicy.requireSame());
    }

    /**
     * The images of {@code folder}, brought to one size by {@code policy}.
     *
     * @throws DataLoadException if the folder is missing or holds no image, if an image does not
     *                           decode, or if sizes differ under {@link SizePolicy#requireSame()}
     */
    public static ImageSet read(Path folder, SizePolicy policy) throws DataLoadException {
        List<Path> files = imageFiles(folder);
        List<GrayImage> images = new ArrayList<>(files.size());
        for (Path file : files) {
            BufferedImage decoded = decode(file);
            GrayImage image;
            if (policy instanceof SizePolicy.ResizeTo) {
                SizePolicy.ResizeTo target = (SizePolicy.ResizeTo) policy;
                image = GrayImage.of(file, resize(decoded, target.width(), target.height()));
            } else {
                image = GrayImage.of(file, decoded);
            }
            if (policy instanceof SizePolicy.RequireSame && !images.isEmpty()) {
                checkSameSize(folder, images.get(0), image);
            }
            images.add(image);
        }

        int height = images.stream().mapToInt(GrayImage::height).min().orElseThrow();
        int width = images.stream().mapToInt(GrayImage::width).min().orElseThrow();
        int dimension = height * width;
        double[] pixels = new double[Math.multiplyExact(images.size(), dimension)];
        for (int i = 0; i < images.size(); i++) {
            images.get(i).copyCentre(height, width, pixels, i * dimension);
        }
        return ImageSet.wrap(DataLoadException.displayName(folder), folder, images.size(),
                height, width, pixels);
    }

    /** Whether {@code file} has an extension this reader takes for an image. */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1)
                .toLowerCase(Locale.ROOT));
    }

    private static List<Path> imageFiles(Path folder) throws DataLoadException {
        if (!Files.exists(folder)) {
            throw new DataLoadException(folder, "no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new DataLoadException(folder, "not a folder");
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.collect(Collectors.toList());
        } catch (NoSuchFileException e) {
            throw new DataLoadException(folder, "no such folder", e);
        } catch (IOException e) {
            throw new DataLoadException(folder, "cannot list the folder (" + e + ")", e);
        }

        List<Path> images = entries.stream()
                .filter(Files::isRegularFile)
                .filter(file -> !file.getFileName().toString().startsWith("."))
                .filter(ImageFolderReader::hasImageExtension)
                .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                .collect(Collectors.toList());
        if (images.isEmpty()) {
            int skipped = entries.size();
            throw new DataLoadException(folder, "no PNG or JPEG images in the folder"
                    + (skipped == 0 ? " (it is empty)" : " (" + skipped + " other entries)"));
        }
        return images;
    }

    private static BufferedImage decode(Path file) throws DataLoadException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DataLoadException(file, "cannot be decoded as an image ("
                    + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new DataLoadException(file, "not a readable PNG or JPEG image (no decoder"
                    + " recognises its content)");
        }
        return image;
    }

    private static void checkSameSize(Path folder, GrayImage first, GrayImage image)
            throws DataLoadException {
        if (image.width() != first.width() || image.height() != first.height()) {
            throw new DataLoadException(folder, "images differ in size: "
                    + first.describe() + " but " + image.describe()
                    + " (width x height); the command line reads such a folder with its"
                    + " --crop or --resize <W>x<H> option; the window opens only folders of"
                    + " one size");
        }
    }

    /** Scales {@code image} to {@code width x height} as an 8-bit sRGB image. */
    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage source = toRgb(image);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            if (width <= image.getWidth() && height <= image.getHeight()) {
                Image averaged = source.getScaledInstance(width, height,
                        Image.SCALE_AREA_AVERAGING);
                graphics.drawImage(averaged, 0, 0, null);
            } else {
                graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.drawImage(source, 0, 0, width, height, null);
            }
        } finally {
            graphics.dispose();
        }
        return target;
    }

    /** An 8-bit sRGB copy whose gray level equals the image's luma (gray images stay gray). */
    private static BufferedImage toRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = new int[width * height];
        if (isGray(image)) {
            double[] gray = grayLevels(image);
            for (int k = 0; k < rgb.length; k++) {
                int level = (int) Math.round(255 * gray[k]);
                rgb[k] = level * 0x010101;
            }
        } else {
            image.getRGB(0, 0, width, height, rgb, 0, width);
        }
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        copy.setRGB(0, 0, width, height, rgb, 0, width);
        return copy;
    }

    private static boolean isGray(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return !(model instanceof IndexColorModel)
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** The stored gray levels of a gray image, scaled to [0, 1]. */
    private static double[] grayLevels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int bits = image.getColorModel().getComponentSize(0);
        double maxLevel = (1L << bits) - 1;
        double[] gray = image.getRaster().getSamples(0, 0, width, height, 0, (double[]) null);
        for (int k = 0; k < gray.length; k++) {
            gray[k] /= maxLevel;
        }
        return gray;
    }

    /** Y = 0.299 R + 0.587 G + 0.114 B of the sRGB values, scaled to [0, 1]. */
    static double[] luma(BufferedImage image) {
        if (isGray(image)) {
            return grayLevels(image);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        double[] luma = new double[rgb.length];
        for (int k = 0; k < rgb.length; k++) {
            int red = (rgb[k] >> 16) & 0xff;
            int green = (rgb[k] >> 8) & 0xff;
            int blue = rgb[k] & 0xff;
            luma[k] = (LUMA_RED * red + LUMA_GREEN * green + LUMA_BLUE * blue) / 255;
        }
        return luma;
    }

    /** One decoded image as gray levels, with the file it came from. */
    private record GrayImage(Path file, int width, int height, double[] levels) {

        static GrayImage of(Path file, BufferedImage image) {
            return new GrayImage(file, image.getWidth(), image.getHeight(), luma(image));
        }

        String describe() {
            return file.getFileName() + " is " + width + "x" + height;
        }

        /** Copies the central {@code cropHeight x cropWidth} window into {@code target}. */
        void copyCentre(int cropHeight, int cropWidth, double[] target, int offset) {
            int top = (height - cropHeight) / 2;
            int left = (width - cropWidth) / 2;
            for (int row = 0; row < cropHeight; row++) {
                System.arraycopy(levels, (top + row) * width + left, target,
                        offset + row * cropWidth, cropWidth);
            }
        }
    }
}
