package dev.kubebench.cli;

import dev.kubebench.core.time.Durations;
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

    /** A duration in the one grammar of {@link Durations} ({@code 90s}, {@code 45m}, {@code 1h30m}, {@code 1d}) → seconds. */
    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return new Duration().convert(value).toMillis() / 1000.0;
        }
    }

    /** A positive duration in the one grammar of {@link Durations}. */
    static final class Duration implements ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            try {
                java.time.Duration d = Durations.parse(value);
                if (d.isZero()) {
                    throw new TypeConversionException("'" + value + "' is not a positive duration");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
