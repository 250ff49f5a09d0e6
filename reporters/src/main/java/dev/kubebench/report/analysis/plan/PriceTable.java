package dev.kubebench.report.analysis.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * User-supplied GPU prices; kubebench has none built in. YAML:
 * <pre>
 * currency: USD            # label only
 * prices:
 *   - pool: h100-spot      # match by node pool name ...
 *     perGpuHour: 2.10
 *   - gpuType: NVIDIA-A100-SXM4-80GB   # ... or by GPU product
 *     perGpuHour: 1.60
 * </pre>
 * A pool entry wins over a GPU-type entry.
 *
 * @param currency  currency label printed with costs
 * @param prices    the entries
 */
public record PriceTable(String currency, List<Price> prices) {

    /**
     * One price.
     *
     * @param pool        node pool name, or null
     * @param gpuType     GPU product label, or null; exactly one of pool and gpuType is set
     * @param perGpuHour  price of one GPU for one hour, non-negative
     */
    public record Price(@JsonProperty("pool") String pool, @JsonProperty("gpuType") String gpuType,
                        @JsonProperty("perGpuHour") Double perGpuHour) {
    }

    public PriceTable {
        currency = currency == null || currency.isBlank() ? "" : currency;
        prices = List.copyOf(prices == null ? List.of() : prices);
    }

    /** The price per GPU-hour for a pool (by name, then by GPU type). */
    public Optional<Double> perGpuHour(String pool, String gpuType) {
        for (Price p : prices) {
            if (pool.equals(p.pool())) {
                return Optional.of(p.perGpuHour());
            }
        }
        for (Price p : prices) {
            if (gpuType != null && gpuType.equals(p.gpuType())) {
                return Optional.of(p.perGpuHour());
            }
        }
        return Optional.empty();
    }

    private static String lineOf(String text, String key) {
        Pattern p = Pattern.compile("^\\s*(-\\s+)?" + Pattern.quote(key) + "\\s*:");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return Integer.toString(i + 1);
            }
        }
        return "1";
    }

    private static String where(Path file, TokenStreamLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? file + ": " : file + ":" + loc.getLineNr() + ":"
                + loc.getColumnNr() + ": ";
    }

    /** Loads and validates a price file; problems name {@code file:line:col}. */
    public static PriceTable load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": no such file");
        }
        YAMLMapper mapper = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        PriceTable table;
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            table = mapper.readValue(text, PriceTable.class);
        } catch (UnrecognizedPropertyException e) {
            // records are built from buffered tokens, so the exception has no location: find the key's line
            throw new KubebenchException(Failure.INVALID_INPUT, file + ":" + lineOf(text, e.getPropertyName())
                    + ": unknown field '" + e.getPropertyName()
                    + "' (known: currency, prices, pool, gpuType, perGpuHour)", e);
        } catch (JacksonException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, where(file, e.getLocation()) + e.getOriginalMessage(),
                    e);
        }
        if (table == null || table.prices().isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": prices: at least one entry is required");
        }
        for (int i = 0; i < table.prices().size(); i++) {
            Price p = table.prices().get(i);
            String where = file + ": prices[" + i + "]: ";
            if ((p.pool() == null) == (p.gpuType() == null)) {
                throw new KubebenchException(Failure.INVALID_INPUT, where + "set exactly one of pool and gpuType");
            }
            if (p.perGpuHour() == null || !(p.perGpuHour() >= 0) || p.perGpuHour().isInfinite()) {
                throw new KubebenchException(Failure.INVALID_INPUT,
                        where + "perGpuHour: a non-negative number is required");
            }
        }
        return table;
    }
}
