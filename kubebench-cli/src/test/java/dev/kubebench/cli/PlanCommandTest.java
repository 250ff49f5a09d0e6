package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanCommandTest {

    private static double usl(double lambda, double sigma, double kappa, int n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** Issue #8's done-when: throughputs generated from the USL for two pools at 1 to 64 GPUs. */
    static Path uslCsv(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("pool,gpus,throughput_samples_per_s\n");
        for (int n = 1; n <= 64; n++) {
            csv.append(String.format(Locale.ROOT, "fast,%d,%.6f%n", n, usl(1000, 0.05, 0.0005, n)));
            csv.append(String.format(Locale.ROOT, "slow,%d,%.6f%n", n, usl(400, 0.02, 0.001, n)));
        }
        Path file = dir.resolve("scaling.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void jsonRecoversSigmaAndKappaOfBothPoolsWithinFivePercent(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("plan", "--measurements", uslCsv(dir).toString(), "-o", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode pools = JsonMapper.builder().build().readTree(run.out()).get("pools");
        assertEquals(2, pools.size());
        JsonNode fast = pools.get(0);
        assertEquals("fast", fast.get("pool").asString());
        assertEquals(0.05, fast.get("sigma").asDouble(), 0.05 * 0.05);
        assertEquals(0.0005, fast.get("kappa").asDouble(), 0.0005 * 0.05);
        assertEquals(1000, fast.get("lambda").asDouble(), 1000 * 0.05);
        JsonNode slow = pools.get(1);
        assertEquals("slow", slow.get("pool").asString());
        assertEquals(0.02, slow.get("sigma").asDouble(), 0.02 * 0.05);
        assertEquals(0.001, slow.get("kappa").asDouble(), 0.001 * 0.05);
        assertEquals(400, slow.get("lambda").asDouble(), 400 * 0.05);
        for (JsonNode p : pools) {
            assertTrue(p.get("r2").asDouble() > 0.999);
            assertEquals(Math.sqrt((1 - p.get("sigma").asDouble()) / p.get("kappa").asDouble()),
                    p.get("peak_gpus").asDouble(), 1e-6);
        }
    }

    @Test
    void htmlAndTextWithPricesAndTarget(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "pool,gpus,throughput_samples_per_s,time_to_train_s\n"
                + "h100,8,8000,4500\nh100,16,15000,2400\nh100,32,26000,1385\nh100,64,40000,900\n");
        Path prices = dir.resolve("prices.yaml");
        Files.writeString(prices, "currency: USD\nprices:\n  - pool: h100\n    perGpuHour: 4.0\n");
        CliRun text = CliRun.of("plan", "--measurements", csv.toString(), "--prices", prices.toString(),
                "--target-time", "30m");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Cheapest configuration meeting 30m00s: pool h100 with 32 GPUs"), text.out());
        CliRun html = CliRun.of("plan", "--measurements", csv.toString(), "-o", "html");
        assertEquals(0, html.exitCode(), html.err());
        assertTrue(html.out().startsWith("<!DOCTYPE html>"));
        assertTrue(html.out().contains("data:image/png;base64,"));
    }

    @Test
    void energyPriceAddsTheEnergyCostOfMeasurementsWithEnergyPerSample(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        // 8 GPUs at 700 W: 5600 W / 8000 samples/s = 0.7 J/sample; a run of 4500 s is 7 kWh
        Files.writeString(csv, "pool,gpus,throughput_samples_per_s,time_to_train_s,energy_per_sample_j\n"
                + "h100,8,8000,4500,0.7\nh100,16,15000,2400,0.7466666666666667\n");
        Path prices = dir.resolve("prices.yaml");
        Files.writeString(prices, "currency: EUR\nprices:\n  - pool: h100\n    perGpuHour: 4.0\n");
        CliRun run = CliRun.of("plan", "--measurements", csv.toString(), "--prices", prices.toString(),
                "--energy-price", "0.25", "-o", "csv");
        assertEquals(0, run.exitCode(), run.err());
        String row8 = run.out().lines().filter(l -> l.startsWith("h100,8,")).findFirst().orElseThrow();
        assertTrue(row8.endsWith(",0.7,7.0,1.75"), row8);
        CliRun negative = CliRun.of("plan", "--measurements", csv.toString(), "--energy-price", "-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--energy-price must be a price per kWh"), negative.err());
    }

    @Test
    void badInputIsAOneLineUsageError(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "pool,gpus,throughput_samples_per_s\nh100,eight,100\n");
        CliRun run = CliRun.of("plan", "--measurements", csv.toString());
        assertEquals(2, run.exitCode());
        assertEquals("error: " + csv + ":2: gpus: not a whole number: 'eight'", run.err().strip());
        CliRun none = CliRun.of("plan");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("nothing to plan from"), none.err());
        CliRun badTime = CliRun.of("plan", "--measurements", csv.toString(), "--target-time", "soon");
        assertEquals(2, badTime.exitCode());
        assertTrue(badTime.err().contains("'soon' is not a duration"), badTime.err());
    }
}
