package dev.kubebench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.MinMaxCategoryRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;

/** Turns the datasets of {@link ChartDatasets} into JFreeChart charts and PNG bytes. */
public final class ChartRenderer {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 420;

    private static final Color[] PHASE_COLORS = {new Color(0xF2B134), new Color(0x68A0D8), new Color(0x2E8B57)};

    static {
        // Rendering needs no display; the CLI may run where there is none.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartRenderer() {
    }

    public static JFreeChart throughput(CategoryDataset d) {
        // No legend: the renderer draws every series with the same icon; the caption says what the marks are.
        JFreeChart c = ChartFactory.createLineChart(null, "sweep point", "throughput (samples/s)", d,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = c.getCategoryPlot();
        // A range bar per point: markers for min, median and max joined by a vertical line.
        MinMaxCategoryRenderer r = new MinMaxCategoryRenderer();
        r.setDrawLines(false);
        r.setGroupStroke(new BasicStroke(2f));
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        rotateLabels(plot.getDomainAxis(), d.getColumnCount());
        return style(c);
    }

    public static JFreeChart accuracy(XYSeriesCollection d, String valueLabel) {
        JFreeChart c = ChartFactory.createXYLineChart(null, "minutes since run_start", valueLabel, d,
                PlotOrientation.VERTICAL, d.getSeriesCount() <= 12, false, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        c.getXYPlot().setRenderer(r);
        ((NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return style(c);
    }

    public static JFreeChart stepTime(CategoryDataset d) {
        JFreeChart c = ChartFactory.createBarChart(null, "percentile", "step time (ms, median over repetitions)", d,
                PlotOrientation.VERTICAL, true, false, false);
        BarRenderer r = (BarRenderer) c.getCategoryPlot().getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        return style(c);
    }

    public static JFreeChart timeline(PodTimeline t) {
        NumberAxis x = new NumberAxis("seconds since first event");
        SymbolAxis y = new SymbolAxis(null, t.rows().toArray(new String[0]));
        y.setInverted(true);
        y.setGridBandsVisible(false);
        y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        XYBarRenderer r = new XYBarRenderer();
        r.setUseYInterval(true);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < PHASE_COLORS.length; i++) {
            r.setSeriesPaint(i, PHASE_COLORS[i]);
        }
        XYPlot plot = new XYPlot(t.dataset(), x, y, r);
        return style(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    public static JFreeChart scaling(Scaling s) {
        JFreeChart c = ChartFactory.createXYLineChart(null, s.scaleKey(), s.metric() + " (median)", s.dataset(),
                PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int ideal = s.dataset().getSeriesCount() - 1;
        r.setSeriesPaint(ideal, Color.GRAY);
        r.setSeriesStroke(ideal, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        r.setSeriesShapesVisible(ideal, false);
        c.getXYPlot().setRenderer(r);
        return style(c);
    }

    public static JFreeChart gpuUtilization(GpuUtilChart g) {
        JFreeChart c = ChartFactory.createXYLineChart(null, "seconds since the first sample", "GPU utilization (%)",
                g.dataset(), PlotOrientation.VERTICAL, !g.band(), false, false);
        XYPlot plot = c.getXYPlot();
        if (g.band()) {
            DeviationRenderer r = new DeviationRenderer(true, false);
            r.setSeriesPaint(0, new Color(0x2E8B57));
            r.setSeriesFillPaint(0, new Color(0x2E8B57));
            r.setAlpha(0.25f);
            plot.setRenderer(r);
        } else {
            plot.setRenderer(new XYLineAndShapeRenderer(true, false));
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 100);
        return style(c);
    }

    /** Height for a timeline with {@code rows} rows: about 18 px a row, at least the standard height. */
    public static int timelineHeight(int rows) {
        return Math.max(HEIGHT, 90 + rows * 18);
    }

    /** The chart as PNG bytes. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void rotateLabels(CategoryAxis axis, int categories) {
        if (categories > 6) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        axis.setMaximumCategoryLabelLines(2);
    }

    private static JFreeChart style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        c.getPlot().setBackgroundPaint(new Color(0xFAFAFA));
        return c;
    }
}
