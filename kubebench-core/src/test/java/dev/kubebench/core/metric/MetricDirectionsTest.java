package dev.kubebench.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.metric.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricDirectionsTest {
    @ParameterizedTest
    @CsvSource({
        "throughput_samples_per_s, HIGHER", "tokens_per_second, HIGHER", "eval_accuracy, HIGHER",
        "gpu_util_percent, HIGHER", "mfu, HIGHER",
        "time_to_train_s, LOWER", "step_time_p50_ms, LOWER", "init_time_s, LOWER",
        "scheduling_latency_p99_ms, LOWER", "eval_loss, LOWER", "time_to_first_step, LOWER",
        "gpu_util_mean_pct, HIGHER", "energy_per_sample_j, LOWER", "gpu_energy_j, LOWER", "gpu_xid_errors, LOWER"})
    void infersFromTheName(String metric, Direction expected) {
        assertEquals(expected, MetricDirections.infer(metric).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"widgets", "score"})
    void saysNothingForUnknownNames(String metric) {
        assertTrue(MetricDirections.infer(metric).isEmpty());
    }
}
