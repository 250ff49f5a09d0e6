package dev.kubebench.report;

import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.csv.PlanCsv;
import dev.kubebench.report.html.PlanHtml;
import dev.kubebench.report.json.PlanJson;
import dev.kubebench.report.text.PlanText;

/** The output formats of {@code kubebench plan}; each renders with the writer in its format's package. */
public enum PlanFormat {
    TEXT,
    CSV,
    JSON,
    HTML;

    public String render(CapacityPlan plan) {
        return switch (this) {
            case TEXT -> PlanText.render(plan);
            case CSV -> PlanCsv.render(plan);
            case JSON -> PlanJson.render(plan);
            case HTML -> PlanHtml.render(plan);
        };
    }
}
