package dev.kubebench.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters for percentages and durations shared by the gate and plan commands. */
final class Converters {
    private Converters() {
    }

    /** {@code 5%}, {@code 5} or {@code 2.5%} → 5.0, 5.0, 2.5 (percent). */
    static final class Percent implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.trim();
            if (v.endsWith("%")) {
                v = v.substring(0, v.length() - 1).trim();
            }
            try {
                double d = Double.parseDouble(v);
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new TypeConversionException("'" + value + "' is not a non-negative percentage");
                }
                return d;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a percentage (e.g. 5%)");
            }
        }
    }

    /** {@code 90s}, {@code 45m}, {@code 2h}, {@code 1h30m}, {@code 1d} or plain seconds → seconds. */
    static final class Seconds implements ITypeConverter<Double> {
        private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([dhms])");

        @Override
        public Double convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                double plain = Double.parseDouble(v);
                if (plain > 0 && Double.isFinite(plain)) {
                    return plain;
                }
                throw new TypeConversionException("'" + value + "' is not a positive duration");
            } catch (NumberFormatException e) {
                // not a plain number: parse units below
            }
            Matcher m = PART.matcher(v);
            double total = 0;
            int end = 0;
            while (m.find() && m.start() == end) {
                double n = Double.parseDouble(m.group(1));
                switch (m.group(2)) {
                    case "d":
                        total += n * 86400;
                        break;
                    case "h":
                        total += n * 3600;
                        break;
                    case "m":
                        total += n * 60;
                        break;
                    default:
                        total += n;
                }
                end = m.end();
            }
            if (end == 0 || end != v.length() || !(total > 0)) {
                throw new TypeConversionException("'" + value + "' is not a duration (e.g. 90m, 2h, 1h30m)");
            }
            return total;
        }
    }

    /** A duration as {@link Seconds} accepts it ({@code 90s}, {@code 10m}, {@code 1h30m}), as a {@link java.time.Duration}. */
    static final class Duration implements ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            return java.time.Duration.ofMillis(Math.round(new Seconds().convert(value) * 1000));
        }
    }
}
