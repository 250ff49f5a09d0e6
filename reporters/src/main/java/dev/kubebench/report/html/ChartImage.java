package dev.kubebench.report.html;

/**
 * A rendered chart for the page.
 *
 * @param id       element id (fixed per chart kind)
 * @param title    heading
 * @param caption  what it shows (plain text, escaped when written)
 * @param png      the PNG bytes
 * @param width    pixels
 * @param height   pixels
 */
public record ChartImage(String id, String title, String caption, byte[] png, int width, int height) {
}
