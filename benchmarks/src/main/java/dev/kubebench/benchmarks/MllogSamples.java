package dev.kubebench.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic MLLOG-heavy log text for parser benchmarks, modelled on the real MLPerf v3.0/v4.0 logs (NVIDIA-style
 * tracked_stats, epoch and block events, eval_accuracy, BERT's weights_initialization flood, rank-prefixed lines,
 * framework noise, CRLF line ends). Deterministic for a given seed.
 */
public final class MllogSamples {
    private final SplittableRandom random;
    private long time = 1_683_609_810_036L;
    private int epoch = 1;
    private long step;

    public MllogSamples(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The header every run starts with: submission keys, init, run_start. */
    public String header() {
        StringBuilder sb = new StringBuilder();
        sb.append(line("POINT_IN_TIME", "submission_benchmark", "\"resnet\"", "{\"file\": \"<string>\", \"lineno\": 3}"));
        sb.append(line("POINT_IN_TIME", "submission_org", "\"Dell\"", "{\"file\": \"<string>\", \"lineno\": 3}"));
        sb.append(line("POINT_IN_TIME", "global_batch_size", "3264", "{\"file\": \"train.py\", \"lineno\": 40}"));
        sb.append(line("INTERVAL_START", "init_start", "null", "{\"file\": \"train.py\", \"lineno\": 123}"));
        time += 50_000;
        sb.append(line("INTERVAL_END", "init_stop", "null", "{\"file\": \"train.py\", \"lineno\": 1326}"));
        sb.append(line("INTERVAL_START", "run_start", "null", "{\"file\": \"train.py\", \"lineno\": 1326}"));
        return sb.toString();
    }

    /** The next chunk of roughly 30 lines. */
    public String next() {
        StringBuilder sb = new StringBuilder(8192);
        String fit = "{\"file\": \"/workspace/image_classification/common/fit.py\", \"lineno\": ";
        sb.append(line("INTERVAL_START", "epoch_start", "null", fit + "916, \"epoch_num\": " + epoch + "}"));
        for (int i = 0; i < 16; i++) {
            time += 1 + random.nextInt(3);
            step++;
            sb.append(line("POINT_IN_TIME", "tracked_stats", "{\"throughput\": "
                    + String.format(Locale.ROOT, "%.9f", 55_000 + random.nextDouble() * 2000) + "}",
                    fit + "997, \"step\": " + step + "}"));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(line("POINT_IN_TIME", "weights_initialization", "null",
                    "{\"file\": \"/workspace/bert/modeling.py\", \"lineno\": 1166, \"tensor\": \"bert.encoder.layer."
                            + random.nextInt(24) + ".attention.self.query.weight\"}"));
        }
        sb.append("0: 2023-05-09 05:37:40,184 Node[0] Epoch[").append(epoch).append("] Time cost=22.838\r\n");
        sb.append("[1] :::MLLOG ").append(json("POINT_IN_TIME", "step_time_ms",
                String.format(Locale.ROOT, "%.3f", 90 + random.nextDouble() * 20), "{\"step\": " + step + "}"))
                .append("\r\n");
        sb.append(line("POINT_IN_TIME", "eval_accuracy", String.format(Locale.ROOT, "%.5f",
                Math.min(0.76, 0.3 + epoch * 0.01)), fit + "1039, \"epoch_num\": " + epoch + "}"));
        time += 400;
        sb.append(line("INTERVAL_END", "epoch_stop", "null", fit + "981, \"epoch_num\": " + epoch + "}"));
        epoch++;
        return sb.toString();
    }

    /** At least {@code bytes} bytes of log: a header then chunks. */
    public byte[] generate(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 16384);
        sb.append(header());
        while (sb.length() < bytes) {
            sb.append(next());
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private String line(String type, String key, String value, String metadata) {
        return ":::MLLOG " + json(type, key, value, metadata) + "\r\n";
    }

    private String json(String type, String key, String value, String metadata) {
        return "{\"namespace\": \"\", \"time_ms\": " + time + ", \"event_type\": \"" + type + "\", \"key\": \"" + key
                + "\", \"value\": " + value + ", \"metadata\": " + metadata + "}";
    }
}
