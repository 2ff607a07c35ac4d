package org.memoscope.io;

import java.util.Locale;

/** The file formats a chart can be exported to. */
public enum ExportFormat {

    /** A raster image, drawn at 1x to 4x pixel density. */
    PNG("png", "PNG image"),
    /** A vector drawing with its text kept as text. */
    SVG("svg", "SVG drawing"),
    /** The plotted series as a table. */
    CSV("csv", "CSV table of the plotted series");

    private final String extension;
    private final String description;

    ExportFormat(String extension, String description) {
        this.extension = extension;
        this.description = description;
    }

    /** File name ending without the dot: "png". */
    public String extension() {
        return extension;
    }

    /** What a file of this format holds, for dialogs. */
    public String description() {
        return description;
    }

    /** The format a file name ends in (any case), or null when it names none. */
    public static ExportFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return format;
            }
        }
        return null;
    }

    /** The format called {@code name} ("png", "svg", "csv", any case), or null. */
    public static ExportFormat named(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(name)) {
                return format;
            }
        }
        return null;
    }
}
