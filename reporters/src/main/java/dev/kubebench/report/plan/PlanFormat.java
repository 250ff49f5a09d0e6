package dev.kubebench.report.plan;

/** The output formats of {@code kubebench plan}. */
public enum PlanFormat {
    TEXT,
    CSV,
    JSON,
    HTML;

    public String render(CapacityPlan plan) {
        switch (this) {
            case CSV:
                return PlanCsv.render(plan);
            case JSON:
                return PlanJson.render(plan);
            case HTML:
                return PlanHtml.render(plan);
            default:
                return PlanText.render(plan);
        }
    }
}
