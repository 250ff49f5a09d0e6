package dev.kubebench.report.html;

import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.PoolPlan;
import dev.kubebench.report.analysis.plan.ScalePoint;
import dev.kubebench.report.analysis.plan.UslFit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The plan's charts. Datasets are built by separate methods so tests can check what is drawn without looking at
 * pixels.
 */
final class PlanCharts {
    static final int WIDTH = 860;
    static final int HEIGHT = 460;
    private static final Paint[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private PlanCharts() {
    }

    /** Measured throughput per pool: one series per pool, x = GPUs, y = samples/s. */
    static XYSeriesCollection measured(CapacityPlan plan) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (PoolPlan p : plan.pools()) {
            XYSeries s = new XYSeries(p.pool() + " measured", true, true);
            for (ScalePoint m : p.measured()) {
                s.add(m.gpus(), m.throughput());
            }
            c.addSeries(s);
        }
        return c;
    }

    /**
     * The USL fit per pool from 1 GPU to the largest shown scale, with the ≈95 % band (fit ± 1.96 standard errors by
     * the delta method); pools without a fit have an empty series so colours stay aligned.
     */
    static YIntervalSeriesCollection fit(CapacityPlan plan) {
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        for (PoolPlan p : plan.pools()) {
            YIntervalSeries s = new YIntervalSeries(p.pool() + " USL fit");
            UslFit f = p.fit();
            if (f != null) {
                int max = Math.max(f.maxGpus(), p.projected().stream().mapToInt(ScalePoint::gpus).max().orElse(0));
                for (int n : gridPoints(max)) {
                    double x = f.model().throughput(n);
                    double se = f.throughputStdError(n);
                    double half = Double.isFinite(se) ? 1.96 * se : 0;
                    s.add(n, x, Math.max(0, x - half), x + half);
                }
            }
            c.addSeries(s);
        }
        return c;
    }

    /** All configurations with a known time and cost (x = time in hours, y = cost), and the frontier as a line. */
    static XYSeriesCollection frontier(CapacityPlan plan) {
        XYSeriesCollection c = new XYSeriesCollection();
        XYSeries front = new XYSeries("frontier", false, true);
        for (ScalePoint s : plan.frontier()) {
            front.add(s.timeToTrainSeconds() / 3600, s.cost());
        }
        c.addSeries(front);
        for (PoolPlan p : plan.pools()) {
            XYSeries s = new XYSeries(p.pool(), false, true);
            List<ScalePoint> all = new ArrayList<>(p.measured());
            all.addAll(p.projected());
            for (ScalePoint x : all) {
                if (Double.isFinite(x.timeToTrainSeconds()) && Double.isFinite(x.cost())) {
                    s.add(x.timeToTrainSeconds() / 3600, x.cost());
                }
            }
            c.addSeries(s);
        }
        return c;
    }

    static JFreeChart scalingChart(CapacityPlan plan) {
        XYPlot xy = new XYPlot();
        xy.setDomainAxis(new NumberAxis("GPUs"));
        xy.setRangeAxis(new NumberAxis("throughput (samples/s)"));
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setAlpha(0.18f);
        for (int i = 0; i < plan.pools().size(); i++) {
            Paint paint = PALETTE[i % PALETTE.length];
            points.setSeriesPaint(i, paint);
            band.setSeriesPaint(i, paint);
            band.setSeriesFillPaint(i, paint);
            band.setSeriesStroke(i, new BasicStroke(2f));
        }
        xy.setDataset(0, measured(plan));
        xy.setRenderer(0, points);
        xy.setDataset(1, fit(plan));
        xy.setRenderer(1, band);
        xy.setBackgroundPaint(Color.WHITE);
        xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
        xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Scaling: measured points, USL fit and projection band", xy);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static JFreeChart frontierChart(CapacityPlan plan) {
        XYPlot xy = new XYPlot();
        xy.setDomainAxis(new NumberAxis("time to train (hours)"));
        xy.setRangeAxis(new NumberAxis("cost (" + plan.costUnit() + ")"));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        for (int i = 0; i < plan.pools().size(); i++) {
            r.setSeriesPaint(i + 1, PALETTE[i % PALETTE.length]);
        }
        xy.setDataset(frontier(plan));
        xy.setRenderer(r);
        xy.setBackgroundPaint(Color.WHITE);
        xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
        xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Time to train against cost", xy);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The chart as a {@code data:image/png;base64,...} URI. */
    static String dataUri(JFreeChart chart) {
        try {
            byte[] png = ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every integer up to 64, then about 100 evenly spaced integers up to max. */
    static List<Integer> gridPoints(int max) {
        List<Integer> out = new ArrayList<>();
        int step = Math.max(1, max / 100);
        for (int n = 1; n <= max; n = n < 64 ? n + 1 : n + step) {
            out.add(n);
        }
        if (out.get(out.size() - 1) != max) {
            out.add(max);
        }
        return out;
    }
}
