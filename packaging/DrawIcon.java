import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.function.DoubleUnaryOperator;

import javax.imageio.ImageIO;

/**
 * Draws Memoscope's 256 x 256 icon: the three order parameters against the load
 * on a dark tile, in the chart's colours (q rising smoothly, m falling, Q
 * switching on at a threshold). Run with {@code java packaging/DrawIcon.java OUT.png}.
 */
public final class DrawIcon {

    private static final int SIZE = 256;

    public static void main(String[] args) throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        g.setColor(new Color(0x1b2a41));
        g.fill(new RoundRectangle2D.Double(8, 8, SIZE - 16, SIZE - 16, 48, 48));

        double left = 44;
        double right = 216;
        double top = 48;
        double bottom = 204;
        g.setColor(new Color(0x8a9bb3));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine((int) left, (int) top - 8, (int) left, (int) bottom);
        g.drawLine((int) left, (int) bottom, (int) right + 8, (int) bottom);

        // Threshold marker of the latent factor.
        double threshold = 0.52;
        g.setColor(new Color(0x2a9d3a));
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {10, 8}, 0));
        double tx = left + threshold * (right - left);
        g.drawLine((int) tx, (int) top, (int) tx, (int) bottom);

        BasicStroke curve = new BasicStroke(13, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        g.setStroke(curve);
        g.setColor(new Color(0xd2541a));
        g.draw(path(left, right, top, bottom, t -> 0.18 + 0.7 * Math.exp(-5 * t)));
        g.setColor(new Color(0x2a9d3a));
        g.draw(path(left, right, top, bottom,
                t -> t <= threshold ? 0 : 0.95 * (1 - Math.exp(-7 * (t - threshold)))));
        g.setColor(new Color(0x4f8fe8));
        g.draw(path(left, right, top, bottom, t -> 0.95 / (1 + Math.exp(-9 * (t - 0.42)))));
        g.dispose();

        File out = new File(args.length > 0 ? args[0] : "assets/icon.png");
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
    }

    /** y = f(t) for t in 0..1 across the plot box, y in 0..1 upwards. */
    private static Path2D path(double left, double right, double top, double bottom,
                               DoubleUnaryOperator f) {
        Path2D.Double path = new Path2D.Double();
        int steps = 120;
        for (int i = 0; i <= steps; i++) {
            double t = i / (double) steps;
            double x = left + 6 + t * (right - left - 6);
            double y = bottom - 6 - f.applyAsDouble(t) * (bottom - top - 6);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }
}
