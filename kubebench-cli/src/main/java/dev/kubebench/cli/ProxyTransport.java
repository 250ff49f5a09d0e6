package dev.kubebench.cli;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.collector.telemetry.PrometheusTransport;
import dev.kubebench.runner.kubernetes.ServiceProxy;
import java.io.IOException;

/**
 * The collector's Prometheus transport through the runner's API-server service proxy: the CLI is where the two meet
 * (the collector knows no fabric8, the runner no collector).
 */
final class ProxyTransport implements PrometheusTransport {
    private final ServiceProxy proxy;
    private final CollectSpec.Service service;

    ProxyTransport(ServiceProxy proxy, CollectSpec.Service service) {
        this.proxy = proxy;
        this.service = service;
    }

    @Override
    public Answer get(String pathAndQuery) throws IOException, InterruptedException {
        ServiceProxy.Answer a = proxy.get(service.namespace(), service.name(), service.port(), pathAndQuery);
        return new Answer(a.status(), a.body());
    }

    @Override
    public String source() {
        return proxy.describe(service.namespace(), service.name(), service.port());
    }
}
