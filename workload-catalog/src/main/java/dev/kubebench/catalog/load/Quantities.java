package dev.kubebench.catalog.load;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The size of a Kubernetes resource quantity ({@code 96}, {@code 500m}, {@code 900Gi}, {@code 1e3}): Kubernetes keeps
 * a quantity in milli-units in a signed 64-bit integer, so anything above {@value #MAX} units cannot be requested.
 */
final class Quantities {
    /** The largest quantity accepted, in units (cores, bytes): Long.MAX_VALUE milli-units, rounded down. */
    static final String MAX = "9e15";
    private static final BigDecimal LIMIT = new BigDecimal(MAX);
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("m", new BigDecimal("0.001")), Map.entry("k", BigDecimal.TEN.pow(3)),
            Map.entry("M", BigDecimal.TEN.pow(6)), Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)), Map.entry("P", BigDecimal.TEN.pow(15)),
            Map.entry("E", BigDecimal.TEN.pow(18)), Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
            Map.entry("Mi", BigDecimal.valueOf(2).pow(20)), Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
            Map.entry("Ti", BigDecimal.valueOf(2).pow(40)), Map.entry("Pi", BigDecimal.valueOf(2).pow(50)),
            Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

    private Quantities() {
    }

    /** True when a quantity that matches the quantity grammar is larger than {@link #MAX}. */
    static boolean tooLarge(String quantity) {
        int i = 0;
        while (i < quantity.length() && (Character.isDigit(quantity.charAt(i)) || quantity.charAt(i) == '.')) {
            i++;
        }
        String digits = quantity.substring(0, i);
        String suffix = quantity.substring(i);
        if (digits.length() > 40) {
            return true;
        }
        BigDecimal value = new BigDecimal(digits);
        if (suffix.matches("[eE][0-9]+")) {
            String exponent = suffix.substring(1);
            if (exponent.length() > 3) {
                return value.signum() != 0;
            }
            value = value.scaleByPowerOfTen(Integer.parseInt(exponent));
        } else if (!suffix.isEmpty()) {
            value = value.multiply(SUFFIXES.get(suffix));
        }
        return value.compareTo(LIMIT) > 0;
    }
}
