package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.data.IdxWriter.Compression;

/** The catalogue of known sets under a root folder, and loading by path. */
class DatasetCatalogTest {

    @TempDir
    Path root;

    @Test
    void onlySetsWhoseFilesExistAreAvailable() throws IOException {
        DatasetCatalog catalog = new DatasetCatalog(root);
        assertEquals(List.of(), catalog.available());

        Path train = root.resolve("fashion-mnist/train-images-idx3-ubyte.gz");
        Files.createDirectories(train.getParent());
        IdxWriter.writeImages(train, 3, 28, 28, new byte[3 * 784], Compression.GZIP);

        List<String> available = catalog.available().stream()
                .map(DatasetCatalog.Entry::id).collect(Collectors.toList());
        assertEquals(List.of("fashion-mnist-train"), available);
        ImageSet images = catalog.load(catalog.find("fashion-mnist-train").orElseThrow());
        assertEquals(3, images.count());
        assertEquals("fashion-mnist-train", images.name());
        assertEquals(2, catalog.entries().size());
    }

    @Test
    void loadReadsAFolderOfImagesOrAnIdxFile() throws IOException {
        Path pictures = Files.createDirectory(root.resolve("pictures"));
        BufferedImage image = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(image, "png", pictures.resolve("one.png").toFile());
        Path idx = root.resolve("images.idx");
        IdxWriter.writeImages(idx, 2, 3, 3, new byte[18], Compression.PLAIN);

        ImageSet fromFolder = DatasetCatalog.load(pictures);
        ImageSet fromFile = DatasetCatalog.load(idx);

        assertEquals(1, fromFolder.count());
        assertEquals(5, fromFolder.width());
        assertEquals(2, fromFile.count());
        assertEquals(3, fromFile.width());
    }

    @Test
    void loadNamesAMissingPath() {
        DataLoadException error = assertThrows(DataLoadException.class,
                () -> DatasetCatalog.load(root.resolve("absent")));

        assertTrue(error.getMessage().startsWith("absent: "), error.getMessage());
    }
}
