package dev.kubebench.collector.mlperf.compliance;

import dev.kubebench.collector.mllog.MllogEvent;
import dev.kubebench.collector.mllog.MllogVisitor;

/** Visitors combined, so that one parse of a log feeds several. */
public final class MllogVisitors {
    private MllogVisitors() {
    }

    /** A visitor that decodes what either wants and hands each event to those that want it. */
    public static MllogVisitor both(MllogVisitor first, MllogVisitor second) {
        return new MllogVisitor() {
            @Override
            public boolean wants(String key) {
                return first.wants(key) || second.wants(key);
            }

            @Override
            public void event(MllogEvent event) {
                if (first.wants(event.key())) {
                    first.event(event);
                }
                if (second.wants(event.key())) {
                    second.event(event);
                }
            }
        };
    }
}
