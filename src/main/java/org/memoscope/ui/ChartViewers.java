package org.memoscope.ui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;

/**
 * The one way the window shows a chart. Its axes are set by the app (the slider's range, the
 * sweep's N), so a chart does not zoom or pan: JFreeChart-FX's wheel zoom, drag zoom and
 * Alt-drag pan are taken off, since they had no way back and an export drew the zoomed
 * axes. The wheel over a chart scrolls the page it sits in, as over any other node. The
 * context menu keeps Export.
 */
final class ChartViewers {

    private ChartViewers() {
    }

    static ChartViewer create(JFreeChart chart, String id) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(id);
        ChartCanvas canvas = viewer.getCanvas();
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        for (String handlerId : new String[] {"zoom", "pan"}) {
            MouseHandlerFX handler = canvas.getMouseHandler(handlerId);
            if (handler != null) {
                canvas.removeMouseHandler(handler);
            }
        }
        // The canvas's own wheel handler only served the zoom; without it the event bubbles
        // up to an enclosing scroll pane.
        canvas.setOnScroll(null);
        return viewer;
    }
}
