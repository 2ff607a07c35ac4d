package org.memoscope.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The image data sets Memoscope knows by name, and loading of any image data by path.
 *
 * <p>Known sets live under a root folder, by default {@code /usr/share/datasets} where the
 * Debian package {@code dataset-fashion-mnist} installs Fashion-MNIST (Xiao, Rasul &amp;
 * Vollgraf, 2017: 60000 training and 10000 test images of 28x28, as gzip IDX files). An entry
 * is {@linkplain #available() available} only if its image file exists, so the program runs
 * without any of them.
 *
 * <p>{@link #load(Path)} dispatches on what the path is: a folder is read by
 * {@link ImageFolderReader}, a file by {@link IdxReader}.
 */
public final class DatasetCatalog {

    /** The short name of Fashion-MNIST's training images in presets and state texts. */
    public static final String FASHION_MNIST = "fashion-mnist";

    /** Where Debian data set packages install their files. */
    public static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets");

    private final Path root;
    private final List<Entry> entries;

    /** A catalogue of the known sets under {@code root}. */
    public DatasetCatalog(Path root) {
        this.root = Objects.requireNonNull(root, "root");
        Path fashion = root.resolve("fashion-mnist");
        this.entries = List.of(
                new Entry("fashion-mnist-train", "Fashion-MNIST training images (60000 x 28x28)",
                        fashion.resolve("train-images-idx3-ubyte.gz"),
                        fashion.resolve("train-labels-idx1-ubyte.gz")),
                new Entry("fashion-mnist-test", "Fashion-MNIST test images (10000 x 28x28)",
                        fashion.resolve("t10k-images-idx3-ubyte.gz"),
                        fashion.resolve("t10k-labels-idx1-ubyte.gz")));
    }

    /** The catalogue of the sets installed on this machine under {@link #SYSTEM_ROOT}. */
    public static DatasetCatalog system() {
        return new DatasetCatalog(SYSTEM_ROOT);
    }

    /** The root folder searched. */
    public Path root() {
        return root;
    }

    /** Every known set, present or not. */
    public List<Entry> entries() {
        return entries;
    }

    /** The known sets whose image file exists. */
    public List<Entry> available() {
        return entries.stream().filter(Entry::isPresent).collect(Collectors.toUnmodifiableList());
    }

    /** The known set with identifier {@code id}, present or not. */
    public Optional<Entry> find(String id) {
        return entries.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }

    /**
     * The known set a short name stands for, present or not: {@value #FASHION_MNIST} is the
     * Fashion-MNIST training images. Any other text is not a short name (but may be a path).
     */
    public Optional<Entry> alias(String name) {
        return FASHION_MNIST.equals(name) ? find("fashion-mnist-train") : Optional.empty();
    }

    /** The images of {@code entry}, read with the default memory budget. */
    public ImageSet load(Entry entry) throws DataLoadException {
        return new IdxReader().readImages(entry.images()).withName(entry.id());
    }

    /**
     * The images at {@code path}: a folder of PNG/JPEG images (which must share one size) or an
     * IDX image file, plain or gzip.
     */
    public static ImageSet load(Path path) throws DataLoadException {
        return load(path, SizePolicy.requireSame());
    }

    /** As {@link #load(Path)}, with {@code policy} for folders of images of several sizes. */
    public static ImageSet load(Path path, SizePolicy policy) throws DataLoadException {
        if (Files.isDirectory(path)) {
            return ImageFolderReader.read(path, policy);
        }
        if (!Files.exists(path)) {
            throw new DataLoadException(path, "no such file or folder ("
                    + path.toAbsolutePath() + ")");
        }
        return new IdxReader().readImages(path);
    }

    /**
     * A known data set.
     *
     * @param id     short identifier, e.g. {@code fashion-mnist-train}
     * @param title  a human-readable description
     * @param images the IDX image file
     * @param labels the IDX label file that goes with it
     */
    public record Entry(String id, String title, Path images, Path labels) {

        /** Whether the image file exists. */
        public boolean isPresent() {
            return Files.isRegularFile(images);
        }
    }
}
