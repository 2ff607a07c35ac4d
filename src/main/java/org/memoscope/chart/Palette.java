package org.memoscope.chart;

import java.awt.Color;

/** The colours every Memoscope chart gives each order parameter, so views read alike. */
public final class Palette {

    public static final Color CONVERGENCE = new Color(0x1f5fbf);
    public static final Color MEMORISATION = new Color(0xd2541a);
    public static final Color BASELINE = new Color(0x7a7a7a);
    public static final Color CURSOR = new Color(0x333333);
    private static final Color[] RECOVERY = {
        new Color(0x2a9d3a), new Color(0x8e44ad), new Color(0x0f8f8f),
        new Color(0xb8860b), new Color(0xc2185b),
    };

    private Palette() {
    }

    /** Colour of latent factor k (0-based); repeats after five. */
    public static Color recovery(int k) {
        return RECOVERY[Math.floorMod(k, RECOVERY.length)];
    }
}
