package dev.kubebench.report;

import dev.kubebench.report.analysis.compare.CompareSettings;
import dev.kubebench.report.analysis.compare.Comparer;
import dev.kubebench.report.analysis.compare.ComparisonReport;
import dev.kubebench.report.analysis.samples.SampleSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every compare output format on one fixed report (a sweep, a regression, an improvement, insufficient data). */
class ComparisonGoldenTest {
    private static final double[] BASE = {100.2, 99.1, 101.3, 100.7, 98.9, 100.0, 99.6, 101.1, 100.4, 99.8};

    private static double[] scaled(double f) {
        double[] out = new double[BASE.length];
        for (int i = 0; i < BASE.length; i++) {
            out[i] = BASE[i] * f;
        }
        return out;
    }

    static ComparisonReport report() {
        List<SampleSet> baseline = List.of(
                new SampleSet("time_to_train_s", "gpus=8", scaled(10), null),
                new SampleSet("time_to_train_s", "gpus=16", scaled(5.5), null),
                new SampleSet("throughput_samples_per_s", "gpus=8", scaled(80), null),
                new SampleSet("throughput_samples_per_s", "gpus=16", scaled(150), null),
                new SampleSet("init_time_s", "gpus=8", new double[] {30, 31, 29}, null));
        List<SampleSet> candidate = List.of(
                new SampleSet("time_to_train_s", "gpus=8", scaled(11), null),
                new SampleSet("time_to_train_s", "gpus=16", scaled(5.5 * 1.02), null),
                new SampleSet("throughput_samples_per_s", "gpus=8", scaled(80 * 1.08), null),
                new SampleSet("throughput_samples_per_s", "gpus=16", scaled(150), null),
                new SampleSet("init_time_s", "gpus=8", new double[] {30, 32, 31, 30}, null));
        return new Comparer(CompareSettings.defaults()).compare(baseline, candidate);
    }

    @ParameterizedTest
    @EnumSource(CompareFormat.class)
    void matchesGolden(CompareFormat format) throws Exception {
        String ext = format == CompareFormat.JSON ? "json" : format == CompareFormat.JUNIT ? "xml"
                : format == CompareFormat.MARKDOWN ? "md" : "txt";
        Golden.assertMatches("compare." + ext, format.renderer().render(report()));
    }

    @Test
    void gateChecksMatchTheRows() {
        // 4 comparable rows + 1 insufficient; every metric is gated by default
        org.junit.jupiter.api.Assertions.assertEquals(5, report().gateChecks(false).size());
    }
}
